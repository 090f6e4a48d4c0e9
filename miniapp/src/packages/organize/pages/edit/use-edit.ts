import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  ActivityDetail,
  ActivityInput,
  ActivityKind,
  ActivityUpdate,
  NeedKind,
  VolunteerSubKind,
} from '@pioneer/shared-types';
import {
  cancelActivity,
  createActivity,
  getActivity,
  listThemes,
  submitActivity,
  updateActivity,
} from '@/api/activities';
import type { FieldErrors } from '@/api/field-errors';
import { listAllCommunities, listAllUnits } from '@/api/org';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import type { OrganizeViewer, PublishScope } from '../../shared/viewer';
import { atLocalTime, dateKey, timeKey } from '../../shared/time';

export const TITLE_MIN = 2;
export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 2000;
export const PLACE_MAX = 100;
export const CAPACITY_MAX = 10_000;

/** The form's fields as the server names them (ActivityInput). */
export const FORM_FIELDS = [
  'kind',
  'subKind',
  'needKind',
  'themeId',
  'title',
  'description',
  'place',
  'communityId',
  'startsAt',
  'endsAt',
  'signupDeadline',
  'cancelDeadline',
  'capacity',
  'waitlistLimit',
  'creditedHours',
  'scopeKind',
  'scopeId',
  'eligibleUnitIds',
  'eligibleBranchIds',
] as const;

export interface EditDraft {
  kind: ActivityKind | '';
  subKind: VolunteerSubKind | '';
  needKind: NeedKind | '';
  themeId: string;
  title: string;
  description: string;
  place: string;
  communityId: string;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  signupDay: string;
  signupTime: string;
  cancelDay: string;
  cancelTime: string;
  /** The deadlines move with the start until someone sets them. */
  signupFollowsStart: boolean;
  cancelFollowsStart: boolean;
  /** Digits; empty: no limit. */
  capacity: string;
  waitlistLimit: string;
  creditedHours: number;
  /** `district:` / `unit:<id>` / `branch:<id>`; the scope of a new organizer activity. */
  scope: string;
  eligibleUnitIds: string[];
  eligibleBranchIds: string[];
}

export const scopeKey = (scope: Pick<PublishScope, 'scopeKind' | 'scopeId'>): string => `${scope.scopeKind}:${scope.scopeId ?? ''}`;

export function parseScope(key: string): Pick<PublishScope, 'scopeKind' | 'scopeId'> | null {
  const [kind, id] = key.split(':');
  if (kind === 'district') return { scopeKind: 'district', scopeId: null };
  if ((kind === 'unit' || kind === 'branch') && id) return { scopeKind: kind, scopeId: id };
  return null;
}

/** Hours in the planned time, down to 0.5: the most an activity may credit. */
export function plannedHours(draft: EditDraft): number | null {
  const start = atLocalTime(draft.startDay, draft.startTime);
  const end = atLocalTime(draft.endDay, draft.endTime);
  if (!start || !end || end.getTime() <= start.getTime()) return null;
  return Math.floor(((end.getTime() - start.getTime()) / 3_600_000) * 2) / 2;
}

/** A new activity: tomorrow 09:00–11:00, deadlines at the start, 2 hours credited. */
export function freshDraft(viewer: OrganizeViewer, need: boolean, now: Date): EditDraft {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const day = dateKey(tomorrow);
  return {
    kind: need ? 'volunteer' : '',
    subKind: '',
    needKind: '',
    themeId: '',
    title: '',
    description: '',
    place: '',
    communityId: need && viewer.communities.length === 1 ? viewer.communities[0]!.id : '',
    startDay: day,
    startTime: '09:00',
    endDay: day,
    endTime: '11:00',
    signupDay: day,
    signupTime: '09:00',
    cancelDay: day,
    cancelTime: '09:00',
    signupFollowsStart: true,
    cancelFollowsStart: true,
    capacity: '',
    waitlistLimit: '0',
    creditedHours: 2,
    scope: !need && viewer.scopes.length === 1 ? scopeKey(viewer.scopes[0]!) : '',
    eligibleUnitIds: [],
    eligibleBranchIds: [],
  };
}

