import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

const MYSQL_RETRY_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 3;

/**
 * Runs this module's writes in transactions that are safe under concurrent requests on both drivers. The unique indexes
 * decide races on both; on MySQL, InnoDB may also pick a deadlock victim among inserts racing for one key, and that
 * victim is simply run again. (SQLite queues every transaction behind the previous one in
 * database/serial-sqlite-transactions.ts, and never reports these codes.)
 */
@Injectable()
export class ServiceTransactions {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
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
