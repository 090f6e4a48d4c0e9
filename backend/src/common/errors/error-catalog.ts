import type { ErrorCode } from '@pioneer/shared-types';

export interface ErrorSpec {
  status: number;
  /** The default sentence shown to people; a thrower may give a more specific one. */
  message: string;
}

/**
 * Every ErrorCode maps to a status and a Chinese message here and only here.
 * `Record<ErrorCode, …>` makes a new code fail to compile until it is mapped.
 */
export const ERROR_CATALOG: Record<ErrorCode, ErrorSpec> = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改后再试' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '要找的记录不存在或已被删除' },
  ROUTE_NOT_FOUND: { status: 404, message: '访问的地址不存在' },
  CONFLICT: { status: 409, message: '操作与当前状态冲突，请刷新后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容格式，请以 JSON 提交' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  IDEMPOTENCY_KEY_MISSING: { status: 400, message: '缺少 Idempotency-Key 请求头' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一个 Idempotency-Key 不能用于不同的内容' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同的请求正在处理中，请稍候' },
  DEMO_DISABLED: { status: 404, message: '演示登录仅在演示模式下可用' },
  DEMO_ROLE_UNAVAILABLE: { status: 404, message: '演示数据中没有该角色的人员' },
  WECHAT_CODE_INVALID: { status: 400, message: '微信登录凭证无效或已使用，请重新进入小程序' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信登录过于频繁，请一分钟后再试' },
  WECHAT_RISKY_USER: { status: 403, message: '微信判定当前账号存在风险，暂时无法登录' },
  WECHAT_UPSTREAM_TIMEOUT: { status: 504, message: '微信服务响应超时，请稍后再试' },
  WECHAT_UPSTREAM_ERROR: { status: 502, message: '微信服务暂时不可用，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '服务器开小差了，请稍后再试' },
};
