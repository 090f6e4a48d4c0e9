import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ROUTES } from '@/constants/routes';

type ActivityPage = typeof ROUTES.organizeEdit | typeof ROUTES.organizeSignups | typeof ROUTES.organizeAttendance;

/** The pages of one activity take its id in the query. */
export function openActivityPage(route: ActivityPage, id: string): void {
  Taro.navigateTo({ url: `${route}?id=${encodeURIComponent(id)}` }).catch(() => undefined);
}

/** A new community need: the edit page opened for a need. */
export function openNewNeed(): void {
  Taro.navigateTo({ url: `${ROUTES.organizeEdit}?need=1` }).catch(() => undefined);
}

/** The page's query: undefined until read; `id` null when the page was opened without one. */
export function usePageQuery(): { id: string | null; need: boolean } | undefined {
  const [query, setQuery] = useState<{ id: string | null; need: boolean } | undefined>(undefined);
  useLoad((options: Record<string, string | undefined>) => {
    setQuery({ id: options.id ? decodeURIComponent(options.id) : null, need: options.need === '1' });
  });
  return query;
}
