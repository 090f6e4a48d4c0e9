import { fireEvent, render, screen } from '@testing-library/react';
import { meFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { saveToken } from '@/services/session';
import { householdFixture, pageOf } from '../../testing/fixtures';
import HouseholdsPage from './index';

const MEMBER_ONLY = meFixture({ roles: [{ role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' }] });

function serve(me = MEMBER_ONLY) {
  taroMock.onRequest((request) =>
    request.url === '/api/v1/me'
      ? { statusCode: 200, data: me }
      : {
          statusCode: 200,
          data: pageOf([householdFixture(), householdFixture({ id: 'h2', community: null, village: '红星村', lastVisitedOn: null, visitCount: 0, pairedWith: [] })]),
        },
  );
}

describe('HouseholdsPage', () => {
  beforeEach(() => saveToken('token-1', 3600));

  it('lists my households masked, with where they live, who is paired and the last visit', async () => {
    serve();
    const { container } = render(<HouseholdsPage />);

    expect(await screen.findByText('红星村')).toBeTruthy();
    expect(taroMock.requests.map((r) => r.url)).toContain('/api/v1/households?page=1&pageSize=10');
    const items = container.querySelectorAll('.household-item');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('王**');
    expect(items[0]!.textContent).toContain('向阳社区');
    expect(items[0]!.textContent).toContain('结对党员：李明');
    expect(items[0]!.textContent).toContain('最近走访：2026年11月20日，共走访 3 次');
    expect(items[1]!.textContent).toContain('还没有走访记录');
    expect(screen.getAllByText('我的结对户').length).toBeGreaterThan(0);
  });

  it('calls them 结对住户 for a worker, and opens a household and the registration form', async () => {
    serve(meFixture());
    const { container } = render(<HouseholdsPage />);
    expect(await screen.findAllByText('结对住户')).toBeTruthy();

    fireEvent.click(container.querySelector('.household-item')!);
    fireEvent.click(screen.getByText('登记结对户'));

    expect(taroMock.navigations.map((n) => n.url)).toEqual([`${ROUTES.household}?id=h1`, ROUTES.householdNew]);
  });
});
