import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RoleScope, UnreadCountResponse } from '@pioneer/shared-types';
import { meFixture, overviewFixture } from '@test/fixtures';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { saveToken } from '@/services/session';
import HomePage from './index';

type Routes = Record<string, (request: RecordedRequest) => MockResponse>;

function serve(routes: Routes): void {
  taroMock.onRequest((request) => {
    const route = routes[request.url];
    if (!route) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return route(request);
  });
}

const OVERVIEW = '/api/v1/public/overview';
const ME = '/api/v1/me';
const UNREAD = '/api/v1/messages/unread-count';

describe('HomePage', () => {
  it('shows the district, its figures and every community from the overview', async () => {
    serve({ [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }) });

    const { container } = render(<HomePage />);

    expect(container.querySelector('.home-loading')).not.toBeNull();
    expect(await screen.findByText('幸福里社区')).toBeTruthy();
    expect(screen.getByText('和平社区')).toBeTruthy();
    expect(container.querySelector('.home-title')?.textContent).toBe('示范区');
    expect(container.querySelectorAll('.home-community')).toHaveLength(2);
    expect(screen.getByText('和平路 8 号')).toBeTruthy();

    const figures = Array.from(container.querySelectorAll('.home-figure')).map((node) => node.textContent);
    expect(figures).toEqual(['党组织单位3 个', '社区2 个', '街道1 个']);
    expect(container.querySelector('.home-loading')).toBeNull();
    // Mounting and the first page show share one request.
    expect(taroMock.requests.filter((request) => request.url === OVERVIEW)).toHaveLength(1);
  });

  it('shows the server message with a retry button, and loads again on 重试', async () => {
    let fail = true;
    serve({
      [OVERVIEW]: () =>
        fail
          ? { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务正在维护，请稍后再试' } }
          : { statusCode: 200, data: overviewFixture() },
    });

    const { container } = render(<HomePage />);

    expect(await screen.findByText('服务正在维护，请稍后再试')).toBeTruthy();
    expect(container.querySelector('.home-error')).not.toBeNull();
    expect(container.querySelector('.home-community')).toBeNull();

    fail = false;
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('幸福里社区')).toBeTruthy();
    expect(container.querySelector('.home-error')).toBeNull();
  });

  it('says so when there are no communities yet', async () => {
    serve({
      [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture({ communities: [], communityCount: 0 }) }),
    });

    const { container } = render(<HomePage />);

    expect(await screen.findByText('暂无社区信息，请稍后再来看看')).toBeTruthy();
    expect(container.querySelector('.home-empty.state-view--empty')).not.toBeNull();
    expect(container.querySelector('.home-community')).toBeNull();
  });

  it('offers 登录 when signed out and opens the login page', async () => {
    serve({ [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }) });

    const { container } = render(<HomePage />);
    await screen.findByText('幸福里社区');

    expect(container.querySelector('.home-greeting')).toBeNull();
    expect(taroMock.requests.some((request) => request.url === ME)).toBe(false);
    fireEvent.click(screen.getByText('登录'));
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]);
  });

  it('greets a signed-in person by name with their roles', async () => {
    saveToken('token-1', 3600);
    serve({
      [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }),
      [ME]: (request) =>
        request.header.Authorization === 'Bearer token-1'
          ? { statusCode: 200, data: meFixture() }
          : { statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } },
    });

    const { container } = render(<HomePage />);

    expect(await screen.findByText('您好，李明')).toBeTruthy();
    const roles = Array.from(container.querySelectorAll('.home-role')).map((node) => node.textContent);
    expect(roles).toEqual(['党员', '社区工作者 · 幸福里社区']);
    expect(container.querySelector('.home-login')).toBeNull();
  });

  it('refreshes when shown again, picking up a sign-in made on the login page', async () => {
    serve({
      [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }),
      [ME]: () => ({ statusCode: 200, data: meFixture() }),
    });
    render(<HomePage />);
    await screen.findByText('幸福里社区');
    expect(screen.getByText('登录')).toBeTruthy();

    saveToken('token-2', 3600);
    act(() => taroMock.triggerDidShow());

    expect(await screen.findByText('您好，李明')).toBeTruthy();
    await waitFor(() => expect(taroMock.requests.filter((request) => request.url === OVERVIEW)).toHaveLength(2));
  });

  it('reloads on pull-down and then stops the refresh spinner', async () => {
    let districtName = '示范区';
    serve({ [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture({ districtName }) }) });
    const { container } = render(<HomePage />);
    await screen.findByText('幸福里社区');

    districtName = '新区';
    act(() => taroMock.triggerPullDownRefresh());

    await waitFor(() => expect(container.querySelector('.home-title')?.textContent).toBe('新区'));
    await waitFor(() => expect(taroMock.pullDownStops).toBe(1));
  });
});

