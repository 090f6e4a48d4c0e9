import type { RosterExportQuery, RosterImportQuery, RosterImportReport } from '@pioneer/shared-types';
import { downloadFile, uploadFile, type PickedFile } from './file-transfer';

const IMPORT_PATH = '/api/v1/roster/import';

function importPath(mode: RosterImportQuery['mode']): string {
  return `${IMPORT_PATH}?mode=${mode}`;
}

/** Checks the file row by row; the server writes nothing. */
export function dryRunRoster(file: PickedFile, idempotencyKey?: string): Promise<RosterImportReport> {
  return uploadFile<RosterImportReport>(importPath('dry_run'), file, { idempotencyKey });
}

/**
 * Applies the file's valid rows. A transfer to another unit is applied only when its row number is listed in
 * `confirmTransfers`, which the organizer ticked after the dry run.
 */
export function commitRoster(
  file: PickedFile,
  confirmTransfers: readonly number[],
  idempotencyKey?: string,
): Promise<RosterImportReport> {
  return uploadFile<RosterImportReport>(importPath('commit'), file, {
    fields: { confirmTransfers: JSON.stringify([...confirmTransfers].sort((a, b) => a - b)) },
    idempotencyKey,
  });
}

export const ROSTER_EXPORT_NAME = '党员名册.xlsx';

/** The roster of the caller's scope as xlsx; the server audits every export, full numbers only when asked for. */
export function exportRoster(phones: NonNullable<RosterExportQuery['phones']>): Promise<void> {
  return downloadFile(`/api/v1/roster/export?phones=${phones}`, ROSTER_EXPORT_NAME, 'xlsx');
}
