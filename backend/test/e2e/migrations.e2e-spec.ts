import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../src/config/configuration.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { createTestDatabase, testDrivers } from '../support/test-database.js';

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