describe('HomePage shortcuts by role', () => {
  function shortcutLabels(container: HTMLElement): (string | null)[] {
    return Array.from(container.querySelectorAll('.home-shortcut')).map((node) => node.textContent);
  }

  async function renderAs(roles: RoleScope[], counts?: UnreadCountResponse): Promise<HTMLElement> {
    saveToken('token-1', 3600);
    serve({
      [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }),
      [ME]: () => ({ statusCode: 200, data: meFixture({ roles }) }),
      ...(counts ? { [UNREAD]: () => ({ statusCode: 200, data: counts }) } : {}),
    });
    const { container } = render(<HomePage />);
    await screen.findByText('您好，李明');
    return container;
  }

  const member: RoleScope = { role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' };

  it('gives a member check-in, records, registration, messages, their profile and 意见建议', async () => {
    const container = await renderAs([member]);
    expect(shortcutLabels(container)).toEqual(['签到服务', '我的服务记录', '报到社区', '消息', '我的资料', '意见建议']);

    fireEvent.click(screen.getByText('签到服务'));
    fireEvent.click(screen.getByText('我的服务记录'));
    fireEvent.click(screen.getByText('报到社区'));
    fireEvent.click(screen.getByText('消息'));
    fireEvent.click(screen.getByText('意见建议'));
    expect(taroMock.navigations.map((navigation) => navigation.url)).toEqual([
      ROUTES.serviceCheckin,
      ROUTES.serviceRecords,
      ROUTES.serviceRegister,
      ROUTES.inbox,
      ROUTES.suggestions,
    ]);
  });

  it('puts the unread count on a member’s 消息 shortcut and on the 我的 tab', async () => {
    const container = await renderAs([member], { unread: 4 });

    await waitFor(() => expect(container.querySelector('.home-shortcut--inbox .home-shortcut__badge')?.textContent).toBe('4'));
    expect(taroMock.tabBadges.get(2)).toBe('4');
  });

  it('clears the 我的 tab badge once everything is read', async () => {
    taroMock.tabBadges.set(2, '3');
    const container = await renderAs([member], { unread: 0 });

    await waitFor(() => expect(taroMock.tabBadges.has(2)).toBe(false));
    expect(container.querySelector('.home-shortcut__badge')).toBeNull();
  });

  it('gives a worker the check-in code, the queue and registrations each with its own count, and 补录', async () => {
    const container = await renderAs([{ role: 'worker', scopeKind: 'community', scopeId: 'c1', scopeName: '幸福里社区' }], {
      unread: 0,
      pendingForWorker: 5,
      pendingWork: { registrations: 2, services: 3 },
    });
    await waitFor(() => expect(container.querySelector('.home-shortcut--worker-queue .home-shortcut__badge')?.textContent).toBe('3'));
    expect(container.querySelector('.home-shortcut--worker-registrations .home-shortcut__badge')?.textContent).toBe('2');
    expect(shortcutLabels(container)).toEqual(['签到码', '待确认记录3', '报到审核2', '代为补录', '意见建议']);
    // Everything waiting for the worker, on the 首页 tab where the tiles are.
    await waitFor(() => expect(taroMock.tabBadges.get(0)).toBe('5'));

    fireEvent.click(screen.getByText('签到码'));
    fireEvent.click(screen.getByText('待确认记录'));
    fireEvent.click(screen.getByText('报到审核'));
    fireEvent.click(screen.getByText('代为补录'));
    expect(taroMock.navigations.map((navigation) => navigation.url)).toEqual([
      ROUTES.workerCode,
      ROUTES.workerQueue,
      ROUTES.workerRegistrations,
      ROUTES.workerOnBehalf,
    ]);
  });

  it('shows no badge when nothing waits for the worker, and clears the 首页 tab badge', async () => {
    taroMock.tabBadges.set(0, '4');
    const container = await renderAs([{ role: 'worker', scopeKind: 'community', scopeId: 'c1', scopeName: '幸福里社区' }], {
      unread: 2,
      pendingForWorker: 0,
      pendingWork: { registrations: 0, services: 0 },
    });
    await waitFor(() => expect(taroMock.requests.some((request) => request.url === UNREAD)).toBe(true));
    await waitFor(() => expect(taroMock.tabBadges.has(0)).toBe(false));
    expect(container.querySelector('.home-shortcut__badge')).toBeNull();
  });

  it('shows 99+ past two digits', async () => {
    const container = await renderAs([{ role: 'worker', scopeKind: 'street', scopeId: 's1', scopeName: '东城街道' }], {
      unread: 0,
      pendingForWorker: 120,
      pendingWork: { registrations: 0, services: 120 },
    });
    await waitFor(() => expect(container.querySelector('.home-shortcut__badge')?.textContent).toBe('99+'));
  });

  it('gives a district organizer people, roster import and suggestion handling', async () => {
    const container = await renderAs([{ role: 'organizer', scopeKind: 'district', scopeId: null, scopeName: '全区' }]);
    expect(shortcutLabels(container)).toEqual(['人员管理', '名册导入', '意见处理', '意见建议']);

    fireEvent.click(screen.getByText('名册导入'));
    fireEvent.click(screen.getByText('意见处理'));
    expect(taroMock.navigations).toEqual([
      { type: 'navigateTo', url: ROUTES.manageRosterImport },
      { type: 'navigateTo', url: ROUTES.suggestionsHandle },
    ]);
  });

  it('does not give a unit organizer the district-wide suggestion handling', async () => {
    const container = await renderAs([{ role: 'organizer', scopeKind: 'unit', scopeId: 'u1', scopeName: '区发展和改革局' }]);
    expect(shortcutLabels(container)).toEqual(['人员管理', '名册导入', '意见建议']);
  });

  it('gives an admin units, streets and communities, and accounts', async () => {
    const container = await renderAs([{ role: 'admin', scopeKind: 'system', scopeId: null, scopeName: '系统' }]);
    expect(shortcutLabels(container)).toEqual(['单位管理', '街道社区', '账号角色', '意见建议']);

    fireEvent.click(screen.getByText('单位管理'));
    fireEvent.click(screen.getByText('街道社区'));
    fireEvent.click(screen.getByText('账号角色'));
    expect(taroMock.navigations.map((navigation) => navigation.url)).toEqual([
      ROUTES.manageUnits,
      ROUTES.manageCommunities,
      ROUTES.managePeople,
    ]);
  });

  it('offers nothing role-specific to a visitor', async () => {
    serve({ [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }) });
    const { container } = render(<HomePage />);
    await screen.findByText('幸福里社区');
    expect(container.querySelector('.home-shortcut')).toBeNull();
  });
});

