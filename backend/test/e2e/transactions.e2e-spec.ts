import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SharedCacheEntity } from '../../src/common/shared-cache/shared-cache.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

describe.each(testDrivers())('overlapping transactions on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp(driver);
    ds = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('all commit when many run at once, and a failing one rolls back only itself', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 2));
    const runs = Array.from({ length: 25 }, (_, i) =>
      ds.transaction(async (m) => {
        await m.insert(SharedCacheEntity, { key: `tx-${i}-a`, value: 'a', expiresAt: Date.now() + 60_000 });
        await tick();
        // On SQLite a transaction opened through the data source inside another joins it rather than waiting for
        // itself; on MySQL that would take a second pooled connection, so there the nested one uses the manager.
        const nested = driver === 'sqlite' ? ds.transaction.bind(ds) : m.transaction.bind(m);
        await nested(async (inner) => {
          await inner.insert(SharedCacheEntity, { key: `tx-${i}-b`, value: 'b', expiresAt: Date.now() + 60_000 });
        });
        if (i === 7) throw new Error('rolled back on purpose');
      }),
    );
    const results = await Promise.allSettled(runs);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const keys = (await ds.getRepository(SharedCacheEntity).find()).map((r) => r.key).filter((k) => k.startsWith('tx-'));
    expect(keys).toHaveLength(48);
    expect(keys).not.toContain('tx-7-a');
  });
});
