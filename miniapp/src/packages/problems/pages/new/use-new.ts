import { useCallback, useEffect, useRef, useState } from 'react';
import { useLoad } from '@tarojs/taro';
import type { ProblemInput, ProblemSummary } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { getMe } from '@/api/me';
import { listAllCommunities } from '@/api/org';
import { findSimilarProblems, getProblemDeadline } from '@/api/problems';
import { listMyRegistrations } from '@/api/registrations';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useQuery } from '@/hooks/use-query';
import { useSignedInApi } from '@/hooks/use-signed-in-api';
import { onNetworkRestored } from '@/services/network-watch';
import { isRetryLater } from '@/services/offline-queue';
import { emptyForm, loadDraft, markSubmitted, saveDraft, sendDraft, type DraftSendResult, type ProblemForm } from '@/services/problem-draft';
import { toast } from '@/services/toast';
import { showRecordedProblem } from '../../shared';

// The server's limits, checked here too so a missing field is caught before any network.
export const NAME_MAX = 50;
export const PHONE_MAX = 20;
export const ADDRESS_MAX = 200;
export const VILLAGE_MAX = 100;
export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 1000;
export const OFFLINE_MESSAGE = '网络不通，已保存在手机上，恢复网络后自动提交';
const FORM_FIELDS = [
  'residentName',
  'residentPhone',
  'residentAddress',
  'residentConsent',
  'communityId',
  'village',
  'category',
  'description',
  'urgency',
  'visitId',
  'duplicateOf',
] as const;

function toBody(form: ProblemForm, duplicateOf: string | null): ProblemInput {
  const village = form.placeKind === 'village';
  return {
    residentName: form.residentName.trim(),
    residentPhone: form.residentPhone.trim() || null,
    residentAddress: form.residentAddress.trim() || null,
    residentConsent: form.residentConsent,
    communityId: village ? null : form.communityId,
    village: village ? form.village.trim() : null,
    category: form.category!,
    description: form.description.trim(),
    urgency: form.urgency!,
    visitId: form.visitId,
    duplicateOf,
  };
}

function check(form: ProblemForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.residentName.trim()) errors.residentName = '请填写群众姓名';
  if (!form.residentConsent) errors.residentConsent = '请先征得群众同意，再登记其信息';
  if (form.placeKind === 'community' && !form.communityId) errors.communityId = '请选择社区';
  if (form.placeKind === 'village' && !form.village.trim()) errors.village = '请填写走访的村庄';
  if (!form.category) errors.category = '请选择问题类别';
  if (form.description.trim().length < DESCRIPTION_MIN) errors.description = `请把问题写具体一些，至少 ${DESCRIPTION_MIN} 个字`;
  if (!form.urgency) errors.urgency = '请选择紧急程度';
  return errors;
}

