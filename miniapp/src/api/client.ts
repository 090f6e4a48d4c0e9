import Taro from '@tarojs/taro';
import type { ApiErrorBody } from '@pioneer/shared-types';
import { ROUTES } from '@/constants/routes';
import { clearSession, getToken } from '@/services/session';
import { ApiError, BAD_RESPONSE_MESSAGE, NETWORK_ERROR_MESSAGE } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON body for writes. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Pass the key of the first attempt when retrying a write, so the server replays instead of writing twice. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_WEAPP_API_BASE = 'http://127.0.0.1:3000';

export type UnauthorizedHandler = (error: ApiError) => void;

let navigatingToLogin = false;

function goToLogin(): void {
  const pages = Taro.getCurrentPages();
  const current = pages.length > 0 ? pages[pages.length - 1].route : undefined;
  // Several requests can fail with 401 at once, and the login page itself must not stack on top of itself.
  if (navigatingToLogin || (current !== undefined && ROUTES.login.endsWith(current))) return;
  navigatingToLogin = true;
  Taro.navigateTo({ url: ROUTES.login }).then(
    () => {
      navigatingToLogin = false;
    },
    () => {
      navigatingToLogin = false;
    },
  );
}

let unauthorizedHandler: UnauthorizedHandler = () => goToLogin();

/** Replaces what happens after a 401 (the session is always cleared first); returns the previous handler. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): UnauthorizedHandler {
  const previous = unauthorizedHandler;
  unauthorizedHandler = handler;
  return previous;
}

function configuredWeappBase(): string | undefined {
  try {
    // Replaced at build time from .env.*; guarded because an unset variable leaves a bare `process` reference.
    return process.env.TARO_APP_API_BASE;
  } catch {
    return undefined;
  }
}

/** H5 is served by the backend itself, so it calls its own origin. */
export function apiBase(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  const base = configuredWeappBase();
  return (base && base.trim() !== '' ? base : DEFAULT_WEAPP_API_BASE).replace(/\/+$/, '');
}

/** RFC 4122-shaped random id; Math.random is enough for a retry key and needs no crypto API (weapp has none sync). */
export function createIdempotencyKey(): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${Date.now().toString(16).slice(-6)}${hex(6)}`;
}

function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.message === 'string';
}

function toApiError(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) return new ApiError(data.code, data.message, status, data.details);
  // A proxy's HTML error page or an empty body: nothing a person can act on beyond trying again.
  return new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, status);
}

/** The one wrapper around Taro.request. Resolves with the parsed JSON body, rejects with ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    header['Content-Type'] = 'application/json';
    header['Idempotency-Key'] = options.idempotencyKey ?? createIdempotencyKey();
  }
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;

  // JSON object, or the raw text when the body was not JSON (a proxy's error page).
  type Body = TaroGeneral.IAnyObject | string;
  let response: Taro.request.SuccessCallbackResult<Body>;
  try {
    response = await Taro.request<Body>({
      url: `${apiBase()}${path}${buildQuery(options.query)}`,
      method,
      header,
      data: method === 'GET' ? undefined : (options.body ?? {}),
      dataType: 'json',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  }

  const status = response.statusCode;
  if (status >= 200 && status < 300) return response.data as T;

  const error = toApiError(status, response.data);
  if (status === 401) {
    clearSession();
    unauthorizedHandler(error);
  }
  throw error;
}
