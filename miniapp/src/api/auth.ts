import type {
  BindByInviteRequest,
  BindByPhoneRequest,
  ConsolePollRequest,
  ConsolePollResponse,
  ConsoleScanRequest,
  ConsoleTicketResponse,
  DemoLoginRequest,
  LogoutRequest,
  TokenResponse,
  WechatLoginRequest,
  WechatLoginResponse,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

// Sign-in calls carry no token (`auth: 'none'`): a stale session must neither be sent nor trigger a refresh.

/** Demo mode only; the server answers 404 DEMO_DISABLED otherwise. */
export function demoLogin(body: DemoLoginRequest, idempotencyKey?: string): Promise<TokenResponse> {
  return apiRequest<TokenResponse>('/api/v1/auth/demo', { method: 'POST', body, idempotencyKey, auth: 'none' });
}

/** Exchanges a `Taro.login` code: a session when this WeChat is bound, otherwise a ticket for the binding step. */
export function wechatLogin(body: WechatLoginRequest): Promise<WechatLoginResponse> {
  return apiRequest<WechatLoginResponse>('/api/v1/auth/wechat', { method: 'POST', body, auth: 'none' });
}

export function bindByPhone(body: BindByPhoneRequest, idempotencyKey?: string): Promise<TokenResponse> {
  return apiRequest<TokenResponse>('/api/v1/auth/bind/phone', { method: 'POST', body, idempotencyKey, auth: 'none' });
}

export function bindByInvite(body: BindByInviteRequest, idempotencyKey?: string): Promise<TokenResponse> {
  return apiRequest<TokenResponse>('/api/v1/auth/bind/invite', { method: 'POST', body, idempotencyKey, auth: 'none' });
}

/** Ends the session on the server; `best-effort` so an expired access token does not open the login page. */
export function logout(body: LogoutRequest): Promise<unknown> {
  return apiRequest<unknown>('/api/v1/auth/logout', { method: 'POST', body, auth: 'best-effort', timeoutMs: 5_000 });
}

/** Desktop console: a ticket whose `scanPayload` the page shows as a QR code. */
export function createConsoleTicket(): Promise<ConsoleTicketResponse> {
  return apiRequest<ConsoleTicketResponse>('/api/v1/auth/console/ticket', { method: 'POST', body: {}, auth: 'none' });
}

export function pollConsoleTicket(body: ConsolePollRequest): Promise<ConsolePollResponse> {
  return apiRequest<ConsolePollResponse>('/api/v1/auth/console/poll', { method: 'POST', body, auth: 'none' });
}

/** From the signed-in mini-program: tells the browser its code was scanned (it shows 已扫码). */
export function scanConsoleTicket(body: ConsoleScanRequest): Promise<unknown> {
  return apiRequest<unknown>('/api/v1/auth/console/scan', { method: 'POST', body });
}

/** Only workers, organizers and admins may confirm (FORBIDDEN otherwise). */
export function confirmConsoleTicket(body: ConsoleScanRequest, idempotencyKey?: string): Promise<unknown> {
  return apiRequest<unknown>('/api/v1/auth/console/confirm', { method: 'POST', body, idempotencyKey });
}
