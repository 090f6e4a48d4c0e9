import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { meFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { getToken, saveToken } from '@/services/session';
import MinePage from './index';

describe('MinePage', () => {
  it('offers 登录 when signed out, without asking the server who you are', () => {
    const { container } = render(<MinePage />);
    fireEvent.click(screen.getByText('登录'));
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]);
    expect(taroMock.requests).toHaveLength(0);
    expect(container.querySelector('.mine-logout')).toBeNull();
  });

  it('shows the profile from /me with a masked phone and Chinese role labels', async () => {
    saveToken('token-1', 3600);
    taroMock.onRequest(() => ({ statusCode: 200, data: meFixture() }));

    const { container } = render(<MinePage />);

    expect(await screen.findByText('李明')).toBeTruthy();
    expect(container.querySelector('.mine-phone')?.textContent).toBe('手机138****1234');
    expect(container.querySelector('.mine-unit')?.textContent).toBe('单位区发展和改革局');
    expect(container.querySelector('.mine-branch')?.textContent).toBe('支部机关第一支部');
    const roles = Array.from(container.querySelectorAll('.mine-role')).map((node) => node.textContent);
    expect(roles).toEqual(['党员 · 本人', '社区工作者 · 幸福里社区']);
  });

  it('signs out after confirmation and then offers 登录 again', async () => {
    saveToken('token-1', 3600);
    taroMock.onRequest(() => ({ statusCode: 200, data: meFixture() }));
    render(<MinePage />);
    await screen.findByText('李明');

    taroMock.modalConfirms = false;
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(screen.getByText('李明')).toBeTruthy());
    expect(getToken()).toBe('token-1');

    taroMock.modalConfirms = true;
    fireEvent.click(screen.getByText('退出登录'));

    expect(await screen.findByText('登录')).toBeTruthy();
    expect(getToken()).toBeNull();
    expect(screen.queryByText('李明')).toBeNull();
    expect(taroMock.toasts).toContain('已退出登录');
  });

  it('shows the error with a retry button when /me fails', async () => {
    saveToken('token-1', 3600);
    taroMock.onRequest(() => {
      throw new Error('offline');
    });
    const { container } = render(<MinePage />);

    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
    expect(container.querySelector('.mine-error')).not.toBeNull();

    taroMock.onRequest(() => ({ statusCode: 200, data: meFixture() }));
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('李明')).toBeTruthy();
  });
});
