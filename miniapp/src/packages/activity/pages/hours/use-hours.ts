import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { HoursLedgerEntryView, HoursLedgerPage } from '@pioneer/shared-types';
import { getMyLedger } from '@/api/activities';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { isSignedIn } from '@/services/session';

export const PAGE_SIZE = 20;

export type LedgerSummary = Pick<HoursLedgerPage, 'year' | 'yearTotal' | 'years'>;

export function useHours() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  // null: the server's default, this year.
  const [year, setYear] = useState<number | null>(null);
  const [summary, setSummary] = useState<LedgerSummary | null>(null);
  const list = usePagedList<HoursLedgerEntryView>(
    async (page) => {
      const result = await getMyLedger({ year: year ?? undefined, page, pageSize: PAGE_SIZE });
      setSummary({ year: result.year, yearTotal: result.yearTotal, years: result.years });
      return result;
    },
    { enabled: signedIn },
  );

  const restart = list.restart;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void restart();
  }, [year, restart]);

  const reload = list.reload;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reload();
  }, [reload]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  // The years with hours, and the one shown even when it has none.
  const shownYear = summary?.year ?? year ?? new Date().getFullYear();
  const years = [...(summary?.years.map((entry) => entry.year) ?? [])];
  if (!years.includes(shownYear)) years.push(shownYear);
  years.sort((a, b) => b - a);

  return { signedIn, list, summary, shownYear, years, setYear };
}
