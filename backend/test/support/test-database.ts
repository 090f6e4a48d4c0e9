import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type Driver = 'sqlite' | 'mysql';

export interface TestDatabase {
  driver: Driver;
  url: string;
  drop(): Promise<void>;
}

/**
 * The drivers every database test runs on: SQLite always, MySQL/MariaDB when TEST_MYSQL_URL points at a server.
 * Under CI the MySQL run is required, so a missing server fails loudly instead of silently shrinking the suite.
 */
export function testDrivers(): Driver[] {
  if (process.env.TEST_MYSQL_URL) return ['sqlite', 'mysql'];
  if (process.env.CI === 'true') throw new Error('TEST_MYSQL_URL must be set when CI=true: the MySQL suite is required');
  return ['sqlite'];
}

/** A fresh, empty database of its own for one test file: a temp SQLite file, or a new MySQL database. */
export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pioneer-test-'));
    return {
      driver,
      url: `sqlite:${join(dir, 'test.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = new URL(process.env.TEST_MYSQL_URL!);
  const name = `pioneer_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = () =>
    createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
    });
  const conn = await admin();
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    driver,
    url: url.toString(),
    drop: async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
