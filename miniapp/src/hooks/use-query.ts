import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useDidShow } from '@tarojs/taro';
import { asApiError, type ApiError } from '@/api/api-error';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches again with the current inputs; never rejects. */
  reload: () => Promise<void>;
}

export interface QueryOptions {
  /** Fetch again when the page is shown again (back from a detail page that may have changed the list). */
  refreshOnShow?: boolean;
  /** When false nothing is fetched (yet), e.g. until a community is chosen. */
  enabled?: boolean;
}

/**
 * Data that depends on inputs (search text, filters, page): fetched again whenever `deps` change. Unlike useApi, a
 * new input never joins a request still running for the old one, and only the latest answer is kept.
 */
export function useQuery<T>(fetcher: () => Promise<T>, deps: DependencyList, options: QueryOptions = {}): QueryState<T> {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(enabled);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const sequence = useRef(0);
  const running = useRef(false);
  const mounted = useRef(true);

  const reload = useCallback(async (): Promise<void> => {
    if (!enabledRef.current) return;
    const id = ++sequence.current;
    running.current = true;
    setLoading(true);
    try {
      const result = await fetcherRef.current();
      if (mounted.current && id === sequence.current) {
        setData(result);
        setError(undefined);
      }
    } catch (caught) {
      if (mounted.current && id === sequence.current) setError(asApiError(caught));
    } finally {
      if (id === sequence.current) {
        running.current = false;
        if (mounted.current) setLoading(false);
      }
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    void reload();
    // The caller lists what the fetcher reads; the fetcher itself changes identity on every render.
  }, [enabled, ...deps]);

  const refreshOnShow = options.refreshOnShow ?? false;
  useDidShow(() => {
    // The first show comes with mounting, while the first fetch is still running.
    if (refreshOnShow && !running.current) void reload();
  });

  return { data, error, loading, reload };
}
