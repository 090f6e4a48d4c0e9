import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@pioneer/shared-types';
import { DomainException } from './domain.exception.js';
import { ERROR_CATALOG } from './error-catalog.js';

export interface ErrorResponse {
  status: number;
  body: ApiErrorBody;
  /** Unexpected: worth an error log line with the stack. */
  unexpected: boolean;
}

// Errors raised by Fastify itself (body parsing, content type) carry a statusCode and an FST_ code.
interface FrameworkError {
  statusCode?: number;
  code?: string;
}

const INVALID_JSON = '请求内容不是有效的 JSON';

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'ROUTE_NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function fromCode(code: ErrorCode, requestId?: string, message?: string, details?: ApiErrorBody['details']): ErrorResponse {
  const spec = ERROR_CATALOG[code];
  const body: ApiErrorBody = { code, message: message ?? spec.message };
  if (details !== undefined) body.details = details;
  if (requestId) body.requestId = requestId;
  return { status: spec.status, body, unexpected: spec.status >= 500 };
}

/** Turns anything thrown into the one error shape. A 500 never carries the original message or stack. */
export function toErrorResponse(exception: unknown, requestId?: string): ErrorResponse {
  if (exception instanceof DomainException) {
    return fromCode(exception.code, requestId, exception.message, exception.details);
  }
  if (exception instanceof HttpException) {
    // Nest wraps Fastify's body-parsing errors; the cause says which one it was.
    if ((exception.cause as FrameworkError | undefined)?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return fromCode('BAD_REQUEST', requestId, INVALID_JSON);
    }
    const code = STATUS_TO_CODE[exception.getStatus()];
    if (code) return fromCode(code, requestId);
    return fromCode(exception.getStatus() >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST', requestId);
  }
  const framework = exception as FrameworkError | null;
  if (framework && typeof framework.statusCode === 'number' && framework.statusCode >= 400 && framework.statusCode < 500) {
    const code = STATUS_TO_CODE[framework.statusCode] ?? 'BAD_REQUEST';
    if (framework.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception instanceof SyntaxError) {
      return fromCode('BAD_REQUEST', requestId, INVALID_JSON);
    }
    return fromCode(code, requestId);
  }
  return { ...fromCode('INTERNAL_ERROR', requestId), unexpected: true };
}
