import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity.js';

/** The key of the write request whose handler is running in this async context. */
interface IdempotencyContext {
  scopedKey: string;
}

const contexts = new AsyncLocalStorage<IdempotencyContext>();

export function runWithIdempotencyKey<T>(scopedKey: string, fn: () => T): T {
  return contexts.run({ scopedKey }, fn);
}

/**
 * The last statement of every outermost transaction (see database/transaction-runner.ts): marks the request's key
 * 'committed' in the same transaction as the write it guards, so the write and the mark commit together or not at all.
 * A retry that finds the mark without a stored response is told the write was done instead of running it again.
 */
export async function markIdempotencyKeyCommitted(manager: EntityManager): Promise<void> {
  const context = contexts.getStore();
  if (!context) return;
  await manager.update(IdempotencyKeyEntity, { scopedKey: context.scopedKey, state: 'running' }, { state: 'committed' });
}
