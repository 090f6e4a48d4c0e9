import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import {
  SERVICE_RECORD_STATUS_LABELS,
  type ServiceDecisionRequest,
  type ServiceDecisionResponse,
  type ServiceQueueQuery,
  type ServiceRecordView,
} from '@pioneer/shared-types';
import { decideServices, listServiceQueue } from '@/api/services';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import { formatSpan } from '@/format/date-time';
import { HOURS_RULE, parseHours } from '../../shared/hours';

export const QUEUE_PAGE_SIZE = 20;

export type QueueStatus = NonNullable<ServiceQueueQuery['status']>;
export const QUEUE_STATUSES: { value: QueueStatus; label: string }[] = (
  ['pending', 'open', 'confirmed', 'rejected'] as const
).map((value) => ({ value, label: SERVICE_RECORD_STATUS_LABELS[value] }));

export interface QueueFilters {
  /** '' for all of the worker's communities. */
  communityId: string;
  status: QueueStatus;
  flagged: boolean;
  page: number;
}

export interface DecisionResult {
  decision: ServiceDecisionRequest['decision'];
  decided: number;
  /** Each record that could not be decided, named so the worker can find it. */
  skipped: { id: string; label: string; message: string }[];
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

function recordLabel(record: ServiceRecordView | undefined): string {
  return record ? `${record.member.name} ${formatSpan(record.startedAt, record.endedAt)}` : '一条记录';
}

export function useQueue(viewerId: string) {
  const [filters, setFilters] = useState<QueueFilters>({ communityId: '', status: 'pending', flagged: false, page: 1 });
  const list = useQuery(
    () =>
      listServiceQueue({
        communityId: filters.communityId || undefined,
        status: filters.status,
        flagged: filters.flagged || undefined,
        page: filters.page,
        pageSize: QUEUE_PAGE_SIZE,
      }),
    [filters],
    { refreshOnShow: true },
  );
  const reloadList = list.reload;
  usePullDownRefresh(() => {
    void reloadList().finally(() => Taro.stopPullDownRefresh());
  });

  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const [selected, setSelected] = useState<string[]>([]);
  const [hours, setHours] = useState<Record<string, string>>({});
  const [hourErrors, setHourErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<DecisionResult | null>(null);
  const [rejecting, setRejecting] = useState(false);

  // A new page of the list: keep only choices still possible, and suggest the server's hours where the worker must
  // vouch for them (they can change it; an empty box is left when the times suggest nothing).
  useEffect(() => {
    const decidable = new Set(items.filter((record) => isDecidable(record, viewerId)).map((record) => record.id));
    setSelected((current) => current.filter((id) => decidable.has(id)));
    setHours((current) => {
      const next: Record<string, string> = {};
      for (const record of items) {
        if (!needsHours(record) || !decidable.has(record.id)) continue;
        next[record.id] = current[record.id] ?? (record.proposedHours > 0 ? String(record.proposedHours) : '');
      }
      return next;
    });
    setHourErrors({});
  }, [items, viewerId]);

  const change = useCallback((patch: Partial<QueueFilters>) => {
    setFilters((current) => ({ ...current, page: 1, ...patch }));
    setSelected([]);
    setFormError(null);
  }, []);

  const toggle = useCallback((id: string) => {
    setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
    setFormError(null);
  }, []);

  const decidableIds = useMemo(
    () => items.filter((record) => isDecidable(record, viewerId)).map((record) => record.id),
    [items, viewerId],
  );
  const allSelected = decidableIds.length > 0 && decidableIds.every((id) => selected.includes(id));
  const toggleAll = useCallback(() => {
    setSelected(allSelected ? [] : decidableIds);
    setFormError(null);
  }, [allSelected, decidableIds]);

  const setHoursFor = useCallback((id: string, value: string) => {
    setHours((current) => ({ ...current, [id]: value }));
    setHourErrors((current) => {
      const rest = { ...current };
      delete rest[id];
      return rest;
    });
  }, []);

  const decide = useSubmit((key: string, body: ServiceDecisionRequest) => decideServices(body, key));

  const finish = useCallback(
    async (decision: ServiceDecisionRequest['decision'], answer: ServiceDecisionResponse): Promise<void> => {
      const byId = new Map(items.map((record) => [record.id, record]));
      setResult({
        decision,
        decided: answer.decided.length,
        skipped: answer.skipped.map((skip) => ({ id: skip.id, label: recordLabel(byId.get(skip.id)), message: skip.message })),
      });
      setSelected([]);
      if (answer.decided.length > 0) toast(decision === 'confirm' ? '已确认' : '已退回');
      await reloadList();
    },
    [items, reloadList],
  );

  const confirm = useCallback(async (): Promise<void> => {
    if (selected.length === 0) {
      setFormError('请先勾选要确认的记录');
      return;
    }
    const chosen = items.filter((record) => selected.includes(record.id));
    const given: Record<string, number> = {};
    const errors: Record<string, string> = {};
    for (const record of chosen) {
      if (!needsHours(record)) continue;
      const value = parseHours(hours[record.id] ?? '');
      if (value === null) errors[record.id] = (hours[record.id] ?? '').trim() === '' ? '请填写核定时长' : HOURS_RULE;
      else given[record.id] = value;
    }
    setHourErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFormError('签退未扫码的记录需要填写核定时长，请检查标出的记录');
      return;
    }
    setFormError(null);
    setResult(null);
    const body: ServiceDecisionRequest = {
      ids: chosen.map((record) => record.id),
      decision: 'confirm',
      ...(Object.keys(given).length > 0 ? { hours: given } : {}),
    };
    const answer = await decide.run(body);
    if (answer) await finish('confirm', answer);
  }, [selected, items, hours, decide, finish]);

  const openReject = useCallback(() => {
    if (selected.length === 0) {
      setFormError('请先勾选要退回的记录');
      return;
    }
    setFormError(null);
    decide.clearError();
    setRejecting(true);
  }, [selected, decide]);

  const reject = useCallback(
    async (reason: string): Promise<void> => {
      setResult(null);
      const ids = items.filter((record) => selected.includes(record.id)).map((record) => record.id);
      const answer = await decide.run({ ids, decision: 'reject', reason });
      if (!answer) return;
      setRejecting(false);
      await finish('reject', answer);
    },
    [items, selected, decide, finish],
  );

  return {
    filters,
    change,
    setPage: (page: number) => setFilters((current) => ({ ...current, page })),
    list,
    items,
    selected,
    toggle,
    allSelected,
    toggleAll,
    decidableCount: decidableIds.length,
    hours,
    hourErrors,
    setHoursFor,
    formError,
    result,
    dismissResult: () => setResult(null),
    confirm,
    rejecting,
    openReject,
    closeReject: () => setRejecting(false),
    reject,
    deciding: decide.pending,
    decideError: decide.error,
  };
}
