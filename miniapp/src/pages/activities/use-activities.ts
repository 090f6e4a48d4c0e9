import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ActivityKind, ActivityListQuery, ActivitySummary } from '@pioneer/shared-types';
import { listActivities, listThemes } from '@/api/activities';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { isSignedIn } from '@/services/session';

export const PAGE_SIZE = 10;

/** The three lists of the contract, and the needs of the member's own community as a fourth. */
export type ActivitiesTab = 'upcoming' | 'mine' | 'past' | 'needs';

export const TABS: ReadonlyArray<{ value: ActivitiesTab; label: string }> = [
  { value: 'upcoming', label: '近期活动' },
  { value: 'mine', label: '我的报名' },
  { value: 'past', label: '往期' },
  { value: 'needs', label: '社区需求' },
];

export interface ActivityFilters {
  kind: ActivityKind | '';
  themeId: string;
}

export function queryFor(tab: ActivitiesTab, filters: ActivityFilters, page: number): ActivityListQuery {
  const base = { page, pageSize: PAGE_SIZE };
  if (tab === 'needs') return { ...base, tab: 'upcoming', needs: true };
  return {
    ...base,
    tab,
    // Needs have their own tab; what the member signed up for and what is over shows both.
    needs: tab === 'upcoming' ? false : undefined,
    kind: filters.kind || undefined,
    themeId: filters.themeId || undefined,
  };
}

export function useActivities() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const [tab, setTab] = useState<ActivitiesTab>('upcoming');
  const [filters, setFilters] = useState<ActivityFilters>({ kind: '', themeId: '' });
  const list = usePagedList<ActivitySummary>((page) => listActivities(queryFor(tab, filters, page)), { enabled: signedIn });
  const themes = useApi(() => listThemes(new Date().getFullYear()), { enabled: signedIn });

  const restart = list.restart;
  const first = useRef(true);
  useEffect(() => {
    // The first load is the list's own; later a new tab or filter starts the list again.
    if (first.current) {
      first.current = false;
      return;
    }
    void restart();
  }, [tab, filters.kind, filters.themeId, restart]);

  const reload = list.reload;
  const reloadThemes = themes.reload;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await Promise.all([reload(), reloadThemes()]);
  }, [reload, reloadThemes]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return {
    signedIn,
    tab,
    setTab,
    filters,
    setKind: (kind: ActivityKind | '') => setFilters((previous) => ({ ...previous, kind })),
    setThemeId: (themeId: string) => setFilters((previous) => ({ ...previous, themeId })),
    themes: Array.isArray(themes.data) ? themes.data : [],
    list,
  };
}
