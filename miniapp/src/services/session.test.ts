import { taroMock } from '@test/taro-mock';
import { clearSession, getRefreshToken, getToken, isSignedIn, saveSession } from './session';

describe('session', () => {
  it('replaces the refresh token on every save (rotation) and drops it when an answer carries none', () => {
    saveSession({ accessToken: 'a1', expiresIn: 900, refreshToken: 'r1', refreshExpiresIn: 3600 });
    saveSession({ accessToken: 'a2', expiresIn: 900, refreshToken: 'r2', refreshExpiresIn: 3600 });
    expect([getToken(), getRefreshToken()]).toEqual(['a2', 'r2']);

    saveSession({ accessToken: 'a3', expiresIn: 900 });
    expect([getToken(), getRefreshToken()]).toEqual(['a3', null]);
  });

  it('stays signed in on the refresh token alone after the access token expired', () => {
    saveSession({ accessToken: 'a1', expiresIn: 900, refreshToken: 'r1', refreshExpiresIn: 3600 });
    taroMock.storage.set('pioneer.accessTokenExpiresAt', Date.now() - 1);

    expect(getToken()).toBeNull();
    expect(isSignedIn()).toBe(true);
  });

  it('is signed out once the refresh token has passed its idle timeout', () => {
    saveSession({ accessToken: 'a1', expiresIn: 900, refreshToken: 'r1', refreshExpiresIn: 3600 });
    taroMock.storage.set('pioneer.accessTokenExpiresAt', Date.now() - 1);
    taroMock.storage.set('pioneer.refreshTokenExpiresAt', Date.now() - 1);

    expect(isSignedIn()).toBe(false);
    expect(taroMock.storage.size).toBe(0);
  });

  it('clears everything', () => {
    saveSession({ accessToken: 'a1', expiresIn: 900, refreshToken: 'r1', refreshExpiresIn: 3600 });
    clearSession();
    expect(taroMock.storage.size).toBe(0);
    expect(isSignedIn()).toBe(false);
  });
});
