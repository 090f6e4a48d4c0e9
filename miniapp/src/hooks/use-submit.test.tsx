import { act, renderHook } from '@testing-library/react';
import { ApiError } from '@/api/api-error';
import { useSubmit } from './use-submit';

const dropped = () => new ApiError('NETWORK_ERROR', '网络不给力，请检查网络后重试', 0);

describe('useSubmit', () => {
  it('ignores a second tap while the first is running', async () => {
    let finish!: (value: string) => void;
    const action = jest.fn((_key: string, name: string) => new Promise<string>((resolve) => (finish = () => resolve(name))));
    const { result } = renderHook(() => useSubmit(action));

    let first: Promise<string | undefined> = Promise.resolve(undefined);
    let second: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      first = result.current.run('张建国');
    });
    expect(result.current.pending).toBe(true);
    act(() => {
      second = result.current.run('张建国');
    });
    await act(async () => finish('张建国'));

    expect(await first).toBe('张建国');
    expect(await second).toBeUndefined();
    expect(action).toHaveBeenCalledTimes(1);
    expect(result.current.pending).toBe(false);
  });

  it('reuses the Idempotency-Key when the same thing is sent again after a failure, and not otherwise', async () => {
    let failing = true;
    const action = jest.fn(async (_key: string, hours: number) => {
      if (failing) throw dropped();
      return hours;
    });
    const { result } = renderHook(() => useSubmit(action));
    const keys = () => action.mock.calls.map(([key]) => key);

    expect(await act(() => result.current.run(2))).toBeUndefined();
    expect(result.current.error?.code).toBe('NETWORK_ERROR');
    await act(() => result.current.run(2));
    expect(keys()[1]).toBe(keys()[0]);

    // Something different is a new write.
    await act(() => result.current.run(3));
    expect(keys()[2]).not.toBe(keys()[1]);

    failing = false;
    expect(await act(() => result.current.run(3))).toBe(3);
    expect(keys()[3]).toBe(keys()[2]);
    expect(result.current.error).toBeUndefined();

    // After a success the same thing again is a new write.
    await act(() => result.current.run(3));
    expect(keys()[4]).not.toBe(keys()[3]);
  });

  it('reuses the key for the same body whatever the order of its fields', async () => {
    const action = jest.fn(async (_key: string, _body: Record<string, unknown>) => {
      throw dropped();
    });
    const { result } = renderHook(() => useSubmit(action));
    await act(() => result.current.run({ content: '路灯坏了', anonymous: false, tags: { a: 1, b: 2 } }));
    await act(() => result.current.run({ tags: { b: 2, a: 1 }, anonymous: false, content: '路灯坏了' }));
    await act(() => result.current.run({ tags: { b: 2, a: 1 }, anonymous: true, content: '路灯坏了' }));
    const keys = action.mock.calls.map(([key]) => key);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('shows a 422 (the key was used for another body) as an error, and sends the next attempt under a new key', async () => {
    const reused = new ApiError('IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 不能用于不同的内容', 422);
    const action = jest.fn(async (_key: string, hours: number) => {
      if (action.mock.calls.length === 1) throw reused;
      return hours;
    });
    const { result } = renderHook(() => useSubmit(action));

    expect(await act(() => result.current.run(2))).toBeUndefined();
    expect(result.current.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await act(() => result.current.run(2))).toBe(2);
    const keys = action.mock.calls.map(([key]) => key);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('clears a shown error on request', async () => {
    const { result } = renderHook(() =>
      useSubmit(async () => {
        throw dropped();
      }),
    );
    await act(() => result.current.run());
    expect(result.current.error?.message).toBe('网络不给力，请检查网络后重试');

    act(() => result.current.clearError());
    expect(result.current.error).toBeUndefined();
  });
});
