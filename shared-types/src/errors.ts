// Stable error codes for programs; the backend maps each one to an HTTP status and a Chinese message in one place.
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'DEMO_DISABLED',
  'DEMO_ROLE_UNAVAILABLE',
  'WECHAT_CODE_INVALID',
  'WECHAT_RATE_LIMITED',
  'WECHAT_RISKY_USER',
  'WECHAT_UPSTREAM_TIMEOUT',
  'WECHAT_UPSTREAM_ERROR',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field's problem, for forms to show beside the field. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  /** A sentence in Simplified Chinese that a person can act on. */
  message: string;
  details?: FieldError[] | Record<string, unknown>;
  requestId?: string;
}
