import { waitFor } from '@testing-library/react';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { getRefreshToken, getToken, saveSession, saveToken } from '@/services/session';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import {
  apiBase,
  apiRequest,
  createIdempotencyKey,
  freshAccessToken,
  setUnauthorizedHandler,
  type UnauthorizedHandler,
} from './client';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function lastRequest() {
  const request = taroMock.requests[taroMock.requests.length - 1];
  if (!request) throw new Error('no request was sent');
  return request;
}

describe('apiRequest', () => {
  beforeEach(() => {
    taroMock.onRequest(() => ({ statusCode: 200, data: { ok: true } }));
  });

  it('sends a GET to the same origin with JSON headers, no token and no Idempotency-Key', async () => {
    const result = await apiRequest<{ ok: boolean }>('/api/v1/public/overview', { query: { page: 2, q: '幸福 社区', skip: undefined } });

    expect(result).toEqual({ ok: true });
    const request = lastRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/api/v1/public/overview?page=2&q=%E5%B9%B8%E7%A6%8F%20%E7%A4%BE%E5%8C%BA');
    expect(request.header.Accept).toBe('application/json');
    expect(request.header).not.toHaveProperty('Authorization');
    expect(request.header).not.toHaveProperty('Idempotency-Key');
    expect(request.timeout).toBe(15_000);
  });

  it('adds the bearer token once signed in', async () => {
    saveToken('token-abc', 3600);
    await apiRequest('/api/v1/me');
    expect(lastRequest().header.Authorization).toBe('Bearer token-abc');
  });

  it('puts a fresh Idempotency-Key on every write and sends the JSON body', async () => {
    await apiRequest('/api/v1/auth/demo', { method: 'POST', body: { role: 'member' } });
    const first = lastRequest();
    await apiRequest('/api/v1/auth/demo', { method: 'POST', body: { role: 'member' } });
    const second = lastRequest();

    expect(first.method).toBe('POST');
    expect(first.data).toEqual({ role: 'member' });
    expect(first.header['Content-Type']).toBe('application/json');
    expect(first.header['Idempotency-Key']).toMatch(UUID_SHAPE);
    expect(second.header['Idempotency-Key']).toMatch(UUID_SHAPE);
    expect(second.header['Idempotency-Key']).not.toBe(first.header['Idempotency-Key']);
  });

  it('reuses the key the caller passes, so a retried write is recognised by the server', async () => {
    const key = createIdempotencyKey();
    await apiRequest('/api/v1/things', { method: 'POST', body: {}, idempotencyKey: key });
    await apiRequest('/api/v1/things', { method: 'POST', body: {}, idempotencyKey: key });
    expect(taroMock.requests.map((request) => request.header['Idempotency-Key'])).toEqual([key, key]);
  });

  it('turns an error body into an ApiError with the server code, Chinese message, status and details', async () => {
    const details = [{ field: 'role', message: '请选择身份' }];
    taroMock.onRequest(() => ({
      statusCode: 400,
      data: { code: 'VALIDATION_FAILED', message: '提交的信息有误', details },
    }));

    const error = await apiRequest('/api/v1/auth/demo', { method: 'POST', body: {} }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的信息有误', status: 400, details });
  });

  it('maps a body that is not an error object (a proxy page) to BAD_RESPONSE', async () => {
    taroMock.onRequest(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }));
    await expect(apiRequest('/api/v1/public/overview')).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });

  it('reports a request that got no answer as NETWORK_ERROR with a Chinese message', async () => {
    taroMock.onRequest(() => {
      throw new Error('offline');
    });
    await expect(apiRequest('/api/v1/public/overview')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: NETWORK_ERROR_MESSAGE,
      status: 0,
    });
  });

  describe('on 401', () => {
    let defaultHandler: UnauthorizedHandler;
    beforeEach(() => {
      defaultHandler = setUnauthorizedHandler(() => undefined);
      setUnauthorizedHandler(defaultHandler);
    });
    afterEach(() => {
      setUnauthorizedHandler(defaultHandler);
    });

    it('clears the session and calls the unauthorized handler with the error', async () => {
      const handler = jest.fn<void, [ApiError]>();
      setUnauthorizedHandler(handler);
      saveToken('expired-token', 3600);
      taroMock.onRequest(() => ({ statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } }));

      await expect(apiRequest('/api/v1/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 });

      expect(getToken()).toBeNull();
      expect(handler).toHaveBeenCalledTimes(1);
      expect(handler.mock.calls[0][0].message).toBe('登录已过期，请重新登录');
    });

    it('by default opens the login page once, even when several requests fail together', async () => {
      saveToken('revoked-token', 3600);
      taroMock.onRequest(() => ({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } }));

      await Promise.allSettled([apiRequest('/api/v1/me'), apiRequest('/api/v1/me')]);

      expect(getToken()).toBeNull();
      expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]);
    });
  });
});

