import { useCallback, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { MatterView, Page } from '@pioneer/shared-types';
import { listMatters } from '@/api/households';
import { ROUTES } from '@/constants/routes';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { openPage } from '@/services/navigation';
import { yearRange } from '../../shared/dates';
import { isStaff, useViewer } from '../../shared/viewer';

export const PAGE_SIZE = 10;
/** This year and the four before it. */
export function yearOptions(now: Date = new Date()): number[] {
  const year = now.getFullYear();
  return [0, 1, 2, 3, 4].map((back) => year - back);
}

export function useMatters() {
  const viewer = useViewer();
  const [year, setYearValue] = useState(() => new Date().getFullYear());
  const yearRef = useRef(year);
  const [beneficiaries, setBeneficiaries] = useState(0);

  const list = usePagedList<MatterView>(
    async (page): Promise<Page<MatterView>> => {
      const answer = await listMatters({ ...yearRange(yearRef.current), page, pageSize: PAGE_SIZE });
      // The totals are over every matter of the year, the same on every page.
      setBeneficiaries(answer.beneficiaries);
      return answer;
    },
    { enabled: viewer.signedIn },
  );
  const { reload, restart } = list;

  const setYear = useCallback(
    (value: number) => {
      yearRef.current = value;
      setYearValue(value);
      void restart();
    },
    [restart],
  );

  const refresh = useCallback(async () => reload(), [reload]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return {
    signedIn: viewer.signedIn,
    mayRecord: isStaff(viewer.data),
    year,
    setYear,
    list,
    beneficiaries,
    openNew: () => openPage(ROUTES.matterNew),
    openLogin: () => openPage(ROUTES.login),
  };
}
