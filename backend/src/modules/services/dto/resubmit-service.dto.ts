import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES, type ServiceResubmitRequest, type ServiceType } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { HOURS_REASON_MAX } from '../hours-rules.js';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, trimText } from './end-service.dto.js';

export class ResubmitServiceDto implements ServiceResubmitRequest {
  @ApiProperty({ enum: SERVICE_TYPES })
  @IsIn(SERVICE_TYPES, { message: '请选择服务类型' })
  serviceType: ServiceType;

  @ApiProperty({ minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX, description: '服务内容' })
  @Transform(trimText)
  @MaxLength(DESCRIPTION_MAX, { message: `服务内容不能超过 ${DESCRIPTION_MAX} 个字` })
  @MinLength(DESCRIPTION_MIN, { message: `服务内容至少 ${DESCRIPTION_MIN} 个字，请写得具体一些` })
  @IsString({ message: '请填写服务内容' })
  description: string;

  @ApiProperty({ description: '申报时长（0.5 小时一档）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '请填写申报时长' })
  proposedHours: number;

  @ApiPropertyOptional({ maxLength: HOURS_REASON_MAX, description: '申报时长超过实际时长时必填：说明原因' })
  @IsOptional()
  @Transform(trimText)
  @MaxLength(HOURS_REASON_MAX, { message: `说明不能超过 ${HOURS_REASON_MAX} 个字` })
  @IsString({ message: '说明应为文字' })
  hoursReason?: string;
}
