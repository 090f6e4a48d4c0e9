import type { TokenResponse } from '@pioneer/shared-types';
import { logout } from '@/api/auth';
import { toast } from './toast';
import { goBackOrHome } from './navigation';
import { clearSession, getRefreshToken, saveSession } from './session';

/** After any sign-in (WeChat, binding, console QR, demo): keep the session, return to where the person was. */
export function completeSignIn(tokens: TokenResponse): void {
  saveSession(tokens);
  toast('登录成功');
  goBackOrHome();
}

/**
 * Ends the session on the server, then forgets it here. The local session goes even when the server cannot be
 * reached: a person who taps 退出登录 on a shared phone must be signed out now, not when the network returns.
 */
export async function signOut(): Promise<void> {
  const refreshToken = getRefreshToken();
  try {
    await logout(refreshToken ? { refreshToken } : {});
  } catch {
    // The refresh token expires on its own; nothing the person can do about a failed logout call.
  } finally {
    clearSession();
  }
}
