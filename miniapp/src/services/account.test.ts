import { taroMock } from '@test/taro-mock';
import { completeSignIn, signOut } from './account';
import { getRefreshToken, getToken, isSignedIn, saveSession } from './session';

describe('signOut', () => {
  beforeEach(() => {
    saveSession({ accessToken: 'access-1', expiresIn: 3600, refreshToken: 'refresh-1', refreshExpiresIn: 86_400 });
  });

  it('ends the session on the server with the refresh token, then forgets it here', async () => {
    taroMock.onRequest(() => ({ statusCode: 204 }));

    await signOut();

    expect(taroMock.requests).toHaveLength(1);
    const [request] = taroMock.requests;
    expect(request.url).toBe('/api/v1/auth/logout');
    expect(request.method).toBe('POST');
    expect(request.data).toEqual({ refreshToken: 'refresh-1' });
    expect(request.header.Authorization).toBe('Bearer access-1');
    expect(getToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
    expect(isSignedIn()).toBe(false);
  });

  it('still signs out here when the server cannot be reached', async () => {
    taroMock.onRequest(() => {
      throw new Error('offline');
    });

    await signOut();

    expect(isSignedIn()).toBe(false);
  });

  it('neither refreshes nor opens the login page when the access token has already expired', async () => {
    taroMock.onRequest(() => ({ statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } }));

    await signOut();

    expect(taroMock.requests.map((request) => request.url)).toEqual(['/api/v1/auth/logout']);
    expect(taroMock.navigations).toEqual([]);
    expect(isSignedIn()).toBe(false);
  });
});

describe('completeSignIn', () => {
  it('stores both tokens and returns to the previous page', () => {
    taroMock.pageStack = ['pages/mine/index', 'packages/account/pages/login/index'];

    completeSignIn({ accessToken: 'access-2', expiresIn: 900, refreshToken: 'refresh-2', refreshExpiresIn: 86_400 });

    expect(getToken()).toBe('access-2');
    expect(getRefreshToken()).toBe('refresh-2');
    expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]);
    expect(taroMock.toasts).toEqual(['登录成功']);
  });
});
