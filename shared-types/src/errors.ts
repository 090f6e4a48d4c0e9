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
  'BODY_TOO_DEEP',
  'BODY_ENCODING_INVALID',
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
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'SESSION_EXPIRED',
  'MEMBER_INACTIVE',
  'BIND_TICKET_INVALID',
  'BIND_PHONE_NOT_IN_ROSTER',
  'BIND_INVITE_INVALID',
  'ALREADY_BOUND',
  'CONSOLE_TICKET_INVALID',
  'CONSOLE_TICKET_EXPIRED',
  'UNIT_CODE_TAKEN',
  'ORG_IN_USE',
  'ROLE_SCOPE_INVALID',
  'ADMIN_DUTIES_SEPARATE',
  'ROSTER_FILE_INVALID',
  'ROSTER_TOO_LARGE',
  'ROSTER_XLSX_ENCRYPTED',
  'ROSTER_XLSX_CORRUPT',
  'ROSTER_XLSX_TOO_LARGE',
  'REGISTRATION_ACTIVE_EXISTS',
  'REGISTRATION_REQUIRED',
  'CHECKIN_METHOD_REQUIRED',
  'CHECKIN_CODE_INVALID',
  'CHECKIN_CODE_EXPIRED',
  'CHECKIN_CODE_REUSED',
  'CHECKIN_CODE_WRONG_COMMUNITY',
  'SERVICE_ALREADY_OPEN',
  'SERVICE_NOT_OPEN',
  'ALREADY_DECIDED',
  'OWN_RECORD',
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