export function draftFrom(detail: ActivityDetail): EditDraft {
  const at = (iso: string) => {
    const date = new Date(iso);
    return { day: dateKey(date), time: timeKey(date) };
  };
  const start = at(detail.startsAt);
  const end = at(detail.endsAt);
  const signup = at(detail.signupDeadline);
  const cancel = at(detail.cancelDeadline);
  return {
    kind: detail.kind,
    subKind: detail.subKind ?? '',
    needKind: detail.needKind ?? '',
    themeId: detail.theme?.id ?? '',
    title: detail.title,
    description: detail.description,
    place: detail.place,
    communityId: detail.community?.id ?? '',
    startDay: start.day,
    startTime: start.time,
    endDay: end.day,
    endTime: end.time,
    signupDay: signup.day,
    signupTime: signup.time,
    cancelDay: cancel.day,
    cancelTime: cancel.time,
    signupFollowsStart: false,
    cancelFollowsStart: false,
    capacity: detail.capacity === null ? '' : String(detail.capacity),
    waitlistLimit: String(detail.waitlistLimit),
    creditedHours: detail.creditedHours,
    scope: '',
    eligibleUnitIds: detail.eligibleUnits.map((unit) => unit.id),
    eligibleBranchIds: detail.eligibleBranches.map((branch) => branch.id),
  };
}

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The form as the server checks it, so every missing field is named at once and before sending. */
export function validate(draft: EditDraft, need: boolean, creating: boolean, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.kind === '') errors.kind = '请选择活动类型';
  if (draft.kind === 'volunteer' && draft.subKind === '' && !need) errors.subKind = '请选择志愿服务的类别';
  if (need && draft.needKind === '') errors.needKind = '请选择需求类型';
  if (need && draft.communityId === '') errors.communityId = '请选择社区';
  const title = draft.title.trim();
  if (title.length < TITLE_MIN) errors.title = `标题至少 ${TITLE_MIN} 个字`;
  if (draft.description.trim() === '') errors.description = '请填写活动内容，说明做什么、带什么';
  if (draft.place.trim() === '') errors.place = '请填写活动地点';
  else if (draft.place.trim().length < 2) errors.place = '活动地点至少 2 个字';
  const start = atLocalTime(draft.startDay, draft.startTime);
  const end = atLocalTime(draft.endDay, draft.endTime);
  const signup = atLocalTime(draft.signupDay, draft.signupTime);
  const cancel = atLocalTime(draft.cancelDay, draft.cancelTime);
  if (!start) errors.startsAt = '请选择开始时间';
  else if (creating && start.getTime() <= now.getTime()) errors.startsAt = '开始时间应晚于现在';
  if (!end) errors.endsAt = '请选择结束时间';
  else if (start && end.getTime() <= start.getTime()) errors.endsAt = '结束时间应晚于开始时间';
  if (!signup) errors.signupDeadline = '请选择报名截止时间';
  else if (start && signup.getTime() > start.getTime()) errors.signupDeadline = '报名截止不能晚于开始时间';
  if (!cancel) errors.cancelDeadline = '请选择取消报名截止时间';
  else if (start && cancel.getTime() > start.getTime()) errors.cancelDeadline = '取消报名截止不能晚于开始时间';
  if (draft.capacity.trim() !== '') {
    const capacity = wholeNumber(draft.capacity);
    if (capacity === null || capacity < 1 || capacity > CAPACITY_MAX) errors.capacity = `名额请填 1 到 ${CAPACITY_MAX} 的整数，不限请留空`;
  }
  const waitlist = wholeNumber(draft.waitlistLimit || '0');
  if (waitlist === null || waitlist > CAPACITY_MAX) errors.waitlistLimit = '候补人数请填 0 或正整数';
  const most = plannedHours(draft);
  if (most !== null && draft.creditedHours > most) errors.creditedHours = `计入时长不能超过活动时长（约 ${most} 小时）`;
  else if (draft.creditedHours < 0.5) errors.creditedHours = '计入时长至少 0.5 小时';
  if (creating && !need && parseScope(draft.scope) === null) errors.scopeId = '请选择活动面向的范围';
  return errors;
}

