import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SERVICE_FLAGS,
  type ServiceFlag,
  type ServiceQueueQuery,
  SERVICE_RECORD_STATUSES,
  type ServiceRecordStatus,
} from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateBy } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

const STATUS_MESSAGE = '状态只能是进行中、待确认、已确认或未通过';

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused, not rolled over into March). */
export function isCalendarDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

function IsCalendarDay(message: string): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDay', validator: { validate: isCalendarDay, defaultMessage: () => message } });
}

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

  @ApiPropertyOptional({ enum: SERVICE_FLAGS, description: '只看带这一标记的记录' })
  @IsOptional()
  @IsIn(SERVICE_FLAGS, { message: '标记类型无效' })
  flag?: ServiceFlag;

  @ApiPropertyOptional({ example: '2026-03-01', description: '服务日期起（含），YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay('开始日期应为有效日期，如 2026-03-01')
  dateFrom?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: '服务日期止（含），YYYY-MM-DD，不早于开始日期' })
  @IsOptional()
  @IsCalendarDay('结束日期应为有效日期，如 2026-03-31')
  dateTo?: string;
}

export class CheckinCodeQueryDto {
  @ApiProperty()
  @IsUUID('all', { message: '请选择社区' })
  communityId: string;
}
