import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ServiceQueueQuery, SERVICE_RECORD_STATUSES, type ServiceRecordStatus } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

const STATUS_MESSAGE = '状态只能是进行中、待确认、已确认或未通过';

export class MyServicesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SERVICE_RECORD_STATUSES })
  @IsOptional()
  @IsIn(SERVICE_RECORD_STATUSES, { message: STATUS_MESSAGE })
  status?: ServiceRecordStatus;
}

export class ServiceQueueQueryDto extends PageQueryDto implements ServiceQueueQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '社区编号无效' })
  communityId?: string;

  @ApiPropertyOptional({ enum: SERVICE_RECORD_STATUSES, description: '不填则列出全部状态' })
  @IsOptional()
  @IsIn(SERVICE_RECORD_STATUSES, { message: STATUS_MESSAGE })
  status?: ServiceRecordStatus;

  @ApiPropertyOptional({ description: 'true：只看带可疑标记的记录；false：只看没有标记的' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'flagged 只能是 true 或 false' })
  flagged?: boolean;
}

export class CheckinCodeQueryDto {
  @ApiProperty()
  @IsUUID('all', { message: '请选择社区' })
  communityId: string;
}