function iso(day: string, time: string): string {
  return (atLocalTime(day, time) as Date).toISOString();
}

/** What the server is sent; the scope only when creating (it cannot change afterwards). */
export function toInput(draft: EditDraft, need: boolean): ActivityInput {
  const scope = parseScope(draft.scope);
  const capacity = draft.capacity.trim() === '' ? null : Number(draft.capacity.trim());
  return {
    kind: draft.kind as ActivityKind,
    subKind: draft.kind === 'volunteer' && draft.subKind !== '' ? draft.subKind : null,
    needKind: need && draft.needKind !== '' ? draft.needKind : null,
    themeId: draft.themeId === '' ? null : draft.themeId,
    title: draft.title.trim(),
    description: draft.description.trim(),
    place: draft.place.trim(),
    communityId: draft.communityId === '' ? null : draft.communityId,
    startsAt: iso(draft.startDay, draft.startTime),
    endsAt: iso(draft.endDay, draft.endTime),
    signupDeadline: iso(draft.signupDay, draft.signupTime),
    cancelDeadline: iso(draft.cancelDay, draft.cancelTime),
    capacity,
    waitlistLimit: capacity === null ? 0 : Number(draft.waitlistLimit.trim() || '0'),
    creditedHours: draft.creditedHours,
    scopeKind: need ? 'community' : (scope?.scopeKind ?? 'district'),
    scopeId: need ? draft.communityId : (scope?.scopeId ?? null),
    eligibleUnitIds: need ? [] : draft.eligibleUnitIds,
    eligibleBranchIds: need ? [] : draft.eligibleBranchIds,
  };
}

export function toUpdate(input: ActivityInput): ActivityUpdate {
  const { scopeKind: _kind, scopeId: _id, ...rest } = input;
  return rest;
}

/** A published activity whose time or place changes: everyone signed up is told. */
export function changesTimeOrPlace(detail: ActivityDetail, input: ActivityInput): boolean {
  const same = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();
  return !same(detail.startsAt, input.startsAt) || !same(detail.endsAt, input.endsAt) || detail.place.trim() !== input.place;
}

