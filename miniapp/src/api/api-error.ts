import type { ApiErrorBody, ErrorCode } from '@pioneer/shared-types';

/** Codes the client produces itself, when no server answer exists to carry one. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export type ApiErrorCode = ErrorCode | ClientErrorCode;

export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试';
export const BAD_RESPONSE_MESSAGE = '服务暂时不可用，请稍后重试';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** Per-field problems for forms, when the server sent them. */
  readonly details?: ApiErrorBody['details'];

  constructor(code: ApiErrorCode, message: string, status: number, details?: ApiErrorBody['details']) {
    super(message);
    // Keeps instanceof working when the class is compiled down to ES5 for old WebViews.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Anything thrown while calling the API, as an ApiError a page can show. */
export function asApiError(value: unknown): ApiError {
  return value instanceof ApiError ? value : new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, 0);
}
