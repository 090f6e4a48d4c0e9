import { useCallback, useRef } from 'react';
import { createIdempotencyKey } from '@/api/client';

/**
 * Idempotency keys for a form's submit: sending the same thing again after a failure reuses the first key, so if the
 * first attempt did reach the server it answers with that result instead of acting twice; anything different gets a
 * new key.
 */
export function useRetryKey(): { keyFor: (fingerprint: string) => string; reset: () => void } {
  const last = useRef<{ fingerprint: string; key: string } | null>(null);

  const keyFor = useCallback((fingerprint: string): string => {
    if (last.current?.fingerprint !== fingerprint) {
      last.current = { fingerprint, key: createIdempotencyKey() };
    }
    return last.current.key;
  }, []);

  const reset = useCallback((): void => {
    last.current = null;
  }, []);

  return { keyFor, reset };
}
