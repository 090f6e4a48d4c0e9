import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { getRefreshToken, getToken, saveSession } from '@/services/session';
import { ApiError } from './api-error';
import { uploadFile, type PickedFile } from './file-transfer';

interface FetchCall {
  url: string;
  headers: Record<string, string>;
}

function mockFetch(status: number, body: unknown): FetchCall[] {
  const calls: FetchCall[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: { ...((init?.headers as Record<string, string> | undefined) ?? {}) } });
    const text = JSON.stringify(body);
    return { status, ok: status >= 200 && status < 300, text: async () => text } as unknown as Response;
  });
  Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
  return calls;
}

const file: PickedFile = { kind: 'blob', name: 'roster.xlsx', size: 3, blob: new Blob(['abc']) };

describe('uploadFile', () => {
  it('renews an expired access token through the refresh endpoint alone, then uploads with the new one', async () => {
    saveSession({ accessToken: 'a1', expiresIn: 900, refreshToken: 'r1' });
    taroMock.storage.set('pioneer.accessTokenExpiresAt', Date.now() - 1);
    taroMock.onRequest(() => ({ statusCode: 200, data: { accessToken: 'a2', expiresIn: 900, refreshToken: 'r2' } }));
    const calls = mockFetch(200, { ok: true });

    await expect(uploadFile('/api/v1/roster/import', file)).resolves.toEqual({ ok: true });

    // One refresh, no extra request just to renew the token.
    expect(taroMock.requests.map((request) => request.url)).toEqual(['/api/v1/auth/refresh']);
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.Authorization).toBe('Bearer a2');
    expect(calls[0].headers['Idempotency-Key']).toEqual(expect.any(String));
    expect(getRefreshToken()).toBe('r2');
  });

  it('turns a 401 into an ApiError, ends the session and opens the login page', async () => {
    saveSession({ accessToken: 'a1', expiresIn: 900, refreshToken: 'r1' });
    mockFetch(401, { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });

    const error = await uploadFile('/api/v1/roster/import', file).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    expect(getToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]);
  });
});
