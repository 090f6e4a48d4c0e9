import { useCallback, useRef, useState } from 'react';
import type { RosterImportReport } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { createIdempotencyKey } from '@/api/client';
import type { PickedFile } from '@/api/file-transfer';
import { commitRoster, dryRunRoster, exportRoster } from '@/api/roster';
import { useRetryKey } from '@/hooks/use-retry-key';
import { confirmAction } from '@/services/confirm';
import { toast } from '@/services/toast';

export type Busy = 'dry_run' | 'commit' | 'export' | null;

/** What a commit would do with the current ticks, for the button's summary and the confirmation. */
export interface CommitPlan {
  create: number;
  update: number;
  transfers: number;
  skippedTransfers: number;
  errors: number;
  /** Nothing would change: no new, updated or confirmed rows. */
  empty: boolean;
}

export function commitPlan(report: RosterImportReport, confirmed: ReadonlySet<number>): CommitPlan {
  const transfers = report.rows.filter((row) => row.outcome === 'transfer' && confirmed.has(row.row)).length;
  const { create, update, transfer, error } = report.counts;
  return {
    create,
    update,
    transfers,
    skippedTransfers: transfer - transfers,
    errors: error,
    empty: create + update + transfers === 0,
  };
}

export function describePlan(plan: CommitPlan): string {
  const parts = [`新增 ${plan.create} 人`, `更新 ${plan.update} 人`, `转单位 ${plan.transfers} 人`];
  const skipped: string[] = [];
  if (plan.errors > 0) skipped.push(`有错误的 ${plan.errors} 行`);
  if (plan.skippedTransfers > 0) skipped.push(`未勾选的 ${plan.skippedTransfers} 个转单位`);
  return `将${parts.join('、')}。${skipped.length > 0 ? `${skipped.join('和')}不会导入。` : ''}`;
}

/**
 * Choose a file → dry run (the server writes nothing) → read the report, tick the transfers to apply → commit the
 * same file. A new file starts over; a retried upload reuses its Idempotency-Key.
 */
export function useRosterImport() {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [dryRun, setDryRun] = useState<RosterImportReport | null>(null);
  const [result, setResult] = useState<RosterImportReport | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(() => new Set());
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const busyRef = useRef<Busy>(null);
  const dryRunKey = useRef<string | null>(null);
  // Committing the same rows again after a failure reuses the key, so a commit that did land is not applied twice.
  const { keyFor: commitKeyFor, reset: resetCommitKey } = useRetryKey();

  const start = (what: 'dry_run' | 'commit'): boolean => {
    if (busyRef.current) return false;
    busyRef.current = what;
    setBusy(what);
    setError(null);
    return true;
  };
  const finish = (): void => {
    busyRef.current = null;
    setBusy(null);
  };

  const pick = useCallback((picked: PickedFile): void => {
    if (busyRef.current) return;
    setFile(picked);
    setDryRun(null);
    setResult(null);
    setConfirmed(new Set());
    setError(null);
    dryRunKey.current = createIdempotencyKey();
    resetCommitKey();
  }, [resetCommitKey]);

  const check = useCallback(async (): Promise<void> => {
    if (!file || !start('dry_run')) return;
    try {
      const report = await dryRunRoster(file, dryRunKey.current ?? undefined);
      // Only a failed attempt is retried with the same key; 重新预检 after a success checks afresh.
      dryRunKey.current = createIdempotencyKey();
      setDryRun(report);
      setConfirmed(new Set());
      resetCommitKey();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      finish();
    }
  }, [file, resetCommitKey]);

  const toggleTransfer = useCallback((row: number): void => {
    setConfirmed((current) => {
      const next = new Set(current);
      if (next.has(row)) next.delete(row);
      else next.add(row);
      return next;
    });
  }, []);

  const setAllTransfers = useCallback(
    (all: boolean): void => {
      const rows = dryRun ? dryRun.rows.filter((row) => row.outcome === 'transfer').map((row) => row.row) : [];
      setConfirmed(new Set(all ? rows : []));
    },
    [dryRun],
  );

  const commit = useCallback(async (): Promise<void> => {
    if (!file || !dryRun || busyRef.current) return;
    const plan = commitPlan(dryRun, confirmed);
    if (plan.empty) return;
    if (!(await confirmAction('确认导入', `${describePlan(plan)}确定导入吗？`, '导入'))) return;
    if (!start('commit')) return;
    const rows = [...confirmed].sort((a, b) => a - b);
    const key = commitKeyFor(rows.join(','));
    try {
      const report = await commitRoster(file, rows, key);
      setResult(report);
      toast('导入完成');
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      finish();
    }
  }, [file, dryRun, confirmed, commitKeyFor]);

  const restart = useCallback((): void => {
    if (busyRef.current) return;
    setFile(null);
    setDryRun(null);
    setResult(null);
    setConfirmed(new Set());
    setError(null);
    dryRunKey.current = null;
    resetCommitKey();
  }, [resetCommitKey]);

  const download = useCallback(async (fullPhones: boolean): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = 'export';
    setBusy('export');
    setExportError(null);
    try {
      await exportRoster(fullPhones ? 'full' : 'masked');
    } catch (caught) {
      setExportError(asApiError(caught));
    } finally {
      finish();
    }
  }, []);

  return {
    file,
    dryRun,
    result,
    confirmed,
    busy,
    error,
    exportError,
    pick,
    check,
    toggleTransfer,
    setAllTransfers,
    commit,
    restart,
    download,
  };
}
