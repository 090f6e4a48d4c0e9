import { useCallback } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { listHouseholds } from '@/api/households';
import { ROUTES } from '@/constants/routes';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { openPage } from '@/services/navigation';
import { isStaff, useViewer } from '../../shared/viewer';

export const PAGE_SIZE = 10;

export function useHouseholds() {
  const viewer = useViewer();
  const list = usePagedList((page) => listHouseholds({ page, pageSize: PAGE_SIZE }), { enabled: viewer.signedIn });
  const reload = list.reload;
  // Back from registering one or from a household's page (a visit recorded, a pairing ended).
  const refresh = useCallback(async () => reload(), [reload]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return {
    signedIn: viewer.signedIn,
    staff: isStaff(viewer.data),
    list,
    openNew: () => openPage(ROUTES.householdNew),
    openLogin: () => openPage(ROUTES.login),
    openHousehold: (id: string) => {
      Taro.navigateTo({ url: `${ROUTES.household}?id=${encodeURIComponent(id)}` }).catch(() => undefined);
    },
  };
}
