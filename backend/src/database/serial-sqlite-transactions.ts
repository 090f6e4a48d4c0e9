import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

type TransactionFn = EntityManager['transaction'];

/**
 * SQLite has one connection: two overlapping `BEGIN`s fail ("cannot start a transaction within a transaction"), so
 * concurrent requests would turn into errors. On SQLite every transaction therefore waits its turn; a transaction
 * opened inside another (same async context) joins the outer one's turn instead of waiting for itself.
 * MySQL is untouched: it has a pool and real row locks.
 */
export function serializeSqliteTransactions(ds: DataSource): DataSource {
  if (ds.options.type !== 'better-sqlite3') return ds;
  const inside = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const manager = ds.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const serialized = ((...args: unknown[]) => {
    if (inside.getStore()) return original(...args);
    const run = tail.then(() => inside.run(true, () => original(...args)));
    tail = run.catch(() => undefined);
    return run;
  }) as TransactionFn;
  manager.transaction = serialized;
  return ds;
}
