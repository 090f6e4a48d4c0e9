import 'reflect-metadata';
import { ConsoleLogger, Global, Logger, type LoggerService, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DomainException } from '../../src/common/errors/domain.exception.js';
import { SharedCacheEntity } from '../../src/common/shared-cache/shared-cache.entity.js';
import { SharedCacheService } from '../../src/common/shared-cache/shared-cache.service.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { PNG_SIGNATURE } from '../../src/wechat/fake/fake-png.js';
import { type FakeSentMessage, type FakeSubscribeAttempt, FakeWechatServer } from '../../src/wechat/fake/fake-wechat-server.js';
import { WechatClient, wechatTokenCacheKey } from '../../src/wechat/wechat-client.js';
import type { WechatClientOptions } from '../../src/wechat/wechat-options.js';
import { WechatModule } from '../../src/wechat/wechat.module.js';

const APP = { appId: 'wx-test-appid', appSecret: 'test-secret-must-never-leak-9f3a' };
const TOKEN_KEY = wechatTokenCacheKey(APP.appId);
const STABLE_TOKEN = '/cgi-bin/stable_token';
const MSG_SEC_CHECK = '/wxa/msg_sec_check';
const JSCODE2SESSION = '/sns/jscode2session';

/** Everything the client logs, so the suite can prove no secret, token or session key is ever written out. */
const logLines: string[] = [];
const capture = (...parts: unknown[]): void => {
  logLines.push(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
};
const capturingLogger: LoggerService = {
  log: capture,
  error: capture,
  warn: capture,
  debug: capture,
  verbose: capture,
  fatal: capture,
};

describe('WechatClient against the fake WeChat server', () => {
  let fake: FakeWechatServer;
  let baseUrl: string;
  let dir: string;
  let ds: DataSource;
  let cache: SharedCacheService;
  let client: WechatClient;
  /** Shifts the fake's clock, to pass the 5-minute code lifetime without waiting. */
  let skewMs = 0;
  const sessionKeysSeen: string[] = [];

  const makeClient = (overrides: Partial<WechatClientOptions> = {}): WechatClient =>
    new WechatClient({ ...APP, apiBase: baseUrl, timeoutMs: 3000, ...overrides }, cache);

  const post = async <T>(path: string, body: unknown = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const loginCode = async (openid: string, unionid?: string): Promise<string> =>
    (await post<{ code: string }>('/__fake/login-code', { openid, unionid })).code;
  const calls = async (path: string): Promise<number> =>
    (await get<Record<string, number>>('/__fake/calls'))[path] ?? 0;

  /** Resolves to the DomainException the call failed with, failing the test if it succeeded or threw something else. */
  const failure = async (promise: Promise<unknown>, code: DomainException['code']): Promise<DomainException> => {
    const outcome = await promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome)) throw new Error(`expected ${code}, but the call succeeded`);
    expect(outcome.error).toBeInstanceOf(DomainException);
    const err = outcome.error as DomainException;
    expect(err.code).toBe(code);
    expect(JSON.stringify({ message: err.message, details: err.details })).not.toContain(APP.appSecret);
    return err;
  };

  beforeAll(async () => {
    Logger.overrideLogger(capturingLogger);
    fake = new FakeWechatServer({ ...APP, now: () => Date.now() + skewMs });
    baseUrl = await fake.start(0, '127.0.0.1');
    dir = mkdtempSync(join(tmpdir(), 'pioneer-wechat-'));
    ds = new DataSource(dataSourceOptions({ type: 'sqlite', path: join(dir, 'wechat.sqlite') }));
    await ds.initialize();
    await ds.runMigrations();
    cache = new SharedCacheService(ds.getRepository(SharedCacheEntity));
  });

  beforeEach(async () => {
    skewMs = 0;
    await post('/__fake/reset');
    // A token cached by an earlier test died with the reset; each test starts without one.
    await cache.delete(TOKEN_KEY);
    client = makeClient();
  });

  afterAll(async () => {
    await fake?.stop();
    if (ds?.isInitialized) await ds.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
    Logger.overrideLogger(new ConsoleLogger());
  });

  describe('code2Session', () => {
    it('exchanges a valid code for the openid and unionid, and never returns the session_key', async () => {
      // The fake does send a session_key, so dropping it is the client's doing.
      const probe = await loginCode('o-probe');
      const query = new URLSearchParams({
        appid: APP.appId,
        secret: APP.appSecret,
        js_code: probe,
        grant_type: 'authorization_code',
      });
      const raw = (await (await fetch(`${baseUrl}${JSCODE2SESSION}?${query}`)).json()) as { session_key?: string };
      expect(typeof raw.session_key).toBe('string');
      sessionKeysSeen.push(raw.session_key!);

      const session = await client.code2Session(await loginCode('o-alice', 'u-alice'));
      expect(session).toEqual({ openid: 'o-alice', unionid: 'u-alice' });
      expect(JSON.stringify(session)).not.toMatch(/session_key|sessionKey/);
      expect(Object.keys(session).sort()).toEqual(['openid', 'unionid']);

      const withoutUnion = await client.code2Session(await loginCode('o-bob'));
      expect(withoutUnion).toEqual({ openid: 'o-bob' });
    });

    it('maps an unknown code to WECHAT_CODE_INVALID (40029)', async () => {
      const err = await failure(client.code2Session('never-issued-code'), 'WECHAT_CODE_INVALID');
      expect(err.details).toMatchObject({ api: 'jscode2session', errcode: 40029 });
      expect(err.status).toBe(400);
    });

    it('refuses a code used a second time (40163)', async () => {
      const code = await loginCode('o-carol');
      await expect(client.code2Session(code)).resolves.toEqual({ openid: 'o-carol' });
      const err = await failure(client.code2Session(code), 'WECHAT_CODE_INVALID');
      expect(err.details).toMatchObject({ errcode: 40163 });
    });

    it('refuses a code older than 5 minutes (40029)', async () => {
      const code = await loginCode('o-dave');
      skewMs = 5 * 60 * 1000 + 1000;
      const err = await failure(client.code2Session(code), 'WECHAT_CODE_INVALID');
      expect(err.details).toMatchObject({ errcode: 40029 });
    });

    it('refuses a malformed code without calling WeChat', async () => {
      await failure(client.code2Session(''), 'WECHAT_CODE_INVALID');
      await failure(client.code2Session('has space'), 'WECHAT_CODE_INVALID');
      expect(await calls(JSCODE2SESSION)).toBe(0);
    });

    it('maps more than 100 logins of one user in a minute to WECHAT_RATE_LIMITED (45011)', async () => {
      for (let i = 0; i < 100; i++) {
        await expect(client.code2Session(fake.issueLoginCode('o-busy'))).resolves.toEqual({ openid: 'o-busy' });
      }
      const err = await failure(client.code2Session(fake.issueLoginCode('o-busy')), 'WECHAT_RATE_LIMITED');
      expect(err.details).toMatchObject({ errcode: 45011 });
      expect(err.status).toBe(429);
      // The limit is per user: someone else still gets in.
      await expect(client.code2Session(await loginCode('o-other'))).resolves.toEqual({ openid: 'o-other' });
    });

    it('maps a high-risk user to WECHAT_RISKY_USER (40226)', async () => {
      await post('/__fake/risky', { openid: 'o-risky' });
      const err = await failure(client.code2Session(await loginCode('o-risky')), 'WECHAT_RISKY_USER');
      expect(err.details).toMatchObject({ errcode: 40226 });
    });
  });

  describe('transport failures', () => {
    it('gives up with WECHAT_UPSTREAM_TIMEOUT once timeoutMs has passed', async () => {
      const quick = makeClient({ timeoutMs: 300 });
      await post('/__fake/faults', { path: JSCODE2SESSION, delayMs: 5000 });
      const code = await loginCode('o-slow');
      const started = Date.now();
      const err = await failure(quick.code2Session(code), 'WECHAT_UPSTREAM_TIMEOUT');
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(2000);
      expect(err.status).toBe(504);
      // The fault was used up, and the abandoned request did not consume the code.
      await expect(quick.code2Session(code)).resolves.toEqual({ openid: 'o-slow' });
    });

    it('answers slow but in-time responses normally', async () => {
      await post('/__fake/faults', { path: JSCODE2SESSION, delayMs: 200 });
      await expect(makeClient({ timeoutMs: 2000 }).code2Session(await loginCode('o-patient'))).resolves.toEqual({
        openid: 'o-patient',
      });
    });

    it('maps an HTTP 500 to WECHAT_UPSTREAM_ERROR', async () => {
      await post('/__fake/faults', { path: JSCODE2SESSION, httpStatus: 500 });
      const err = await failure(client.code2Session(await loginCode('o-e500')), 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ api: 'jscode2session', reason: 'http_status', httpStatus: 500 });
      expect(err.status).toBe(502);
    });

    it('maps a body that is not JSON to WECHAT_UPSTREAM_ERROR', async () => {
      await post('/__fake/faults', { path: JSCODE2SESSION, rawBody: '<html>系统繁忙</html>' });
      const err = await failure(client.code2Session(await loginCode('o-html')), 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ reason: 'unparsable_body' });
    });

    it('maps any other errcode to WECHAT_UPSTREAM_ERROR with the errcode', async () => {
      await post('/__fake/faults', { path: JSCODE2SESSION, errcode: -1, errmsg: 'system error' });
      const err = await failure(client.code2Session(await loginCode('o-busy')), 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ api: 'jscode2session', errcode: -1 });
      expect(typeof (err.details as Record<string, unknown>).rid).toBe('string');
    });

    it('maps a refused connection to WECHAT_UPSTREAM_ERROR', async () => {
      const closedPort = await new Promise<number>((resolve) => {
        const probe = createServer();
        probe.listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as { port: number };
          probe.close(() => resolve(port));
        });
      });
      const offline = makeClient({ apiBase: `http://127.0.0.1:${closedPort}` });
      const err = await failure(offline.code2Session('any-code'), 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ reason: 'network' });
      expect(JSON.stringify(err.details)).not.toContain('any-code');
    });

    it('applies a fault only to as many calls as asked', async () => {
      await post('/__fake/faults', { path: JSCODE2SESSION, errcode: -1, times: 2 });
      await failure(client.code2Session(await loginCode('o-f1')), 'WECHAT_UPSTREAM_ERROR');
      await failure(client.code2Session(await loginCode('o-f2')), 'WECHAT_UPSTREAM_ERROR');
      await expect(client.code2Session(await loginCode('o-f3'))).resolves.toEqual({ openid: 'o-f3' });
    });

    it('throws a clear error when no API base URL is configured', async () => {
      const unconfigured = makeClient({ apiBase: undefined });
      await expect(unconfigured.code2Session('abc')).rejects.toThrow(/WECHAT_API_BASE/);
      await expect(unconfigured.getAccessToken()).rejects.toThrow(/not configured/);
    });
  });

  describe('access token', () => {
    it('fetches one token and reuses it across calls and across instances sharing the cache', async () => {
      await client.msgSecCheck({ openid: 'o-1', scene: 2, content: '周六上午清扫楼道' });
      await client.sendSubscribeMessage({ toUser: 'o-1', templateId: 'tpl-1', data: { thing1: { value: '楼道清扫' } } });
      await client.getUnlimitedQrCode({ scene: 'a=1' });
      expect(await calls(STABLE_TOKEN)).toBe(1);

      const otherInstance = makeClient();
      await otherInstance.msgSecCheck({ openid: 'o-1', scene: 2, content: '再来一次' });
      expect(await calls(STABLE_TOKEN)).toBe(1);
      expect(await otherInstance.getAccessToken()).toBe(await client.getAccessToken());
    });

    it('shares one in-flight token request among concurrent callers', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => client.msgSecCheck({ openid: `o-${i}`, scene: 1, content: `内容${i}` })),
      );
      expect(results.map((r) => r.suggest)).toEqual(Array(6).fill('pass'));
      expect(await calls(STABLE_TOKEN)).toBe(1);
    });

    it('caches the token until about 5 minutes before WeChat expires it', async () => {
      await client.getAccessToken();
      const row = await ds.getRepository(SharedCacheEntity).findOneByOrFail({ key: TOKEN_KEY });
      const expected = Date.now() + (7200 - 300) * 1000;
      expect(Math.abs(row.expiresAt - expected)).toBeLessThan(10_000);
    });

    it('on an expired token (42001) forces one refresh and retries once', async () => {
      const before = await client.getAccessToken();
      await post('/__fake/expire-token');
      const result = await client.msgSecCheck({ openid: 'o-1', scene: 2, content: '正常内容' });
      expect(result.suggest).toBe('pass');
      expect(await calls(STABLE_TOKEN)).toBe(2);
      expect(await calls(MSG_SEC_CHECK)).toBe(2);
      const after = await cache.get(TOKEN_KEY);
      expect(after).toBeTruthy();
      expect(after).not.toBe(before);
    });

    it('on an invalid token (40001) refreshes and retries', async () => {
      await cache.set(TOKEN_KEY, 'not-a-token-wechat-knows', 60_000);
      const result = await client.sendSubscribeMessage({
        toUser: 'o-2',
        templateId: 'tpl',
        data: { thing1: { value: '通知' } },
      });
      expect(result).toEqual({ sent: true });
      expect(await calls(STABLE_TOKEN)).toBe(1);
      expect(await cache.get(TOKEN_KEY)).not.toBe('not-a-token-wechat-knows');
    });

    it('retries only once when the renewed token is rejected too', async () => {
      await client.getAccessToken();
      await post('/__fake/faults', { path: MSG_SEC_CHECK, errcode: 40001, times: 2 });
      const check = client.msgSecCheck({ openid: 'o-1', scene: 2, content: '内容' });
      const err = await failure(check, 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ api: 'msg_sec_check', errcode: 40001 });
      expect(await calls(MSG_SEC_CHECK)).toBe(2);
      expect(await calls(STABLE_TOKEN)).toBe(2);
    });

    it('uses a token another instance already renewed instead of forcing again', async () => {
      const stale = await client.getAccessToken();
      // Hold this client's call at the fake while another instance forces a refresh, which invalidates `stale`.
      await post('/__fake/faults', { path: MSG_SEC_CHECK, delayMs: 600 });
      const pending = client.msgSecCheck({ openid: 'o-1', scene: 2, content: '内容' });
      const deadline = Date.now() + 2000;
      while (fake.callCount(MSG_SEC_CHECK) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const renewed = await makeClient().getAccessToken(true);
      expect(renewed).not.toBe(stale);
      await expect(pending).resolves.toMatchObject({ suggest: 'pass' });
      // One normal fetch, one forced refresh by the other instance; the rejection of `stale` cost no further refresh.
      expect(await calls(STABLE_TOKEN)).toBe(2);
      expect(await calls(MSG_SEC_CHECK)).toBe(2);
    });

    it('reports bad app credentials as WECHAT_UPSTREAM_ERROR without echoing the secret', async () => {
      const wrong = makeClient({ appSecret: 'wrong-secret-value' });
      const err = await failure(wrong.msgSecCheck({ openid: 'o-1', scene: 2, content: '内容' }), 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ api: 'stable_token', errcode: 40125 });
      expect(JSON.stringify(err.details)).not.toContain('wrong-secret-value');
    });

    it('fake: forcing invalidates the old token, and the 21st forced refresh of a day gets 45009', async () => {
      const old = await client.getAccessToken();
      await client.getAccessToken(true);
      const res = await fetch(`${baseUrl}${MSG_SEC_CHECK}?access_token=${old}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: 2, openid: 'o', scene: 1, content: 'x' }),
      });
      expect(((await res.json()) as { errcode: number }).errcode).toBe(40001);
      for (let i = 2; i <= 20; i++) await client.getAccessToken(true);
      const err = await failure(client.getAccessToken(true), 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ errcode: 45009 });
    });
  });

  describe('getPhoneNumber', () => {
    it('turns a one-time code into the verified phone number, once', async () => {
      const { code } = await post<{ code: string }>('/__fake/phone-code', { phoneNumber: '13800138000' });
      await expect(client.getPhoneNumber(code)).resolves.toEqual({
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
      });
      const err = await failure(client.getPhoneNumber(code), 'WECHAT_CODE_INVALID');
      expect(err.message).toContain('手机号');
      expect(err.details).toMatchObject({ api: 'getuserphonenumber', errcode: 40029 });
    });

    it('keeps the country code of a number outside mainland China', async () => {
      const { code } = await post<{ code: string }>('/__fake/phone-code', {
        phoneNumber: '4155550100',
        countryCode: '1',
      });
      await expect(client.getPhoneNumber(code)).resolves.toEqual({
        phoneNumber: '+1 4155550100',
        purePhoneNumber: '4155550100',
        countryCode: '1',
      });
    });
  });

  describe('msgSecCheck', () => {
    it('returns pass, review and risky from the moderation', async () => {
      await expect(client.msgSecCheck({ openid: 'o', scene: 2, content: '本周六社区义诊，欢迎参加' })).resolves.toMatchObject({
        suggest: 'pass',
        label: 100,
      });
      await expect(client.msgSecCheck({ openid: 'o', scene: 2, content: '需要代购的请联系' })).resolves.toMatchObject({
        suggest: 'review',
        label: 10001,
      });
      const risky = await client.msgSecCheck({ openid: 'o', scene: 3, content: '组织赌博活动' });
      expect(risky).toMatchObject({ suggest: 'risky', label: 20006 });
      expect(typeof risky.traceId).toBe('string');
    });

    it('refuses text over 2500 characters before calling WeChat', async () => {
      const check = client.msgSecCheck({ openid: 'o', scene: 2, content: '字'.repeat(2501) });
      const err = await failure(check, 'VALIDATION_FAILED');
      expect(err.message).toContain('2500');
      expect(err.details).toEqual([expect.objectContaining({ field: 'content' })]);
      expect(await calls(MSG_SEC_CHECK)).toBe(0);
    });

    it('accepts exactly 2500 characters, counting an emoji as one', async () => {
      const longest = await client.msgSecCheck({ openid: 'o', scene: 2, content: '字'.repeat(2500) });
      expect(longest.suggest).toBe('pass');
      const emoji = await client.msgSecCheck({ openid: 'o', scene: 2, content: '👍'.repeat(2500) });
      expect(emoji.suggest).toBe('pass');
      expect(await calls(MSG_SEC_CHECK)).toBe(2);
    });
  });

  describe('sendSubscribeMessage', () => {
    it('sends, and the fake records the message', async () => {
      const result = await client.sendSubscribeMessage({
        toUser: 'o-resident',
        templateId: 'tpl-reply',
        page: 'pages/need/detail?id=7',
        data: { thing1: { value: '您反映的问题已有回复' }, time2: { value: '2026-03-01 09:30' } },
        miniprogramState: 'trial',
      });
      expect(result).toEqual({ sent: true });
      const sent = await get<FakeSentMessage[]>('/__fake/sent-messages');
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        touser: 'o-resident',
        template_id: 'tpl-reply',
        page: 'pages/need/detail?id=7',
        miniprogram_state: 'trial',
        lang: 'zh_CN',
        data: { thing1: { value: '您反映的问题已有回复' }, time2: { value: '2026-03-01 09:30' } },
      });
    });

    it('reports a user who refused (43101) as a result, not an exception', async () => {
      await post('/__fake/refuse-subscribe', { openid: 'o-no' });
      await expect(
        client.sendSubscribeMessage({ toUser: 'o-no', templateId: 'tpl', data: { thing1: { value: '通知' } } }),
      ).resolves.toEqual({ sent: false, reason: 'refused' });
      expect(await get<FakeSentMessage[]>('/__fake/sent-messages')).toEqual([]);
    });

    it('reports a field WeChat rejects (47003, thing over 20 characters) as invalid_data', async () => {
      await expect(
        client.sendSubscribeMessage({ toUser: 'o-1', templateId: 'tpl', data: { thing1: { value: '字'.repeat(21) } } }),
      ).resolves.toEqual({ sent: false, reason: 'invalid_data' });
      expect(await get<FakeSentMessage[]>('/__fake/sent-messages')).toEqual([]);
      await expect(
        client.sendSubscribeMessage({ toUser: 'o-1', templateId: 'tpl', data: { thing1: { value: '字'.repeat(20) } } }),
      ).resolves.toEqual({ sent: true });
    });
  });

  describe('the fake’s subscribe-message field rules', () => {
    const send = (time2: string) =>
      client.sendSubscribeMessage({ toUser: 'o-time', templateId: 'tpl-time', data: { thing1: { value: '活动提醒' }, time2: { value: time2 } } });

    it('takes WeChat’s time formats and refuses anything else in a time field (47003)', async () => {
      for (const good of ['2026-03-01 09:30', '15:01', '2019年10月1日 15:01', '2026-03-01 09:30 ~ 11:30']) {
        await expect(send(good)).resolves.toEqual({ sent: true });
      }
      for (const bad of ['活动开始前', '2026-03-01', '明天 9 点']) {
        await expect(send(bad)).resolves.toEqual({ sent: false, reason: 'invalid_data' });
      }
    });

    it('shows every attempt with the data it received and its errcode, refused ones too', async () => {
      await send('2026-03-01 09:30');
      await send('活动开始前');
      await post('/__fake/refuse-subscribe', { openid: 'o-time' });
      await send('2026-03-01 09:30');
      await post('/__fake/allow-subscribe', { openid: 'o-time' });
      await send('2026-03-01 10:30');
      const attempts = await get<FakeSubscribeAttempt[]>('/__fake/subscribe-attempts');
      expect(attempts.map((a) => [a.data.time2!.value, a.errcode])).toEqual([
        ['2026-03-01 09:30', 0],
        ['活动开始前', 47003],
        ['2026-03-01 09:30', 43101],
        ['2026-03-01 10:30', 0],
      ]);
      expect(attempts[0]).toMatchObject({ touser: 'o-time', template_id: 'tpl-time', data: { thing1: { value: '活动提醒' } } });
      expect(await get<FakeSentMessage[]>('/__fake/sent-messages')).toHaveLength(2);
    });
  });

  describe('getUnlimitedQrCode', () => {
    it('returns the PNG bytes of the code', async () => {
      const png = await client.getUnlimitedQrCode({
        scene: 'act=42',
        page: 'pages/activity/detail',
        width: 280,
        checkPath: false,
        envVersion: 'trial',
      });
      expect(Buffer.isBuffer(png)).toBe(true);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBe(280);
      expect(png.includes(Buffer.from('scene\u0000act=42', 'latin1'))).toBe(true);
    });

    it('refuses an invalid scene before calling WeChat', async () => {
      for (const scene of ['', 'x'.repeat(33), '中文', 'a b']) {
        const err = await failure(client.getUnlimitedQrCode({ scene }), 'VALIDATION_FAILED');
        expect(err.details).toEqual([expect.objectContaining({ field: 'scene' })]);
      }
      await failure(client.getUnlimitedQrCode({ scene: 'ok', page: '/pages/index/index' }), 'VALIDATION_FAILED');
      await failure(client.getUnlimitedQrCode({ scene: 'ok', width: 100 }), 'VALIDATION_FAILED');
      expect(await calls('/wxa/getwxacodeunlimit')).toBe(0);
    });

    it('fake refuses an invalid scene with 40169, which the client maps to WECHAT_UPSTREAM_ERROR', async () => {
      const token = await client.getAccessToken();
      const res = await fetch(`${baseUrl}/wxa/getwxacodeunlimit?access_token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scene: 'x'.repeat(33) }),
      });
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(((await res.json()) as { errcode: number }).errcode).toBe(40169);

      await post('/__fake/faults', { path: '/wxa/getwxacodeunlimit', errcode: 40169 });
      const err = await failure(client.getUnlimitedQrCode({ scene: 'ok' }), 'WECHAT_UPSTREAM_ERROR');
      expect(err.details).toMatchObject({ api: 'getwxacodeunlimit', errcode: 40169 });
    });
  });

  describe('WechatModule', () => {
    it('builds the client from the wechat config section', async () => {
      @Global()
      @Module({ providers: [{ provide: SharedCacheService, useValue: cache }], exports: [SharedCacheService] })
      class TestCacheModule {}

      const moduleRef = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot({
            isGlobal: true,
            ignoreEnvFile: true,
            load: [() => ({ wechat: { ...APP, apiBase: baseUrl, timeoutMs: 2000 } })],
          }),
          TestCacheModule,
          WechatModule,
        ],
      }).compile();
      try {
        const wired = moduleRef.get(WechatClient);
        await expect(wired.code2Session(await loginCode('o-module'))).resolves.toEqual({ openid: 'o-module' });
      } finally {
        await moduleRef.close();
      }
    });
  });

  describe('fake control endpoints', () => {
    it('reset clears codes, tokens, faults and sent messages', async () => {
      const code = await loginCode('o-reset');
      await client.sendSubscribeMessage({ toUser: 'o-1', templateId: 'tpl', data: { thing1: { value: '通知' } } });
      await post('/__fake/faults', { path: JSCODE2SESSION, errcode: -1 });
      await post('/__fake/reset');
      expect(await get<FakeSentMessage[]>('/__fake/sent-messages')).toEqual([]);
      expect(await get<Record<string, number>>('/__fake/calls')).toEqual({});
      await failure(client.code2Session(code), 'WECHAT_CODE_INVALID');
    });

    it('rejects malformed control requests with 400', async () => {
      const res = await fetch(`${baseUrl}/__fake/login-code`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(400);
    });
  });

  describe('logging', () => {
    it('never wrote a secret, an access token or a session key to the log', async () => {
      const token = await client.getAccessToken();
      const everything = logLines.join('\n');
      expect(logLines.length).toBeGreaterThan(0);
      expect(everything).not.toContain(APP.appSecret);
      expect(everything).not.toContain(token);
      expect(everything).not.toMatch(/fake_[A-Za-z0-9_-]{20,}/);
      expect(everything).not.toMatch(/session_key/);
      for (const key of sessionKeysSeen) expect(everything).not.toContain(key);
    });
  });
});
