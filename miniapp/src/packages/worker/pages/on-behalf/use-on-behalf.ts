import { useCallback, useMemo, useState } from 'react';
import type { Page, RegistrationView, ServiceDayResponse, ServiceOnBehalfRequest, ServiceRecordView, ServiceType } from '@pioneer/shared-types';
import { listRegistrations } from '@/api/registrations';
import { createServicesOnBehalf, getServiceDay } from '@/api/services';
import type { FieldErrors } from '@/api/field-errors';
import { formatClock } from '@/format/date-time';
import { formatHours, roundToHalfHours } from '@/format/hours';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import type { WorkerContext } from '../../shared/communities';
import { atLocalTime, dateKey, defaultTimes } from '../../shared/time-options';

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 500;
export const REASON_MIN = 2;
export const REASON_MAX = 200;
const PAGE_SIZE = 100;
// 1 000 members registered with one community is far beyond any real one; the loop stops there regardless.
const MAX_PAGES = 10;

/** The form's fields as the server names them; `memberIds.<id>` is one member of the sheet. */
export const FORM_FIELDS = ['memberIds', 'memberIds.*', 'startedAt', 'endedAt', 'serviceType', 'description', 'reason'] as const;

export const memberField = (id: string): string => `memberIds.${id}`;

export interface RegisteredMember {
  id: string;
  name: string;
  unitName: string;
}

export interface OnBehalfDraft {
  communityId: string;
  memberIds: string[];
  day: string;
  startTime: string;
  endTime: string;
  serviceType: ServiceType | '';
  description: string;
  reason: string;
}

type DayMember = ServiceDayResponse['members'][number];
type Visit = DayMember['visits'][number];

/** What the chosen day already holds for one member on the sheet, against the chosen times. */
export interface MemberDay {
  /** The day's answer has not arrived yet (or could not be read). */
  known: boolean;
  remaining: number;
  /** Their other visits that day that overlap the chosen times. */
  overlaps: Visit[];
  /** Why this member cannot be entered for these times; undefined when they can. */
  problem?: string;
}

/** Members with an approved registration there: the only ones the server accepts a 补录 for. */
async function approvedMembers(communityId: string, viewerId: string): Promise<RegisteredMember[]> {
  const members = new Map<string, RegisteredMember>();
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result: Page<RegistrationView> = await listRegistrations({ communityId, status: 'approved', page, pageSize: PAGE_SIZE });
    for (const registration of result.items) {
      // A worker may not enter their own service; leaving them out saves a refusal.
      if (registration.member.id === viewerId) continue;
      members.set(registration.member.id, { ...registration.member });
    }
    if (page * result.pageSize >= result.total || result.items.length === 0) break;
  }
  return Array.from(members.values()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The hours the server will credit for these times: the duration to the nearest 0.5 h, as the backend rounds it. */
export function hoursFor(start: Date, end: Date): number {
  return roundToHalfHours(end.getTime() - start.getTime());
}

const visitSpan = (visit: Visit): string => `${formatClock(visit.startedAt)}–${visit.endedAt ? formatClock(visit.endedAt) : '至今'}`;

/**
 * One member's day against the chosen times: the visits that overlap them (a rejected one does not count, an open
 * one runs until now) and whether the hours fit what is left of the daily cap. The server refuses both; saying so
 * beside the member's name before sending saves the round trip and names what to change.
 */
export function memberDay(entry: DayMember | undefined, start: Date | null, end: Date | null, today: boolean, now: Date): MemberDay {
  if (!entry) return { known: false, remaining: 0, overlaps: [] };
  const overlaps =
    start && end && end.getTime() > start.getTime()
      ? entry.visits.filter((visit) => {
          if (visit.status === 'rejected') return false;
          const from = new Date(visit.startedAt).getTime();
          const to = visit.endedAt ? new Date(visit.endedAt).getTime() : now.getTime();
          return from < end.getTime() && to > start.getTime();
        })
      : [];
  const result: MemberDay = { known: true, remaining: entry.remaining, overlaps };
  if (overlaps.length > 0) {
    result.problem = `所选时间与已有记录 ${overlaps.map(visitSpan).join('、')} 重叠，请调整时间或移除该党员`;
  } else if (start && end && end.getTime() > start.getTime()) {
    const hours = hoursFor(start, end);
    const when = today ? '今日' : '当天';
    if (entry.remaining <= 0) result.problem = `${when}已记满 ${formatHours(entry.counted)}，不能再补录`;
    else if (hours > entry.remaining) result.problem = `本次计 ${formatHours(hours)}，超出${when}还可记的 ${formatHours(entry.remaining)}`;
  }
  return result;
}

/** Checks the form as the server would, so a person hears about every missing field at once and before sending. */
export function validate(draft: OnBehalfDraft, now: Date, days: ReadonlyMap<string, MemberDay> = new Map()): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.memberIds.length === 0) errors.memberIds = '请选择要补录的党员';
  if (draft.startTime === '') errors.startedAt = '请选择开始时间';
  if (draft.endTime === '') errors.endedAt = '请选择结束时间';
  const start = atLocalTime(draft.day, draft.startTime);
  const end = atLocalTime(draft.day, draft.endTime);
  if (start && end) {
    if (end.getTime() <= start.getTime()) errors.endedAt = '结束时间应晚于开始时间';
    else if (end.getTime() > now.getTime()) errors.endedAt = '结束时间不能晚于当前时间';
  }
  for (const id of draft.memberIds) {
    const problem = days.get(id)?.problem;
    if (problem) errors[memberField(id)] = problem;
  }
  if (draft.serviceType === '') errors.serviceType = '请选择服务类型';
  const description = draft.description.trim();
  if (description.length < DESCRIPTION_MIN) errors.description = `服务内容至少 ${DESCRIPTION_MIN} 个字，请写得具体一些`;
  if (draft.reason.trim().length < REASON_MIN) errors.reason = '请填写补录原因，如“纸质签到表补录”';
  return errors;
}

