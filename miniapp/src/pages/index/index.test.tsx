import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
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
    expect(figures).toEqual(['参与单位3 个', '社区2 个', '街道1 个']);
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

    expect(await screen.findByText('你好，李明')).toBeTruthy();
    const roles = Array.from(container.querySelectorAll('.home-role')).map((node) => node.textContent);
    expect(roles).toEqual(['党员 · 本人', '社区工作者 · 幸福里社区']);
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

    expect(await screen.findByText('你好，李明')).toBeTruthy();
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
