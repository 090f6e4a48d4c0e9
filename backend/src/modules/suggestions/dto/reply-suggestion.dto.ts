import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SuggestionReplyInput } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const REPLY_STATUSES = ['in_progress', 'replied', 'closed'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
export const REPLY_MAX = 1000;

export class ReplySuggestionDto implements SuggestionReplyInput {
  @ApiProperty({ maxLength: REPLY_MAX, description: '答复内容；仅标记“处理中”时可以为空' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(REPLY_MAX, { message: `答复不能超过 ${REPLY_MAX} 个字` })
  @IsString({ message: '请填写答复内容' })
  reply: string;

  @ApiPropertyOptional({ enum: REPLY_STATUSES, default: 'replied' })
  @IsOptional()
  @IsIn(REPLY_STATUSES, { message: '处理状态只能是处理中、已答复或已办完' })
  status?: ReplyStatus;
}
