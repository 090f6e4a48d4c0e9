import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { listMySuggestions } from '@/api/suggestions';
import { ROUTES } from '@/constants/routes';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { openPage } from '@/services/navigation';
import { isSignedIn } from '@/services/session';
import { openSuggestion } from '../../navigation';

export const PAGE_SIZE = 10;

export function useSuggestionList() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const list = usePagedList((page) => listMySuggestions({ page, pageSize: PAGE_SIZE }), { enabled: signedIn });
  const reload = list.reload;

  const refresh = useCallback(async (): Promise<void> => {
    // Back from the new-suggestion page (a new one to show) or from signing in.
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reload();
  }, [reload]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return {
    signedIn,
    list,
    openNew: () => openPage(ROUTES.suggestionNew),
    openLogin: () => openPage(ROUTES.login),
    openDetail: openSuggestion,
  };
}
