import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeResponse } from '@pioneer/shared-types';
import { meFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { takePendingConsoleScan } from '@/services/console-scan';
import { getToken, saveSession, saveToken } from '@/services/session';
import MinePage from './index';

describe('MinePage', () => {
  it('offers 登录 and the about link when signed out, without asking the server who you are', () => {
    const { container } = render(<MinePage />);
    expect(container.querySelector('.mine-about')?.textContent).toContain('关于先锋报到');
    expect(container.querySelector('.mine-suggestions')).toBeNull();
    expect(container.querySelector('.mine-console-scan')).toBeNull();
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
    expect(roles).toEqual(['党员', '社区工作者 · 幸福里社区']);
  });

  it('shows an organizer and an admin role with their scope names', async () => {
    saveToken('token-1', 3600);
    taroMock.onRequest(() => ({
      statusCode: 200,
      data: meFixture({
        roles: [
          { role: 'organizer', scopeKind: 'district', scopeId: null, scopeName: '全区' },
          { role: 'admin', scopeKind: 'system', scopeId: null, scopeName: '系统' },
        ],
      }),
    }));
    const { container } = render(<MinePage />);
    await screen.findByText('李明');
    const roles = Array.from(container.querySelectorAll('.mine-role')).map((node) => node.textContent);
    expect(roles).toEqual(['组织者 · 全区', '管理员 · 系统']);
  });

  it('puts 意见建议 one tap away for a signed-in person', async () => {
    saveToken('token-1', 3600);
    taroMock.onRequest(() => ({ statusCode: 200, data: meFixture() }));
    const { container } = render(<MinePage />);
    await screen.findByText('李明');

    fireEvent.click(screen.getByText('意见建议'));

    expect(container.querySelector('.mine-suggestions')).not.toBeNull();
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.suggestions }]);
    expect(ROUTES.suggestions).toBe('/packages/suggestions/pages/list/index');
  });

  it('signs out after confirmation — on the server, then here — and then offers 登录 again', async () => {
    saveSession({ accessToken: 'token-1', expiresIn: 3600, refreshToken: 'refresh-1' });
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
    const logouts = taroMock.requests.filter((request) => request.url === '/api/v1/auth/logout');
    expect(logouts).toHaveLength(1);
    expect(logouts[0].data).toEqual({ refreshToken: 'refresh-1' });
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

describe('MinePage 扫码登录电脑端 (weapp)', () => {
  const originalEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    saveToken('token-1', 3600);
  });
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
  });

  it('scans with the camera only and opens the confirm page with the scanned code', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: meFixture() }));
    render(<MinePage />);
    await screen.findByText('李明');

    taroMock.scanResult = 'pioneer-console:xyz';
    fireEvent.click(screen.getByText('扫码登录电脑端'));

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.consoleConfirm }]));
    expect(taroMock.scanOptions).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    expect(takePendingConsoleScan()).toBe('pioneer-console:xyz');
  });

  it('stays put when the person closes the scanner', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: meFixture() }));
    render(<MinePage />);
    await screen.findByText('李明');

    taroMock.scanResult = new Error('cancel');
    fireEvent.click(screen.getByText('扫码登录电脑端'));

    await waitFor(() => expect(taroMock.scanOptions).toHaveLength(1));
    expect(taroMock.navigations).toEqual([]);
    expect(taroMock.toasts).toEqual([]);
  });

  it('is not offered to a member without a worker, organizer or admin role', async () => {
    taroMock.onRequest(() => ({
      statusCode: 200,
      data: meFixture({ roles: [{ role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' }] }),
    }));
    const { container } = render(<MinePage />);
    await screen.findByText('李明');

    expect(container.querySelector('.mine-console-scan')).toBeNull();
    expect(container.querySelector('.mine-suggestions')).not.toBeNull();
  });
});

describe('MinePage 扫码登录电脑端 (H5)', () => {
  it('is not offered in the browser, which has no camera scan', async () => {
    saveToken('token-1', 3600);
    taroMock.onRequest(() => ({ statusCode: 200, data: meFixture() }));
    const { container } = render(<MinePage />);
    await screen.findByText('李明');
    expect(container.querySelector('.mine-console-scan')).toBeNull();
  });
});

describe('MinePage reporting for duty', () => {
  const member = meFixture({ roles: [{ role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' }] });
  const post = {
    id: 'p1',
    name: '政策宣讲示范岗',
    place: '幸福里社区党群服务站',
    unit: { id: 'u1', name: '区发展和改革局' },
    community: { id: 'c1', name: '幸福里社区' },
    holders: [{ id: 'm1', name: '李明' }],
    createdAt: '2026-01-05T02:00:00.000Z',
    endedAt: null,
  };

  function serveMine(counts: unknown, posts: unknown): void {
    taroMock.onRequest((request) => {
      if (request.url === '/api/v1/me') return { statusCode: 200, data: member };
      if (request.url === '/api/v1/me/posts') return { statusCode: 200, data: posts };
      if (request.url === '/api/v1/messages/unread-count') return { statusCode: 200, data: counts };
      return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    });
  }

  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('offers a member 报到社区, 服务记录 and 消息 with the unread count, also on the 我的 tab', async () => {
    serveMine({ unread: 3 }, []);
    const { container } = render(<MinePage />);
    await screen.findByText('李明');

    await waitFor(() => expect(container.querySelector('.mine-inbox .mine-badge')?.textContent).toBe('3'));
    expect(taroMock.tabBadges.get(2)).toBe('3');

    fireEvent.click(container.querySelector('.mine-register') as HTMLElement);
    fireEvent.click(container.querySelector('.mine-records') as HTMLElement);
    fireEvent.click(container.querySelector('.mine-inbox') as HTMLElement);
    expect(taroMock.navigations.map((navigation) => navigation.url)).toEqual([
      ROUTES.serviceRegister,
      ROUTES.serviceRecords,
      ROUTES.inbox,
    ]);
  });

  it('lists the demonstration posts the member holds', async () => {
    serveMine({ unread: 0 }, [post]);
    const { container } = render(<MinePage />);

    await waitFor(() => expect(container.querySelectorAll('.mine-post')).toHaveLength(1));
    expect(container.querySelector('.mine-post__name')?.textContent).toBe('政策宣讲示范岗');
    expect(container.querySelector('.mine-post__detail')?.textContent).toBe('幸福里社区党群服务站 · 区发展和改革局 · 幸福里社区');
    expect(container.querySelector('.mine-inbox .mine-badge')).toBeNull();
  });

  it('shows no posts section to someone who holds none, and no member entries to a non-member', async () => {
    taroMock.onRequest((request) => {
      if (request.url === '/api/v1/me') {
        return { statusCode: 200, data: meFixture({ roles: [{ role: 'organizer', scopeKind: 'district', scopeId: null, scopeName: '全区' }] }) };
      }
      if (request.url === '/api/v1/me/posts') return { statusCode: 200, data: [] };
      return { statusCode: 200, data: { unread: 0 } };
    });
    const { container } = render(<MinePage />);
    await screen.findByText('李明');

    expect(container.querySelector('.mine-posts')).toBeNull();
    expect(container.querySelector('.mine-register')).toBeNull();
    expect(container.querySelector('.mine-inbox')).not.toBeNull();
  });
});

describe('MinePage hours', () => {
  it('shows a member’s confirmed and 待确认 hours for this month and this year', async () => {
    saveToken('token-1', 3600);
    taroMock.onRequest((request) =>
      request.url === '/api/v1/services/mine/hours'
        ? { statusCode: 200, data: { month: { confirmed: 1, pending: 0.5 }, year: { confirmed: 4, pending: 0.5 }, monthKey: '2026-12', yearKey: '2026' } }
        : { statusCode: 200, data: meFixture() },
    );
    const { container } = render(<MinePage />);
    await waitFor(() => expect(container.querySelector('.mine-hours .hours-summary__month')).not.toBeNull());
    expect(container.querySelector('.mine-hours .hours-summary__month')?.textContent).toBe('12月已确认1 小时待确认 0.5 小时');
    expect(container.querySelector('.mine-hours .hours-summary__year')?.textContent).toBe('2026年已确认4 小时待确认 0.5 小时');
  });
});

describe('MinePage activity entries', () => {
  function serveAs(roles: MeResponse['roles']): void {
    taroMock.onRequest((request) => {
      if (request.url === '/api/v1/me') return { statusCode: 200, data: meFixture({ roles }) };
      if (request.url === '/api/v1/me/posts') return { statusCode: 200, data: [] };
      return { statusCode: 200, data: { unread: 0 } };
    });
  }
  const MEMBER = { role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' } as const;
  const WORKER = { role: 'worker', scopeKind: 'community', scopeId: 'c1', scopeName: '幸福里社区' } as const;
  const UNIT_ORGANIZER = { role: 'organizer', scopeKind: 'unit', scopeId: 'u1', scopeName: '区发展和改革局' } as const;
  const DISTRICT_ORGANIZER = { role: 'organizer', scopeKind: 'district', scopeId: null, scopeName: '全区' } as const;

  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('offers a member 服务时长明细 (我的服务时长), 报到服务证明 and 走访记录, and nothing of organizing', async () => {
    serveAs([MEMBER]);
    const { container } = render(<MinePage />);
    fireEvent.click(await screen.findByText('服务时长明细'));
    fireEvent.click(screen.getByText('报到服务证明'));
    fireEvent.click(screen.getByText('走访记录'));
    expect(taroMock.navigations.map((navigation) => navigation.url)).toEqual([ROUTES.myHours, ROUTES.certificate, ROUTES.activityVisits]);
    expect(container.querySelector('.mine-organize')).toBeNull();
  });

  it('offers a worker 发布社区需求, opening the form for a need', async () => {
    serveAs([MEMBER, WORKER]);
    const { container } = render(<MinePage />);
    fireEvent.click(await screen.findByText('发布社区需求'));
    expect(taroMock.navigations.at(-1)?.url).toBe(`${ROUTES.organizeEdit}?need=1`);
    expect(container.querySelector('.mine-organize-list')).toBeNull();
  });

  it('offers organizers 活动管理 and 一月一主题, and 活动审核 only to district organizers', async () => {
    serveAs([UNIT_ORGANIZER]);
    const { container, unmount } = render(<MinePage />);
    await screen.findByText('活动管理');
    expect(container.querySelector('.mine-organize-review')).toBeNull();
    expect(container.querySelector('.mine-need-new')).toBeNull();
    expect(container.querySelector('.mine-my-hours')).toBeNull();
    unmount();

    serveAs([DISTRICT_ORGANIZER]);
    render(<MinePage />);
    fireEvent.click(await screen.findByText('活动审核'));
    fireEvent.click(screen.getByText('活动管理'));
    fireEvent.click(screen.getByText('一月一主题'));
    expect(taroMock.navigations.map((navigation) => navigation.url)).toEqual([ROUTES.organizeReview, ROUTES.organizeList, ROUTES.organizeThemes]);
  });
});
