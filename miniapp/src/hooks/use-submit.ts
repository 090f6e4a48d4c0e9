import { useCallback, useRef, useState } from 'react';
import { asApiError, type ApiError } from '@/api/api-error';
import { useRetryKey } from './use-retry-key';

export interface Submission<A extends unknown[], R> {
  /** Resolves with the answer, or undefined when it failed (the error is in `error`) or another call is running. */
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/**
 * One write behind a button: a second tap while it runs does nothing, and sending the same thing again after a
 * failure (a dropped connection) reuses the Idempotency-Key, so the server replays rather than acting twice.
 */
export function useSubmit<A extends unknown[], R>(action: (idempotencyKey: string, ...args: A) => Promise<R>): Submission<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const running = useRef(false);
  const { keyFor, reset } = useRetryKey();
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      const key = keyFor(args);
      setPending(true);
      setError(undefined);
      try {
        const result = await actionRef.current(key, ...args);
        reset();
        return result;
      } catch (caught) {
        const failure = asApiError(caught);
        // The server holds this key for another body: an error to show, and the next attempt is a write of its own.
        if (failure.code === 'IDEMPOTENCY_KEY_REUSED') reset();
        setError(failure);
        return undefined;
      } finally {
        running.current = false;
        setPending(false);
      }
    },
    [keyFor, reset],
  );

  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}
