import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import {
  SERVICE_FLAG_LABELS,
  SERVICE_FLAGS,
  SERVICE_RECORD_STATUS_LABELS,
  type ServiceCorrectionRequest,
  type ServiceDecisionRequest,
  type ServiceDecisionResponse,
  type ServiceFlag,
  type ServiceQueueQuery,
  type ServiceRecordView,
} from '@pioneer/shared-types';
import { correctService, decideServices, listServiceQueue, undoServiceDecision } from '@/api/services';
import { useRefreshOnShow } from '@/hooks/use-api';
import { useFormErrors } from '@/hooks/use-form-errors';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import { HOURS_RULE, parseHours } from '../../shared/hours';

export const QUEUE_PAGE_SIZE = 20;

export type QueueStatus = NonNullable<ServiceQueueQuery['status']>;
export const QUEUE_STATUSES: { value: QueueStatus; label: string }[] = (
  ['pending', 'open', 'confirmed', 'rejected'] as const
).map((value) => ({ value, label: SERVICE_RECORD_STATUS_LABELS[value] }));

/** '' any record; 'any' a record with at least one flag; or one flag. */
export type FlagFilter = '' | 'any' | ServiceFlag;
export const FLAG_OPTIONS: { value: FlagFilter; label: string }[] = [
  { value: '', label: '不限标记' },
  { value: 'any', label: '有标记' },
  ...SERVICE_FLAGS.map((flag) => ({ value: flag, label: SERVICE_FLAG_LABELS[flag] })),
];

/** '' every day; 'today'; 'week' (Monday to today); or one day YYYY-MM-DD. */
export type DayFilter = string;
/** How far back a single day can be picked: the queue rarely holds anything older. */
const PICKABLE_DAYS = 30;

export interface QueueFilters {
  /** '' for all of the worker's communities. */
  communityId: string;
  status: QueueStatus;
  flag: FlagFilter;
  day: DayFilter;
}

/** YYYY-MM-DD of the phone's calendar day (the district and its phones are on Beijing time). */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The service-day range a day filter stands for. */
export function dayRange(day: DayFilter, now: Date = new Date()): { dateFrom?: string; dateTo?: string } {
  if (day === '') return {};
  if (day === 'today') return { dateFrom: dayKey(now), dateTo: dayKey(now) };
  if (day === 'week') {
    const monday = new Date(now);
    monday.setDate(now.getDate() - ((now.getDay() + 6) % 7));
    return { dateFrom: dayKey(monday), dateTo: dayKey(now) };
  }
  return { dateFrom: day, dateTo: day };
}

export function dayOptions(now: Date = new Date()): { value: DayFilter; label: string }[] {
  const picked: { value: DayFilter; label: string }[] = [];
  for (let back = 1; back < PICKABLE_DAYS; back++) {
    const day = new Date(now);
    day.setDate(now.getDate() - back);
    picked.push({ value: dayKey(day), label: `${day.getMonth() + 1}月${day.getDate()}日` });
  }
  return [{ value: '', label: '不限日期' }, { value: 'today', label: '今天' }, { value: 'week', label: '本周' }, ...picked];
}

/** What happened to a row after the worker acted on it, shown on that row. */
export interface RowResult {
  ok: boolean;
  text: string;
}

/**
 * Hours count only when both ends are verified: an end not scanned, or any time that rests on the phone's word (an
 * offline claim, even one with codes), needs the worker to vouch for the hours.
 */
export function needsHours(record: ServiceRecordView): boolean {
  return record.endVerification !== 'code' || record.offlineClaim;
}

/** Pending, and not the worker's own: the server refuses to let anyone confirm their own service. */
export function isDecidable(record: ServiceRecordView, viewerId: string): boolean {
  return record.status === 'pending' && record.member.id !== viewerId;
}

/** The decider may still take the decision back. */
export function canUndo(record: ServiceRecordView, now: number = Date.now()): boolean {
  return record.undoableUntil !== null && new Date(record.undoableUntil).getTime() > now;
}

/** Decided, not the worker's own, and no longer undoable: a correction with a reason. */
export function canCorrect(record: ServiceRecordView, viewerId: string, now: number = Date.now()): boolean {
  return (record.status === 'confirmed' || record.status === 'rejected') && record.member.id !== viewerId && !canUndo(record, now);
}

