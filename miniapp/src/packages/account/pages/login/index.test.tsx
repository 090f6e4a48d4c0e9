import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { getToken } from '@/services/session';
import LoginPage from './index';

describe('LoginPage (H5 demo mode)', () => {
  it('offers the four demo roles', () => {
    render(<LoginPage />);
    for (const label of ['党员', '社区工作者', '组织者', '管理员']) {
      expect(screen.getByText(`以${label}身份登录`)).toBeTruthy();
    }
  });

  it('signs in with the chosen role, stores the token and goes back', async () => {
    taroMock.pageStack = ['pages/mine/index', 'packages/account/pages/login/index'];
    taroMock.onRequest(() => ({ statusCode: 201, data: { accessToken: 'demo-token', expiresIn: 3600 } }));

    render(<LoginPage />);
    fireEvent.click(screen.getByText('以社区工作者身份登录'));

    await waitFor(() => expect(getToken()).toBe('demo-token'));
    const [request] = taroMock.requests;
    expect(request.url).toBe('/api/v1/auth/demo');
    expect(request.method).toBe('POST');
    expect(request.data).toEqual({ role: 'worker' });
    expect(request.header['Idempotency-Key']).toBeTruthy();
    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]));
  });

  it('goes to the home tab when the login page was opened directly', async () => {
    taroMock.pageStack = ['packages/account/pages/login/index'];
    taroMock.onRequest(() => ({ statusCode: 201, data: { accessToken: 'demo-token', expiresIn: 3600 } }));

    render(<LoginPage />);
    fireEvent.click(screen.getByText('以党员身份登录'));

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'switchTab', url: ROUTES.home }]));
  });

  it('shows the server message when demo mode is off, and retries the same role with the same key', async () => {
    taroMock.onRequest(() => ({ statusCode: 404, data: { code: 'DEMO_DISABLED', message: '演示模式未开启' } }));

    render(<LoginPage />);
    fireEvent.click(screen.getByText('以组织者身份登录'));
    expect(await screen.findByText('演示模式未开启')).toBeTruthy();
    expect(getToken()).toBeNull();

    fireEvent.click(screen.getByText('以组织者身份登录'));
    await waitFor(() => expect(taroMock.requests).toHaveLength(2));
    const [first, second] = taroMock.requests;
    expect(second.header['Idempotency-Key']).toBe(first.header['Idempotency-Key']);

    fireEvent.click(await screen.findByText('以管理员身份登录'));
    await waitFor(() => expect(taroMock.requests).toHaveLength(3));
    expect(taroMock.requests[2].header['Idempotency-Key']).not.toBe(first.header['Idempotency-Key']);
    expect(taroMock.navigations).toHaveLength(0);
  });
});
