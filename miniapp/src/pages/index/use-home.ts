import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { getMe } from '@/api/me';
import { getUnreadCount } from '@/api/messages';
import { getOverview } from '@/api/public';
import { getCurrentService, getMyHours } from '@/api/services';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { isSignedIn } from '@/services/session';
import { showUnreadBadge, showWorkBadge } from '@/services/unread-badge';

export function useHome() {
  const overview = useApi(getOverview);
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const me = useApi(getMe, { enabled: signedIn });
  // Anyone signed in: the unread count goes on the 我的 tab; a worker's queue count on their shortcut.
  const counts = useApi(getUnreadCount, { enabled: signedIn });
  // A member's open visit (shown first) and their hours; asked for once /me says they are a member.
  const member = signedIn && (me.data?.roles.some((scope) => scope.role === 'member') ?? false);
  const visit = useApi(getCurrentService, { enabled: member });
  const hours = useApi(getMyHours, { enabled: member });
  const reloadOverview = overview.reload;
  const reloadMe = me.reload;
  const reloadCounts = counts.reload;
  const reloadVisit = visit.reload;
  const reloadHours = hours.reload;

  const refresh = useCallback(async (): Promise<void> => {
    // Coming back from the login page (or after signing out on 我的) changes who is signed in.
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    await Promise.all([
      reloadOverview(),
      nowSignedIn ? reloadMe() : Promise.resolve(),
      nowSignedIn ? reloadCounts() : Promise.resolve(),
      nowSignedIn ? reloadVisit() : Promise.resolve(),
      nowSignedIn ? reloadHours() : Promise.resolve(),
    ]);
  }, [reloadOverview, reloadMe, reloadCounts, reloadVisit, reloadHours]);

  const countsData = counts.data;
  useEffect(() => {
    // Signed out: no badge. An answer without a number leaves the badge as it was.
    if (!signedIn) {
      showUnreadBadge(0);
      showWorkBadge(0);
      return;
    }
    if (typeof countsData?.unread === 'number') showUnreadBadge(countsData.unread);
    // Not a worker: the answer has no pending work, and nothing waits for them.
    if (countsData) showWorkBadge(countsData.pendingForWorker ?? 0);
  }, [signedIn, countsData]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return { overview, me, signedIn, counts, member, visit, hours };
}