describe('apiBase', () => {
  const originalEnv = process.env.TARO_ENV;
  const originalBase = process.env.TARO_APP_API_BASE;
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
    process.env.TARO_APP_API_BASE = originalBase;
  });

  it('is the same origin in H5', () => {
    expect(apiBase()).toBe('');
  });

  it('uses TARO_APP_API_BASE in weapp, without a trailing slash, and a local default when unset', () => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'https://api.example.cn/';
    expect(apiBase()).toBe('https://api.example.cn');
    delete process.env.TARO_APP_API_BASE;
    expect(apiBase()).toBe('http://127.0.0.1:3000');
  });
});

describe('renewing an expired session', () => {
  const ME = '/api/v1/me';
  const THINGS = '/api/v1/things';
  const REFRESH = '/api/v1/auth/refresh';
  let defaultHandler: UnauthorizedHandler;
  let onUnauthorized: jest.Mock<void, [ApiError]>;

  beforeEach(() => {
    onUnauthorized = jest.fn<void, [ApiError]>();
    defaultHandler = setUnauthorizedHandler(onUnauthorized);
    saveSession({ accessToken: 'old-access', expiresIn: 3600, refreshToken: 'refresh-1', refreshExpiresIn: 86_400 });
  });
  afterEach(() => {
    setUnauthorizedHandler(defaultHandler);
  });

  /** A server whose access tokens: `old-access` has expired, `new-access` is good. */
  function serveWithRefresh(refresh: (request: RecordedRequest) => MockResponse | Promise<MockResponse>): void {
    taroMock.onRequest((request) => {
      if (request.url === REFRESH) return refresh(request);
      if (request.header.Authorization === 'Bearer new-access') {
        return { statusCode: 200, data: { path: request.url, body: request.data ?? null } };
      }
      return { statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } };
    });
  }

  it('refreshes once for two concurrent 401s and replays both with their own Idempotency-Key', async () => {
    let releaseRefresh: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    serveWithRefresh(async () => {
      // Holds the refresh open until both requests have come back with 401, so they really overlap.
      await refreshGate;
      return {
        statusCode: 200,
        data: { accessToken: 'new-access', expiresIn: 900, refreshToken: 'refresh-2', refreshExpiresIn: 86_400 },
      };
    });

    const first = apiRequest<{ path: string; body: unknown }>(THINGS, { method: 'POST', body: { n: 1 } });
    const second = apiRequest<{ path: string; body: unknown }>(ME);
    await waitFor(() => expect(taroMock.requests.filter((request) => request.url === REFRESH)).toHaveLength(1));
    await waitFor(() => expect(taroMock.requests.filter((request) => request.url !== REFRESH)).toHaveLength(2));
    releaseRefresh();

    await expect(first).resolves.toEqual({ path: THINGS, body: { n: 1 } });
    await expect(second).resolves.toEqual({ path: ME, body: null });

    const refreshes = taroMock.requests.filter((request) => request.url === REFRESH);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].data).toEqual({ refreshToken: 'refresh-1' });
    expect(refreshes[0].header).not.toHaveProperty('Authorization');

    const writes = taroMock.requests.filter((request) => request.url === THINGS);
    expect(writes.map((request) => request.header.Authorization)).toEqual(['Bearer old-access', 'Bearer new-access']);
    expect(writes[0].header['Idempotency-Key']).toMatch(UUID_SHAPE);
    expect(writes[1].header['Idempotency-Key']).toBe(writes[0].header['Idempotency-Key']);
    expect(writes[1].data).toEqual({ n: 1 });

    // Rotation: the new pair is what the next refresh will use.
    expect(getToken()).toBe('new-access');
    expect(getRefreshToken()).toBe('refresh-2');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('renews before sending when the stored access token has already expired locally', async () => {
    saveSession({ accessToken: 'old-access', expiresIn: -1, refreshToken: 'refresh-1' });
    taroMock.storage.set('pioneer.accessTokenExpiresAt', Date.now() - 1000);
    serveWithRefresh(() => ({ statusCode: 200, data: { accessToken: 'new-access', expiresIn: 900, refreshToken: 'refresh-2' } }));

    await expect(apiRequest(ME)).resolves.toEqual({ path: ME, body: null });

    expect(taroMock.requests.map((request) => request.url)).toEqual([REFRESH, ME]);
    expect(taroMock.requests[1].header.Authorization).toBe('Bearer new-access');
  });

  it('clears the session and hands over to the login handler once when the refresh token is refused', async () => {
    serveWithRefresh(() => ({
      statusCode: 401,
      data: { code: 'REFRESH_TOKEN_REUSED', message: '登录状态异常，请重新登录' },
    }));

    const results = await Promise.allSettled([apiRequest(ME), apiRequest(THINGS, { method: 'POST', body: {} })]);

    for (const result of results) {
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'REFRESH_TOKEN_REUSED', status: 401 } });
    }
    expect(taroMock.requests.filter((request) => request.url === REFRESH)).toHaveLength(1);
    expect(getToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0][0].code).toBe('REFRESH_TOKEN_REUSED');
    // No replay with a token that does not exist.
    expect(taroMock.requests.filter((request) => request.url === ME)).toHaveLength(1);
  });

  it('by default opens the login page when the session cannot be renewed', async () => {
    setUnauthorizedHandler(defaultHandler);
    serveWithRefresh(() => ({ statusCode: 401, data: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' } }));

    await expect(apiRequest(ME)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });

    expect(getRefreshToken()).toBeNull();
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]);
  });

  it('keeps the session when the refresh got no answer, so the person can simply try again', async () => {
    serveWithRefresh(() => {
      throw new Error('offline');
    });

    await expect(apiRequest(ME)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });

    expect(getRefreshToken()).toBe('refresh-1');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('asks again at once with the same refresh token when the answer to a refresh was lost', async () => {
    let attempts = 0;
    serveWithRefresh(() => {
      attempts += 1;
      // The server rotated, but its answer never arrived; within its grace window it answers again with the same pair.
      if (attempts === 1) throw new Error('connection reset');
      return { statusCode: 200, data: { accessToken: 'new-access', expiresIn: 900, refreshToken: 'refresh-2', refreshExpiresIn: 86_400 } };
    });

    await expect(apiRequest(ME)).resolves.toEqual({ path: ME, body: null });

    const refreshes = taroMock.requests.filter((request) => request.url === REFRESH);
    expect(refreshes.map((request) => request.data)).toEqual([{ refreshToken: 'refresh-1' }, { refreshToken: 'refresh-1' }]);
    expect(getRefreshToken()).toBe('refresh-2');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('signs out without a refresh attempt on a 401 that is not an expiry', async () => {
    taroMock.onRequest(() => ({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } }));

    await expect(apiRequest(ME)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(taroMock.requests.map((request) => request.url)).toEqual([ME]);
    expect(getRefreshToken()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('sends no token and never refreshes for sign-in calls', async () => {
    taroMock.onRequest(() => ({ statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } }));

    await expect(apiRequest('/api/v1/auth/wechat', { method: 'POST', body: { code: 'c' }, auth: 'none' })).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });

    expect(taroMock.requests).toHaveLength(1);
    expect(taroMock.requests[0].header).not.toHaveProperty('Authorization');
    expect(getRefreshToken()).toBe('refresh-1');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('freshAccessToken', () => {
  it('returns the stored token while valid, renews when only the refresh token is left, and is null when signed out', async () => {
    expect(await freshAccessToken()).toBeNull();

    saveSession({ accessToken: 'a1', expiresIn: 900, refreshToken: 'r1' });
    expect(await freshAccessToken()).toBe('a1');
    expect(taroMock.requests).toHaveLength(0);

    taroMock.storage.set('pioneer.accessTokenExpiresAt', Date.now() - 1);
    taroMock.onRequest(() => ({ statusCode: 200, data: { accessToken: 'a2', expiresIn: 900, refreshToken: 'r2' } }));
    expect(await freshAccessToken()).toBe('a2');
    expect(taroMock.requests.map((request) => request.data)).toEqual([{ refreshToken: 'r1' }]);
    expect(getRefreshToken()).toBe('r2');
  });
});
