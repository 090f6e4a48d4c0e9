import { useCallback, useMemo, useState } from 'react';
import type { Page, RegistrationView, ServiceOnBehalfRequest, ServiceRecordView, ServiceType } from '@pioneer/shared-types';
import { listRegistrations } from '@/api/registrations';
import { createServicesOnBehalf } from '@/api/services';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { fieldErrorsOf, type FieldErrors } from '@/api/field-errors';
import type { WorkerContext } from '../../shared/communities';
import { atLocalTime, dateKey } from '../../shared/time-options';

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 500;
export const REASON_MIN = 2;
export const REASON_MAX = 200;
const PAGE_SIZE = 100;
// 1 000 members registered with one community is far beyond any real one; the loop stops there regardless.
const MAX_PAGES = 10;

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

/** Checks the form as the server would, so a person hears about every missing field at once and before sending. */
export function validate(draft: OnBehalfDraft, now: Date): FieldErrors {
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
  if (draft.serviceType === '') errors.serviceType = '请选择服务类型';
  const description = draft.description.trim();
  if (description.length < DESCRIPTION_MIN) errors.description = `服务内容至少 ${DESCRIPTION_MIN} 个字，请写得具体一些`;
  if (draft.reason.trim().length < REASON_MIN) errors.reason = '请填写补录原因，如“纸质签到表补录”';
  return errors;
}

export function useOnBehalf(context: WorkerContext) {
  const [draft, setDraft] = useState<OnBehalfDraft>(() => ({
    communityId: context.communities[0]?.id ?? '',
    memberIds: [],
    day: dateKey(new Date()),
    startTime: '',
    endTime: '',
    serviceType: '',
    description: '',
    reason: '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<ServiceRecordView[] | null>(null);

  const members = useQuery(() => approvedMembers(draft.communityId, context.me.id), [draft.communityId], {
    enabled: draft.communityId !== '',
  });

  const update = useCallback(<K extends keyof OnBehalfDraft>(field: K, value: OnBehalfDraft[K]) => {
    setDraft((current) => ({
      ...current,
      [field]: value,
      // Members belong to one community: another community starts the choice over.
      ...(field === 'communityId' && value !== current.communityId ? { memberIds: [] } : {}),
    }));
    const key = field === 'startTime' ? 'startedAt' : field === 'endTime' ? 'endedAt' : field;
    setErrors((current) => ({ ...current, [key]: undefined, ...(field === 'startTime' ? { endedAt: undefined } : {}) }));
  }, []);

  const toggleMember = useCallback((id: string) => {
    setDraft((current) => ({
      ...current,
      memberIds: current.memberIds.includes(id) ? current.memberIds.filter((other) => other !== id) : [...current.memberIds, id],
    }));
    setErrors((current) => ({ ...current, memberIds: undefined }));
  }, []);

  const submission = useSubmit((key: string, body: ServiceOnBehalfRequest) => createServicesOnBehalf(body, key));

  const submit = useCallback(async (): Promise<void> => {
    const found = validate(draft, new Date());
    setErrors(found);
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
  }, [draft, submission]);

  const serverErrors = useMemo(() => fieldErrorsOf(submission.error), [submission.error]);

  const startOver = useCallback(() => {
    setDone(null);
    submission.clearError();
    // The same sheet often lists another group at another time: keep the community, day and reason.
    setDraft((current) => ({ ...current, memberIds: [], startTime: '', endTime: '', description: '' }));
  }, [submission]);

  return {
    draft,
    update,
    toggleMember,
    members,
    errors: { ...serverErrors, ...Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) },
    submit,
    submitting: submission.pending,
    submitError: submission.error,
    done,
    startOver,
  };
}
