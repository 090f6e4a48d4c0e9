import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { setPendingConsoleScan } from '@/services/console-scan';
import { saveSession } from '@/services/session';
import ConsoleConfirmPage from './index';

const SCAN = '/api/v1/auth/console/scan';
const CONFIRM = '/api/v1/auth/console/confirm';

type Routes = Record<string, (request: RecordedRequest) => MockResponse>;

// The weapp build calls the configured API origin; only the path matters here.
const pathOf = (url: string): string => url.replace(/^https?:\/\/[^/]+/, '');

function serve(routes: Routes): void {
  taroMock.onRequest((request) => {
    const route = routes[pathOf(request.url)];
    if (!route) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return route(request);
  });
}

const requestsTo = (path: string) => taroMock.requests.filter((request) => pathOf(request.url) === path);

describe('ConsoleConfirmPage (weapp)', () => {
  const originalEnv = process.env.TARO_ENV;
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    // NutUI's loading icon uses its weapp-only inline style when TARO_ENV says weapp; jsdom's React warns about it.
    const original = console.error.bind(console);
    consoleError = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (args.map(String).join(' ').includes('-webkitMask')) return;
      original(...args);
    });
    saveSession({ accessToken: 'worker-access', expiresIn: 900, refreshToken: 'worker-refresh' });
    taroMock.pageStack = ['pages/mine/index', 'packages/account/pages/console-confirm/index'];
  });
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
    consoleError.mockRestore();
  });

  it('reports the scan, asks before signing the computer in, and confirms on 确认登录', async () => {
    serve({ [SCAN]: () => ({ statusCode: 200, data: { status: 'scanned' } }), [CONFIRM]: () => ({ statusCode: 200, data: {} }) });
    setPendingConsoleScan('pioneer-console:abc');

    const { container } = render(<ConsoleConfirmPage />);

    expect(await screen.findByText('确认在电脑上登录先锋报到？')).toBeTruthy();
    expect(requestsTo(SCAN)).toHaveLength(1);
    expect(requestsTo(SCAN)[0].data).toEqual({ scanPayload: 'pioneer-console:abc' });
    expect(requestsTo(SCAN)[0].header.Authorization).toBe('Bearer worker-access');
    expect(requestsTo(CONFIRM)).toHaveLength(0);

    fireEvent.click(screen.getByText('确认登录'));

    expect(await screen.findByText('已确认，电脑端正在登录')).toBeTruthy();
    expect(requestsTo(CONFIRM)[0].data).toEqual({ scanPayload: 'pioneer-console:abc' });
    expect(container.querySelector('.console-confirm--done')).not.toBeNull();
  });

  it('goes back without confirming on 取消', async () => {
    serve({ [SCAN]: () => ({ statusCode: 200, data: {} }) });
    setPendingConsoleScan('pioneer-console:abc');
    render(<ConsoleConfirmPage />);

    fireEvent.click(await screen.findByText('取消'));

    expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]);
    expect(requestsTo(CONFIRM)).toHaveLength(0);
  });

  it('explains that only workers, organizers and admins may sign in on a computer', async () => {
    serve({
      [SCAN]: () => ({ statusCode: 200, data: {} }),
      [CONFIRM]: () => ({ statusCode: 403, data: { code: 'FORBIDDEN', message: '没有权限执行此操作' } }),
    });
    setPendingConsoleScan('pioneer-console:abc');
    render(<ConsoleConfirmPage />);

    fireEvent.click(await screen.findByText('确认登录'));

    expect(await screen.findByText('没有权限执行此操作')).toBeTruthy();
    expect(screen.getByText('只有社区工作者、组织者和管理员可以登录电脑端。')).toBeTruthy();
    expect(screen.queryByText('重新扫码')).toBeNull();
  });

  it('offers to scan again with the camera only when the code has expired', async () => {
    serve({
      [SCAN]: (request) =>
        (request.data as { scanPayload: string }).scanPayload === 'pioneer-console:old'
          ? { statusCode: 410, data: { code: 'CONSOLE_TICKET_EXPIRED', message: '二维码已过期' } }
          : { statusCode: 200, data: {} },
    });
    setPendingConsoleScan('pioneer-console:old');
    render(<ConsoleConfirmPage />);

    expect(await screen.findByText('二维码已过期')).toBeTruthy();
    expect(screen.getByText('请在电脑上点“刷新二维码”，再重新扫码。')).toBeTruthy();

    taroMock.scanResult = 'pioneer-console:new';
    fireEvent.click(screen.getByText('重新扫码'));

    expect(await screen.findByText('确认在电脑上登录先锋报到？')).toBeTruthy();
    expect(taroMock.scanOptions).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    await waitFor(() => expect(requestsTo(SCAN).map((request) => request.data)).toEqual([
      { scanPayload: 'pioneer-console:old' },
      { scanPayload: 'pioneer-console:new' },
    ]));
  });
});

describe('ConsoleConfirmPage (H5)', () => {
  it('only points to the mini-program and calls nothing', () => {
    render(<ConsoleConfirmPage />);
    expect(screen.getByText(/请在先锋报到微信小程序中/)).toBeTruthy();
    expect(taroMock.requests).toHaveLength(0);
  });
});