const HOURS_FIELDS = ['hours.*'] as const;
const CORRECTION_FIELDS = ['decision', 'hours', 'reason'] as const;

export function useQueue(viewerId: string) {
  const [filters, setFilters] = useState<QueueFilters>({ communityId: '', status: 'pending', flag: '', day: '' });
  const list = usePagedList<ServiceRecordView>((page) =>
    listServiceQueue({
      communityId: filters.communityId || undefined,
      status: filters.status,
      flagged: filters.flag === 'any' ? true : undefined,
      flag: filters.flag !== '' && filters.flag !== 'any' ? filters.flag : undefined,
      ...dayRange(filters.day),
      page,
      pageSize: QUEUE_PAGE_SIZE,
    }),
  );
  const { reload, restart, update } = list;
  const items = list.items;

  const [results, setResults] = useState<Record<string, RowResult>>({});
  // A fresh read of the list shows rows as they are now: results of earlier actions no longer apply.
  const refresh = useCallback(async () => {
    setResults({});
    await reload();
  }, [reload]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setResults({});
    void restart();
  }, [filters, restart]);

  // The undo action disappears by itself once its window has passed.
  const [now, setNow] = useState(() => Date.now());
  const anyUndoable = items.some((record) => record.undoableUntil !== null);
  useEffect(() => {
    if (!anyUndoable) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [anyUndoable]);

  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [hours, setHours] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** The records a reject dialog is open for (one row, or the selection). */
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [correcting, setCorrecting] = useState<ServiceRecordView | null>(null);

  const decidableIds = useMemo(
    () => items.filter((record) => isDecidable(record, viewerId)).map((record) => record.id),
    [items, viewerId],
  );

  // New rows: keep only choices still possible, and suggest the server's hours where the worker must vouch for them
  // (they can change it; an empty box is left when the times suggest nothing).
  useEffect(() => {
    const decidable = new Set(decidableIds);
    setSelected((current) => current.filter((id) => decidable.has(id)));
    setHours((current) => {
      const next: Record<string, string> = {};
      for (const record of items) {
        if (!needsHours(record) || !decidable.has(record.id)) continue;
        next[record.id] = current[record.id] ?? (record.proposedHours > 0 ? String(record.proposedHours) : '');
      }
      return next;
    });
  }, [items, decidableIds]);

  const change = useCallback((patch: Partial<QueueFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setSelected([]);
    setFormError(null);
  }, []);

  const toggleSelecting = useCallback(() => {
    setSelecting((on) => !on);
    setSelected([]);
    setFormError(null);
  }, []);

  const toggle = useCallback((id: string) => {
    setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
    setFormError(null);
  }, []);

  const allSelected = decidableIds.length > 0 && decidableIds.every((id) => selected.includes(id));
  const toggleAll = useCallback(() => {
    setSelected(allSelected ? [] : decidableIds);
    setFormError(null);
  }, [allSelected, decidableIds]);

  const decide = useSubmit((key: string, body: ServiceDecisionRequest) => decideServices(body, key));
  const hourErrors = useFormErrors(decide.error, HOURS_FIELDS);
  const { clear: clearHourError, setLocal: setLocalHourErrors } = hourErrors;

  const setHoursFor = useCallback(
    (id: string, value: string) => {
      setHours((current) => ({ ...current, [id]: value }));
      clearHourError(`hours.${id}`);
    },
    [clearHourError],
  );

  const finish = useCallback(
    (decision: ServiceDecisionRequest['decision'], answer: ServiceDecisionResponse): void => {
      const fresh = new Map((answer.records ?? []).map((record) => [record.id, record]));
      const next: Record<string, RowResult> = {};
      for (const id of answer.decided) next[id] = { ok: true, text: decision === 'confirm' ? '已确认' : '已退回' };
      for (const skip of answer.skipped) next[skip.id] = { ok: false, text: skip.message };
      setResults((current) => ({ ...current, ...next }));
      // Decided rows stay where they are, as they now stand, so the worker sees each result and can undo it.
      update((record) => fresh.get(record.id) ?? record);
      setSelected((current) => current.filter((id) => !answer.decided.includes(id)));
      const verb = decision === 'confirm' ? '确认' : '退回';
      if (answer.skipped.length === 0) toast(`已${verb} ${answer.decided.length} 条`);
      else toast(`已${verb} ${answer.decided.length} 条，${answer.skipped.length} 条未能${verb}`);
    },
    [update],
  );

  const confirm = useCallback(
    async (ids: string[]): Promise<void> => {
      if (ids.length === 0) {
        setFormError('请先勾选要确认的记录');
        return;
      }
      const chosen = items.filter((record) => ids.includes(record.id));
      const given: Record<string, number> = {};
      const local: Record<string, string> = {};
      for (const record of chosen) {
        if (!needsHours(record)) continue;
        const text = hours[record.id] ?? '';
        const value = parseHours(text);
        if (value === null) local[`hours.${record.id}`] = text.trim() === '' ? '请填写核定时长' : HOURS_RULE;
        else given[record.id] = value;
      }
      setLocalHourErrors(local);
      if (Object.keys(local).length > 0) {
        setFormError('签退未扫码的记录需要填写核定时长，请检查标出的记录');
        return;
      }
      setFormError(null);
      const answer = await decide.run({
        ids: chosen.map((record) => record.id),
        decision: 'confirm',
        ...(Object.keys(given).length > 0 ? { hours: given } : {}),
      });
      if (answer) finish('confirm', answer);
    },
    [items, hours, decide, finish, setLocalHourErrors],
  );

  const openReject = useCallback(
    (ids: string[]) => {
      if (ids.length === 0) {
        setFormError('请先勾选要退回的记录');
        return;
      }
      setFormError(null);
      decide.clearError();
      setRejecting(ids);
    },
    [decide],
  );

  const reject = useCallback(
    async (reason: string): Promise<void> => {
      if (!rejecting) return;
      const answer = await decide.run({ ids: rejecting, decision: 'reject', reason });
      if (!answer) return;
      setRejecting(null);
      finish('reject', answer);
    },
    [rejecting, decide, finish],
  );

  const undoSubmit = useSubmit((key: string, id: string) => undoServiceDecision(id, key));
  const [undoingId, setUndoingId] = useState<string | null>(null);
  // A refusal (the window has just passed, someone changed it meanwhile) is shown on the row it concerns.
  const [undoFailedId, setUndoFailedId] = useState<string | null>(null);
  const undo = useCallback(
    async (record: ServiceRecordView): Promise<void> => {
      setUndoingId(record.id);
      setUndoFailedId(null);
      const answer = await undoSubmit.run(record.id);
      setUndoingId(null);
      if (!answer) {
        setUndoFailedId(record.id);
        return;
      }
      update((row) => (row.id === answer.id ? answer : row));
      setResults((current) => ({ ...current, [record.id]: { ok: true, text: '已撤销，记录重新待确认' } }));
    },
    [undoSubmit, update],
  );

  const correctSubmit = useSubmit((key: string, id: string, body: ServiceCorrectionRequest) => correctService(id, body, key));
  const correctionErrors = useFormErrors(correctSubmit.error, CORRECTION_FIELDS);
  const openCorrect = useCallback(
    (record: ServiceRecordView) => {
      correctSubmit.clearError();
      correctionErrors.setLocal({});
      setCorrecting(record);
    },
    [correctSubmit, correctionErrors],
  );
  const submitCorrection = useCallback(
    async (body: ServiceCorrectionRequest): Promise<void> => {
      if (!correcting) return;
      const answer = await correctSubmit.run(correcting.id, body);
      if (!answer) return;
      update((row) => (row.id === answer.id ? answer : row));
      setResults((current) => ({ ...current, [answer.id]: { ok: true, text: '已更正' } }));
      setCorrecting(null);
    },
    [correcting, correctSubmit, update],
  );

  return {
    filters,
    change,
    list,
    items,
    now,
    results,
    selecting,
    toggleSelecting,
    selected,
    toggle,
    allSelected,
    toggleAll,
    decidableCount: decidableIds.length,
    hours,
    hourErrors: hourErrors.errors,
    setHoursFor,
    formError: formError ?? (rejecting ? null : hourErrors.message),
    confirm,
    rejecting,
    openReject,
    closeReject: () => setRejecting(null),
    reject,
    deciding: decide.pending,
    decideError: decide.error,
    undo,
    undoingId,
    undoFailure: undoFailedId && undoSubmit.error ? { id: undoFailedId, message: undoSubmit.error.message } : null,
    correcting,
    openCorrect,
    closeCorrect: () => setCorrecting(null),
    submitCorrection,
    correctionPending: correctSubmit.pending,
    correctionErrors,
  };
}
