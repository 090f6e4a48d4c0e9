import { Logger } from '@nestjs/common';
import type { Role } from '@pioneer/shared-types';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

// Values the requests below really send: the demo district's 张建国 and his phone, a WeChat-shaped openid.
const NAME = '张建国';
const PHONE = '13800000001';
const OPENID = 'oLogScan_M2pxb1Q9zNjWeS6oAbc';
const FAKE_OPENID = 'o-logscan';

interface LogLine {
  msg?: string;
  req?: { url?: string };
  url?: string;
  err?: { type?: string; message?: string; code?: unknown };
}

describe.each(testDrivers())('what the log keeps of personal data, on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const bearer = async (role: Role) => {
    const res = await api().post('/api/v1/auth/demo').send({ role }).expect(200);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  };
  // Every line of this test file's log so far: the first app of a jest process keeps the log for all later ones.
  const logLines = (): { raw: string; line: LogLine }[] =>
    readFileSync(t.config.app.logFile!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((raw) => ({ raw, line: JSON.parse(raw) as LogLine }));

  it('logs the paths of requests whose query strings carry names, phones and tokens, without the query', async () => {
    const organizer = await bearer('organizer');
    await api().get(`/api/v1/members?q=${PHONE}`).set(organizer);
    await api().get(`/api/v1/members?q=${encodeURIComponent(NAME)}`).set(organizer);
    const worker = await bearer('worker');
    await api().get(`/api/v1/registrations/member-lookup?name=${encodeURIComponent(NAME)}&phone=${PHONE}`).set(worker);
    // The routes that carry them now, in a body.
    await api().post('/api/v1/registrations/member-lookup').set(worker).send({ name: NAME, phone: PHONE }).expect(200);
    await api().post('/api/v1/members/search').set(organizer).send({ q: PHONE }).expect(200);
    await api().get(`/api/v1/me?access_token=${organizer.Authorization.slice('Bearer '.length)}`);
    await api().post('/api/v1/auth/wechat').send({ code: t.wechat.issueLoginCode(FAKE_OPENID) });

    const urls = logLines()
      .map(({ line }) => line.req?.url)
      .filter((url): url is string => url !== undefined);
    expect(urls).toEqual(
      expect.arrayContaining(['/api/v1/members', '/api/v1/members/search', '/api/v1/registrations/member-lookup', '/api/v1/me']),
    );
    expect(urls.filter((url) => url.includes('?'))).toEqual([]);
  });

  it('logs a database error by type and code, without its SQL parameters or the values in its message', async () => {
    const ds = t.app.get(DataSource);
    const [a, b] = (await ds.query('SELECT id FROM members ORDER BY id')) as Array<{ id: string }>;
    // Two members with one openid: the driver refuses it and the error carries the openid and the ids.
    const failure = await ds
      .query('UPDATE members SET openid = ? WHERE id IN (?, ?)', [FAKE_OPENID, a!.id, b!.id])
      .then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    // As the exception filter logs an unexpected error (it logs the path only).
    new Logger('Errors').error({ err: failure, url: '/api/v1/members/search' }, 'unhandled error');

    const logged = logLines()
      .filter(({ line }) => line.msg === 'unhandled error')
      .at(-1)?.line;
    expect(logged?.err).toMatchObject({ type: 'QueryFailedError' });
    expect(Object.keys(logged!.err!).sort()).toEqual(expect.arrayContaining(['message', 'type']));
    expect(logged).not.toHaveProperty('err.parameters');
    expect(logged).not.toHaveProperty('err.driverError');
    expect(logged).not.toHaveProperty('err.query');
  });

  it('masks a phone number, an openid or a token that a careless log call writes into a message', async () => {
    const token = (await bearer('member')).Authorization;
    new Logger('Careless').log(`bound ${OPENID} for ${PHONE} (+86 ${PHONE}) with ${token}`);
    new Logger('Careless').warn({ phone: PHONE, openid: OPENID, header: token }, 'lookup');
    const careless = logLines()
      .filter(({ raw }) => raw.includes('"context":"Careless"'))
      .slice(-2);
    expect(careless.map(({ line }) => line.msg)).toEqual(['bound [openid] for [phone] ([phone]) with Bearer [token]', 'lookup']);
    expect(careless[1]!.line).toMatchObject({ phone: '[phone]', openid: '[openid]', header: 'Bearer [token]' });
  });

  it('leaves no phone number, openid or token anywhere in the log', () => {
    const raw = logLines()
      .map((l) => l.raw)
      .join('\n');
    expect(raw).toContain('/api/v1/registrations/member-lookup');
    expect(raw).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/);
    expect(raw).not.toContain(OPENID);
    expect(raw).not.toContain(FAKE_OPENID);
    expect(raw).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}\./);
    expect(raw).not.toContain(NAME);
  });
});
