/** Roster import: a dry run reports row by row; a commit applies all valid rows in one transaction. */
export type RosterRowOutcome = 'create' | 'update' | 'unchanged' | 'transfer' | 'error';

export interface RosterRowIssue {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  field: string;
  /** In Chinese: 手机号格式不正确, 单位不存在, 文件内重复, … */
  reason: string;
}

export interface RosterRowReport {
  row: number;
  outcome: RosterRowOutcome;
  name: string;
  /** Masked in the report. */
  phone: string | null;
  unitName: string | null;
  branchName: string | null;
  memberId: string | null;
  /** For `transfer`: the unit the member is in now. */
  fromUnitName?: string | null;
  /** For `transfer` in a commit: true when the row was listed in confirmTransfers and applied, false when left as is. */
  transferApplied?: boolean;
  issues: RosterRowIssue[];
}

export interface RosterImportReport {
  importId: string | null;
  mode: 'dry_run' | 'commit';
  fileName: string;
  totalRows: number;
  counts: Record<RosterRowOutcome, number>;
  /** Which column header was recognised as which field. */
  columns: Array<{ header: string; field: string | null }>;
  rows: RosterRowReport[];
}

/** Transfers are never applied by an import unless their rows are listed here after the organizer confirmed them. */
export interface RosterCommitOptions {
  confirmTransfers?: number[];
}

/** `POST /roster/import?mode=…`: a dry run writes nothing; a commit applies the valid rows. */
export interface RosterImportQuery {
  mode: RosterImportReport['mode'];
}

/** `GET /roster/export`: full phone numbers by default (audited); `masked` gives a file safe to pass around. */
export interface RosterExportQuery {
  phones?: 'full' | 'masked';
}
