import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { overviewFixture } from '@test/fixtures';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { getRefreshToken, getToken } from '@/services/session';
import LoginPage from './index';

const OVERVIEW = '/api/v1/public/overview';
const DEMO = '/api/v1/auth/demo';
const TICKET = '/api/v1/auth/console/ticket';
const POLL = '/api/v1/auth/console/poll';

type Routes = Record<string, (request: RecordedRequest) => MockResponse>;

function serve(routes: Routes): void {
  const defaults: Routes = {
    [TICKET]: () => ({
      statusCode: 200,
      data: { ticketId: 't1', scanPayload: 'pioneer-console:t1', pollSecret: 's1', expiresIn: 120 },
    }),
    [POLL]: () => ({ statusCode: 200, data: { status: 'pending' } }),
  };
  const all = { ...defaults, ...routes };
  taroMock.onRequest((request) => {
    const route = all[request.url];
    if (!route) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return route(request);
  });
}

const demoRequests = () => taroMock.requests.filter((request) => request.url === DEMO);

describe('LoginPage (H5 console)', () => {
  describe('in demo mode', () => {
    const demoOverview = () => ({ statusCode: 200, data: overviewFixture({ demoMode: true }) });

    it('offers the four demo roles beside the QR sign-in', async () => {
      serve({ [OVERVIEW]: demoOverview });
      const { container } = render(<LoginPage />);

      for (const label of ['党员', '社区工作者', '组织者', '管理员']) {
        expect(await screen.findByText(`以${label}身份登录`)).toBeTruthy();
      }
      for (const role of ['member', 'worker', 'organizer', 'admin']) {
        expect(container.querySelector(`.login-role.login-role--${role}`)).not.toBeNull();
      }
      expect(container.querySelector('.console-qr')).not.toBeNull();
    });

    it('signs in with the chosen role, stores both tokens and goes back', async () => {
      taroMock.pageStack = ['pages/mine/index', 'packages/account/pages/login/index'];
      serve({
        [OVERVIEW]: demoOverview,
        [DEMO]: () => ({
          statusCode: 200,
          data: { accessToken: 'demo-token', expiresIn: 3600, refreshToken: 'demo-refresh', refreshExpiresIn: 86_400 },
        }),
      });

      render(<LoginPage />);
      fireEvent.click(await screen.findByText('以社区工作者身份登录'));

      await waitFor(() => expect(getToken()).toBe('demo-token'));
      expect(getRefreshToken()).toBe('demo-refresh');
      const [request] = demoRequests();
      expect(request.method).toBe('POST');
      expect(request.data).toEqual({ role: 'worker' });
      expect(request.header['Idempotency-Key']).toBeTruthy();
      expect(request.header).not.toHaveProperty('Authorization');
      await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]));
    });

    it('goes to the home tab when the login page was opened directly', async () => {
      taroMock.pageStack = ['packages/account/pages/login/index'];
      serve({
        [OVERVIEW]: demoOverview,
        [DEMO]: () => ({ statusCode: 200, data: { accessToken: 'demo-token', expiresIn: 3600 } }),
      });

      render(<LoginPage />);
      fireEvent.click(await screen.findByText('以党员身份登录'));

      await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'switchTab', url: ROUTES.home }]));
    });

    it('shows the server message on failure, and retries the same role with the same key', async () => {
      serve({
        [OVERVIEW]: demoOverview,
        [DEMO]: () => ({ statusCode: 404, data: { code: 'DEMO_DISABLED', message: '演示模式未开启' } }),
      });

      render(<LoginPage />);
      fireEvent.click(await screen.findByText('以组织者身份登录'));
      expect(await screen.findByText('演示模式未开启')).toBeTruthy();
      expect(getToken()).toBeNull();

      fireEvent.click(screen.getByText('以组织者身份登录'));
      await waitFor(() => expect(demoRequests()).toHaveLength(2));
      const [first, second] = demoRequests();
      expect(second.header['Idempotency-Key']).toBe(first.header['Idempotency-Key']);

      fireEvent.click(await screen.findByText('以管理员身份登录'));
      await waitFor(() => expect(demoRequests()).toHaveLength(3));
      expect(demoRequests()[2].header['Idempotency-Key']).not.toBe(first.header['Idempotency-Key']);
      expect(taroMock.navigations).toHaveLength(0);
    });
  });

  it('offers only the QR sign-in when the deployment is not a demo', async () => {
    serve({ [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture({ demoMode: false }) }) });
    const { container } = render(<LoginPage />);

    await waitFor(() => expect(container.querySelector('.qr-code')).not.toBeNull());
    expect(taroMock.requests.some((request) => request.url === OVERVIEW)).toBe(true);
    // Let the overview's answer render before asserting what it did not add.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(container.querySelector('.login-role')).toBeNull();
    expect(screen.queryByText('选择演示身份')).toBeNull();
  });
});
