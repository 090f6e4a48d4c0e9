import { DataSource, type QueryRunner } from 'typeorm';
import { parseDatabaseUrl } from '../../src/config/configuration.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { createTestDatabase, testDrivers } from '../support/test-database.js';

/**
 * The unique keys that concurrency guarantees rest on: the code checks nothing first and lets the database refuse the
 * second writer, so each of these must exist, on exactly these columns, on every driver.
 */
const GUARANTEES: Array<{ table: string; columns: string[]; why: string }> = [
  { table: 'service_records', columns: ['open_member_id'], why: 'one open visit per member' },
  { table: 'registrations', columns: ['active_member_id'], why: 'one active registration per member' },
  { table: 'idempotency_keys', columns: ['scoped_key'], why: 'one stored response per idempotency key' },
  { table: 'checkin_code_uses', columns: ['member_id', 'community_id', 'slot', 'phase'], why: 'a check-in code is spent once' },
  { table: 'subscribe_acceptances', columns: ['member_id', 'template_id'], why: 'one counter of accepted subscribe messages' },
  { table: 'service_record_flags', columns: ['record_id', 'flag'], why: 'a flag is raised once per record' },
  { table: 'model_posts', columns: ['active_key'], why: 'one active model post per key' },
  { table: 'model_post_holders', columns: ['post_id', 'member_id'], why: 'a member holds a post once' },
  { table: 'shared_cache', columns: ['cache_key'], why: 'one lease holder, one cached WeChat token' },
  { table: 'auth_rate_counters', columns: ['bucket_key'], why: 'one counter per sign-in bucket' },
  { table: 'refresh_tokens', columns: ['token_hash'], why: 'a refresh token is exchanged once' },
  { table: 'members', columns: ['openid'], why: 'one member per WeChat account' },
  { table: 'members', columns: ['phone_hash'], why: 'one member per phone number' },
];

/** Indexes the check-in path leans on so that a start costs the same however long a member's history is. */
const FLAT_PATH: Array<{ table: string; columns: string[]; why: string }> = [
  { table: 'service_records', columns: ['member_id', 'on_behalf', 'started_at'], why: "the member's previous start" },
  { table: 'service_records', columns: ['member_id', 'status', 'decided_at'], why: 'recent rejections' },
  { table: 'service_records', columns: ['member_id', 'service_date'], why: "the day's counted hours" },
];

async function uniqueKeys(q: QueryRunner, tableName: string): Promise<string[][]> {
  const table = await q.getTable(tableName);
  if (!table) throw new Error(`no table ${tableName}`);
  const primary = table.columns.filter((c) => c.isPrimary).map((c) => c.name);
  return [
    ...(primary.length ? [primary] : []),
    ...table.indices.filter((i) => i.isUnique).map((i) => i.columnNames),
    ...table.uniques.map((u) => u.columnNames),
    ...table.columns.filter((c) => c.isUnique).map((c) => [c.name]),
  ];
}

async function indexPrefixes(q: QueryRunner, tableName: string): Promise<string[][]> {
  const table = await q.getTable(tableName);
  if (!table) throw new Error(`no table ${tableName}`);
  return table.indices.map((i) => i.columnNames);
}

describe.each(testDrivers())('migrations on %s', (driver) => {
  it('run up, all the way down, and up again on an empty database', async () => {
    const db = await createTestDatabase(driver);
    const ds = new DataSource(dataSourceOptions(parseDatabaseUrl(db.url, process.cwd())));
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
      const q = ds.createQueryRunner();
      for (const meta of ds.entityMetadatas) expect(await q.hasTable(meta.tableName)).toBe(true);
      // Every entity column exists in the migrated schema, so entities and migrations cannot drift apart silently.
      for (const meta of ds.entityMetadatas) {
        const table = await q.getTable(meta.tableName);
        const names = table!.columns.map((c) => c.name);
        for (const col of meta.columns) expect(names).toContain(col.databaseName);
        // A renamed table must not leave a foreign key pointing at its old name.
        for (const fk of table!.foreignKeys) expect(await q.hasTable(fk.referencedTableName)).toBe(true);
      }
      for (const key of GUARANTEES) {
        // Order does not change what a unique key refuses, so the columns are compared as a set.
        const sets = (await uniqueKeys(q, key.table)).map((cols) => [...cols].sort().join(','));
        expect({ ...key, found: sets.includes([...key.columns].sort().join(',')) }).toEqual({ ...key, found: true });
      }
      for (const index of FLAT_PATH) {
        // Here order matters: the query's equality columns first, then the one it ranges or sorts on.
        const starts = (await indexPrefixes(q, index.table)).some((cols) => index.columns.every((c, i) => cols[i] === c));
        expect({ ...index, found: starts }).toEqual({ ...index, found: true });
      }
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      for (const meta of ds.entityMetadatas) expect(await q.hasTable(meta.tableName)).toBe(false);
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
      await q.release();
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
