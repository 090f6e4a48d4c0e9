import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody, DistrictOverviewResponse, MeResponse, Role } from '@pioneer/shared-types';
import { ROLES } from '@pioneer/shared-types';
import request from '../support/http.js';
import type { DataSource } from 'typeorm';
import { DEMO_PHONES } from '../../src/database/seeds/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

describe.each(testDrivers())('foundation over HTTP on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const login = async (role: Role): Promise<string> => {
    const res = await api().post('/api/v1/auth/demo').send({ role }).expect(200);
    return res.body.accessToken as string;
  };

  it('reports health with the database up', async () => {
    const res = await api().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the seeded district to visitors without a token', async () => {
    const res = await api().get('/api/v1/public/overview').expect(200);
    const body = res.body as DistrictOverviewResponse;
    expect(body.unitCount).toBe(body.units.length);
    expect(body.communityCount).toBe(body.communities.length);
    expect(body.communities.map((c) => c.name)).toContain('向阳社区');
    expect(body.communities.find((c) => c.name === '向阳社区')?.streetName).toBe('向阳街道');
    expect(JSON.stringify(body)).not.toMatch(/1380000/);
  });

  it.each(ROLES)('signs in a seeded %s in demo mode and shows them with a masked phone', async (role) => {
    const token = await login(role);
    const res = await api().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    const me = res.body as MeResponse;
    expect(me.roles.map((r) => r.role)).toContain(role);
    expect(me.maskedPhone).toMatch(/^138\*\*\*\*\d{4}$/);
    expect(JSON.stringify(me)).not.toMatch(/1380000\d{4}/);
    expect(me.unit.name.length).toBeGreaterThan(0);
  });

  it('names the worker scope by its community', async () => {
    const me = (await api().get('/api/v1/me').set('Authorization', `Bearer ${await login('worker')}`)).body as MeResponse;
    expect(me.roles.find((r) => r.role === 'worker')).toMatchObject({ scopeKind: 'community', scopeName: '向阳社区' });
  });

  it('refuses an unknown role with a field-level Chinese message', async () => {
    const res = await api().post('/api/v1/auth/demo').send({ role: 'king' }).expect(400);
    const body = res.body as ApiErrorBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([{ field: 'role', message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
  });

  it('refuses fields it does not know', async () => {
    const res = await api().post('/api/v1/auth/demo').send({ role: 'member', admin: true }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'admin' })]));
  });

  it('answers malformed JSON, a wrong content type and an oversized body with 4xx codes', async () => {
    const bad = await api().post('/api/v1/auth/demo').set('Content-Type', 'application/json').send('{"role":').expect(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(bad.body.message).toMatch(/JSON/);
    const type = await api().post('/api/v1/auth/demo').set('Content-Type', 'text/xml').send('<role/>').expect(415);
    expect(type.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await api()
      .post('/api/v1/auth/demo')
      .send({ role: 'member', pad: 'x'.repeat(t.config.app.bodyLimitBytes + 10) })
      .expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await api().get('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: expect.any(String) });
  });

  it('needs a valid token for everything but the public endpoints', async () => {
    expect((await api().get('/api/v1/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect((await api().get('/api/v1/me').set('Authorization', 'Bearer not.a.token').expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
    const { JwtService } = await import('@nestjs/jwt');
    const jwt = t.app.get(JwtService);
    const member = (await api().get('/api/v1/me').set('Authorization', `Bearer ${await login('member')}`)).body as MeResponse;
    const expired = await jwt.signAsync({ sub: member.id, typ: 'access' }, { expiresIn: -10 });
    expect((await api().get('/api/v1/me').set('Authorization', `Bearer ${expired}`).expect(401)).body.code).toBe(
      'TOKEN_EXPIRED',
    );
  });

  it('sends security headers, echoes a request id and allows only configured origins', async () => {
    const res = await api().get('/api/health').set('X-Request-Id', 'trace-12345678').set('Origin', 'http://127.0.0.1:0');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:0');
    const evil = await api().get('/api/health').set('Origin', 'https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('publishes an OpenAPI 3 document covering the product endpoints', async () => {
    const res = await api().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/public/overview', '/api/v1/auth/demo', '/api/v1/me']),
    );
  });

  it('stores no plaintext phone number in any table', async () => {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const tables = ds.entityMetadatas.map((m) => m.tableName);
    expect(tables).toContain('members');
    for (const table of tables) {
      const rows: Array<Record<string, unknown>> = await ds.query(`SELECT * FROM ${table}`);
      const dump = JSON.stringify(rows);
      for (const phone of DEMO_PHONES) expect(dump).not.toContain(phone);
    }
  });

  it('returns 503 from health when the database is gone', async () => {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    await ds.destroy();
    const res = await api().get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'error', db: 'down' });
    await ds.initialize();
    await api().get('/api/health').expect(200);
  });
});

describe('outside demo mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', {
      DEMO_MODE: 'false',
      // Outside demo mode nothing is generated: the secrets are the operator's.
      JWT_SECRET: 'foundation-suite-secret-0123456789abcdef',
      CHECKIN_CODE_SECRET: 'foundation-checkin-secret-0123456789abcdef',
      DATA_ENCRYPTION_KEY: 'ef'.repeat(32),
      RATE_LIMIT_PER_MINUTE: '5',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers demo login with 404 DEMO_DISABLED', async () => {
    const res = await request(t.baseUrl).post('/api/v1/auth/demo').send({ role: 'member' }).expect(404);
    expect(res.body.code).toBe('DEMO_DISABLED');
  });

  it('limits the request rate with a Chinese 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await request(t.baseUrl).get('/api/v1/public/overview')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses).toContain(429);
    const res = await request(t.baseUrl).get('/api/v1/public/overview').expect(429);
    expect(res.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });
});
