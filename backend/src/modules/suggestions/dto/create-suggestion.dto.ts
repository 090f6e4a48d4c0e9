import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SuggestionInput } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../../common/http/text-fields.js';

export const CONTENT_MIN = 5;
export const CONTENT_MAX = 1000;
export const CONTACT_MAX = 50;

// A blank contact means "none", not an error.
const trimToNull = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

export class CreateSuggestionDto implements SuggestionInput {
  @ApiProperty({ minLength: CONTENT_MIN, maxLength: CONTENT_MAX, description: '意见建议内容' })
  @Transform(trim)
  @MaxLength(CONTENT_MAX, { message: `内容不能超过 ${CONTENT_MAX} 个字` })
  @MinLength(CONTENT_MIN, { message: `内容至少需要 ${CONTENT_MIN} 个字，请写得具体一些` })
  @IsString({ message: '请填写意见建议的内容' })
  content: string;

  @ApiPropertyOptional({ default: false, description: '匿名后，处理人员看不到提交人的姓名' })
  @IsOptional()
  @IsBoolean({ message: '是否匿名应为是或否' })
  anonymous?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CONTACT_MAX, description: '手机号或其他联系方式' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(CONTACT_MAX, { message: `联系方式不能超过 ${CONTACT_MAX} 个字` })
  @IsString({ message: '联系方式应为文字' })
  contact?: string | null;
}
