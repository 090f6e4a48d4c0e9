import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** What the outermost `transaction()` of an async context knows while its callback runs. */
export interface TransactionScope {
  /** SQLite only: the session that holds the connection; queries of this context run on it (see serial-sqlite-transactions.ts). */
  runner?: QueryRunner;
}

const scopes = new AsyncLocalStorage<TransactionScope>();

export function currentTransactionScope(): TransactionScope | undefined {
  return scopes.getStore();
}

export interface TransactionRunnerOptions {
  /** Runs inside the outermost transaction after its work, as its last statements before COMMIT. */
  beforeCommit?: (manager: EntityManager) => Promise<void>;
}

type TransactionFn = EntityManager['transaction'];
type Work = (manager: EntityManager) => Promise<unknown>;

/**
 * Every `dataSource.transaction()` / `manager.transaction()` of the application goes through here: the outermost one
 * of an async context opens a scope (so SQLite can tell its own queries from other requests') and runs the
 * before-commit hook in the same transaction as the work, e.g. to mark an idempotency key as committed atomically.
 * A transaction opened inside another (same async context) is left to TypeORM: a savepoint on SQLite, another pooled
 * connection on MySQL.
 */
export function installTransactionRunner(ds: DataSource, options: TransactionRunnerOptions = {}): DataSource {
  const manager = ds.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = ((...args: unknown[]) => {
    if (scopes.getStore()) return original(...args);
    const workIndex = typeof args[0] === 'function' ? 0 : 1;
    const work = args[workIndex] as Work | undefined;
    if (typeof work !== 'function') return original(...args);
    const withHook: Work = async (m) => {
      const result = await work(m);
      if (options.beforeCommit) await options.beforeCommit(m);
      return result;
    };
    const next = [...args];
    next[workIndex] = withHook;
    return scopes.run({}, () => original(...next));
  }) as TransactionFn;
  manager.transaction = wrapped;
  return ds;
}
