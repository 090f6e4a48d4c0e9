import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { getRefreshToken, getToken } from '@/services/session';
import { useWechatLogin } from './use-wechat-login';
import WechatLogin from './wechat-login';

const WECHAT = '/api/v1/auth/wechat';
const BIND_PHONE = '/api/v1/auth/bind/phone';
const BIND_INVITE = '/api/v1/auth/bind/invite';

const SESSION = { accessToken: 'wx-access', expiresIn: 900, refreshToken: 'wx-refresh', refreshExpiresIn: 86_400 };
const UNBOUND = { status: 'unbound', bindTicket: 'ticket-1', bindTicketExpiresIn: 300 };

type Routes = Record<string, (request: RecordedRequest) => MockResponse>;

function serve(routes: Routes): void {
  taroMock.onRequest((request) => {
    const route = routes[request.url];
    if (!route) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return route(request);
  });
}

const requestsTo = (url: string) => taroMock.requests.filter((request) => request.url === url);

describe('useWechatLogin (weapp sign-in and binding)', () => {
  beforeEach(() => {
    taroMock.pageStack = ['pages/mine/index', 'packages/account/pages/login/index'];
    taroMock.loginResult = 'code-1';
  });

  it('signs a bound WeChat straight in and goes back', async () => {
    serve({ [WECHAT]: () => ({ statusCode: 200, data: { status: 'signed_in', session: SESSION } }) });

    renderHook(() => useWechatLogin());

    await waitFor(() => expect(getToken()).toBe('wx-access'));
    expect(getRefreshToken()).toBe('wx-refresh');
    expect(requestsTo(WECHAT)[0].data).toEqual({ code: 'code-1' });
    expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]);
  });

  it('binds by the phone code WeChat gives, never a typed number', async () => {
    serve({
      [WECHAT]: () => ({ statusCode: 200, data: UNBOUND }),
      [BIND_PHONE]: () => ({ statusCode: 200, data: SESSION }),
    });
    const { result } = renderHook(() => useWechatLogin());
    await waitFor(() => expect(result.current.step).toBe('bind'));

    await act(() => result.current.bindWithPhone({ code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' }));

    expect(requestsTo(BIND_PHONE)[0].data).toEqual({ bindTicket: 'ticket-1', phoneCode: 'phone-code-1' });
    expect(getToken()).toBe('wx-access');
    expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]);
  });

  it('offers the invite code when the phone is not in the roster, then binds with name and code', async () => {
    serve({
      [WECHAT]: () => ({ statusCode: 200, data: UNBOUND }),
      [BIND_PHONE]: () => ({
        statusCode: 404,
        data: { code: 'BIND_PHONE_NOT_IN_ROSTER', message: '名册中没有找到这个手机号' },
      }),
      [BIND_INVITE]: () => ({ statusCode: 200, data: SESSION }),
    });
    const { result } = renderHook(() => useWechatLogin());
    await waitFor(() => expect(result.current.step).toBe('bind'));

    await act(() => result.current.bindWithPhone({ code: 'phone-code-1' }));

    expect(result.current.inviteOpen).toBe(true);
    expect(result.current.problem).toMatchObject({ message: '名册中没有找到这个手机号', next: 'invite' });
    expect(result.current.problem?.hint).toContain('邀请码');
    expect(getToken()).toBeNull();

    await act(() => result.current.bindWithInvite({ name: '  李明 ', inviteCode: ' ABC123 ' }));

    expect(requestsTo(BIND_INVITE)[0].data).toEqual({ bindTicket: 'ticket-1', name: '李明', inviteCode: 'ABC123' });
    expect(getToken()).toBe('wx-access');
  });

  it('checks the invite form before sending anything', async () => {
    serve({ [WECHAT]: () => ({ statusCode: 200, data: UNBOUND }) });
    const { result } = renderHook(() => useWechatLogin());
    await waitFor(() => expect(result.current.step).toBe('bind'));

    await act(() => result.current.bindWithInvite({ name: ' ', inviteCode: '' }));

    expect(result.current.fieldErrors).toEqual({ name: '请填写名册中的姓名', inviteCode: '请填写组织者提供的邀请码' });
    expect(requestsTo(BIND_INVITE)).toHaveLength(0);
  });

  it('explains a refused phone number and points to the invite code', async () => {
    serve({ [WECHAT]: () => ({ statusCode: 200, data: UNBOUND }) });
    const { result } = renderHook(() => useWechatLogin());
    await waitFor(() => expect(result.current.step).toBe('bind'));

    await act(() => result.current.bindWithPhone({ errMsg: 'getPhoneNumber:fail user deny' }));

    expect(result.current.problem?.next).toBe('invite');
    expect(requestsTo(BIND_PHONE)).toHaveLength(0);
  });

  it('starts over with a new WeChat code when the bind ticket is no longer valid', async () => {
    serve({
      [WECHAT]: () => ({ statusCode: 200, data: UNBOUND }),
      [BIND_INVITE]: () => ({ statusCode: 400, data: { code: 'BIND_TICKET_INVALID', message: '绑定凭证已失效' } }),
    });
    const { result } = renderHook(() => useWechatLogin());
    await waitFor(() => expect(result.current.step).toBe('bind'));

    await act(() => result.current.bindWithInvite({ name: '李明', inviteCode: 'ABC123' }));
    expect(result.current.problem).toMatchObject({ message: '绑定凭证已失效', next: 'restart' });

    taroMock.loginResult = 'code-2';
    await act(() => result.current.restart());

    expect(requestsTo(WECHAT).map((request) => request.data)).toEqual([{ code: 'code-1' }, { code: 'code-2' }]);
    expect(result.current.step).toBe('bind');
    expect(result.current.problem).toBeNull();
  });

  it('retries the same invite after a network failure with the same Idempotency-Key', async () => {
    let online = false;
    serve({
      [WECHAT]: () => ({ statusCode: 200, data: UNBOUND }),
      [BIND_INVITE]: () => {
        if (!online) throw new Error('offline');
        return { statusCode: 200, data: SESSION };
      },
    });
    const { result } = renderHook(() => useWechatLogin());
    await waitFor(() => expect(result.current.step).toBe('bind'));

    await act(() => result.current.bindWithInvite({ name: '李明', inviteCode: 'ABC123' }));
    expect(result.current.problem?.next).toBe('retry');
    online = true;
    await act(() => result.current.bindWithInvite({ name: '李明', inviteCode: 'ABC123' }));

    const [first, second] = requestsTo(BIND_INVITE);
    expect(second.header['Idempotency-Key']).toBe(first.header['Idempotency-Key']);
    expect(getToken()).toBe('wx-access');
  });

  it('says what to do when the member may no longer sign in', async () => {
    serve({ [WECHAT]: () => ({ statusCode: 403, data: { code: 'MEMBER_INACTIVE', message: '您的党员状态不能登录' } }) });
    const { result } = renderHook(() => useWechatLogin());

    await waitFor(() => expect(result.current.step).toBe('failed'));
    expect(result.current.problem).toMatchObject({ message: '您的党员状态不能登录', next: 'contact' });
    expect(result.current.problem?.hint).toContain('组织者');
  });
});

describe('WechatLogin', () => {
  // The open-type props exist only in the weapp; jsdom renders the H5 button, whose DOM does not know them.
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    const original = console.error.bind(console);
    consoleError = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (/\b(openType|onGetPhoneNumber)\b/.test(args.map(String).join(' '))) return;
      original(...args);
    });
  });
  afterEach(() => {
    consoleError.mockRestore();
  });

  it('explains the one-time binding and offers the WeChat phone button and the invite code', async () => {
    serve({ [WECHAT]: () => ({ statusCode: 200, data: UNBOUND }) });
    const { container } = render(<WechatLogin />);

    expect(await screen.findByText(/把微信与党员名册中的您对应起来，只需一次/)).toBeTruthy();
    expect(container.querySelector('.login-bind__phone')?.textContent).toBe('微信手机号一键绑定');
    expect(screen.getByText('使用邀请码绑定')).toBeTruthy();
    // No field for typing a phone number exists.
    expect(container.querySelector('input[type="tel"]')).toBeNull();
    expect(screen.queryByText(/手机号码/)).toBeNull();
  });
});
