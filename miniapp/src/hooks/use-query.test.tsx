import { act, renderHook, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { ApiError } from '@/api/api-error';
import { useQuery } from './use-query';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

describe('useQuery', () => {
  it('fetches again when its inputs change, keeping only the answer for the latest input', async () => {
    const answers = new Map([
      ['old', deferred<string>()],
      ['new', deferred<string>()],
    ]);
    const fetcher = jest.fn((search: string) => answers.get(search)!.promise);
    const { result, rerender } = renderHook(({ search }) => useQuery(() => fetcher(search), [search]), {
      initialProps: { search: 'old' },
    });
    expect(result.current.loading).toBe(true);

    rerender({ search: 'new' });
    await act(async () => answers.get('new')!.resolve('new answer'));
    await act(async () => answers.get('old')!.resolve('old answer'));

    expect(fetcher.mock.calls.map(([search]) => search)).toEqual(['old', 'new']);
    expect(result.current.data).toBe('new answer');
    expect(result.current.loading).toBe(false);
  });

  it('shows a failure as an ApiError and clears it when a reload succeeds', async () => {
    let failing = true;
    const fetcher = jest.fn(async () => {
      if (failing) throw new ApiError('FORBIDDEN', '没有权限', 403);
      return 7;
    });
    const { result } = renderHook(() => useQuery(fetcher, []));
    await waitFor(() => expect(result.current.error?.status).toBe(403));
    expect(result.current.data).toBeUndefined();

    failing = false;
    await act(() => result.current.reload());
    expect(result.current.error).toBeUndefined();
    expect(result.current.data).toBe(7);
  });

  it('fetches nothing while disabled, and starts once enabled', async () => {
    const fetcher = jest.fn(async () => ['张建国']);
    const { result, rerender } = renderHook(({ enabled }) => useQuery(fetcher, [], { enabled }), {
      initialProps: { enabled: false },
    });
    expect(result.current.loading).toBe(false);
    await act(() => result.current.reload());
    expect(fetcher).not.toHaveBeenCalled();

    rerender({ enabled: true });
    await waitFor(() => expect(result.current.data).toEqual(['张建国']));
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('refreshes when the page is shown again only when asked to', async () => {
    const quiet = jest.fn(async () => 'quiet');
    const refreshing = jest.fn(async () => 'refreshing');
    renderHook(() => useQuery(quiet, []));
    const { result } = renderHook(() => useQuery(refreshing, [], { refreshOnShow: true }));
    // The show that comes with mounting does not send a second request beside the first.
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(refreshing).toHaveBeenCalledTimes(1);

    act(() => taroMock.triggerDidShow());

    await waitFor(() => expect(refreshing).toHaveBeenCalledTimes(2));
    expect(quiet).toHaveBeenCalledTimes(1);
  });
});