export function useEdit(viewer: OrganizeViewer, query: { id: string | null; need: boolean }) {
  const [id, setId] = useState<string | null>(query.id);
  const loaded = useQuery(() => getActivity(query.id as string), [query.id], { enabled: query.id !== null });
  const [detail, setDetail] = useState<ActivityDetail | null>(null);
  const [draft, setDraft] = useState<EditDraft>(() => freshDraft(viewer, query.need, new Date()));
  const [done, setDone] = useState<ActivityDetail | null>(null);

  useEffect(() => {
    if (loaded.data) {
      setDetail(loaded.data);
      setDraft(draftFrom(loaded.data));
    }
  }, [loaded.data]);

  const need = detail ? detail.scopeKind === 'community' : query.need;
  const creating = id === null;
  const scope = creating ? parseScope(draft.scope) : detail ? { scopeKind: detail.scopeKind, scopeId: null } : null;
  const districtWide = scope?.scopeKind === 'district';

  const year = Number(draft.startDay.slice(0, 4)) || new Date().getFullYear();
  const themes = useQuery(() => listThemes(year), [year]);
  const units = useQuery(() => listAllUnits(), [], { enabled: !need });
  // An organizer's activity may be held at a community (optional); a need belongs to one of the worker's own.
  const communities = useQuery(() => listAllCommunities(), [], { enabled: !need });

  const save = useSubmit(async (key: string, input: ActivityInput): Promise<ActivityDetail> => {
    if (id === null) return createActivity(input, key);
    return updateActivity(id, toUpdate(input), key);
  });
  const submission = useSubmit((key: string, activityId: string) => submitActivity(activityId, key));
  const cancellation = useSubmit((key: string, activityId: string, reason: string) => cancelActivity(activityId, { reason }, key));
  const formErrors = useFormErrors(save.error ?? submission.error, FORM_FIELDS);
  const { clear, setLocal } = formErrors;

  const update = useCallback(
    <K extends keyof EditDraft>(field: K, value: EditDraft[K]) => {
      setDraft((current) => {
        const next = { ...current, [field]: value };
        if (field === 'startDay' || field === 'startTime') {
          if (current.signupFollowsStart) Object.assign(next, { signupDay: next.startDay, signupTime: next.startTime });
          if (current.cancelFollowsStart) Object.assign(next, { cancelDay: next.startDay, cancelTime: next.startTime });
          // The end keeps its day with the start when both were the same day.
          if (field === 'startDay' && current.endDay === current.startDay) next.endDay = next.startDay;
        }
        if (field === 'signupDay' || field === 'signupTime') next.signupFollowsStart = false;
        if (field === 'cancelDay' || field === 'cancelTime') next.cancelFollowsStart = false;
        const most = plannedHours(next);
        if (most !== null && next.creditedHours > most) next.creditedHours = Math.max(0.5, most);
        return next;
      });
      const serverField: Record<string, string> = {
        startDay: 'startsAt',
        startTime: 'startsAt',
        endDay: 'endsAt',
        endTime: 'endsAt',
        signupDay: 'signupDeadline',
        signupTime: 'signupDeadline',
        cancelDay: 'cancelDeadline',
        cancelTime: 'cancelDeadline',
        scope: 'scopeId',
      };
      clear(serverField[field] ?? field);
      if (field === 'startDay' || field === 'startTime') {
        clear('signupDeadline');
        clear('cancelDeadline');
        clear('creditedHours');
      }
    },
    [clear],
  );

  const toggle = useCallback(
    (field: 'eligibleUnitIds' | 'eligibleBranchIds', value: string) => {
      setDraft((current) => {
        const list = current[field];
        return { ...current, [field]: list.includes(value) ? list.filter((other) => other !== value) : [...list, value] };
      });
      clear(field);
    },
    [clear],
  );

  /** Checks and writes the form; resolves with the activity as saved, or null. */
  const write = useCallback(async (): Promise<ActivityDetail | null> => {
    const found = validate(draft, need, id === null, new Date());
    setLocal(found);
    if (Object.values(found).some((message) => message !== undefined)) return null;
    submission.clearError();
    const saved = await save.run(toInput(draft, need));
    if (!saved) return null;
    setId(saved.id);
    setDetail(saved);
    return saved;
  }, [draft, id, need, save, setLocal, submission]);

  const saveDraft = useCallback(async (): Promise<boolean> => (await write()) !== null, [write]);

  const submit = useCallback(async (): Promise<void> => {
    const saved = await write();
    if (!saved) return;
    const submitted = await submission.run(saved.id);
    if (submitted) {
      setDetail(submitted);
      setDone(submitted);
    }
  }, [submission, write]);

  const cancel = useCallback(
    async (reason: string): Promise<boolean> => {
      if (id === null) return false;
      const cancelled = await cancellation.run(id, reason);
      if (!cancelled) return false;
      setDetail(cancelled);
      setDraft(draftFrom(cancelled));
      return true;
    },
    [cancellation, id],
  );

  const input = useMemo(() => {
    const found = validate(draft, need, id === null, new Date());
    return Object.values(found).some((message) => message !== undefined) ? null : toInput(draft, need);
  }, [draft, id, need]);
  const warnChange = detail !== null && detail.status === 'published' && input !== null && changesTimeOrPlace(detail, input);

  return {
    id,
    loaded,
    detail,
    draft,
    update,
    toggle,
    need,
    creating,
    districtWide,
    themes,
    units,
    communities,
    errors: formErrors.errors,
    message: formErrors.message,
    saveDraft,
    submit,
    saving: save.pending,
    submitting: submission.pending,
    done,
    cancel,
    cancelling: cancellation.pending,
    cancelError: cancellation.error?.message,
    clearCancelError: cancellation.clearError,
    warnChange,
  };
}
