import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { saveToken } from '@/services/session';
import { pageOf, suggestionFixture } from '../../testing/fixtures';
import SuggestionListPage from './index';

const replied = suggestionFixture({
  id: 's2',
  content: '小区门口的路灯坏了很久。',
  status: 'replied',
  reply: '已联系物业，本周内修好。',
  repliedAt: '2025-03-09T02:00:00.000Z',
});
const waiting = suggestionFixture({ id: 's1', anonymous: true });

function texts(container: HTMLElement, selector: string): (string | null)[] {
  return Array.from(container.querySelectorAll(selector)).map((node) => node.textContent);
}

describe('SuggestionListPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('shows my suggestions newest first with Chinese status labels and the organizers’ reply', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: pageOf([replied, waiting]) }));

    const { container } = render(<SuggestionListPage />);

    expect(await screen.findByText('小区门口的路灯坏了很久。')).toBeTruthy();
    expect(taroMock.requests[0]!.url).toBe('/api/v1/suggestions/mine?page=1&pageSize=10');
    expect(texts(container, '.suggestion-item .suggestion-status')).toEqual(['已答复', '已提交']);
    expect(texts(container, '.suggestion-reply .suggestion-reply__text')).toEqual(['已联系物业，本周内修好。']);
    expect(container.querySelectorAll('.suggestion-item')[1]!.textContent).toContain('匿名');
    expect(container.querySelectorAll('.suggestion-item')[1]!.textContent).toContain('还没有答复');
    expect(screen.getByText('共 2 条，已全部显示')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('loads the next page with 加载更多 and shows an item that moved pages only once', async () => {
    const first = Array.from({ length: 10 }, (_, i) => suggestionFixture({ id: `a${i}`, content: `第 ${i} 条建议内容` }));
    taroMock.onRequest((request) =>
      request.url.includes('page=2')
        ? { statusCode: 200, data: pageOf([first[9]!, suggestionFixture({ id: 'b1', content: '最早的一条建议' })], 2, 10, 12) }
        : { statusCode: 200, data: pageOf(first, 1, 10, 12) },
    );
    const { container } = render(<SuggestionListPage />);
    await screen.findByText('第 0 条建议内容');
    expect(container.querySelectorAll('.suggestion-item')).toHaveLength(10);

    fireEvent.click(screen.getByText('加载更多'));

    expect(await screen.findByText('最早的一条建议')).toBeTruthy();
    expect(taroMock.requests.map((r) => r.url)).toEqual([
      '/api/v1/suggestions/mine?page=1&pageSize=10',
      '/api/v1/suggestions/mine?page=2&pageSize=10',
    ]);
    expect(container.querySelectorAll('.suggestion-item')).toHaveLength(11);
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('says so when there is nothing yet, and opens the form from the button', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: pageOf([]) }));
    render(<SuggestionListPage />);

    expect(await screen.findByText('您还没有提交过意见建议')).toBeTruthy();
    fireEvent.click(screen.getByText('提意见建议'));
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.suggestionNew }]);
  });

  it('shows the error with 重试 and recovers', async () => {
    taroMock.onRequest(() => {
      throw new Error('offline');
    });
    const { container } = render(<SuggestionListPage />);

    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
    expect(container.querySelector('.suggestion-list__error')).not.toBeNull();

    taroMock.onRequest(() => ({ statusCode: 200, data: pageOf([replied]) }));
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('已联系物业，本周内修好。')).toBeTruthy();
    expect(container.querySelector('.suggestion-list__error')).toBeNull();
  });

  it('refreshes when shown again (back from sending one) and on pull-down', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: pageOf([waiting]) }));
    const { container } = render(<SuggestionListPage />);
    await waitFor(() => expect(container.querySelectorAll('.suggestion-item')).toHaveLength(1));

    taroMock.onRequest(() => ({ statusCode: 200, data: pageOf([replied, waiting]) }));
    act(() => taroMock.triggerDidShow());
    await waitFor(() => expect(container.querySelectorAll('.suggestion-item')).toHaveLength(2));

    taroMock.onRequest(() => ({ statusCode: 200, data: pageOf([{ ...replied, status: 'closed' }, waiting]) }));
    act(() => taroMock.triggerPullDownRefresh());
    await waitFor(() => expect(texts(container, '.suggestion-status')[0]).toBe('已办完'));
    await waitFor(() => expect(taroMock.pullDownStops).toBe(1));
  });

  it('opens one suggestion by its id', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: pageOf([replied]) }));
    render(<SuggestionListPage />);
    fireEvent.click(await screen.findByText('小区门口的路灯坏了很久。'));
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: `${ROUTES.suggestionDetail}?id=s2` }]);
  });

  it('asks a signed-out visitor to sign in first, without calling the server', () => {
    taroMock.storage.clear();
    render(<SuggestionListPage />);
    fireEvent.click(screen.getByText('登录后提意见建议'));
    expect(taroMock.requests).toHaveLength(0);
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]);
  });
});
