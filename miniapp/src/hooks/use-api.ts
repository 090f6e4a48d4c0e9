import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { asApiError, type ApiError } from '@/api/api-error';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a request is in flight, including a refresh that keeps the previous data on screen. */
  loading: boolean;
  /** Fetches again; resolves when done (never rejects), so pull-down refresh can stop its spinner. */
  reload: () => Promise<void>;
}

export interface UseApiOptions {
  /** When false nothing is fetched and any previous data is dropped (e.g. /me after signing out). */
  enabled?: boolean;
}

export function useApi<T>(fetcher: () => Promise<T>, options: UseApiOptions = {}): ApiState<T> {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState<boolean>(enabled);

  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  // Only the latest request may write state: on a slow network an older answer can arrive last.
  const sequence = useRef(0);
  const mounted = useRef(true);
  // A show event right after mounting (or a second tap) joins the running request instead of sending another.
  const inFlight = useRef<Promise<void> | null>(null);

  const reload = useCallback((): Promise<void> => {
    if (!enabledRef.current) return Promise.resolve();
    if (inFlight.current) return inFlight.current;
    const id = ++sequence.current;
    setLoading(true);
    // Started on the next microtask so inFlight is set before any outcome can clear it.
    const run = Promise.resolve().then(async () => {
      try {
        const result = await fetcherRef.current();
        if (!mounted.current || id !== sequence.current) return;
        setData(result);
        setError(undefined);
      } catch (caught) {
        if (!mounted.current || id !== sequence.current) return;
        setError(asApiError(caught));
      } finally {
        if (id === sequence.current) inFlight.current = null;
        if (mounted.current && id === sequence.current) setLoading(false);
      }
    });
    inFlight.current = run;
    return run;
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (enabled) {
      void reload();
    } else {
      sequence.current += 1;
      inFlight.current = null;
      setData(undefined);
      setError(undefined);
      setLoading(false);
    }
  }, [enabled, reload]);

  return { data, error, loading, reload };
}

/** Refreshes whenever the page is shown again (back from another page, tab switch, app to foreground). */
export function useRefreshOnShow(refresh: () => void | Promise<void>): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useDidShow(() => {
    void refreshRef.current();
  });
}
