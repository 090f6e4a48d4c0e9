import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RosterExportQuery, RosterImportQuery } from '@pioneer/shared-types';
import { IsIn, IsOptional } from 'class-validator';

const MODES = ['dry_run', 'commit'] as const;
const PHONES = ['full', 'masked'] as const;

export class RosterImportQueryDto implements RosterImportQuery {
  @ApiProperty({ enum: MODES, description: 'dry_run: report only, nothing written; commit: apply the valid rows' })
  @IsIn(MODES, { message: 'mode 必须是 dry_run（预览）或 commit（导入）' })
  mode: (typeof MODES)[number];
}

export class RosterExportQueryDto implements RosterExportQuery {
  @ApiPropertyOptional({ enum: PHONES, default: 'full', description: 'masked: phone numbers shown as 138****1234' })
  @IsOptional()
  @IsIn(PHONES, { message: 'phones 必须是 full（完整）或 masked（隐藏中间四位）' })
  phones?: (typeof PHONES)[number];
}