describe('HomePage for a member', () => {
  const CURRENT = '/api/v1/services/current';
  const HOURS = '/api/v1/services/mine/hours';
  const hoursFixture = { month: { confirmed: 2, pending: 1.5 }, year: { confirmed: 12.5, pending: 1.5 }, monthKey: '2026-03', yearKey: '2026' };
  const openRecord = (startedAt: string) => ({
    id: 'sr1',
    member: { id: 'm1', name: '李明' },
    community: { id: 'c1', name: '幸福里社区' },
    status: 'open',
    startedAt,
  });

  beforeEach(() => saveToken('token-1', 3600));

  it('shows an open visit first, with how long it has run and 签退, then the month’s and year’s hours', async () => {
    const startedAt = new Date(Date.now() - 75 * 60_000).toISOString();
    serve({
      [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }),
      [ME]: () => ({ statusCode: 200, data: meFixture() }),
      [CURRENT]: () => ({ statusCode: 200, data: openRecord(startedAt) }),
      [HOURS]: () => ({ statusCode: 200, data: hoursFixture }),
    });
    const { container } = render(<HomePage />);

    await waitFor(() => expect(container.querySelector('.home-visit')).not.toBeNull());
    // First on the page, above the greeting.
    const cards = Array.from(container.querySelectorAll('.section-card')).map((node) => node.className);
    expect(cards[0]).toContain('home-visit');
    expect(container.querySelector('.home-visit__since')?.textContent).toMatch(/签到，已服务 1 小时 15 分钟$/);
    fireEvent.click(container.querySelector('.home-visit__end') as HTMLElement);
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceVisit }]);

    await waitFor(() => expect(container.querySelector('.home-hours .hours-summary__month')).not.toBeNull());
    expect(container.querySelector('.home-hours .hours-summary__month')?.textContent).toBe('3月已确认2 小时待确认 1.5 小时');
    expect(container.querySelector('.home-hours .hours-summary__year')?.textContent).toBe('2026年已确认12.5 小时待确认 1.5 小时');
  });

  it('shows no visit card without an open visit, and the hours’ failure with a retry', async () => {
    let fail = true;
    serve({
      [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }),
      [ME]: () => ({ statusCode: 200, data: meFixture() }),
      [CURRENT]: () => ({ statusCode: 200, data: null }),
      [HOURS]: () =>
        fail ? { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } : { statusCode: 200, data: hoursFixture },
    });
    const { container } = render(<HomePage />);
    await waitFor(() => expect(container.querySelector('.home-hours .hours-summary__error')).not.toBeNull());
    expect(container.querySelector('.home-visit')).toBeNull();
    expect(container.querySelector('.home-hours')?.textContent).toContain('服务暂时不可用，请稍后再试');
    fail = false;
    fireEvent.click(container.querySelector('.home-hours .state-view__retry') as HTMLElement);
    await waitFor(() => expect(container.querySelector('.home-hours .hours-summary__month')).not.toBeNull());
  });

  it('asks nothing about visits or hours of someone who is not a member', async () => {
    serve({
      [OVERVIEW]: () => ({ statusCode: 200, data: overviewFixture() }),
      [ME]: () => ({ statusCode: 200, data: meFixture({ roles: [{ role: 'admin', scopeKind: 'system', scopeId: null, scopeName: '系统' }] }) }),
    });
    const { container } = render(<HomePage />);
    await screen.findByText('您好，李明');
    expect(container.querySelector('.home-hours')).toBeNull();
    expect(taroMock.requests.some((request) => request.url === CURRENT || request.url === HOURS)).toBe(false);
  });
});
