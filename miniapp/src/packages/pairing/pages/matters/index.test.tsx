import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { meFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { matterFixture } from '../../testing/fixtures';
import MattersPage from './index';

const MEMBER_ONLY = meFixture({ roles: [{ role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' }] });

function serve(me = MEMBER_ONLY) {
  taroMock.onRequest((request) =>
    request.url === '/api/v1/me'
      ? { statusCode: 200, data: me }
      : { statusCode: 200, data: { items: [matterFixture()], page: 1, pageSize: 10, total: 7, beneficiaries: 356 } },
  );
}

describe('MattersPage', () => {
  beforeEach(() => saveToken('token-1', 3600));

  it('shows this year’s matters with the totals over all of them, and no 登记实事 for a member', async () => {
    serve();
    const year = new Date().getFullYear();
    render(<MattersPage />);

    expect(await screen.findByText('共 7 件，惠及 356 人')).toBeTruthy();
    expect(screen.getByText('为小区加装楼道扶手')).toBeTruthy();
    expect(taroMock.requests.map((r) => r.url)).toContain(`/api/v1/matters?from=${year}-01-01&to=${year}-12-31&page=1&pageSize=10`);
    await waitFor(() => expect(taroMock.requests.some((r) => r.url === '/api/v1/me')).toBe(true));
    expect(screen.queryByText('登记实事')).toBeNull();
  });

  it('asks for another year when one is chosen, and offers 登记实事 to a worker', async () => {
    serve(meFixture());
    const year = new Date().getFullYear();
    render(<MattersPage />);
    expect(await screen.findByText('登记实事')).toBeTruthy();

    fireEvent.click(screen.getByText(`${year - 1}年`));

    await waitFor(() =>
      expect(taroMock.requests.map((r) => r.url)).toContain(`/api/v1/matters?from=${year - 1}-01-01&to=${year - 1}-12-31&page=1&pageSize=10`),
    );
  });
});
