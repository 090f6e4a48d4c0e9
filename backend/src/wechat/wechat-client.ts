import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception.js';
import { SharedCacheService } from '../common/shared-cache/shared-cache.service.js';
import {
  WECHAT_ERRCODE,
  type WechatApi,
  isTokenRejected,
  ridOf,
  wechatErrcodeException,
  wechatTimeoutException,
  wechatTransportException,
} from './wechat-errors.js';
import { WECHAT_OPTIONS, type WechatClientOptions } from './wechat-options.js';
import { msgSecCheckRuleErrors, qrCodeRuleErrors } from './wechat-rules.js';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatPhoneNumber {
  /** With the country code for numbers outside mainland China (e.g. "+1 …"), as WeChat gives it. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeMessageInput {
  toUser: string;
  templateId: string;
  /** Page opened from the message, e.g. `pages/task/detail?id=1`. */
  page?: string;
  /** Keyed by template field (`thing1`, `time2`, …); WeChat checks each value against its field type. */
  data: Record<string, { value: string }>;
  miniprogramState?: MiniprogramState;
}

export type SubscribeMessageResult = { sent: true } | { sent: false; reason: 'refused' | 'invalid_data' };

/** 1 profile, 2 comment, 3 forum post, 4 social log (WeChat's scene numbers). */
export type MsgSecCheckScene = 1 | 2 | 3 | 4;

export interface MsgSecCheckInput {
  /** Must have used the mini-program within the last 2 hours, or WeChat answers 61010. */
  openid: string;
  scene: MsgSecCheckScene;
  content: string;
}

export type MsgSecSuggest = 'pass' | 'review' | 'risky';

export interface MsgSecCheckResult {
  suggest: MsgSecSuggest;
  /** 100 normal; 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 21000 other. */
  label: number;
  /** WeChat's trace id, worth keeping with a refusal. */
  traceId?: string;
}

export type QrEnvVersion = 'release' | 'trial' | 'develop';

export interface UnlimitedQrCodeInput {
  /** An id only (the code never expires): ≤ 32 chars of `0-9A-Za-z!#$&'()*+,/:;=?@-._~`. */
  scene: string;
  /** e.g. `pages/index/index`; no leading slash, no query. */
  page?: string;
  width?: number;
  /** WeChat's default is true: the page must exist in the published version. */
  checkPath?: boolean;
  envVersion?: QrEnvVersion;
}

type JsonObject = Record<string, unknown>;
type WechatReply = { kind: 'json'; data: JsonObject } | { kind: 'image'; bytes: Buffer };

interface RequestSpec {
  api: WechatApi;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: JsonObject;
  /** getwxacodeunlimit answers with an image on success and JSON on failure. */
  acceptImage?: boolean;
}

type TokenMode = 'normal' | 'force';

const MSG_SEC_SCENES: ReadonlySet<number> = new Set([1, 2, 3, 4]);
const SUGGESTIONS: ReadonlySet<string> = new Set(['pass', 'review', 'risky']);
/** Renew this long before WeChat's expiry, so no call goes out with a token that dies on the way. */
const TOKEN_RENEW_MARGIN_MS = 5 * 60 * 1000;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errcodeOf(data: JsonObject): number {
  const raw = data.errcode;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return Number(raw);
  // Successful jscode2session and stable_token answers carry no errcode at all.
  return 0;
}

/** The shared-cache key of the access token: one per app id, read and written by every instance. */
export function wechatTokenCacheKey(appId: string): string {
  return `wechat:stable-access-token:${appId}`;
}

