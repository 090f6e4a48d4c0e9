import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Page, SUGGESTION_STATUSES, type SuggestionStatus, type SuggestionView } from '@pioneer/shared-types';

// Response classes exist for the OpenAPI document; `implements` keeps them in step with shared-types.
export class SuggestionViewDto implements SuggestionView {
  @ApiProperty() id: string;
  @ApiProperty() content: string;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status: SuggestionStatus;
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) repliedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: '匿名时、或本人查看时为空' }) authorName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '仅在按编号查看时返回；匿名时从不返回' })
  contact?: string | null;
}

export class SuggestionPageDto implements Page<SuggestionView> {
  @ApiProperty({ type: [SuggestionViewDto] }) items: SuggestionViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
