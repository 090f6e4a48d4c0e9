import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

const MYSQL_RETRY_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 3;

/**
 * Runs this module's writes in transactions that are safe under concurrent requests on both drivers.
 * On SQLite every transaction already queues behind the previous one (database/serial-sqlite-transactions.ts), so the
 * checks inside them see every earlier write. On MySQL they run in parallel and the unique indexes decide races;
 * InnoDB may pick a deadlock victim among inserts racing for one key, and that victim is simply run again.
 */
@Injectable()
export class ServiceTransactions {
  private readonly serial: boolean;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.serial = ds.options.type === 'better-sqlite3';
  }

  /**
   * Whether writes are serialised (SQLite), so a read inside the transaction settles a race that on MySQL only a
   * unique index can settle. On MySQL such a read is skipped: it cannot decide anything and costs a round trip.
   */
  get serialised(): boolean {
    return this.serial;
  }

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.serial ? this.ds.transaction(work) : this.withRetry(work);
  }

  private async withRetry<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ds.transaction(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      }
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code !== undefined && MYSQL_RETRY_CODES.has(code);
}
