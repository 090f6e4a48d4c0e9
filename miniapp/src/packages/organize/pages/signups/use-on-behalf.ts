import { useCallback, useState } from 'react';
import type { MemberView, OnBehalfSignupResponse } from '@pioneer/shared-types';
import { signUpOnBehalf } from '@/api/activities';
import { searchMembers } from '@/api/org';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';

export const SEARCH_PAGE_SIZE = 20;
export const REASON_MAX = 200;

/** 代为报名: find members (as the people page does), choose them, say why, and see what happened to each. */
export function useOnBehalf(activityId: string) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const [chosen, setChosen] = useState<MemberView[]>([]);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [result, setResult] = useState<OnBehalfSignupResponse | null>(null);

  const found = useQuery(() => searchMembers({ q: q ?? undefined, status: 'active', page: 1, pageSize: SEARCH_PAGE_SIZE }), [q], {
    enabled: q !== null,
  });
  const submission = useSubmit((key: string, memberIds: string[], why: string) => signUpOnBehalf(activityId, { memberIds, reason: why }, key));

  const search = useCallback(() => setQ(draft.trim()), [draft]);
  const toggle = useCallback((member: MemberView) => {
    setChosen((current) => (current.some((m) => m.id === member.id) ? current.filter((m) => m.id !== member.id) : [...current, member]));
  }, []);

  const submit = useCallback(async (): Promise<boolean> => {
    const why = reason.trim();
    if (why === '') {
      setReasonMissing(true);
      return false;
    }
    if (chosen.length === 0) return false;
    const answer = await submission.run(
      chosen.map((m) => m.id),
      why,
    );
    if (!answer) return false;
    setResult(answer);
    return true;
  }, [chosen, reason, submission]);

  const startOver = useCallback(() => {
    setResult(null);
    setChosen([]);
    submission.clearError();
  }, [submission]);

  return {
    draft,
    setDraft,
    search,
    searched: q !== null,
    found,
    chosen,
    toggle,
    reason,
    setReason: (text: string) => {
      setReason(text);
      setReasonMissing(false);
    },
    reasonMissing,
    submit,
    pending: submission.pending,
    error: submission.error,
    result,
    startOver,
  };
}
