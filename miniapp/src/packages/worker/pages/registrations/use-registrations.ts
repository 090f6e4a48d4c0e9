import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { RegistrationMemberLookupResponse, RegistrationView } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import {
  approveRegistration,
  listRegistrations,
  lookupMember,
  registerOnBehalf,
  rejectRegistration,
} from '@/api/registrations';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import type { WorkerContext } from '../../shared/communities';

export const REGISTRATIONS_PAGE_SIZE = 20;
export const REASON_MAX = 200;

const PHONE_PATTERN = /^1[3-9]\d{9}$/;
const REJECT_FIELDS = ['reason'] as const;
const LOOKUP_FIELDS = ['name', 'phone'] as const;
const ON_BEHALF_FIELDS = ['communityId', 'reason'] as const;

/** The pending list with approve and reject (with a reason the member reads). */
export function usePendingRegistrations() {
  const [filters, setFilters] = useState({ communityId: '', page: 1 });
  const list = useQuery(
    () =>
      listRegistrations({
        communityId: filters.communityId || undefined,
        status: 'pending',
        page: filters.page,
        pageSize: REGISTRATIONS_PAGE_SIZE,
      }),
    [filters],
    { refreshOnShow: true },
  );
  const reloadList = list.reload;
  usePullDownRefresh(() => {
    void reloadList().finally(() => Taro.stopPullDownRefresh());
  });

  const [approvingId, setApprovingId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<RegistrationView | null>(null);
  const approval = useSubmit((key: string, id: string) => approveRegistration(id, {}, key));
  const rejection = useSubmit((key: string, id: string, reason: string) => rejectRegistration(id, { reason }, key));
  const rejectForm = useFormErrors(rejection.error, REJECT_FIELDS);

  const approve = useCallback(
    async (registration: RegistrationView): Promise<void> => {
      setApprovingId(registration.id);
      const done = await approval.run(registration.id);
      setApprovingId(null);
      if (!done) return;
      toast('已通过');
      await reloadList();
    },
    [approval, reloadList],
  );

  const openReject = useCallback(
    (registration: RegistrationView) => {
      rejection.clearError();
      setRejecting(registration);
    },
    [rejection],
  );

  const reject = useCallback(
    async (reason: string): Promise<void> => {
      if (!rejecting) return;
      const done = await rejection.run(rejecting.id, reason);
      if (!done) return;
      setRejecting(null);
      toast('已退回');
      await reloadList();
    },
    [rejecting, rejection, reloadList],
  );

  return {
    filters,
    setCommunity: (communityId: string) => setFilters({ communityId, page: 1 }),
    setPage: (page: number) => setFilters((current) => ({ ...current, page })),
    list,
    approve,
    approvingId,
    approveError: approval.error,
    rejecting,
    openReject,
    closeReject: () => setRejecting(null),
    reject,
    rejectPending: rejection.pending,
    // The dialog has one field: its error, or else what belongs to no field, shows under the reason.
    rejectError: rejectForm.errors.reason ?? rejectForm.message ?? undefined,
    editReject: () => rejectForm.clear('reason'),
  };
}

export type LookupState =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'found'; member: RegistrationMemberLookupResponse }
  | { state: 'failed'; error: ApiError };

/** 代为登记报到: find the member on a paper form by name and phone together, then register them with a reason. */
export function useRegisterOnBehalf(context: WorkerContext, onRegistered: () => void) {
  const [name, setNameValue] = useState('');
  const [phone, setPhoneValue] = useState('');
  const [communityId, setCommunityId] = useState(context.communities[0]?.id ?? '');
  const [reason, setReasonValue] = useState('');
  const [lookup, setLookup] = useState<LookupState>({ state: 'idle' });
  const lookupForm = useFormErrors(lookup.state === 'failed' ? lookup.error : undefined, LOOKUP_FIELDS);
  const [registered, setRegistered] = useState<RegistrationView | null>(null);
  const submission = useSubmit((key: string, memberId: string, community: string, text: string) =>
    registerOnBehalf({ memberId, communityId: community, reason: text }, key),
  );
  const submitForm = useFormErrors(submission.error, ON_BEHALF_FIELDS);
  const { clear: clearLookupField, setLocal: setLookupLocal } = lookupForm;
  const { clear: clearSubmitField, setLocal: setSubmitLocal } = submitForm;

  const setName = useCallback((value: string) => {
    setNameValue(value);
    clearLookupField('name');
    setLookup({ state: 'idle' });
  }, [clearLookupField]);
  const setPhone = useCallback((value: string) => {
    setPhoneValue(value);
    clearLookupField('phone');
    setLookup({ state: 'idle' });
  }, [clearLookupField]);
  const setReason = useCallback((value: string) => {
    setReasonValue(value);
    clearSubmitField('reason');
  }, [clearSubmitField]);
  const chooseCommunity = useCallback((value: string) => {
    setCommunityId(value);
    clearSubmitField('communityId');
  }, [clearSubmitField]);

  const find = useCallback(async (): Promise<void> => {
    const trimmedName = name.trim();
    const digits = phone.replace(/[\s-]/g, '');
    const found: Partial<Record<(typeof LOOKUP_FIELDS)[number], string>> = {};
    if (trimmedName === '') found.name = '请填写报到表上的姓名';
    if (!PHONE_PATTERN.test(digits)) found.phone = '请填写 11 位手机号';
    setLookupLocal(found);
    if (found.name || found.phone) return;
    setRegistered(null);
    setLookup({ state: 'searching' });
    try {
      const member = await lookupMember({ name: trimmedName, phone: digits });
      setLookup({ state: 'found', member });
    } catch (caught) {
      setLookup({ state: 'failed', error: asApiError(caught) });
    }
  }, [name, phone, setLookupLocal]);

  const submit = useCallback(async (): Promise<void> => {
    if (lookup.state !== 'found') return;
    const text = reason.trim();
    if (text.length < 2) {
      setSubmitLocal({ reason: '请填写代为登记的原因，如“根据纸质报到表录入”' });
      return;
    }
    setSubmitLocal({});
    const created = await submission.run(lookup.member.id, communityId, text);
    if (!created) return;
    setRegistered(created);
    setLookup({ state: 'idle' });
    setNameValue('');
    setPhoneValue('');
    setReasonValue('');
    toast('已登记');
    onRegistered();
  }, [lookup, reason, communityId, submission, onRegistered, setSubmitLocal]);

  return {
    name,
    setName,
    phone,
    setPhone,
    communityId,
    setCommunityId: chooseCommunity,
    reason,
    setReason,
    errors: { ...lookupForm.errors, ...submitForm.errors },
    /** A failed lookup that belongs to no field (not found, offline). */
    lookupMessage: lookupForm.message,
    lookup,
    find,
    submit,
    submitting: submission.pending,
    submitError: submitForm.message,
    registered,
  };
}
