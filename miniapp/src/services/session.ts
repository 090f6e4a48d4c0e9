import Taro from '@tarojs/taro';

// The only module that touches storage for the session; pages and the API client go through it.
const TOKEN_KEY = 'pioneer.accessToken';
const EXPIRES_AT_KEY = 'pioneer.accessTokenExpiresAt';

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
  if (typeof token !== 'string' || token === '') return null;
  const expiresAt: unknown = Taro.getStorageSync(EXPIRES_AT_KEY);
  // An expired token would only earn a 401 round trip on a slow network; drop it up front.
  if (typeof expiresAt === 'number' && expiresAt > 0 && Date.now() >= expiresAt) {
    clearSession();
    return null;
  }
  return token;
}

/** Stores the token; `expiresInSeconds` comes from TokenResponse.expiresIn. */
export function saveToken(token: string, expiresInSeconds?: number): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  if (typeof expiresInSeconds === 'number' && expiresInSeconds > 0) {
    Taro.setStorageSync(EXPIRES_AT_KEY, Date.now() + expiresInSeconds * 1000);
  } else {
    Taro.removeStorageSync(EXPIRES_AT_KEY);
  }
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(EXPIRES_AT_KEY);
}

export function isSignedIn(): boolean {
  return getToken() !== null;
}
