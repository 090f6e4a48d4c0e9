import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { getToken, saveToken } from '@/services/session';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import { apiBase, apiRequest, createIdempotencyKey, setUnauthorizedHandler, type UnauthorizedHandler } from './client';

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
