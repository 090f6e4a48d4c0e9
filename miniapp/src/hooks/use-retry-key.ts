import { useCallback, useRef } from 'react';
import { createIdempotencyKey } from '@/api/client';

/**
 * A stable text of what a request sends: object keys sorted, so the same body built in another order is the same
 * request, and the body is walked with a stack rather than recursion. Only JSON values matter (they are what is sent).
 */
export function stableSerialize(value: unknown): string {
  const out: string[] = [];
  const stack: Array<{ literal: string } | { value: unknown }> = [{ value }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('literal' in item) {
      out.push(item.literal);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
    } else if (Array.isArray(v)) {
      stack.push({ literal: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] as unknown });
        if (i > 0) stack.push({ literal: ',' });
      }
      stack.push({ literal: '[' });
    } else {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, field]) => field !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      stack.push({ literal: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, field] = entries[i]!;
        stack.push({ value: field });
        stack.push({ literal: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` });
      }
      stack.push({ literal: '{' });
    }
  }
  return out.join('');
}

/**
 * Idempotency keys for a form's submit: sending the identical body again after a failure reuses the first key, so if
 * the first attempt did reach the server it answers with that result instead of acting twice; any other body gets a
 * new key (the server would refuse a reused key with another body: 422).
 */
export function useRetryKey(): { keyFor: (body: unknown) => string; reset: () => void } {
  const last = useRef<{ fingerprint: string; key: string } | null>(null);

  const keyFor = useCallback((body: unknown): string => {
    const fingerprint = stableSerialize(body);
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
