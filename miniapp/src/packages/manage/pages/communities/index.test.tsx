import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CommunityView, StreetView } from '@pioneer/shared-types';
import { taroMock } from '@test/taro-mock';
import { adminMe, organizerMe, pageOf, requestsTo, serve } from '../../testing/fixtures';
import { GCJ02_HINT } from './community-form';
import CommunitiesPage from './index';

const STREETS: StreetView[] = [
  { id: 's1', name: '向阳街道', communityCount: 2 },
  { id: 's2', name: '新华街道', communityCount: 0 },
];

function community(overrides: Partial<CommunityView>): CommunityView {
  return {
    id: 'c1',
    name: '向阳社区',
    streetId: 's1',
    streetName: '向阳街道',
    address: '向阳路 18 号',
    lat: 41.7965,
    lng: 123.4312,
    geofenceRadiusM: 300,
    ...overrides,
  };
}

function field(container: HTMLElement, label: string): HTMLInputElement {
  const node = Array.from(container.querySelectorAll('.text-field')).find((candidate) =>
    candidate.querySelector('.text-field__label')?.textContent?.startsWith(label),
  );
  const input = node?.querySelector('input');
  if (!input) throw new Error(`no field ${label}`);
  return input;
}

describe('CommunitiesPage', () => {
  it('groups communities under their streets with address, coordinates and radius; read-only for organizers', async () => {
    serve(
      {
        '/api/v1/streets': () => ({ statusCode: 200, data: pageOf(STREETS) }),
        '/api/v1/communities': () => ({
          statusCode: 200,
          data: pageOf([community({}), community({ id: 'c2', name: '光明社区', address: '光明街 6 号' })]),
        }),
      },
      organizerMe(),
    );
    const { container } = render(<CommunitiesPage />);

    await waitFor(() => expect(container.querySelectorAll('.street-group')).toHaveLength(2));
    const [first, second] = Array.from(container.querySelectorAll('.street-group'));
    expect(first.querySelector('.section-card__title')?.textContent).toBe('向阳街道');
    expect(Array.from(first.querySelectorAll('.community-item__name')).map((node) => node.textContent)).toEqual(['向阳社区', '光明社区']);
    expect(first.textContent).toContain('坐标 41.7965, 123.4312（GCJ-02）· 签到范围 300 米');
    expect(second.textContent).toContain('该街道下还没有社区');
    expect(screen.queryByText('新增街道')).toBeNull();
    expect(screen.queryByText('+ 新增社区')).toBeNull();
  });

  it('lets an admin add a community with GCJ-02 coordinates, checking the numbers first', async () => {
    const communities: CommunityView[] = [];
    serve(
      {
        '/api/v1/streets': () => ({ statusCode: 200, data: pageOf(STREETS) }),
        'GET /api/v1/communities': () => ({ statusCode: 200, data: pageOf(communities) }),
        'POST /api/v1/communities': (request) => {
          const created = community({ id: 'c9', ...(request.data as Partial<CommunityView>), streetName: '新华街道' });
          communities.push(created);
          return { statusCode: 201, data: created };
        },
      },
      adminMe(),
    );
    const { container } = render(<CommunitiesPage />);
    await waitFor(() => expect(container.querySelectorAll('.street-group')).toHaveLength(2));

    fireEvent.click(container.querySelectorAll('.street-group__add')[1]);
    expect(screen.getByText(GCJ02_HINT)).toBeTruthy();
    expect(container.querySelector('.community-form .select-field__value')?.textContent).toBe('新华街道');
    expect(field(container, '签到范围').value).toBe('300');

    fireEvent.input(field(container, '社区名称'), { target: { value: '幸福里社区' } });
    fireEvent.input(field(container, '地址'), { target: { value: '幸福里 3 号楼' } });
    fireEvent.input(field(container, '纬度'), { target: { value: '北纬41' } });
    fireEvent.input(field(container, '经度'), { target: { value: '123.4155' } });
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText('纬度应为 -90 到 90 之间的数字，如 41.7965')).toBeTruthy();
    expect(requestsTo('/api/v1/communities').filter((request) => request.method === 'POST')).toHaveLength(0);

    fireEvent.input(field(container, '纬度'), { target: { value: '41.8066' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(container.querySelectorAll('.community-item')).toHaveLength(1));
    const [post] = requestsTo('/api/v1/communities').filter((request) => request.method === 'POST');
    expect(post.data).toEqual({
      name: '幸福里社区',
      streetId: 's2',
      address: '幸福里 3 号楼',
      lat: 41.8066,
      lng: 123.4155,
      geofenceRadiusM: 300,
    });
    expect(taroMock.toasts).toContain('已添加');
  });

  it('shows the error with 重试 when the lists cannot be loaded', async () => {
    let fail = true;
    serve({
      '/api/v1/streets': () =>
        fail ? { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } : { statusCode: 200, data: pageOf(STREETS) },
      '/api/v1/communities': () => ({ statusCode: 200, data: pageOf([]) }),
    });
    const { container } = render(<CommunitiesPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(container.querySelectorAll('.street-group')).toHaveLength(2));
  });
});
