import type { DataSource, QueryRunner } from 'typeorm';
import { currentTransactionScope } from './transaction-runner.js';

/** The runner's transaction state, writable: each session keeps its own. */
type Runner = Omit<QueryRunner, 'isTransactionActive' | 'broadcaster'> & {
  isTransactionActive: boolean;
  transactionDepth: number;
  broadcaster: QueryRunner['broadcaster'];
};

/** A FIFO lock with one holder at a time. */
class ConnectionLock {
  private holder: object | null = null;
  private readonly waiting: Array<{ owner: object; wake: () => void }> = [];

  isHeldBy(owner: object): boolean {
    return this.holder === owner;
  }

  acquire(owner: object): Promise<void> {
    if (this.holder === null) {
      this.holder = owner;
      return Promise.resolve();
    }
    return new Promise((wake) => this.waiting.push({ owner, wake }));
  }

  release(owner: object): void {
    if (this.holder !== owner) return;
    const next = this.waiting.shift();
    this.holder = next ? next.owner : null;
    next?.wake();
  }
}

/**
 * SQLite has one connection, and TypeORM's better-sqlite3 driver one query runner for everything: a plain write from
 * request B issued while request A's transaction is open would run inside A's transaction and vanish when A rolls
 * back. So the connection gets one lock. Every caller of `createQueryRunner()` gets its own session over the shared
 * runner; a session holds the lock from BEGIN to COMMIT/ROLLBACK, and a query outside a transaction takes it for that
 * one query, so it waits for an open transaction to finish instead of joining it. Inside a transaction's own async
 * context (see transaction-runner.ts) every query path uses the transaction's session and passes straight through.
 * MySQL is untouched: it has a pool and real isolation.
 */
export function serializeSqliteConnection(ds: DataSource): DataSource {
  if (ds.options.type !== 'better-sqlite3') return ds;
  const driver = ds.driver;
  const createShared = driver.createQueryRunner.bind(driver);
  const lock = new ConnectionLock();
  const sqlite = driver as unknown as { databaseConnection: { inTransaction: boolean } };

  const openSession = (): Runner => {
    const shared = createShared('master') as unknown as Runner;
    // The session inherits everything from the shared runner (statement cache, driver) but keeps its own
    // transaction state, so one request never sees another's transaction as its own.
    const session = Object.create(shared) as Runner;
    session.isTransactionActive = false;
    session.transactionDepth = 0;
    // Subscribers' transaction events (e.g. a push sent after the commit) must name this session, not the shared runner.
    const BroadcasterOf = shared.broadcaster.constructor as new (runner: Runner) => Runner['broadcaster'];
    session.broadcaster = new BroadcasterOf(session);
    // The connection itself says whether a transaction is still open (a savepoint released, or a failed COMMIT that
    // TypeORM follows with ROLLBACK); once it is not, the lock goes to the next in line.
    const releaseIfDone = () => {
      if (sqlite.databaseConnection.inTransaction) return;
      session.isTransactionActive = false;
      session.transactionDepth = 0;
      lock.release(session);
    };
    session.query = (async (...args: Parameters<Runner['query']>) => {
      if (lock.isHeldBy(session)) return shared.query.apply(session, args);
      await lock.acquire(session);
      try {
        return await shared.query.apply(session, args);
      } finally {
        lock.release(session);
      }
    }) as Runner['query'];
    session.startTransaction = async (isolation) => {
      if (session.transactionDepth > 0) return shared.startTransaction.call(session, isolation);
      await lock.acquire(session);
      try {
        await shared.startTransaction.call(session, isolation);
      } catch (error) {
        lock.release(session);
        throw error;
      }
    };
    session.commitTransaction = async () => {
      try {
        await shared.commitTransaction.call(session);
      } finally {
        releaseIfDone();
      }
    };
    session.rollbackTransaction = async () => {
      try {
        await shared.rollbackTransaction.call(session);
      } finally {
        releaseIfDone();
      }
    };
    return session;
  };

  driver.createQueryRunner = (() => {
    const scope = currentTransactionScope();
    if (scope?.runner) return scope.runner;
    const session = openSession() as unknown as QueryRunner;
    // The first runner created in a transaction's scope is the transaction's own (EntityManager.transaction asks first).
    if (scope) scope.runner = session;
    return session;
  }) as typeof driver.createQueryRunner;
  return ds;
}
