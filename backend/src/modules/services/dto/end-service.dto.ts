import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES, type ServiceEndRequest, type ServiceType } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { HOURS_REASON_MAX } from '../hours-rules.js';
import { IsIn, IsISO8601, IsNumber, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ScannedCodeField, ShortCodeField } from './scanned-code.fields.js';

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 500;

export const trimText = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** What was done: the same two fields, with the same limits, wherever a service record is written. */
export class ServiceContentDto {
  @ApiProperty({ enum: SERVICE_TYPES })
  @IsIn(SERVICE_TYPES, { message: '请选择服务类型' })
  serviceType: ServiceType;

  @ApiProperty({ minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX, description: '服务内容' })
  @Transform(trimText)
  @MaxLength(DESCRIPTION_MAX, { message: `服务内容不能超过 ${DESCRIPTION_MAX} 个字` })
  @MinLength(DESCRIPTION_MIN, { message: `服务内容至少 ${DESCRIPTION_MIN} 个字，请写得具体一些` })
  @IsString({ message: '请填写服务内容' })
  description: string;
}

/** What was done and, when the member asks for more than the visit lasted, why. */
export class ClaimedServiceDto extends ServiceContentDto {
  @ApiPropertyOptional({ maxLength: HOURS_REASON_MAX, description: '申报时长超过实际时长时必填：说明原因' })
  @IsOptional()
  @Transform(trimText)
  @MaxLength(HOURS_REASON_MAX, { message: `说明不能超过 ${HOURS_REASON_MAX} 个字` })
  @IsString({ message: '说明应为文字' })
  hoursReason?: string;
}

export class EndServiceDto extends ClaimedServiceDto implements ServiceEndRequest {
  @ScannedCodeField('签退时再次扫码：签退时间即得到核验，确认时按服务器时长计入', '社区工作者')
  code?: string;

  @ShortCodeField()
  shortCode?: string;

  @ApiPropertyOptional({ format: 'date-time', description: '离线时手机记录的签退时间；此类记录一律交社区工作者审核' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '离线记录的时间格式不正确' })
  offlineClaimedAt?: string;

  @ApiPropertyOptional({ description: '申报时长（0.5 小时一档）；不填则按实际时长（至少 0.5 小时）' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '申报时长应为数字' })
  proposedHours?: number;
}
