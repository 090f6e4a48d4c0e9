import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { placeholderCodePng } from './fake-png.js';

export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  /** Lifetime of an access token; WeChat's is 7200 s. */
  tokenTtlSeconds?: number;
  /** jscode2session exchanges allowed per openid per minute; WeChat's is 100. */
  loginLimitPerMinute?: number;
  /** force_refresh calls allowed per day; WeChat's is 20. */
  forceRefreshPerDay?: number;
  /** Clock, so tests can move past the 5-minute code lifetime without waiting. */
  now?: () => number;
}

/** Makes the next `times` calls to `path` slow and/or fail. */
export interface FakeFault {
  /** An API path such as `/sns/jscode2session`. */
  path: string;
  /** Answer `{errcode, errmsg}` instead of the real handling. */
  errcode?: number;
  errmsg?: string;
  /** Wait this long before answering (the answer is then the fault's, or the real one). */
  delayMs?: number;
  /** Answer with this HTTP status (with `rawBody`, or a small HTML error page). */
  httpStatus?: number;
  /** Answer with this body as text/html, e.g. to simulate a gateway page where JSON was due. */
  rawBody?: string;
  /** How many calls the fault applies to; 1 unless given. */
  times?: number;
}

/** Every subscribe/send the fake answered: what it received and its errcode (0: sent). */
export interface FakeSubscribeAttempt {
  touser: string;
  template_id: string;
  data: Record<string, { value: string }>;
  errcode: number;
  at: string;
}

export interface FakeSentMessage {
  msgid: number;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  sentAt: string;
}

/** Words the fake's deterministic moderation reacts to (with WeChat's label numbers). */
export const FAKE_RISKY_WORDS: Readonly<Record<string, number>> = {
  赌博: 20006,
  诈骗: 20008,
  毒品: 20006,
  'fake-risky': 21000,
};
export const FAKE_REVIEW_WORDS: Readonly<Record<string, number>> = { 代购: 10001, 加微信: 10001, 'fake-review': 21000 };

type JsonObject = Record<string, unknown>;

interface Reply {
  status: number;
  contentType: string;
  body: string | Buffer;
}

interface IssuedCode {
  expiresAt: number;
  used: boolean;
}
interface LoginCode extends IssuedCode {
  openid: string;
  unionid?: string;
}
interface PhoneCode extends IssuedCode {
  purePhoneNumber: string;
  countryCode: string;
}

interface Request {
  method: string;
  query: URLSearchParams;
  body: JsonObject;
}

const CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_HANDOVER_MS = 5 * 60 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPE = 'application/json; encoding=utf-8';
/** WeChat's rules, written out again here rather than shared with the client, so the fake really checks the client. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const PAGE_PATTERN = /^[A-Za-z0-9_\-]+(\/[A-Za-z0-9_\-]+)*$/;
const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);

/** 24-hour time, or a date with one: 15:01, 2019-10-01 15:01, 2019年10月1日 15:01 (optionally a range with ~). */
const CLOCK = String.raw`\d{1,2}:\d{2}(:\d{2})?`;
const DAY = String.raw`\d{4}(-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|年\d{1,2}月\d{1,2}日)`;
const ONE_TIME = `(${DAY}\\s*${CLOCK}|${CLOCK})`;
const TIME_PATTERN = new RegExp(`^${ONE_TIME}(\\s*~\\s*${ONE_TIME})?$`);
const DATE_PATTERN = new RegExp(`^${DAY}(\\s*${CLOCK})?(\\s*~\\s*${DAY}(\\s*${CLOCK})?)?$`);

