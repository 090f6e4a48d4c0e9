import { DomainException } from '../common/errors/domain.exception.js';

/** The WeChat calls the client makes; named in error details and log lines instead of URLs (which hold secrets). */
export type WechatApi =
  | 'jscode2session'
  | 'stable_token'
  | 'getuserphonenumber'
  | 'subscribe_send'
  | 'msg_sec_check'
  | 'getwxacodeunlimit';

/** WeChat errcodes this adapter treats specially. */
export const WECHAT_ERRCODE = {
  SYSTEM_BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_ACCESS_TOKEN: 40014,
  INVALID_CODE: 40029,
  CODE_BEEN_USED: 40163,
  INVALID_SCENE: 40169,
  RISKY_USER: 40226,
  ACCESS_TOKEN_MISSING: 41001,
  ACCESS_TOKEN_EXPIRED: 42001,
  USER_REFUSED_MESSAGE: 43101,
  DAILY_QUOTA: 45009,
  MINUTE_QUOTA: 45011,
  ARGUMENT_INVALID: 47003,
} as const;

const TOKEN_REJECTED: ReadonlySet<number> = new Set([
  WECHAT_ERRCODE.INVALID_CREDENTIAL,
  WECHAT_ERRCODE.ACCESS_TOKEN_EXPIRED,
  WECHAT_ERRCODE.INVALID_ACCESS_TOKEN,
]);

/** Errcodes meaning "this access_token is no good": worth one forced refresh and one retry. */
export function isTokenRejected(errcode: number): boolean {
  return TOKEN_REJECTED.has(errcode);
}

/** WeChat's errmsg ends with a request id ("rid: …" or "req_id: …") that its support asks for; the rest is not kept. */
export function ridOf(errmsg: unknown): string | undefined {
  if (typeof errmsg !== 'string') return undefined;
  return /\b(?:rid|req_id):\s*([\w-]+)/.exec(errmsg)?.[1];
}

/**
 * One place maps a WeChat errcode to a DomainException. Details carry the api name, the errcode and the request id
 * only: never the URL, the request or the response body, which may hold the secret, the access token or the
 * session key.
 */
export function wechatErrcodeException(api: WechatApi, errcode: number, rid?: string): DomainException {
  const details: Record<string, unknown> = { api, errcode };
  if (rid) details.rid = rid;
  const login = api === 'jscode2session';
  switch (errcode) {
    case WECHAT_ERRCODE.INVALID_CODE:
    case WECHAT_ERRCODE.CODE_BEEN_USED:
      return new DomainException(
        'WECHAT_CODE_INVALID',
        api === 'getuserphonenumber' ? '手机号授权凭证无效或已使用，请重新授权' : undefined,
        details,
      );
    case WECHAT_ERRCODE.MINUTE_QUOTA:
      return new DomainException('WECHAT_RATE_LIMITED', login ? undefined : '微信接口调用过于频繁，请稍后再试', details);
    case WECHAT_ERRCODE.RISKY_USER:
      return new DomainException('WECHAT_RISKY_USER', undefined, details);
    default:
      return new DomainException('WECHAT_UPSTREAM_ERROR', undefined, details);
  }
}

export function wechatTimeoutException(api: WechatApi): DomainException {
  return new DomainException('WECHAT_UPSTREAM_TIMEOUT', undefined, { api });
}

export function wechatTransportException(
  api: WechatApi,
  reason: string,
  extra: Record<string, unknown> = {},
): DomainException {
  return new DomainException('WECHAT_UPSTREAM_ERROR', undefined, { api, reason, ...extra });
}
