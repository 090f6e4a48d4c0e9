import { useCallback, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import type { MessageKind, SignupResult } from '@pioneer/shared-types';
import { cancelMySignup, getActivity, signUp } from '@/api/activities';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { useSubmit } from '@/hooks/use-submit';
import { isFull } from '@/format/activity';
import { isSignedIn } from '@/services/session';
import { useSubscribe } from '@/services/subscribe';
import { toast } from '@/services/toast';

/** What the last sign-up gave, said in words until the page is left. */
export type Outcome = { kind: 'confirmed' } | { kind: 'waitlisted'; position: number | null } | { kind: 'cancelled' };

export function outcomeText(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'confirmed':
      return '报名成功';
    case 'waitlisted':
      return outcome.position !== null ? `已进入候补，当前第 ${outcome.position} 位` : '已进入候补';
    case 'cancelled':
      return '已取消报名';
  }
}

export function useActivityDetail() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  // undefined until the page has read its query; null when it was opened without an id.
  const [id, setId] = useState<string | null | undefined>(undefined);
  useLoad((options: Record<string, string | undefined>) => {
    setId(options.id ? decodeURIComponent(options.id) : null);
  });
  const fetcher = useCallback(() => getActivity(id as string), [id]);
  const detail = useApi(fetcher, { enabled: signedIn && typeof id === 'string' });
  const { ask } = useSubscribe(signedIn);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const join = useSubmit((key: string, activityId: string) => signUp(activityId, key));
  const leave = useSubmit((key: string, activityId: string) => cancelMySignup(activityId, key));

  const reload = detail.reload;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reload();
  }, [reload]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const activity = detail.data;

  /** Called straight from the tap: WeChat asks about reminders first (only from a tap), then the sign-up is sent. */
  const signUpNow = useCallback(async (): Promise<void> => {
    if (!activity || join.pending) return;
    const kinds: MessageKind[] = isFull(activity) ? ['activity_reminder', 'activity_promoted'] : ['activity_reminder'];
    // Whatever the person answers (or if WeChat does not ask), the sign-up goes on.
    await ask(kinds);
    leave.clearError();
    const result: SignupResult | undefined = await join.run(activity.id);
    if (!result) return;
    const next: Outcome =
      result.outcome === 'waitlisted' ? { kind: 'waitlisted', position: result.signup.waitlistPosition } : { kind: 'confirmed' };
    setOutcome(next);
    toast(outcomeText(next), 'none');
    await reload();
  }, [activity, ask, join, leave, reload]);

  const cancelNow = useCallback(async (): Promise<void> => {
    if (!activity || leave.pending) return;
    const answer = await Taro.showModal({
      title: '取消报名',
      content: activity.mySignup?.status === 'waitlisted' ? '确定不再候补这个活动吗？' : '确定取消报名吗？名额会留给候补的党员。',
      confirmText: '取消报名',
      cancelText: '再想想',
    });
    if (!answer.confirm) return;
    join.clearError();
    const result = await leave.run(activity.id);
    if (!result) return;
    setOutcome({ kind: 'cancelled' });
    toast('已取消报名', 'none');
    await reload();
  }, [activity, join, leave, reload]);

  return {
    signedIn,
    missingId: id === null,
    detail,
    outcome,
    signUp: signUpNow,
    cancel: cancelNow,
    signingUp: join.pending,
    cancelling: leave.pending,
    error: join.error ?? leave.error,
  };
}