/** Value rules of subscribe-message field types (WeChat's keyword types), enough to catch a template mismatch. */
const FIELD_RULES: Readonly<Record<string, (value: string) => boolean>> = {
  thing: (v) => [...v].length <= 20,
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?$/.test(v) && v.length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(v),
  name: (v) => [...v].length <= 20,
  phone_number: (v) => /^[\d+\- ]{1,17}$/.test(v),
  car_number: (v) => [...v].length <= 8,
  amount: (v) => /^[¥￥]?\d+(\.\d{1,2})?元?$/.test(v),
  time: (v) => v.length <= 40 && TIME_PATTERN.test(v),
  date: (v) => v.length <= 40 && DATE_PATTERN.test(v),
};

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rid(): string {
  return [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
}

function json(body: JsonObject, status = 200, contentType = JSON_TYPE): Reply {
  return { status, contentType, body: JSON.stringify(body) };
}

/** WeChat's error shape: `{errcode, errmsg}` with a request id at the end of errmsg, on HTTP 200. */
function wxError(errcode: number, errmsg: string): Reply {
  return json({ errcode, errmsg: `${errmsg} rid: ${rid()}` });
}

class ControlError extends Error {}

function requireString(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw new ControlError(`"${field}" must be a non-empty string`);
  return value;
}

/** China's calendar day, which is when WeChat's daily quotas reset. */
function chinaDay(now: number): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * A local stand-in for WeChat's server API (api.weixin.qq.com), with WeChat's response shapes and error codes and all
 * state in memory. The demo and the tests talk to it over real HTTP, exactly as production talks to WeChat.
 * `/__fake/*` control endpoints play the device's part (issuing `wx.login` codes) and set up failures.
 */
export class FakeWechatServer {
  private readonly appId: string;
  private readonly appSecret: string;
  private readonly tokenTtlMs: number;
  private readonly loginLimitPerMinute: number;
  private readonly forceRefreshPerDay: number;
  private readonly now: () => number;
  private server: Server | undefined;
  private url: string | undefined;
  /** Wake-ups of requests held by a delay fault, so stop() never waits for them. */
  private readonly pauses = new Set<() => void>();

  private loginCodes = new Map<string, LoginCode>();
  private phoneCodes = new Map<string, PhoneCode>();
  private loginExchanges = new Map<string, number[]>();
  private risky = new Set<string>();
  private refusing = new Set<string>();
  private tokens = new Map<string, number>();
  private currentToken: string | undefined;
  private forceRefreshes = { day: '', count: 0 };
  private faults = new Map<string, FakeFault[]>();
  private sent: FakeSentMessage[] = [];
  private attempts: FakeSubscribeAttempt[] = [];
  private calls = new Map<string, number>();
  private nextMsgId = 1;

  constructor(options: FakeWechatOptions) {
    this.appId = options.appId;
    this.appSecret = options.appSecret;
    this.tokenTtlMs = (options.tokenTtlSeconds ?? 7200) * 1000;
    this.loginLimitPerMinute = options.loginLimitPerMinute ?? 100;
    this.forceRefreshPerDay = options.forceRefreshPerDay ?? 20;
    this.now = options.now ?? Date.now;
  }

  /** Listens and resolves with the base URL to use as `wechat.apiBase`. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server) throw new Error('FakeWechatServer is already started');
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const { port: bound } = server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.url = undefined;
    for (const wake of [...this.pauses]) wake();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections (fetch pools them) would otherwise hold close() open.
      server.closeAllConnections();
    });
  }

  get baseUrl(): string | undefined {
    return this.url;
  }

  // ---- what the device and the test harness do (also reachable over HTTP under /__fake) ----

  /** What `wx.login` on a device would produce for this user: a code valid once, for 5 minutes. */
  issueLoginCode(openid: string, unionid?: string): string {
    this.prune(this.loginCodes);
    const code = randomBytes(24).toString('base64url');
    this.loginCodes.set(code, { openid, unionid, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** What `<Button openType="getPhoneNumber">` would produce: a code valid once, for 5 minutes. */
  issuePhoneCode(phoneNumber: string, countryCode = '86'): string {
    const pure = phoneNumber.replace(/^\+\d+\s*/, '');
    if (!/^\d{5,15}$/.test(pure) || !/^\d{1,4}$/.test(countryCode)) {
      throw new ControlError('"phoneNumber" must be digits and "countryCode" 1–4 digits');
    }
    this.prune(this.phoneCodes);
    const code = randomBytes(32).toString('hex');
    this.phoneCodes.set(code, { purePhoneNumber: pure, countryCode, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** WeChat's risk control flags this user: jscode2session answers 40226. */
  markRisky(openid: string): void {
    this.risky.add(openid);
  }

  /** The user has no accepted subscription: subscribe/send answers 43101. */
  refuseSubscribe(openid: string): void {
    this.refusing.add(openid);
  }

  addFault(fault: FakeFault): void {
    const list = this.faults.get(fault.path) ?? [];
    list.push({ ...fault, times: fault.times ?? 1 });
    this.faults.set(fault.path, list);
  }

  /** Lets every issued access token run out, as if 2 hours had passed: calls with them get 42001. */
  expireAccessTokens(): number {
    const now = this.now();
    for (const token of this.tokens.keys()) this.tokens.set(token, now);
    return this.tokens.size;
  }

  sentMessages(): FakeSentMessage[] {
    return this.sent.map((m) => ({ ...m }));
  }

  /** Every subscribe/send that reached the fake with a user and template, refused ones too, with the errcode. */
  subscribeAttempts(): FakeSubscribeAttempt[] {
    return this.attempts.map((a) => ({ ...a }));
  }

  /** Lets the user receive subscribe messages again (undoes refuseSubscribe: they accepted in WeChat anew). */
  allowSubscribe(openid: string): void {
    this.refusing.delete(openid);
  }

  /** Calls received per API path (control endpoints not counted). */
  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  callCount(path: string): number {
    return this.calls.get(path) ?? 0;
  }

  reset(): void {
    this.loginCodes = new Map();
    this.phoneCodes = new Map();
    this.loginExchanges = new Map();
    this.risky = new Set();
    this.refusing = new Set();
    this.tokens = new Map();
    this.currentToken = undefined;
    this.forceRefreshes = { day: '', count: 0 };
    this.faults = new Map();
    this.sent = [];
    this.attempts = [];
    this.calls = new Map();
    this.nextMsgId = 1;
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined);
    try {
      const url = new URL(req.url ?? '/', 'http://fake.invalid');
      const method = req.method ?? 'GET';
      const rawBody = await this.readBody(req);
      if (url.pathname.startsWith('/__fake/')) {
        this.write(res, this.control(method, url.pathname, rawBody));
        return;
      }
      this.calls.set(url.pathname, (this.calls.get(url.pathname) ?? 0) + 1);
      const fault = this.takeFault(url.pathname);
      if (fault?.delayMs && !(await this.pause(fault.delayMs, res))) return;
      if (fault && (fault.errcode !== undefined || fault.httpStatus !== undefined || fault.rawBody !== undefined)) {
        this.write(res, this.faultReply(fault));
        return;
      }
      this.write(res, this.api(method, url, rawBody));
    } catch (err) {
      if (err instanceof ControlError) this.write(res, json({ error: err.message }, 400));
      else this.write(res, json({ errcode: -1, errmsg: `system error rid: ${rid()}` }, 500));
    }
  }

  private write(res: ServerResponse, reply: Reply): void {
    if (res.destroyed || res.headersSent) return;
    res.writeHead(reply.status, { 'content-type': reply.contentType });
    res.end(reply.body);
  }

  private readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      req.on('end', () => resolve(size > MAX_BODY_BYTES ? '\u0000too-large' : Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  /** Resolves true after `ms`, or false as soon as the caller has gone (timed out) or the server stops. */
  private pause(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (completed: boolean): void => {
        clearTimeout(timer);
        res.off('close', onClose);
        this.pauses.delete(onClose);
        resolve(completed);
      };
      const onClose = (): void => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      res.on('close', onClose);
      this.pauses.add(onClose);
    });
  }

  private takeFault(path: string): FakeFault | undefined {
    const list = this.faults.get(path);
    const fault = list?.[0];
    if (!list || !fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) list.shift();
    return fault;
  }

  private faultReply(fault: FakeFault): Reply {
    if (fault.rawBody !== undefined) {
      return { status: fault.httpStatus ?? 200, contentType: 'text/html; charset=utf-8', body: fault.rawBody };
    }
    if (fault.errcode !== undefined) {
      return { ...wxError(fault.errcode, fault.errmsg ?? 'injected fault'), status: fault.httpStatus ?? 200 };
    }
    const status = fault.httpStatus ?? 500;
    return { status, contentType: 'text/html; charset=utf-8', body: `<html><body><h1>${status}</h1></body></html>` };
  }

  private control(method: string, path: string, rawBody: string): Reply {
    const body = (): JsonObject => {
      if (rawBody.trim() === '') return {};
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        throw new ControlError('body must be JSON');
      }
      if (!isRecord(parsed)) throw new ControlError('body must be a JSON object');
      return parsed;
    };
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /__fake/login-code': {
        const b = body();
        const unionid = b.unionid === undefined ? undefined : requireString(b, 'unionid');
        return json({ code: this.issueLoginCode(requireString(b, 'openid'), unionid) });
      }
      case 'POST /__fake/phone-code': {
        const b = body();
        const countryCode = b.countryCode === undefined ? undefined : requireString(b, 'countryCode');
        return json({ code: this.issuePhoneCode(requireString(b, 'phoneNumber'), countryCode) });
      }
      case 'POST /__fake/risky':
        this.markRisky(requireString(body(), 'openid'));
        return json({ ok: true });
      case 'POST /__fake/refuse-subscribe':
        this.refuseSubscribe(requireString(body(), 'openid'));
        return json({ ok: true });
      case 'POST /__fake/faults': {
        const b = body();
        const optionalInt = (field: string): number | undefined => {
          const value = b[field];
          if (value === undefined) return undefined;
          if (typeof value !== 'number' || !Number.isInteger(value)) {
            throw new ControlError(`"${field}" must be an integer`);
          }
          return value;
        };
        const errmsg = b.errmsg === undefined ? undefined : requireString(b, 'errmsg');
        const rawFaultBody = b.rawBody === undefined ? undefined : String(b.rawBody);
        this.addFault({
          path: requireString(b, 'path'),
          errcode: optionalInt('errcode'),
          errmsg,
          delayMs: optionalInt('delayMs'),
          httpStatus: optionalInt('httpStatus'),
          rawBody: rawFaultBody,
          times: optionalInt('times'),
        });
        return json({ ok: true });
      }
      case 'POST /__fake/expire-token':
        return json({ expired: this.expireAccessTokens() });
      case 'POST /__fake/reset':
        this.reset();
        return json({ ok: true });
      case 'GET /__fake/sent-messages':
        return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(this.sentMessages()) };
      case 'GET /__fake/subscribe-attempts':
        return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(this.subscribeAttempts()) };
      case 'POST /__fake/allow-subscribe':
        this.allowSubscribe(requireString(body(), 'openid'));
        return json({ ok: true });
      case 'GET /__fake/calls':
        return json(this.callCounts());
      default:
        return json({ error: `no control endpoint ${route}` }, 404);
    }
  }

  private api(method: string, url: URL, rawBody: string): Reply {
    const path = url.pathname;
    if (path === '/sns/jscode2session') {
      if (method !== 'GET') return wxError(43001, 'require GET method');
      return this.jscode2session(url.searchParams);
    }
    const post: Record<string, (req: Request) => Reply> = {
      '/cgi-bin/stable_token': (r) => this.stableToken(r),
      '/wxa/business/getuserphonenumber': (r) => this.withToken(r, () => this.phoneNumber(r)),
      '/cgi-bin/message/subscribe/send': (r) => this.withToken(r, () => this.subscribeSend(r)),
      '/wxa/msg_sec_check': (r) => this.withToken(r, () => this.msgSecCheck(r)),
      '/wxa/getwxacodeunlimit': (r) => this.withToken(r, () => this.unlimitedCode(r)),
    };
    const handler = post[path];
    if (!handler) return json({ errcode: 404, errmsg: `no such api ${path}` }, 404);
    if (method !== 'POST') return wxError(43002, 'require POST method');
    if (rawBody === '\u0000too-large') return wxError(45002, 'content size out of limit');
    if (rawBody.trim() === '') return wxError(44002, 'empty post data');
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      return wxError(47001, 'data format error');
    }
    if (!isRecord(parsed)) return wxError(47001, 'data format error');
    return handler({ method, query: url.searchParams, body: parsed });
  }

  private checkApp(appid: unknown, secret: unknown): Reply | undefined {
    if (typeof appid !== 'string' || appid === '') return wxError(41002, 'appid missing');
    if (appid !== this.appId) return wxError(40013, 'invalid appid');
    if (typeof secret !== 'string' || secret === '') return wxError(41004, 'appsecret missing');
    if (secret !== this.appSecret) return wxError(40125, 'invalid appsecret');
    return undefined;
  }

  private jscode2session(query: URLSearchParams): Reply {
    const appError = this.checkApp(query.get('appid'), query.get('secret'));
    if (appError) return appError;
    if (query.get('grant_type') !== 'authorization_code') return wxError(40002, 'invalid grant_type');
    const code = query.get('js_code');
    if (!code) return wxError(41008, 'missing code');
    const entry = this.loginCodes.get(code);
    const now = this.now();
    if (!entry) return wxError(40029, 'invalid code');
    if (entry.used) return wxError(40163, 'code been used');
    if (entry.expiresAt <= now) return wxError(40029, 'invalid code');
    const recent = (this.loginExchanges.get(entry.openid) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.loginLimitPerMinute) {
      this.loginExchanges.set(entry.openid, recent);
      return wxError(45011, 'api minute-quota reach limit  mustslower  retry next minute');
    }
    recent.push(now);
    this.loginExchanges.set(entry.openid, recent);
    entry.used = true;
    if (this.risky.has(entry.openid)) return wxError(40226, 'high risk user');
    const answer: JsonObject = { session_key: randomBytes(16).toString('base64'), openid: entry.openid };
    if (entry.unionid) answer.unionid = entry.unionid;
    // WeChat really sends this JSON as text/plain.
    return json(answer, 200, 'text/plain');
  }

  private stableToken({ body }: Request): Reply {
    if (body.grant_type !== 'client_credential') return wxError(40002, 'invalid grant_type');
    const appError = this.checkApp(body.appid, body.secret);
    if (appError) return appError;
    const now = this.now();
    if (body.force_refresh === true) {
      const day = chinaDay(now);
      if (this.forceRefreshes.day !== day) this.forceRefreshes = { day, count: 0 };
      if (this.forceRefreshes.count >= this.forceRefreshPerDay) {
        return wxError(45009, 'reach max api daily quota limit');
      }
      this.forceRefreshes.count += 1;
      // Forcing invalidates every earlier token at once.
      this.tokens.clear();
      return this.issueToken(now);
    }
    const current = this.currentToken ? this.tokens.get(this.currentToken) : undefined;
    // Normal mode returns the same token until its last 5 minutes, then a new one (the old stays valid till it ends).
    if (this.currentToken && current !== undefined && current - now > TOKEN_HANDOVER_MS) {
      return json({ access_token: this.currentToken, expires_in: Math.floor((current - now) / 1000) });
    }
    return this.issueToken(now);
  }

  private issueToken(now: number): Reply {
    const token = `fake_${randomBytes(48).toString('base64url')}`;
    this.tokens.set(token, now + this.tokenTtlMs);
    this.currentToken = token;
    return json({ access_token: token, expires_in: Math.floor(this.tokenTtlMs / 1000) });
  }

  private withToken(req: Request, next: () => Reply): Reply {
    const token = req.query.get('access_token');
    if (!token) return wxError(41001, 'access_token missing');
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return wxError(40001, 'invalid credential, access_token is invalid or not latest');
    if (expiresAt <= this.now()) return wxError(42001, 'access_token expired');
    return next();
  }

  private phoneNumber({ body }: Request): Reply {
    const code = body.code;
    const entry = typeof code === 'string' ? this.phoneCodes.get(code) : undefined;
    const now = this.now();
    if (!entry || entry.used || entry.expiresAt <= now) return wxError(40029, 'invalid code');
    entry.used = true;
    const { purePhoneNumber, countryCode } = entry;
    return json({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: countryCode === '86' ? purePhoneNumber : `+${countryCode} ${purePhoneNumber}`,
        purePhoneNumber,
        countryCode,
        watermark: { timestamp: Math.floor(now / 1000), appid: this.appId },
      },
    });
  }

  private subscribeSend({ body }: Request): Reply {
    const { touser, template_id: templateId, page, data, miniprogram_state: state, lang } = body;
    if (typeof touser !== 'string' || touser === '') return wxError(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId === '') return wxError(40037, 'invalid template_id');
    if (!isRecord(data)) return wxError(47001, 'data format error');
    if (page !== undefined && typeof page !== 'string') return wxError(47001, 'data format error');
    if (state !== undefined && (typeof state !== 'string' || !MINIPROGRAM_STATES.has(state))) {
      return wxError(47003, 'argument invalid! miniprogram_state invalid');
    }
    const received: Record<string, { value: string }> = {};
    for (const [key, entry] of Object.entries(data)) {
      const value = isRecord(entry) ? entry.value : undefined;
      received[key] = { value: typeof value === 'string' ? value : String(value) };
    }
    const attempt = (errcode: number): void => {
      this.attempts.push({ touser, template_id: templateId, data: received, errcode, at: new Date(this.now()).toISOString() });
    };
    const fields: Record<string, { value: string }> = {};
    for (const [key, entry] of Object.entries(data)) {
      const value = isRecord(entry) ? entry.value : undefined;
      const rule = FIELD_RULES[key.replace(/\d+$/, '')];
      if (typeof value !== 'string' || value === '' || (rule && !rule(value))) {
        attempt(47003);
        return wxError(47003, `argument invalid! data.${key}.value invalid`);
      }
      fields[key] = { value };
    }
    if (this.refusing.has(touser)) {
      attempt(43101);
      return wxError(43101, 'user refuse to accept the msg');
    }
    attempt(0);
    const msgid = this.nextMsgId++;
    const sentAt = new Date(this.now()).toISOString();
    const message: FakeSentMessage = { msgid, touser, template_id: templateId, data: fields, sentAt };
    if (typeof page === 'string') message.page = page;
    if (typeof state === 'string') message.miniprogram_state = state;
    if (typeof lang === 'string') message.lang = lang;
    this.sent.push(message);
    return json({ errcode: 0, errmsg: 'ok', msgid });
  }

  private msgSecCheck({ body }: Request): Reply {
    const { version, openid, scene, content } = body;
    if (version !== 2) return wxError(47001, 'data format error: version must be 2');
    if (typeof openid !== 'string' || openid === '') return wxError(40003, 'invalid openid');
    if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) {
      return wxError(47001, 'data format error: invalid scene');
    }
    // The fake's choice of code for missing or over-long content.
    if (typeof content !== 'string' || content === '' || [...content].length > 2500) {
      return wxError(47001, 'data format error');
    }
    const hit = (words: Readonly<Record<string, number>>): [string, number] | undefined =>
      Object.entries(words).find(([word]) => content.includes(word));
    const risky = hit(FAKE_RISKY_WORDS);
    const review = risky ? undefined : hit(FAKE_REVIEW_WORDS);
    const suggest = risky ? 'risky' : review ? 'review' : 'pass';
    const label = (risky ?? review)?.[1] ?? 100;
    const keyword = (risky ?? review)?.[0];
    const prob = suggest === 'pass' ? 0 : 90;
    const detail: JsonObject = { strategy: 'content_model', errcode: 0, suggest, label, prob };
    if (keyword) detail.keyword = keyword;
    return json({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [detail],
      trace_id: `${randomBytes(4).toString('hex')}-${randomBytes(8).toString('hex')}`,
    });
  }

  private unlimitedCode({ body }: Request): Reply {
    const { scene, page, width, env_version: envVersion } = body;
    if (typeof scene !== 'string' || !SCENE_PATTERN.test(scene)) {
      return wxError(40169, 'invalid length for scene, or the data is not json string');
    }
    if (page !== undefined && (typeof page !== 'string' || !PAGE_PATTERN.test(page))) {
      return wxError(41030, 'invalid page');
    }
    if (envVersion !== undefined && (typeof envVersion !== 'string' || !ENV_VERSIONS.has(envVersion))) {
      return wxError(40097, 'invalid args');
    }
    // WeChat clamps the width rather than refusing it.
    const size =
      typeof width === 'number' && Number.isFinite(width) ? Math.min(1280, Math.max(280, Math.round(width))) : 430;
    const text: Record<string, string> = { scene };
    if (typeof page === 'string') text.page = page;
    return { status: 200, contentType: 'image/png', body: placeholderCodePng(size, text) };
  }

  /** Drops codes that expired over 5 minutes ago, so a long demo run does not grow without end. */
  private prune(codes: Map<string, IssuedCode>): void {
    const cutoff = this.now() - CODE_TTL_MS;
    for (const [code, entry] of codes) if (entry.expiresAt < cutoff) codes.delete(code);
  }
}
