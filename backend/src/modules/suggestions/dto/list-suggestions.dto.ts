import { ApiPropertyOptional } from '@nestjs/swagger';
import { SUGGESTION_STATUSES, type SuggestionListQuery, type SuggestionStatus } from '@pioneer/shared-types';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

export class SuggestionListQueryDto extends PageQueryDto implements SuggestionListQuery {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES, { message: '状态只能是已提交、处理中、已答复或已办完' })
  status?: SuggestionStatus;
}
