import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfiguration } from '../../src/config/configuration.js';
import { AuditLogEntity } from '../../src/modules/audit/audit-log.entity.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, testDrivers } from '../support/test-database.js';

/** Migrating a fresh MySQL database takes seconds; Jest's default 5 s would cut it off. */
const STARTUP_MS = 60_000;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const post = (base: string, path: string, body: object, forwardedFor?: string) => {
  const req = request(base).post(path);
  if (forwardedFor) void req.set('X-Forwarded-For', forwardedFor);
  return req.send(body);
};
/** A refresh with a token that exists nowhere: 401 until the per-IP limit answers 429. */
const refresh = (base: string, forwardedFor?: string) =>
  post(base, '/api/v1/auth/refresh', { refreshToken: randomBytes(24).toString('hex') }, forwardedFor);
const freshAddress = (i: number) => `198.51.100.${i + 1}`;
const demoLoginIps = async (t: TestApp): Promise<(string | null)[]> =>
  (await t.app.get<DataSource>(getDataSourceToken()).getRepository(AuditLogEntity).find({ where: { action: 'auth.demo_login' } })).map(
    (r) => r.ip,
  );

describe.each(testDrivers())('the client address behind proxies on %s', (driver) => {
  describe('with TRUST_PROXY unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(driver, { AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    }, STARTUP_MS);
    afterAll(async () => {
      await t?.close();
    }, STARTUP_MS);

    it('keeps limiting an address however often it invents a new X-Forwarded-For', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await refresh(t.baseUrl, freshAddress(i))).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429, 429, 429, 429]);
    });

    it('audits the peer address, not the header', async () => {
      expect((await post(t.baseUrl, '/api/v1/auth/demo', { role: 'member' }, '203.0.113.7')).status).toBe(200);
      const ips = await demoLoginIps(t);
      expect(ips).toHaveLength(1);
      expect(ips[0]).not.toContain('203.0.113.7');
      expect(ips[0]).toMatch(/127\.0\.0\.1/);
    });
  });

  describe('with TRUST_PROXY=127.0.0.1 (the test client is the proxy)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(driver, { AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
    }, STARTUP_MS);
    afterAll(async () => {
      await t?.close();
    }, STARTUP_MS);

    it('limits each forwarded client on its own', async () => {
      const first: number[] = [];
      for (let i = 0; i < 4; i++) first.push((await refresh(t.baseUrl, '203.0.113.20')).status);
      expect(first).toEqual([401, 401, 401, 429]);
      expect((await refresh(t.baseUrl, '203.0.113.21')).status).toBe(401);
    });

    it('audits the forwarded address', async () => {
      expect((await post(t.baseUrl, '/api/v1/auth/demo', { role: 'member' }, '203.0.113.9')).status).toBe(200);
      expect(await demoLoginIps(t)).toEqual(['203.0.113.9']);
    });
  });
});

describe('limits shared through REDIS_URL by two instances', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', {
      JWT_SECRET: 'redis-suite-secret-0123456789abcdef',
      DATA_ENCRYPTION_KEY: 'cd'.repeat(32),
      REDIS_URL,
      // A prefix of its own, so parallel runs on the same Redis never see each other's counters.
      REDIS_KEY_PREFIX: `pioneer-test:${randomBytes(6).toString('hex')}:`,
      AUTH_RATE_LIMIT_PER_MINUTE: '3',
      RATE_LIMIT_PER_MINUTE: '6',
    });
    second = await createApp(t.config);
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('no listening address');
    a = t.baseUrl;
    b = `http://127.0.0.1:${address.port}`;
  }, STARTUP_MS);
  afterAll(async () => {
    await second?.close();
    await t?.close();
  }, STARTUP_MS);

  it('counts the per-IP sign-in limit across instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await refresh(i % 2 ? b : a)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts the global request limit across instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await request(i % 2 ? b : a).get('/api/v1/public/overview')).status);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });
});

describe('a REDIS_URL where nothing answers', () => {
  it('stops the start naming REDIS_URL instead of limiting nothing', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      // Port 1 on loopback: nothing listens there, so the connection is refused at once.
      const config = loadConfiguration({ NODE_ENV: 'test', DEMO_MODE: 'true', DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:1' });
      await expect(createApp(config)).rejects.toMatchObject({ variable: 'REDIS_URL', message: expect.stringContaining('REDIS_URL') });
    } finally {
      await db.drop();
    }
  });
});
