import type { Role } from '../enums.js';

export interface DemoLoginRequest {
  role: Role;
}

/** A session: a short-lived access token and a rotating refresh token (each refresh returns a new pair). */
export interface TokenResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken?: string;
  /** Seconds until the refresh token expires if unused (idle timeout), never beyond the session's absolute lifetime. */
  refreshExpiresIn?: number;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface LogoutRequest {
  refreshToken?: string;
}

/** `POST /api/v1/auth/wechat` — the code from `Taro.login`. */
export interface WechatLoginRequest {
  code: string;
}

/**
 * A bound openid gets a session; an unbound one gets a short-lived bind ticket that proves this openid for the
 * binding step (the openid itself never goes back to the client).
 */
export type WechatLoginResponse =
  | { status: 'signed_in'; session: TokenResponse }
  | { status: 'unbound'; bindTicket: string; bindTicketExpiresIn: number };

/** `POST /api/v1/auth/bind/phone` — the one-time code from the getPhoneNumber button; matched against the roster. */
export interface BindByPhoneRequest {
  bindTicket: string;
  phoneCode: string;
}

/** `POST /api/v1/auth/bind/invite` — fallback: the name in the roster and an invite code from the organizer. */
export interface BindByInviteRequest {
  bindTicket: string;
  name: string;
  inviteCode: string;
}

/** `POST /api/v1/members/:id/invite-code` (organizer) — shown once; valid for `expiresIn` seconds, single use. */
export interface InviteCodeResponse {
  inviteCode: string;
  expiresIn: number;
}

/** Web console sign-in: the browser shows a QR of `scanPayload`; the mini-program scans and confirms. */
export interface ConsoleTicketResponse {
  ticketId: string;
  /** What the QR encodes: opaque, short-lived; carries no secret that grants a session by itself. */
  scanPayload: string;
  /** A secret only the browser holds, used to collect the session once confirmed. */
  pollSecret: string;
  expiresIn: number;
}

export type ConsoleTicketStatus = 'pending' | 'scanned' | 'confirmed' | 'expired' | 'consumed';

/** `POST /api/v1/auth/console/poll { ticketId, pollSecret }` */
export interface ConsolePollRequest {
  ticketId: string;
  pollSecret: string;
}

export interface ConsolePollResponse {
  status: ConsoleTicketStatus;
  session?: TokenResponse;
}

/** `POST /api/v1/auth/console/scan` then `/confirm` from the signed-in mini-program, with the scanned payload. */
export interface ConsoleScanRequest {
  scanPayload: string;
}
