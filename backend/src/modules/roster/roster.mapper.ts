import type { RosterImportReport, RosterRowOutcome, RosterRowReport } from '@pioneer/shared-types';
import type { ColumnMap } from './file/roster-columns.js';
import type { PlannedRow } from './roster-planner.js';

export interface ReportInput {
  importId: string | null;
  mode: RosterImportReport['mode'];
  fileName: string;
  columns: ColumnMap['columns'];
  plan: PlannedRow[];
  /** Commit only: the transfer rows that were confirmed and applied. */
  appliedTransfers: Set<number> | null;
}

export function mapRosterRow(p: PlannedRow, appliedTransfers: Set<number> | null): RosterRowReport {
  const row: RosterRowReport = {
    row: p.row,
    outcome: p.outcome,
    name: p.name,
    phone: p.phoneShown,
    unitName: p.unit?.name ?? (p.unitText || null),
    branchName: p.branch?.name ?? (p.branchText || null),
    // An error row may have matched someone outside the organizer's reach; their id is not given away.
    memberId: p.outcome === 'error' ? null : (p.member?.id ?? null),
    issues: p.issues,
  };
  if (p.outcome === 'transfer') {
    row.fromUnitName = p.fromUnit?.name ?? null;
    if (appliedTransfers) row.transferApplied = appliedTransfers.has(p.row);
  }
  return row;
}

export function mapRosterReport(input: ReportInput): RosterImportReport {
  const counts: Record<RosterRowOutcome, number> = { create: 0, update: 0, unchanged: 0, transfer: 0, error: 0 };
  for (const p of input.plan) counts[p.outcome]++;
  return {
    importId: input.importId,
    mode: input.mode,
    fileName: input.fileName,
    totalRows: input.plan.length,
    counts,
    columns: input.columns.map((c) => ({ header: c.header, field: c.field })),
    rows: input.plan.map((p) => mapRosterRow(p, input.appliedTransfers)),
  };
}
