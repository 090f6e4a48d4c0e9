import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RosterImportReport, RosterRowIssue, RosterRowOutcome, RosterRowReport } from '@pioneer/shared-types';

// Response classes exist for the OpenAPI document; `implements` keeps them in step with shared-types.
const OUTCOMES: RosterRowOutcome[] = ['create', 'update', 'unchanged', 'transfer', 'error'];

export class RosterRowIssueDto implements RosterRowIssue {
  @ApiProperty() row: number;
  @ApiProperty({ enum: ['memberId', 'name', 'phone', 'unit', 'branch', 'status'] }) field: string;
  @ApiProperty({ example: '手机号格式不正确' }) reason: string;
}

export class RosterRowReportDto implements RosterRowReport {
  @ApiProperty() row: number;
  @ApiProperty({ enum: OUTCOMES }) outcome: RosterRowOutcome;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '139****5678' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty({ type: String, nullable: true }) branchName: string | null;
  @ApiProperty({ type: String, nullable: true }) memberId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) fromUnitName?: string | null;
  @ApiPropertyOptional() transferApplied?: boolean;
  @ApiProperty({ type: [RosterRowIssueDto] }) issues: RosterRowIssueDto[];
}

export class RosterCountsDto implements Record<RosterRowOutcome, number> {
  @ApiProperty() create: number;
  @ApiProperty() update: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() transfer: number;
  @ApiProperty() error: number;
}

export class RosterColumnDto {
  @ApiProperty() header: string;
  @ApiProperty({ type: String, nullable: true }) field: string | null;
}

export class RosterImportReportDto implements RosterImportReport {
  @ApiProperty({ type: String, nullable: true }) importId: string | null;
  @ApiProperty({ enum: ['dry_run', 'commit'] }) mode: 'dry_run' | 'commit';
  @ApiProperty() fileName: string;
  @ApiProperty() totalRows: number;
  @ApiProperty({ type: RosterCountsDto }) counts: RosterCountsDto;
  @ApiProperty({ type: [RosterColumnDto] }) columns: RosterColumnDto[];
  @ApiProperty({ type: [RosterRowReportDto] }) rows: RosterRowReportDto[];
}
