import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { getMe } from '@/api/me';
import { getOverview } from '@/api/public';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { isSignedIn } from '@/services/session';

export function useHome() {
  const overview = useApi(getOverview);
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const me = useApi(getMe, { enabled: signedIn });
  const reloadOverview = overview.reload;
  const reloadMe = me.reload;

  const refresh = useCallback(async (): Promise<void> => {
    // Coming back from the login page (or after signing out on 我的) changes who is signed in.
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    await Promise.all([reloadOverview(), nowSignedIn ? reloadMe() : Promise.resolve()]);
  }, [reloadOverview, reloadMe]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return { overview, me, signedIn };
}
