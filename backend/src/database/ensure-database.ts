import { createConnection } from 'mysql2/promise';
import type { DatabaseSection } from '../config/configuration.js';

/**
 * Outside production, a MySQL database named in DATABASE_URL is created when missing, so trying the product on a
 * fresh MariaDB is one command. Production databases are provisioned by their owners and never created here.
 */
export async function ensureMysqlDatabase(db: DatabaseSection): Promise<void> {
  if (db.type !== 'mysql') return;
  const url = new URL(db.url);
  const conn = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    connectTimeout: 5000,
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}
