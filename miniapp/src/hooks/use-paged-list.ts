import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';

export interface PagedList<T> {
  items: T[];
  total: number;
  /** True while page 1 is being (re)loaded; what was shown stays on screen. */
  loading: boolean;
  /** The last reload failed; earlier items, if any, stay on screen. */
  error: ApiError | undefined;
  loadingMore: boolean;
  loadMoreError: ApiError | undefined;
  hasMore: boolean;
  /** Loads page 1 again; never rejects, so pull-down refresh can stop its spinner. */
  reload: () => Promise<void>;
  /** Drops what is shown and loads page 1 with the current fetcher (a new search or filter). */
  restart: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Changes items in place without asking the server again (a message marked read, a suggestion answered). */
  update: (change: (item: T) => T) => void;
}

/**
 * A list read page by page with 加载更多. Only the latest reload may write state (on a slow network an older answer
 * can arrive last), and an item pushed onto the next page by newer ones is shown once.
 */
export function usePagedList<T extends { id: string }>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: { enabled?: boolean } = {},
): PagedList<T> {
  const enabled = options.enabled ?? true;
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loadedPages, setLoadedPages] = useState(0);
  const [pageSize, setPageSize] = useState(0);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<ApiError | undefined>(undefined);

  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const sequence = useRef(0);
  const mounted = useRef(true);
  const inFlight = useRef<Promise<void> | null>(null);
  const pageRef = useRef(0);
  const loadingMoreRef = useRef(false);

  const reload = useCallback((): Promise<void> => {
    if (!enabledRef.current) return Promise.resolve();
    // A show event right after mounting joins the running request instead of sending another.
    if (inFlight.current) return inFlight.current;
    const id = ++sequence.current;
    setLoading(true);
    const run = Promise.resolve().then(async () => {
      try {
        const result = await fetchRef.current(1);
        if (!mounted.current || id !== sequence.current) return;
        pageRef.current = 1;
        setItems(result.items);
        setTotal(result.total);
        setLoadedPages(1);
        setPageSize(result.pageSize);
        setError(undefined);
        setLoadMoreError(undefined);
      } catch (caught) {
        if (mounted.current && id === sequence.current) setError(asApiError(caught));
      } finally {
        if (id === sequence.current) {
          inFlight.current = null;
          if (mounted.current) setLoading(false);
        }
      }
    });
    inFlight.current = run;
    return run;
  }, []);

  const restart = useCallback((): Promise<void> => {
    sequence.current += 1;
    inFlight.current = null;
    pageRef.current = 0;
    setItems([]);
    setTotal(0);
    setLoadedPages(0);
    setError(undefined);
    return reload();
  }, [reload]);

  const loadMore = useCallback(async (): Promise<void> => {
    if (loadingMoreRef.current || inFlight.current || pageRef.current === 0) return;
    const id = sequence.current;
    const next = pageRef.current + 1;
    loadingMoreRef.current = true;
    setLoadingMore(true);
    setLoadMoreError(undefined);
    try {
      const result = await fetchRef.current(next);
      if (!mounted.current || id !== sequence.current) return;
      pageRef.current = next;
      setItems((previous) => {
        const shown = new Set(previous.map((item) => item.id));
        return [...previous, ...result.items.filter((item) => !shown.has(item.id))];
      });
      setTotal(result.total);
      setLoadedPages(next);
      setPageSize(result.pageSize);
    } catch (caught) {
      if (mounted.current && id === sequence.current) setLoadMoreError(asApiError(caught));
    } finally {
      loadingMoreRef.current = false;
      if (mounted.current) setLoadingMore(false);
    }
  }, []);

  const update = useCallback((change: (item: T) => T): void => {
    setItems((previous) => previous.map(change));
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
      pageRef.current = 0;
      setItems([]);
      setTotal(0);
      setLoadedPages(0);
      setError(undefined);
      setLoading(false);
    }
  }, [enabled, reload]);

  return {
    items,
    total,
    loading,
    error,
    loadingMore,
    loadMoreError,
    hasMore: loadedPages > 0 && loadedPages * pageSize < total,
    reload,
    restart,
    loadMore,
    update,
  };
}
