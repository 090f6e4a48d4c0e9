import Taro from '@tarojs/taro';
import type { ApiErrorBody, RefreshRequest, TokenResponse } from '@pioneer/shared-types';
import { ROUTES } from '@/constants/routes';
import { clearSession, getRefreshToken, getToken, saveSession } from '@/services/session';
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
  /**
   * `session` (default): send the access token, renew it when expired, sign out on a 401.
   * `best-effort`: send the access token if one is valid; a 401 is only an error (signing out).
   * `none`: no token at all (sign-in endpoints).
   */
  auth?: AuthMode;
}

export type AuthMode = 'session' | 'best-effort' | 'none';

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_WEAPP_API_BASE = 'http://127.0.0.1:3000';
const REFRESH_PATH = '/api/v1/auth/refresh';
const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录';

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

/** A non-2xx answer as an ApiError; also used by file-transfer.ts for uploads and downloads. */
export function toApiError(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) return new ApiError(data.code, data.message, status, data.details);
  // A proxy's HTML error page or an empty body: nothing a person can act on beyond trying again.
  return new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, status);
}

interface RawResponse {
  status: number;
  data: unknown;
}

async function send(
  path: string,
  options: RequestOptions,
  idempotencyKey: string | undefined,
  token: string | null,
): Promise<RawResponse> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = { Accept: 'application/json' };
  if (idempotencyKey !== undefined) {
    header['Content-Type'] = 'application/json';
    header['Idempotency-Key'] = idempotencyKey;
  }
  if (token) header.Authorization = `Bearer ${token}`;

  // JSON object, or the raw text when the body was not JSON (a proxy's error page).
  type Body = TaroGeneral.IAnyObject | string;
  try {
    const response = await Taro.request<Body>({
      url: `${apiBase()}${path}${buildQuery(options.query)}`,
      method,
      header,
      data: method === 'GET' ? undefined : (options.body ?? {}),
      dataType: 'json',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return { status: response.statusCode, data: response.data };
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function signOutLocally(error: ApiError): void {
  clearSession();
  unauthorizedHandler(error);
}

/**
 * Whether a failed refresh means the session is gone. An outage, a timeout or a rate limit says nothing about the
 * refresh token, so the person stays signed in and can try again; any other refusal ends the session.
 */
function endsSession(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

let renewing: Promise<string> | null = null;

/**
 * A refresh that got no answer may still have rotated the token on the server, which answers the same token again
 * with the same pair for a short grace window: one immediate second try keeps a flaky connection from losing the pair.
 */
async function sendRefresh(body: RefreshRequest): Promise<RawResponse> {
  try {
    return await send(REFRESH_PATH, { method: 'POST', body }, createIdempotencyKey(), null);
  } catch {
    return send(REFRESH_PATH, { method: 'POST', body }, createIdempotencyKey(), null);
  }
}

async function renewOnce(): Promise<string> {
  const refreshToken = getRefreshToken();
  if (refreshToken === null) {
    const error = new ApiError('SESSION_EXPIRED', SESSION_EXPIRED_MESSAGE, 401);
    signOutLocally(error);
    throw error;
  }
  const body: RefreshRequest = { refreshToken };
  const response = await sendRefresh(body);
  if (isSuccess(response.status) && isTokenResponse(response.data)) {
    // Rotation: the old refresh token is dead from now on, so the new pair is stored before anything else runs.
    saveSession(response.data);
    return response.data.accessToken;
  }
  const error = isSuccess(response.status)
    ? new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.status)
    : toApiError(response.status, response.data);
  if (endsSession(error)) signOutLocally(error);
  throw error;
}

/**
 * Single flight: every request that finds the access token expired waits for the same refresh, so one exchange serves
 * them all (the server's grace window for a repeated token is for lost answers, not a reason to send several).
 */
function renewSession(): Promise<string> {
  if (renewing === null) {
    renewing = renewOnce().finally(() => {
      renewing = null;
    });
  }
  return renewing;
}

/**
 * For transports beside apiRequest (uploads, downloads): a valid access token, renewed first (through the same single
 * flight) when only the refresh token is left; null when signed out.
 */
export async function freshAccessToken(): Promise<string | null> {
  const token = getToken();
  if (token !== null || getRefreshToken() === null) return token;
  return renewSession();
}

/** What apiRequest does with a 401 it cannot recover from (clear the session, call the handler). */
export function handleUnauthorized(error: ApiError): void {
  signOutLocally(error);
}

function isTokenResponse(data: unknown): data is TokenResponse {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return typeof record.accessToken === 'string' && record.accessToken !== '';
}

/**
 * The one wrapper around Taro.request. Resolves with the parsed JSON body, rejects with ApiError.
 * With `auth: 'session'` (the default) an expired access token is renewed once with the refresh token and the
 * request replayed with the same Idempotency-Key, so a write is never done twice; a session that cannot be renewed
 * is cleared and the unauthorized handler (the login page) takes over.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const auth = options.auth ?? 'session';
  const idempotencyKey = method === 'GET' ? undefined : (options.idempotencyKey ?? createIdempotencyKey());

  let token: string | null = auth === 'none' ? null : getToken();
  if (token === null && auth === 'session' && getRefreshToken() !== null) {
    token = await renewSession();
  }

  let response = await send(path, options, idempotencyKey, token);

  if (response.status === 401 && auth === 'session' && token !== null && getRefreshToken() !== null) {
    const expired = toApiError(response.status, response.data);
    if (expired.code === 'TOKEN_EXPIRED') {
      // Another request may have renewed the session while this one was on the wire: use its token, rotate no more.
      const current = getToken();
      const fresh = current !== null && current !== token ? current : await renewSession();
      response = await send(path, options, idempotencyKey, fresh);
    }
  }

  if (isSuccess(response.status)) return response.data as T;

  const error = toApiError(response.status, response.data);
  if (response.status === 401 && auth === 'session') signOutLocally(error);
  throw error;
}
