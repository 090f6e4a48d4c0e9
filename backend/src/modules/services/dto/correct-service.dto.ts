import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ServiceCorrectionRequest } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { isHalfHourStep } from '../hours.js';
import { DECISIONS, REASON_MAX } from './decide-services.dto.js';
import { trimText } from './end-service.dto.js';

export const CORRECTION_REASON_MIN = 2;

export class CorrectServiceDto implements ServiceCorrectionRequest {
  @ApiProperty({ enum: DECISIONS, description: '更正后的结果：确认或退回' })
  @IsIn(DECISIONS, { message: '更正结果只能是确认或退回' })
  decision: 'confirm' | 'reject';

  @ApiPropertyOptional({ description: '确认时计入的时长（按 0.5 小时计）；不填则沿用原时长或签到签退时间' })
  @IsOptional()
  @ValidateBy({ name: 'halfHourStep', validator: { validate: (v: unknown) => typeof v === 'number' && isHalfHourStep(v) } }, {
    message: '时长应按 0.5 小时计',
  })
  @Max(24, { message: '时长不能超过 24 小时' })
  @Min(0.5, { message: '时长至少 0.5 小时' })
  @IsNumber({}, { message: '时长应为数字' })
  hours?: number;

  @ApiProperty({ minLength: CORRECTION_REASON_MIN, maxLength: REASON_MAX, description: '更正理由，会告知党员本人' })
  @Transform(trimText)
  @MaxLength(REASON_MAX, { message: `更正理由不能超过 ${REASON_MAX} 个字` })
  @MinLength(CORRECTION_REASON_MIN, { message: `请填写更正理由（至少 ${CORRECTION_REASON_MIN} 个字）` })
  @IsString({ message: '请填写更正理由' })
  reason: string;
}
