import { useCallback, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { getSuggestion } from '@/api/suggestions';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';

export function useSuggestionDetail() {
  // undefined until the page has read its query; null when it was opened without an id.
  const [id, setId] = useState<string | null | undefined>(undefined);
  useLoad((options: Record<string, string | undefined>) => {
    setId(options.id ? decodeURIComponent(options.id) : null);
  });
  const fetcher = useCallback(() => getSuggestion(id as string), [id]);
  const detail = useApi(fetcher, { enabled: typeof id === 'string' });
  const reload = detail.reload;

  useRefreshOnShow(reload);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { missingId: id === null, detail };
}