function freshDraft(communityId: string): OnBehalfDraft {
  return { communityId, memberIds: [], ...defaultTimes(new Date()), serviceType: '', description: '', reason: '' };
}

export function useOnBehalf(context: WorkerContext) {
  const [draft, setDraft] = useState<OnBehalfDraft>(() => freshDraft(context.communities[0]?.id ?? ''));
  const [done, setDone] = useState<ServiceRecordView[] | null>(null);

  const members = useQuery(() => approvedMembers(draft.communityId, context.me.id), [draft.communityId], {
    enabled: draft.communityId !== '',
  });

  const chosenKey = draft.memberIds.join(',');
  const day = useQuery(() => getServiceDay({ date: draft.day, memberIds: draft.memberIds }), [draft.day, chosenKey], {
    enabled: draft.memberIds.length > 0,
  });

  const submission = useSubmit((key: string, body: ServiceOnBehalfRequest) => createServicesOnBehalf(body, key));
  const formErrors = useFormErrors(submission.error, FORM_FIELDS);
  const { clear, setLocal } = formErrors;

  const days = useMemo(() => {
    const out = new Map<string, MemberDay>();
    const answer = day.data && day.data.date === draft.day ? day.data : undefined;
    const start = atLocalTime(draft.day, draft.startTime);
    const end = atLocalTime(draft.day, draft.endTime);
    const now = new Date();
    const today = draft.day === dateKey(now);
    for (const id of draft.memberIds) {
      out.set(id, memberDay(answer?.members.find((entry) => entry.memberId === id), start, end, today, now));
    }
    return out;
  }, [day.data, draft.day, draft.startTime, draft.endTime, draft.memberIds]);

  // Times and day decide overlaps and the cap: a change there may settle what the server said about any member.
  const clearMembers = useCallback(
    (ids: readonly string[]) => {
      for (const id of ids) clear(memberField(id));
    },
    [clear],
  );

  const update = useCallback(
    <K extends keyof OnBehalfDraft>(field: K, value: OnBehalfDraft[K]) => {
      setDraft((current) => ({
        ...current,
        [field]: value,
        // Members belong to one community: another community starts the choice over.
        ...(field === 'communityId' && value !== current.communityId ? { memberIds: [] } : {}),
      }));
      if (field === 'startTime' || field === 'endTime' || field === 'day') {
        clear('startedAt');
        clear('endedAt');
        clearMembers(draft.memberIds);
      } else {
        clear(field);
      }
    },
    [clear, clearMembers, draft.memberIds],
  );

  const toggleMember = useCallback(
    (id: string) => {
      setDraft((current) => ({
        ...current,
        memberIds: current.memberIds.includes(id) ? current.memberIds.filter((other) => other !== id) : [...current.memberIds, id],
      }));
      clear('memberIds');
      clear(memberField(id));
    },
    [clear],
  );

  const submit = useCallback(async (): Promise<void> => {
    const found = validate(draft, new Date(), days);
    setLocal(found);
    if (Object.values(found).some((message) => message !== undefined)) return;
    const start = atLocalTime(draft.day, draft.startTime) as Date;
    const end = atLocalTime(draft.day, draft.endTime) as Date;
    const body: ServiceOnBehalfRequest = {
      memberIds: draft.memberIds,
      communityId: draft.communityId,
      startedAt: start.toISOString(),
      endedAt: end.toISOString(),
      serviceType: draft.serviceType as ServiceType,
      description: draft.description.trim(),
      reason: draft.reason.trim(),
    };
    const created = await submission.run(body);
    if (created) setDone(created);
  }, [days, draft, setLocal, submission]);

  const startOver = useCallback(() => {
    setDone(null);
    submission.clearError();
    setLocal({});
    // The same sheet often lists another group at another time: keep the community, day and reason.
    setDraft((current) => ({ ...current, memberIds: [], description: '' }));
  }, [setLocal, submission]);

  return {
    draft,
    update,
    toggleMember,
    members,
    day,
    days,
    errors: formErrors.errors,
    submitError: formErrors.message,
    submit,
    submitting: submission.pending,
    done,
    startOver,
  };
}
