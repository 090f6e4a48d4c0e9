import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { TokenResponse } from '@pioneer/shared-types';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { StartupSecretEntity } from '../../src/database/startup-secret.entity.js';
import { loadConfiguration } from '../../src/config/configuration.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

/** Migrating a fresh MySQL database takes seconds; Jest's default 5 s would cut it off. */
const STARTUP_MS = 60_000;

/**
 * Each instance here reads its own configuration from scratch, as a separate process would: what they share comes
 * from the database alone.
 */
describe.each(testDrivers())('start-up secrets kept in the database on %s', (driver) => {
  let t: TestApp;
  const others: NestFastifyApplication[] = [];
  const envOf = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    DEMO_MODE: 'true',
    DATABASE_URL: t.db.url,
    LOG_LEVEL: 'silent',
    WECHAT_API_BASE: t.wechatUrl,
    H5_DIR: '/nonexistent-h5-build',
    ...extra,
  });
  const listen = async (app: NestFastifyApplication): Promise<string> => {
    others.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('no listening address');
    return `http://127.0.0.1:${address.port}`;
  };
  const adminToken = async (base: string) =>
    ((await request(base).post('/api/v1/auth/demo').send({ role: 'admin' }).expect(200)).body as TokenResponse).accessToken;
  const members = (base: string, token: string) => request(base).get('/api/v1/members').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp(driver);
  }, STARTUP_MS);
  afterAll(async () => {
    for (const app of others) await app.close();
    await t?.close();
  }, STARTUP_MS);

  it('gives a second demo instance the same data key and JWT secret', async () => {
    const b = await listen(await createApp(loadConfiguration(envOf())));
    const token = await adminToken(t.baseUrl);
    expect((await members(b, token)).status).toBe(200);
    expect((await members(t.baseUrl, await adminToken(b))).status).toBe(200);
  }, STARTUP_MS);

  it('refuses a data key that cannot read the rows of a database without a stored key check', async () => {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const secrets = ds.getRepository(StartupSecretEntity);
    // A database from before the check existed: its rows are the only witness of the key.
    await secrets.delete({ name: 'data_key_check' });
    await expect(createApp(loadConfiguration(envOf({ DATA_ENCRYPTION_KEY: '12'.repeat(32) })))).rejects.toMatchObject({
      variable: 'DATA_ENCRYPTION_KEY',
    });
    expect(await secrets.findOneBy({ name: 'data_key_check' })).toBeNull();
    // The right key passes and stores the check from then on.
    const b = await listen(await createApp(loadConfiguration(envOf())));
    expect((await members(b, await adminToken(b))).status).toBe(200);
    expect(await secrets.findOneBy({ name: 'data_key_check' })).not.toBeNull();
  }, STARTUP_MS);
});
