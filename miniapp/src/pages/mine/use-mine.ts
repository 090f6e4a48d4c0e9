import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { getMe } from '@/api/me';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { clearSession, isSignedIn } from '@/services/session';

export function useMine() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const me = useApi(getMe, { enabled: signedIn });
  const reloadMe = me.reload;

  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reloadMe();
  }, [reloadMe]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const signOut = useCallback(async (): Promise<void> => {
    // Older users tap by accident; ask once before dropping the session.
    const answer = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出' });
    if (!answer.confirm) return;
    clearSession();
    setSignedIn(false);
    Taro.showToast({ title: '已退出登录', icon: 'none' }).catch(() => undefined);
  }, []);

  return { me, signedIn, signOut };
}
