import { act, renderHook, waitFor } from '@testing-library/react';
import type { Page } from '@pioneer/shared-types';
import { ApiError } from '@/api/api-error';
import { usePagedList } from './use-paged-list';

interface Item {
  id: string;
  text: string;
}

const item = (id: string, text = id): Item => ({ id, text });
const pageOf = (items: Item[], page: number, total: number, pageSize = 2): Page<Item> => ({ items, page, pageSize, total });
const ids = (items: Item[]): string[] => items.map((entry) => entry.id);
const offline = () => new ApiError('NETWORK_ERROR', '网络不给力，请检查网络后重试', 0);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('usePagedList', () => {
  it('loads page 1, then the next page with 加载更多, showing an item pushed onto the next page only once', async () => {
    const fetchPage = jest.fn(async (page: number) =>
      page === 1 ? pageOf([item('a'), item('b')], 1, 3) : pageOf([item('b'), item('c')], 2, 3),
    );
    const { result } = renderHook(() => usePagedList(fetchPage));
    expect(result.current.loading).toBe(true);

    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(ids(result.current.items)).toEqual(['a', 'b']);
    expect(result.current.total).toBe(3);
    expect(result.current.hasMore).toBe(true);

    await act(() => result.current.loadMore());

    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 2]);
    expect(ids(result.current.items)).toEqual(['a', 'b', 'c']);
    expect(result.current.hasMore).toBe(false);
  });

  it('joins a reload already running instead of asking twice', async () => {
    const answer = deferred<Page<Item>>();
    const fetchPage = jest.fn(() => answer.promise);
    const { result } = renderHook(() => usePagedList(fetchPage));

    let joined: Promise<void> = Promise.resolve();
    act(() => {
      joined = result.current.reload();
    });
    await act(async () => {
      answer.resolve(pageOf([item('a')], 1, 1));
      await joined;
    });

    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(ids(result.current.items)).toEqual(['a']);
  });

  it('keeps only the latest answer when a new search starts while the old one is still loading', async () => {
    const slow = deferred<Page<Item>>();
    let query = 'old';
    const fetchPage = jest.fn((): Promise<Page<Item>> =>
      query === 'old' ? slow.promise : Promise.resolve(pageOf([item('new')], 1, 1)),
    );
    const { result } = renderHook(() => usePagedList(fetchPage));
    await waitFor(() => expect(fetchPage).toHaveBeenCalledTimes(1));

    query = 'new';
    await act(() => result.current.restart());
    expect(ids(result.current.items)).toEqual(['new']);

    await act(async () => slow.resolve(pageOf([item('old')], 1, 1)));
    expect(ids(result.current.items)).toEqual(['new']);
    expect(result.current.loading).toBe(false);
  });

  it('keeps what is shown when a reload fails, and offers 重试 for a failed next page', async () => {
    let failing = false;
    const fetchPage = jest.fn(async (page: number) => {
      if (failing) throw offline();
      return page === 1 ? pageOf([item('a'), item('b')], 1, 3) : pageOf([item('c')], 2, 3);
    });
    const { result } = renderHook(() => usePagedList(fetchPage));
    await waitFor(() => expect(result.current.items).toHaveLength(2));

    failing = true;
    await act(() => result.current.reload());
    expect(result.current.error?.message).toBe('网络不给力，请检查网络后重试');
    expect(ids(result.current.items)).toEqual(['a', 'b']);

    await act(() => result.current.loadMore());
    expect(result.current.loadMoreError?.code).toBe('NETWORK_ERROR');
    expect(result.current.hasMore).toBe(true);

    failing = false;
    await act(() => result.current.loadMore());
    expect(result.current.loadMoreError).toBeUndefined();
    expect(ids(result.current.items)).toEqual(['a', 'b', 'c']);
  });

  it('fetches nothing while disabled, and drops what was shown when disabled again (signed out)', async () => {
    const fetchPage = jest.fn(async () => pageOf([item('a')], 1, 1));
    const { result, rerender } = renderHook(({ enabled }) => usePagedList(fetchPage, { enabled }), {
      initialProps: { enabled: false },
    });
    expect(result.current.loading).toBe(false);
    await act(() => result.current.reload());
    expect(fetchPage).not.toHaveBeenCalled();

    rerender({ enabled: true });
    await waitFor(() => expect(ids(result.current.items)).toEqual(['a']));

    rerender({ enabled: false });
    expect(result.current.items).toEqual([]);
    expect(result.current.total).toBe(0);
    expect(result.current.hasMore).toBe(false);
  });

  it('changes items in place without asking the server again', async () => {
    const fetchPage = jest.fn(async () => pageOf([item('a'), item('b')], 1, 2));
    const { result } = renderHook(() => usePagedList(fetchPage));
    await waitFor(() => expect(result.current.items).toHaveLength(2));

    act(() => result.current.update((entry) => (entry.id === 'b' ? { ...entry, text: 'read' } : entry)));

    expect(result.current.items).toEqual([item('a'), item('b', 'read')]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
