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

  it('keeps a plain write made while another request\'s transaction is open when that transaction rolls back', async () => {
    const repo = ds.getRepository(SharedCacheEntity);
    const row = (key: string) => ({ key, value: 'v', expiresAt: Date.now() + 60_000 });
    await repo.insert(row('lw-existing'));
    let opened!: () => void;
    const isOpen = new Promise<void>((r) => (opened = r));
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    // Request A holds a transaction open, then rolls back.
    const a = ds.transaction(async (m) => {
      await m.insert(SharedCacheEntity, row('lw-a'));
      opened();
      await gate;
      throw new Error('rolled back on purpose');
    });
    await isOpen;
    // Request B, in its own async context, writes without a transaction of its own: insert, save, update.
    const b = Promise.all([
      repo.insert(row('lw-insert')),
      repo.save(row('lw-save')),
      repo.update({ key: 'lw-existing' }, { value: 'changed' }),
      ds.query('INSERT INTO shared_cache (cache_key, value, expires_at) VALUES (?, ?, ?)', ['lw-raw', 'v', Date.now()]),
    ]);
    await new Promise((r) => setTimeout(r, 50));
    finish();
    await expect(a).rejects.toThrow('rolled back on purpose');
    await b;
    const rows = await repo.find();
    const keys = rows.map((r) => r.key);
    expect(keys).not.toContain('lw-a');
    expect(keys).toEqual(expect.arrayContaining(['lw-insert', 'lw-save', 'lw-raw']));
    expect(rows.find((r) => r.key === 'lw-existing')?.value).toBe('changed');
  });

  it('lets a plain write through the data source inside a transaction join it instead of waiting for it', async () => {
    const repo = ds.getRepository(SharedCacheEntity);
    const outcome = ds.transaction(async (m) => {
      await m.insert(SharedCacheEntity, { key: 'join-a', value: 'a', expiresAt: Date.now() + 60_000 });
      if (driver === 'sqlite') await repo.insert({ key: 'join-b', value: 'b', expiresAt: Date.now() + 60_000 });
      throw new Error('rolled back on purpose');
    });
    await expect(outcome).rejects.toThrow('rolled back on purpose');
    expect(await repo.countBy({ key: 'join-b' })).toBe(0);
  });
});
