import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { MeResponse, Role } from '@pioneer/shared-types';
import { getMe } from '@/api/me';
import { getUnreadCount } from '@/api/messages';
import { listMyPosts } from '@/api/posts';
import { getMyHours } from '@/api/services';
import { ROUTES } from '@/constants/routes';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { signOut as endSession } from '@/services/account';
import { scanConsoleCode, setPendingConsoleScan } from '@/services/console-scan';
import { openPage } from '@/services/navigation';
import { isSignedIn } from '@/services/session';
import { showUnreadBadge, showWorkBadge } from '@/services/unread-badge';
import { toast } from '@/services/toast';

/** Roles that may use the desktop console (the server enforces the same list when confirming). */
const CONSOLE_ROLES: readonly Role[] = ['worker', 'organizer', 'admin'];

/** Whether the person records services as a member (registration, check-in, records). */
export function isMember(me: MeResponse | undefined): boolean {
  return me !== undefined && me.roles.some((scope) => scope.role === 'member');
}

export function hasRole(me: MeResponse | undefined, role: Role): boolean {
  return me !== undefined && me.roles.some((scope) => scope.role === role);
}

/** District organizers (机关工委) review district-wide activities (三审三校). */
export function isDistrictOrganizer(me: MeResponse | undefined): boolean {
  return me !== undefined && me.roles.some((scope) => scope.role === 'organizer' && scope.scopeKind === 'district');
}

export function canUseConsole(me: MeResponse | undefined): boolean {
  return me !== undefined && me.roles.some((scope) => CONSOLE_ROLES.includes(scope.role));
}

export function useMine() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const [signingOut, setSigningOut] = useState(false);
  const me = useApi(getMe, { enabled: signedIn });
  // 党员示范岗 the person holds, shown on their profile.
  const posts = useApi(listMyPosts, { enabled: signedIn });
  const counts = useApi(getUnreadCount, { enabled: signedIn });
  // A member's own hours, once /me says they are one.
  const hours = useApi(getMyHours, { enabled: signedIn && isMember(me.data) });
  const reloadMe = me.reload;
  const reloadPosts = posts.reload;
  const reloadCounts = counts.reload;
  const reloadHours = hours.reload;

  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await Promise.all([reloadMe(), reloadPosts(), reloadCounts(), reloadHours()]);
  }, [reloadMe, reloadPosts, reloadCounts, reloadHours]);

  // An answer without a number (a proxy's page) leaves the badge and the entry's count as they were.
  const unread = typeof counts.data?.unread === 'number' ? counts.data.unread : undefined;
  const countsData = counts.data;
  useEffect(() => {
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

  const signOut = useCallback(async (): Promise<void> => {
    // Older users tap by accident; ask once before dropping the session.
    const answer = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出' });
    if (!answer.confirm) return;
    setSigningOut(true);
    try {
      await endSession();
    } finally {
      setSigningOut(false);
      setSignedIn(false);
    }
    toast('已退出登录', 'none');
  }, []);

  const scanConsole = useCallback(async (): Promise<void> => {
    const outcome = await scanConsoleCode();
    if (outcome.kind === 'scanned') {
      setPendingConsoleScan(outcome.payload);
      openPage(ROUTES.consoleConfirm);
    } else if (outcome.kind === 'failed') {
      toast('没有识别到二维码，请重试', 'none');
    }
  }, []);

  return {
    me,
    hours,
    posts: Array.isArray(posts.data) ? posts.data : [],
    unread: signedIn ? unread : undefined,
    signedIn,
    signingOut,
    signOut,
    scanConsole,
  };
}
