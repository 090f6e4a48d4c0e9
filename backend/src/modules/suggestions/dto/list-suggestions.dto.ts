import { ApiPropertyOptional } from '@nestjs/swagger';
import { type PageQuery, SUGGESTION_STATUSES, type SuggestionListQuery, type SuggestionStatus } from '@pioneer/shared-types';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/** Query strings arrive as text; @Type turns them into numbers before validation. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: '页码应从 1 开始' })
  @IsInt({ message: '页码应为整数' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条` })
  @Min(1, { message: '每页至少 1 条' })
  @IsInt({ message: '每页条数应为整数' })
  pageSize?: number;
}

export class SuggestionListQueryDto extends PageQueryDto implements SuggestionListQuery {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES, { message: '状态只能是已提交、处理中、已答复或已办结' })
  status?: SuggestionStatus;
}
