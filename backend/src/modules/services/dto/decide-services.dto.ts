import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ServiceDecisionRequest, ServiceDecisionResponse } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { isHalfHourStep } from '../hours.js';
import { ServiceRecordViewDto } from './service-views.dto.js';
import { trimText } from './end-service.dto.js';

export const DECISIONS = ['confirm', 'reject'] as const;
export const MAX_DECISIONS = 100;
export const REASON_MAX = 200;

/** `{ "<recordId>": hours }` with hours in 0.5 steps above 0; the daily ceiling is checked by the service. */
function IsHoursMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHoursMap',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((h) => typeof h === 'number' && h > 0 && h <= 24 && isHalfHourStep(h)),
      },
    },
    options,
  );
}

export class DecideServicesDto implements ServiceDecisionRequest {
  @ApiProperty({ type: [String], maxItems: MAX_DECISIONS, description: '要确认或退回的记录编号，可一次多条' })
  @ArrayUnique({ message: '记录编号不能重复' })
  @IsUUID('all', { each: true, message: '记录编号无效' })
  @ArrayMaxSize(MAX_DECISIONS, { message: `一次最多处理 ${MAX_DECISIONS} 条记录` })
  @ArrayMinSize(1, { message: '请选择要处理的记录' })
  @IsArray({ message: '请选择要处理的记录' })
  ids: string[];

  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: '处理结果只能是确认或退回' })
  decision: 'confirm' | 'reject';

  @ApiPropertyOptional({ maxLength: REASON_MAX, description: '退回时必填，会告知党员本人' })
  @Transform(trimText)
  @ValidateIf((o: DecideServicesDto) => o.decision === 'reject' || o.reason !== undefined)
  @MaxLength(REASON_MAX, { message: `理由不能超过 ${REASON_MAX} 个字` })
  @NotBlank()
  @IsString({ message: '退回时请填写理由' })
  reason?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '签退未经扫码核验的记录，由社区工作者核定时长（按 0.5 小时计）：{ 记录编号: 小时 }',
  })
  @IsOptional()
  @IsHoursMap({ message: '核定时长应按 0.5 小时计，且大于 0' })
  @IsObject({ message: '核定时长格式不正确' })
  hours?: Record<string, number>;
}

/** A reject's reason must say something: blank text is not a reason. */
function NotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'notBlank',
    validator: { validate: (value: unknown) => typeof value !== 'string' || value.length > 0, defaultMessage: () => '退回时请填写理由' },
  });
}

export class SkippedDecisionDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'FORBIDDEN, ALREADY_DECIDED, OWN_RECORD, NOT_FOUND, CONFLICT or VALIDATION_FAILED' }) code: string;
  @ApiProperty() message: string;
}

export class ServiceDecisionResponseDto implements ServiceDecisionResponse {
  @ApiProperty({ type: [String] }) decided: string[];
  @ApiProperty({ type: [SkippedDecisionDto], description: '未能处理的记录及原因（不在范围内、已处理、本人记录……）' })
  skipped: SkippedDecisionDto[];
  @ApiPropertyOptional({ type: [ServiceRecordViewDto], description: '已处理的记录（含可撤销的截止时间）' })
  records?: ServiceRecordViewDto[];
}