/** Checked by name, not instanceof: fetch's DOMException may come from another realm (e.g. under Jest). */
function isAbort(err: unknown): boolean {
  return isRecord(err) && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

/**
 * The one adapter to WeChat's server API. Everything else in the backend goes through it, so secrets, the access token
 * and session keys stay in here, and every WeChat failure becomes a DomainException with a stable code.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private readonly appId: string;
  // A #private field stays out of JSON.stringify and util.inspect, so a logged client never shows the secret.
  readonly #appSecret: string;
  private readonly apiBase: string | undefined;
  private readonly timeoutMs: number;
  private readonly tokenCacheKey: string;
  /** Callers in this process share one in-flight token request per mode. */
  private readonly inflight = new Map<TokenMode, Promise<string>>();

  constructor(
    @Inject(WECHAT_OPTIONS) options: WechatClientOptions,
    private readonly cache: SharedCacheService,
  ) {
    this.appId = options.appId;
    this.#appSecret = options.appSecret;
    this.apiBase = options.apiBase?.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.tokenCacheKey = wechatTokenCacheKey(options.appId);
  }

  /** Exchanges a `wx.login` code for the user's openid. */
  async code2Session(code: string): Promise<WechatSession> {
    this.assertCodeShape('jscode2session', code);
    const data = await this.json({
      api: 'jscode2session',
      method: 'GET',
      path: '/sns/jscode2session',
      query: { appid: this.appId, secret: this.#appSecret, js_code: code, grant_type: 'authorization_code' },
    });
    this.throwOnErrcode('jscode2session', data);
    const openid = data.openid;
    if (typeof openid !== 'string' || openid === '') {
      throw wechatTransportException('jscode2session', 'unexpected_response');
    }
    // session_key is dropped here on purpose: Pioneer decrypts nothing on the server, so it is never kept,
    // returned or logged.
    const unionid = typeof data.unionid === 'string' && data.unionid !== '' ? data.unionid : undefined;
    return unionid === undefined ? { openid } : { openid, unionid };
  }

  /** Turns a one-time `getPhoneNumber` code into the phone number WeChat verified. */
  async getPhoneNumber(code: string): Promise<WechatPhoneNumber> {
    this.assertCodeShape('getuserphonenumber', code);
    const data = await this.jsonWithToken('getuserphonenumber', '/wxa/business/getuserphonenumber', { code });
    this.throwOnErrcode('getuserphonenumber', data);
    const info = data.phone_info;
    if (!isRecord(info)) throw wechatTransportException('getuserphonenumber', 'unexpected_response');
    const { phoneNumber, purePhoneNumber } = info;
    const countryCode = typeof info.countryCode === 'number' ? String(info.countryCode) : info.countryCode;
    if (typeof phoneNumber !== 'string' || typeof purePhoneNumber !== 'string' || typeof countryCode !== 'string') {
      throw wechatTransportException('getuserphonenumber', 'unexpected_response');
    }
    if (!purePhoneNumber) {
      throw wechatTransportException('getuserphonenumber', 'unexpected_response');
    }
    return { phoneNumber, purePhoneNumber, countryCode };
  }

  /** Sends a subscribe message. A refusal or a field WeChat rejects is an expected outcome, not an exception. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult> {
    const body: JsonObject = { touser: input.toUser, template_id: input.templateId, data: input.data, lang: 'zh_CN' };
    if (input.page !== undefined) body.page = input.page;
    if (input.miniprogramState !== undefined) body.miniprogram_state = input.miniprogramState;
    const data = await this.jsonWithToken('subscribe_send', '/cgi-bin/message/subscribe/send', body);
    const errcode = errcodeOf(data);
    if (errcode === WECHAT_ERRCODE.USER_REFUSED_MESSAGE) return { sent: false, reason: 'refused' };
    if (errcode === WECHAT_ERRCODE.ARGUMENT_INVALID) {
      // A template/field mismatch is a bug to fix; WeChat's errmsg names the field (never a value).
      const hint = typeof data.errmsg === 'string' ? data.errmsg.slice(0, 200) : '';
      this.logger.warn(`subscribe message data rejected by WeChat (47003): ${hint}`);
      return { sent: false, reason: 'invalid_data' };
    }
    this.throwOnErrcode('subscribe_send', data);
    return { sent: true };
  }

  /** Checks text that others will see, before it is published. */
  async msgSecCheck(input: MsgSecCheckInput): Promise<MsgSecCheckResult> {
    const problems = msgSecCheckRuleErrors(input.content);
    if (!MSG_SEC_SCENES.has(input.scene)) problems.push({ field: 'scene', message: '内容安全检查的场景值须为 1–4' });
    if (problems.length > 0) throw new DomainException('VALIDATION_FAILED', problems[0]!.message, problems);
    const data = await this.jsonWithToken('msg_sec_check', '/wxa/msg_sec_check', {
      version: 2,
      openid: input.openid,
      scene: input.scene,
      content: input.content,
    });
    this.throwOnErrcode('msg_sec_check', data);
    const result = data.result;
    if (!isRecord(result) || typeof result.suggest !== 'string' || !SUGGESTIONS.has(result.suggest)) {
      throw wechatTransportException('msg_sec_check', 'unexpected_response');
    }
    const label = typeof result.label === 'number' ? result.label : Number(result.label);
    if (!Number.isFinite(label)) throw wechatTransportException('msg_sec_check', 'unexpected_response');
    const checked: MsgSecCheckResult = { suggest: result.suggest as MsgSecSuggest, label };
    if (typeof data.trace_id === 'string') checked.traceId = data.trace_id;
    return checked;
  }

  /** A mini-program code (PNG/JPEG bytes) opening `page` with `scene`. */
  async getUnlimitedQrCode(input: UnlimitedQrCodeInput): Promise<Buffer> {
    const problems = qrCodeRuleErrors(input);
    if (problems.length > 0) throw new DomainException('VALIDATION_FAILED', problems[0]!.message, problems);
    const body: JsonObject = { scene: input.scene };
    if (input.page !== undefined) body.page = input.page;
    if (input.width !== undefined) body.width = input.width;
    if (input.checkPath !== undefined) body.check_path = input.checkPath;
    if (input.envVersion !== undefined) body.env_version = input.envVersion;
    const reply = await this.callWithToken({
      api: 'getwxacodeunlimit',
      method: 'POST',
      path: '/wxa/getwxacodeunlimit',
      body,
      acceptImage: true,
    });
    if (reply.kind === 'image') return reply.bytes;
    this.throwOnErrcode('getwxacodeunlimit', reply.data);
    // JSON without an errcode where an image was due.
    throw wechatTransportException('getwxacodeunlimit', 'unexpected_response');
  }

  /**
   * The stable access token, from the cache every instance shares. `forceRefresh` makes WeChat issue a new one and
   * invalidate the old (limited to 20 a day), so it is only for a token WeChat rejected.
   */
  async getAccessToken(forceRefresh = false): Promise<string> {
    this.requireApiBase();
    if (!forceRefresh) {
      const pending = this.inflight.get('normal');
      if (pending) return pending;
      const cached = await this.cache.get(this.tokenCacheKey);
      if (cached) return cached;
    }
    return this.fetchTokenShared(forceRefresh ? 'force' : 'normal');
  }

  private fetchTokenShared(mode: TokenMode): Promise<string> {
    let pending = this.inflight.get(mode);
    if (!pending) {
      pending = this.fetchToken(mode).finally(() => this.inflight.delete(mode));
      this.inflight.set(mode, pending);
    }
    return pending;
  }

  private async fetchToken(mode: TokenMode): Promise<string> {
    if (mode === 'force') this.logger.warn('WeChat rejected the access token; forcing a refresh (limited to 20 a day)');
    const data = await this.json({
      api: 'stable_token',
      method: 'POST',
      path: '/cgi-bin/stable_token',
      body: {
        grant_type: 'client_credential',
        appid: this.appId,
        secret: this.#appSecret,
        force_refresh: mode === 'force',
      },
    });
    const errcode = errcodeOf(data);
    if (errcode !== 0) {
      // Every WeChat call fails while this does; 40013/40125 mean WECHAT_APP_ID/WECHAT_APP_SECRET are wrong.
      this.logger.error(`WeChat stable_token failed with errcode ${errcode}`);
      throw wechatErrcodeException('stable_token', errcode, ridOf(data.errmsg));
    }
    const token = data.access_token;
    const expiresIn = data.expires_in;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw wechatTransportException('stable_token', 'unexpected_response');
    }
    const lifetimeMs = expiresIn * 1000;
    const ttlMs = lifetimeMs > TOKEN_RENEW_MARGIN_MS ? lifetimeMs - TOKEN_RENEW_MARGIN_MS : Math.floor(lifetimeMs / 2);
    await this.cache.set(this.tokenCacheKey, token, ttlMs);
    return token;
  }

  /** After WeChat rejected `rejected`: use a newer token another caller or instance got meanwhile, else force one. */
  private async tokenAfterRejection(rejected: string): Promise<string> {
    const cached = await this.cache.get(this.tokenCacheKey);
    if (cached && cached !== rejected) return cached;
    try {
      return await this.fetchTokenShared('force');
    } catch (err) {
      // Do not leave a known-bad token for the next caller to trip over.
      if ((await this.cache.get(this.tokenCacheKey)) === rejected) await this.cache.delete(this.tokenCacheKey);
      throw err;
    }
  }

  /** A call authorised by the access token: on a rejected token, one refresh and one retry. */
  private async callWithToken(spec: Omit<RequestSpec, 'query'>): Promise<WechatReply> {
    const token = await this.getAccessToken();
    const first = await this.send({ ...spec, query: { access_token: token } });
    if (first.kind !== 'json' || !isTokenRejected(errcodeOf(first.data))) return first;
    const renewed = await this.tokenAfterRejection(token);
    return this.send({ ...spec, query: { access_token: renewed } });
  }

  private async jsonWithToken(api: WechatApi, path: string, body: JsonObject): Promise<JsonObject> {
    const reply = await this.callWithToken({ api, method: 'POST', path, body });
    if (reply.kind !== 'json') throw wechatTransportException(api, 'unexpected_response');
    return reply.data;
  }

  private async json(spec: RequestSpec): Promise<JsonObject> {
    const reply = await this.send(spec);
    if (reply.kind !== 'json') throw wechatTransportException(spec.api, 'unexpected_response');
    return reply.data;
  }

  private async send(spec: RequestSpec): Promise<WechatReply> {
    const url = new URL(this.requireApiBase() + spec.path);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    // The signal covers reading the body too, so a server that stalls mid-response still times out.
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        method: spec.method,
        headers: spec.body ? { 'content-type': 'application/json' } : undefined,
        body: spec.body ? JSON.stringify(spec.body) : undefined,
        signal,
      });
    } catch (err) {
      throw this.transportFailure(spec.api, err);
    }
    try {
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw wechatTransportException(spec.api, 'http_status', { httpStatus: response.status });
      }
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      if (spec.acceptImage && contentType.startsWith('image/')) {
        return { kind: 'image', bytes: Buffer.from(await response.arrayBuffer()) };
      }
      // Parsed whatever the content type says: jscode2session answers JSON as text/plain.
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw wechatTransportException(spec.api, 'unparsable_body', { httpStatus: response.status });
      }
      if (!isRecord(parsed)) {
        throw wechatTransportException(spec.api, 'unparsable_body', { httpStatus: response.status });
      }
      return { kind: 'json', data: parsed };
    } catch (err) {
      if (err instanceof DomainException) throw err;
      throw this.transportFailure(spec.api, err);
    }
  }

  /** Only the error's name and system code are kept: undici messages can quote the URL, which holds secrets. */
  private transportFailure(api: WechatApi, err: unknown): DomainException {
    if (isAbort(err)) return wechatTimeoutException(api);
    const cause = isRecord(err) && isRecord(err.cause) ? err.cause : undefined;
    const code = cause && typeof cause.code === 'string' ? cause.code : undefined;
    return wechatTransportException(api, 'network', code ? { cause: code } : {});
  }

  private throwOnErrcode(api: WechatApi, data: JsonObject): void {
    const errcode = errcodeOf(data);
    if (errcode !== 0) throw wechatErrcodeException(api, errcode, ridOf(data.errmsg));
  }

  /** A code that cannot be valid is refused without spending a WeChat call. */
  private assertCodeShape(api: WechatApi, code: string): void {
    if (typeof code !== 'string' || !/^[\x21-\x7e]{1,256}$/.test(code)) {
      const { code: errorCode, message } = wechatErrcodeException(api, WECHAT_ERRCODE.INVALID_CODE);
      throw new DomainException(errorCode, message, { api, reason: 'malformed_code' });
    }
  }

  private requireApiBase(): string {
    if (this.apiBase === undefined) {
      throw new Error(
        'WeChat API base URL is not configured: set WECHAT_API_BASE (e.g. https://api.weixin.qq.com), ' +
          'or in demo mode start the fake WeChat server and set wechat.apiBase before WechatModule is created',
      );
    }
    return this.apiBase;
  }
}
