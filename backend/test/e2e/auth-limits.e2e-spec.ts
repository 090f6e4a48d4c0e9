import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody, ConsolePollResponse, ConsoleTicketResponse, TokenResponse, WechatLoginResponse } from '@pioneer/shared-types';
import request from '../support/http.js';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

const CHINESE = /[\u4e00-\u9fff]/;
/** Migrating a fresh MySQL database takes seconds; Jest's default 5 s would cut it off. */
const STARTUP_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Time limits and rate limits, with tiny values so the suite can reach them, on two backend instances sharing one
 * database: sessions, console tickets and per-account counters must hold whichever instance a request reaches.
 */
describe.each(testDrivers())('session lifetimes and rate limits across two instances on %s', (driver) => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await startTestApp(driver, {
      // Shared by both instances, as in production.
      JWT_SECRET: 'limits-suite-secret-0123456789abcdef',
      DATA_ENCRYPTION_KEY: 'ab'.repeat(32),
      SESSION_IDLE_TIMEOUT_SECONDS: '2',
      SESSION_ABSOLUTE_TTL_SECONDS: '3',
      CONSOLE_TICKET_TTL_SECONDS: '1',
      AUTH_RATE_LIMIT_PER_MINUTE: '8',
      LOGIN_ATTEMPTS_PER_OPENID: '2',
      BIND_ATTEMPTS_PER_OPENID: '2',
      OPENID_RATE_WINDOW_SECONDS: '600',
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

  const post = (base: string, path: string, body: object = {}, token?: string) => {
    const req = request(base).post(path);
    if (token) void req.set('Authorization', `Bearer ${token}`);
    return req.send(body);
  };
  const errorOf = (res: request.Response): ApiErrorBody => res.body as ApiErrorBody;
  const demo = async (base: string, role = 'member'): Promise<TokenResponse> => (await post(base, '/api/v1/auth/demo', { role })).body as TokenResponse;
  const refresh = (base: string, refreshToken: string | undefined) => post(base, '/api/v1/auth/refresh', { refreshToken });
  const login = (base: string, openid: string) => post(base, '/api/v1/auth/wechat', { code: t.wechat.issueLoginCode(openid) });

  describe('time limits', () => {
    // The idle session and the ticket start with the block, so their waits overlap the absolute-lifetime test (~3 s).
    let started: number;
    let idle: TokenResponse;
    let expiring: ConsoleTicketResponse;
    const at = (ms: number) => sleep(Math.max(0, started + ms - Date.now()));

    beforeAll(async () => {
      started = Date.now();
      idle = await demo(a);
      expiring = (await post(a, '/api/v1/auth/console/ticket')).body as ConsoleTicketResponse;
    });

    it('ends a session at its absolute lifetime however often it is refreshed', async () => {
      const t0 = Date.now();
      const after = (ms: number) => sleep(Math.max(0, t0 + ms - Date.now()));
      let current = await demo(a);
      await after(1200);
      let res = await refresh(b, current.refreshToken);
      expect(res.status).toBe(200);
      current = res.body as TokenResponse;
      // The idle allowance (2 s) is cut to what is left of the absolute lifetime, rounded down.
      expect(current.refreshExpiresIn).toBe(1);
      await after(2300);
      res = await refresh(a, current.refreshToken);
      expect(res.status).toBe(200);
      current = res.body as TokenResponse;
      expect(current.refreshExpiresIn).toBe(0);
      await after(3300);
      res = await refresh(b, current.refreshToken);
      expect(res.status).toBe(401);
      expect(errorOf(res).code).toBe('SESSION_EXPIRED');
    }, 15_000);

    it('ends a session unused for longer than the idle timeout', async () => {
      expect(idle.refreshExpiresIn).toBe(2);
      await at(2300);
      const res = await refresh(b, idle.refreshToken);
      expect(res.status).toBe(401);
      expect(errorOf(res).code).toBe('SESSION_EXPIRED');
      expect(errorOf(res).message).toMatch(CHINESE);
    });

    it('expires a console ticket after CONSOLE_TICKET_TTL_SECONDS', async () => {
      expect(expiring.expiresIn).toBe(1);
      await at(1100);
      const res = await post(b, '/api/v1/auth/console/poll', { ticketId: expiring.ticketId, pollSecret: expiring.pollSecret });
      expect(res.status).toBe(410);
      expect(errorOf(res).code).toBe('CONSOLE_TICKET_EXPIRED');
    });
  });

  describe('sessions and tickets on either instance', () => {
    it('detects reuse of a refresh token across instances', async () => {
      const first = await demo(a);
      const rotated = await refresh(b, first.refreshToken);
      expect(rotated.status).toBe(200);
      // Once its successor is used, the first token can no longer be a retry of a lost answer.
      const third = await refresh(a, (rotated.body as TokenResponse).refreshToken);
      expect(third.status).toBe(200);
      expect(errorOf(await refresh(b, first.refreshToken)).code).toBe('REFRESH_TOKEN_REUSED');
      expect(errorOf(await refresh(a, (third.body as TokenResponse).refreshToken)).code).toBe('REFRESH_TOKEN_INVALID');
    });

    it('gives two simultaneous refreshes of the same token on two instances the same pair', async () => {
      const session = await demo(a);
      const results = await Promise.all([refresh(a, session.refreshToken), refresh(b, session.refreshToken)]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const [one, other] = results.map((r) => r.body as TokenResponse);
      expect(other!.refreshToken).toBe(one!.refreshToken);
      expect(other!.accessToken).toBe(one!.accessToken);
      expect((await refresh(b, one!.refreshToken)).status).toBe(200);
    });

    it('confirms a console ticket on one instance and hands the session out on the other', async () => {
      const tk = (await post(a, '/api/v1/auth/console/ticket')).body as ConsoleTicketResponse;
      const worker = await demo(b, 'worker');
      expect((await post(b, '/api/v1/auth/console/confirm', { scanPayload: tk.scanPayload }, worker.accessToken)).status).toBe(204);
      const polled = (await post(a, '/api/v1/auth/console/poll', { ticketId: tk.ticketId, pollSecret: tk.pollSecret })).body as ConsolePollResponse;
      expect(polled.status).toBe('confirmed');
      expect(polled.session?.accessToken).toEqual(expect.any(String));
      const again = await post(b, '/api/v1/auth/console/poll', { ticketId: tk.ticketId, pollSecret: tk.pollSecret });
      expect(again.body).toEqual({ status: 'consumed' });
    });
  });

  describe('rate limits', () => {
    it('limits sign-ins per WeChat account, counted across instances', async () => {
      expect((await login(a, 'oLIMIT-flood')).status).toBe(200);
      expect((await login(b, 'oLIMIT-flood')).status).toBe(200);
      const refused = await login(a, 'oLIMIT-flood');
      expect(refused.status).toBe(429);
      expect(errorOf(refused)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(CHINESE) });
      expect(errorOf(refused).message).toContain('10 分钟');
      // Someone else is not held up.
      expect((await login(b, 'oLIMIT-other')).status).toBe(200);
    });

    it('limits bind attempts per WeChat account, counted across instances', async () => {
      const ticket = ((await login(a, 'oLIMIT-guesser')).body as Extract<WechatLoginResponse, { status: 'unbound' }>).bindTicket;
      const guess = (base: string) => post(base, '/api/v1/auth/bind/invite', { bindTicket: ticket, name: '张建国', inviteCode: 'WRONG234' });
      expect(errorOf(await guess(a)).code).toBe('BIND_INVITE_INVALID');
      expect(errorOf(await guess(b)).code).toBe('BIND_INVITE_INVALID');
      const refused = await guess(a);
      expect(refused.status).toBe(429);
      expect(errorOf(refused)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(CHINESE) });
      expect((await guess(b)).status).toBe(429);

      const ds = t.app.get<DataSource>(getDataSourceToken());
      const counters = JSON.stringify(await ds.query('SELECT * FROM auth_rate_counters'));
      expect(counters).not.toContain('oLIMIT');
      const audits: Array<{ detail: string | null }> = await ds.query("SELECT detail FROM audit_logs WHERE action = 'auth.bind'");
      expect(audits.some((r) => r.detail?.includes('RATE_LIMITED'))).toBe(true);
    });

    it('limits each sign-in route per client IP with a Chinese 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) statuses.push((await post(a, '/api/v1/auth/bind/phone', { bindTicket: 'x'.repeat(43), phoneCode: 'c' })).status);
      expect(statuses.slice(0, 8)).toEqual(Array(8).fill(400));
      expect(statuses[8]).toBe(429);
      const res = await post(a, '/api/v1/auth/bind/phone', { bindTicket: 'x'.repeat(43), phoneCode: 'c' });
      expect(errorOf(res)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(CHINESE) });
      // Per route: the console ticket route still answers.
      expect((await post(a, '/api/v1/auth/console/ticket')).status).toBe(200);
    });
  });
});
