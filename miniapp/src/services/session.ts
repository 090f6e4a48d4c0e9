import Taro from '@tarojs/taro';
import type { TokenResponse } from '@pioneer/shared-types';

// The only module that touches storage for the session; pages and the API client go through it.
const TOKEN_KEY = 'pioneer.accessToken';
const EXPIRES_AT_KEY = 'pioneer.accessTokenExpiresAt';
const REFRESH_TOKEN_KEY = 'pioneer.refreshToken';
const REFRESH_EXPIRES_AT_KEY = 'pioneer.refreshTokenExpiresAt';

// Renew slightly before the server's deadline so a request never leaves with a token that expires in flight.
const EXPIRY_MARGIN_MS = 10_000;

function readString(key: string): string | null {
  const value: unknown = Taro.getStorageSync(key);
  return typeof value === 'string' && value !== '' ? value : null;
}

function isPast(key: string, marginMs: number): boolean {
  const expiresAt: unknown = Taro.getStorageSync(key);
  return typeof expiresAt === 'number' && expiresAt > 0 && Date.now() + marginMs >= expiresAt;
}

function storeExpiry(key: string, seconds: number | undefined): void {
  if (typeof seconds === 'number' && seconds > 0) {
    Taro.setStorageSync(key, Date.now() + seconds * 1000);
  } else {
    Taro.removeStorageSync(key);
  }
}

/** The access token while it is still valid; null when absent or (about to be) expired. */
export function getToken(): string | null {
  const token = readString(TOKEN_KEY);
  if (token === null) return null;
  // An expired token would only earn a 401 round trip on a slow network; the refresh token (if any) stays.
  if (isPast(EXPIRES_AT_KEY, EXPIRY_MARGIN_MS)) return null;
  return token;
}

/** The refresh token while its idle timeout has not passed. */
export function getRefreshToken(): string | null {
  const token = readString(REFRESH_TOKEN_KEY);
  if (token === null) return null;
  if (isPast(REFRESH_EXPIRES_AT_KEY, 0)) {
    clearSession();
    return null;
  }
  return token;
}

/** Stores an access token alone (kept for callers that only have one); leaves any refresh token as it is. */
export function saveToken(token: string, expiresInSeconds?: number): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  storeExpiry(EXPIRES_AT_KEY, expiresInSeconds);
}

/**
 * Stores a whole session from a TokenResponse. Refresh tokens rotate: each answer carries a new one and the old one
 * is dead, so it is replaced every time — and removed when the answer carries none (demo tokens of old servers).
 */
export function saveSession(tokens: TokenResponse): void {
  saveToken(tokens.accessToken, tokens.expiresIn);
  if (tokens.refreshToken) {
    Taro.setStorageSync(REFRESH_TOKEN_KEY, tokens.refreshToken);
    storeExpiry(REFRESH_EXPIRES_AT_KEY, tokens.refreshExpiresIn);
  } else {
    Taro.removeStorageSync(REFRESH_TOKEN_KEY);
    Taro.removeStorageSync(REFRESH_EXPIRES_AT_KEY);
  }
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(EXPIRES_AT_KEY);
  Taro.removeStorageSync(REFRESH_TOKEN_KEY);
  Taro.removeStorageSync(REFRESH_EXPIRES_AT_KEY);
}

/** Signed in while either token can still get an answer: an expired access token is renewed on the next request. */
export function isSignedIn(): boolean {
  return getToken() !== null || getRefreshToken() !== null;
}