export function useNewProblem() {
  const me = useSignedInApi(getMe);
  const ownerId = me.data?.id ?? null;
  const [visitId, setVisitId] = useState<string | null>(null);
  useLoad((options: Record<string, string | undefined>) => {
    setVisitId(options.visitId ? decodeURIComponent(options.visitId) : null);
  });

  const [form, setForm] = useState<ProblemForm>(() => emptyForm());
  const [restored, setRestored] = useState(false);
  const [waiting, setWaiting] = useState(false);
  // Accepted by the server: nothing is saved any more (the page is being replaced by the problem's detail).
  const [done, setDone] = useState(false);
  const [similar, setSimilar] = useState<ProblemSummary[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const errors = useFormErrors(error, FORM_FIELDS);
  const { clear, setLocal } = errors;

  const registrations = useQuery(() => listMyRegistrations(), [], { enabled: me.signedIn });
  const communities = useQuery(() => listAllCommunities(), [], { enabled: me.signedIn });
  const myCommunity =
    registrations.data?.find((item) => item.status === 'approved' || item.status === 'pending')?.community ?? null;
  const deadline = useQuery(() => getProblemDeadline(form.urgency!), [form.urgency], { enabled: form.urgency !== null });

  const settle = useCallback((result: DraftSendResult): void => {
    if (result.kind === 'sent') {
      setWaiting(false);
      setDone(true);
      toast('已登记', 'success');
      showRecordedProblem(result.problem.id);
    } else if (result.kind === 'later') {
      setWaiting(true);
    } else if (result.kind === 'refused') {
      setWaiting(false);
      setError(result.error);
    } else {
      setWaiting(false);
    }
  }, []);

  const resend = useCallback(async (): Promise<void> => {
    if (!ownerId || submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    try {
      settle(await sendDraft(ownerId));
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }, [ownerId, settle]);

  // Once we know who is signed in: their draft (a form left half typed, or one waiting for the network) comes back.
  useEffect(() => {
    if (!ownerId || restored) return;
    const draft = loadDraft(ownerId);
    if (draft) {
      // Opened from a visit: that visit, unless the draft already belongs to another one.
      setForm(visitId && !draft.form.visitId ? { ...draft.form, visitId } : draft.form);
      if (draft.pending) {
        setWaiting(true);
        void resend();
      }
    } else {
      setForm(emptyForm(visitId));
    }
    setRestored(true);
  }, [ownerId, restored, visitId, resend]);

  useEffect(() => (waiting ? onNetworkRestored(() => void resend()) : undefined), [waiting, resend]);

  // The registered community is the first guess for where the resident lives.
  useEffect(() => {
    if (restored && myCommunity && form.placeKind === 'community' && !form.communityId) {
      setForm((prev) => ({ ...prev, communityId: myCommunity.id, communityName: myCommunity.name }));
    }
  }, [restored, myCommunity, form.placeKind, form.communityId]);

  useEffect(() => {
    if (ownerId && restored && !waiting && !done) saveDraft(ownerId, form);
  }, [ownerId, restored, waiting, done, form]);

  const change = useCallback(
    <K extends keyof ProblemForm>(field: K, value: ProblemForm[K]): void => {
      setForm((prev) => ({ ...prev, [field]: value }));
      clear(field);
      if (field === 'placeKind') {
        clear('communityId');
        clear('village');
      }
    },
    [clear],
  );

  const chooseCommunity = useCallback(
    (id: string): void => {
      const found = communities.data?.find((item) => item.id === id) ?? (myCommunity?.id === id ? myCommunity : null);
      setForm((prev) => ({ ...prev, communityId: id, communityName: found?.name ?? null }));
      clear('communityId');
    },
    [communities.data, myCommunity, clear],
  );

  const send = useCallback(
    async (duplicateOf: string | null): Promise<void> => {
      if (!ownerId) return;
      setSimilar(null);
      markSubmitted(ownerId, form, toBody(form, duplicateOf));
      setWaiting(true);
      await resend();
    },
    [ownerId, form, resend],
  );

  const submit = useCallback(async (): Promise<void> => {
    if (!ownerId || submittingRef.current || waiting) return;
    const local = check(form);
    setLocal(local);
    setError(undefined);
    if (Object.keys(local).length > 0) return;
    const body = toBody(form, null);
    submittingRef.current = true;
    setSubmitting(true);
    let found: ProblemSummary[] = [];
    try {
      found = await findSimilarProblems({
        communityId: body.communityId,
        village: body.village,
        category: body.category,
        description: body.description,
      });
    } catch (caught) {
      // Without a connection the check waits: the problem itself is kept and sent when the network is back.
      const failure = asApiError(caught);
      if (!isRetryLater(failure)) {
        setError(failure);
        submittingRef.current = false;
        setSubmitting(false);
        return;
      }
    }
    submittingRef.current = false;
    setSubmitting(false);
    if (found.length > 0) setSimilar(found);
    else await send(null);
  }, [ownerId, waiting, form, setLocal, send]);

  return {
    signedIn: me.signedIn,
    ready: ownerId !== null && restored,
    meError: me.error,
    form,
    change,
    chooseCommunity,
    myCommunity,
    communities: communities.data ?? [],
    deadline: form.urgency !== null && deadline.data?.urgency === form.urgency ? deadline.data.deadline : null,
    waiting,
    submitting,
    similar,
    fieldErrors: errors.errors,
    formError: errors.message,
    submit,
    sameProblem: (id: string) => void send(id),
    notSame: () => void send(null),
    closeSimilar: () => setSimilar(null),
  };
}
