import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { CommunityView, RegistrationView } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { listCommunities } from '@/api/org';
import { endRegistration, listMyRegistrations, requestRegistration } from '@/api/registrations';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { useFormErrors } from '@/hooks/use-form-errors';
import { usePagedList } from '@/hooks/use-paged-list';
import { useRetryKey } from '@/hooks/use-retry-key';
import { refusalMessage } from '@/services/offline-queue';
import { isSignedIn } from '@/services/session';
import { toast } from '@/services/toast';
import { activeRegistration, rememberRegistrations } from '../../shared/registration';

export const COMMUNITY_PAGE_SIZE = 20;
// The server's limits for a reason (ReasonRequiredDto).
export const REASON_MIN = 2;
export const REASON_MAX = 200;
export const DEFAULT_END_REASON = '搬家了';
const WITHDRAW_REASON = '本人撤回报到申请';
const END_FIELDS = ['reason'] as const;

export function useRegister() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const registrations = useApi(listMyRegistrations, { enabled: signedIn });
  const list = registrations.data;
  const active = activeRegistration(list);
  const history = (list ?? []).filter((item) => item !== active);
  // The latest answer explains the page when nothing is active (a rejection with its reason).
  const lastRejected = !active && list?.[0]?.status === 'rejected' ? list[0] : null;

  const [search, setSearch] = useState('');
  const [searched, setSearched] = useState('');
  // Read when a page is fetched, so a new search can restart the list in the same tap.
  const searchedRef = useRef('');
  const choosing = signedIn && list !== undefined && active === null;
  const communities = usePagedList<CommunityView>(
    (page) => listCommunities({ q: searchedRef.current || undefined, page, pageSize: COMMUNITY_PAGE_SIZE }),
    { enabled: choosing },
  );
  const restartCommunities = communities.restart;

  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [endOpen, setEndOpen] = useState(false);
  const [endReason, setEndReason] = useState(DEFAULT_END_REASON);
  // The end form's own refusal: its field errors show beside the reason, the rest in the banner above.
  const [endFailure, setEndFailure] = useState<ApiError | undefined>(undefined);
  const endForm = useFormErrors(endFailure, END_FIELDS);
  const { setLocal: setEndLocal, clear: clearEndField } = endForm;
  const { keyFor, reset: resetKey } = useRetryKey();

  const reloadRegistrations = registrations.reload;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reloadRegistrations();
  }, [reloadRegistrations]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const runSearch = useCallback((): void => {
    const text = search.trim();
    searchedRef.current = text;
    setSearched(text);
    void restartCommunities();
  }, [search, restartCommunities]);

  useEffect(() => {
    if (list) rememberRegistrations(list);
  }, [list]);

  const afterChange = useCallback(async (): Promise<void> => {
    resetKey();
    await reloadRegistrations();
  }, [reloadRegistrations, resetKey]);

  const choose = useCallback(
    async (community: CommunityView): Promise<void> => {
      if (busy) return;
      const answer = await Taro.showModal({
        title: '申请报到',
        content: `申请到${community.name}（${community.streetName}）报到？社区工作者同意后就可以在该社区签到服务。`,
        confirmText: '申请',
      });
      if (!answer.confirm) return;
      setBusy(true);
      setProblem(null);
      try {
        await requestRegistration(
          { communityId: community.id },
          keyFor(`request:${community.id}`),
        );
        toast('已提交，等待审核', 'none');
        await afterChange();
      } catch (caught) {
        const error = asApiError(caught);
        setProblem(refusalMessage(error));
        // Someone (a worker from a paper form) may have registered them meanwhile: show the state as it is.
        if (error.code === 'REGISTRATION_ACTIVE_EXISTS') await reloadRegistrations();
      } finally {
        setBusy(false);
      }
    },
    [busy, keyFor, afterChange, reloadRegistrations],
  );

  const end = useCallback(
    async (registration: RegistrationView, reason: string, fromForm: boolean): Promise<boolean> => {
      setBusy(true);
      setProblem(null);
      setEndFailure(undefined);
      try {
        await endRegistration(registration.id, { reason }, keyFor(`end:${registration.id}:${reason}`));
        toast(registration.status === 'pending' ? '已撤回' : '已结束报到', 'none');
        setEndOpen(false);
        await afterChange();
        return true;
      } catch (caught) {
        const error = asApiError(caught);
        if (fromForm) setEndFailure(error);
        else setProblem(refusalMessage(error));
        if (error.code === 'ALREADY_DECIDED') await reloadRegistrations();
        return false;
      } finally {
        setBusy(false);
      }
    },
    [keyFor, afterChange, reloadRegistrations],
  );

  const submitEnd = useCallback(async (): Promise<void> => {
    if (!active || busy) return;
    const reason = endReason.trim();
    if (reason.length < REASON_MIN) {
      setEndLocal({ reason: `请填写原因（至少 ${REASON_MIN} 个字）` });
      return;
    }
    setEndLocal({});
    const answer = await Taro.showModal({
      title: '结束报到',
      content: `结束在${active.community.name}的报到？已有的服务记录都会保留，之后可以选择新的社区报到。`,
      confirmText: '结束报到',
    });
    if (!answer.confirm) return;
    await end(active, reason, true);
  }, [active, busy, endReason, end, setEndLocal]);

  const withdraw = useCallback(async (): Promise<void> => {
    if (!active || busy) return;
    const answer = await Taro.showModal({
      title: '撤回申请',
      content: `撤回到${active.community.name}报到的申请？撤回后可以重新选择社区。`,
      confirmText: '撤回',
    });
    if (!answer.confirm) return;
    await end(active, WITHDRAW_REASON, false);
  }, [active, busy, end]);

  return {
    signedIn,
    registrations,
    active,
    lastRejected,
    history,
    communities,
    search,
    setSearch,
    searched,
    runSearch,
    choose,
    busy,
    problem: problem ?? endForm.message,
    endOpen,
    openEnd: () => {
      setEndOpen(true);
      setEndLocal({});
      setEndFailure(undefined);
    },
    closeEnd: () => {
      setEndOpen(false);
      setEndFailure(undefined);
    },
    endReason,
    setEndReason: (value: string) => {
      setEndReason(value);
      clearEndField('reason');
    },
    endError: endForm.errors.reason,
    submitEnd,
    withdraw,
    refresh,
  };
}
