import { fireEvent, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { ApiError } from '@/api/api-error';
import type { PagedList } from '@/hooks/use-paged-list';
import PagedListView from './index';

interface Item {
  id: string;
}

const CLASSES = { error: 'things-error', loading: 'things-loading', more: 'things-more' };
const offline = new ApiError('NETWORK_ERROR', '网络不给力，请检查网络后重试', 0);

function listOf(state: Partial<PagedList<Item>> = {}): PagedList<Item> {
  return {
    items: [],
    total: 0,
    loading: false,
    error: undefined,
    loadingMore: false,
    loadMoreError: undefined,
    hasMore: false,
    reload: jest.fn(async () => undefined),
    restart: jest.fn(async () => undefined),
    loadMore: jest.fn(async () => undefined),
    update: jest.fn(),
    ...state,
  };
}

function show(list: PagedList<Item>, canRetry?: (error: ApiError) => boolean) {
  return render(
    <PagedListView list={list} classNames={CLASSES} canRetry={canRetry} empty={<Text className="things-empty">还没有</Text>}>
      {list.items.map((item) => (
        <Text key={item.id} className="thing">
          {item.id}
        </Text>
      ))}
    </PagedListView>,
  );
}

describe('PagedListView', () => {
  it('shows the items with 加载更多 under them while more pages remain', () => {
    const list = listOf({ items: [{ id: 'a' }, { id: 'b' }], total: 5, hasMore: true });
    const { container } = show(list);

    expect(container.querySelectorAll('.thing')).toHaveLength(2);
    expect(container.querySelector('.refresh-notice')).toBeNull();
    expect(container.querySelector('.load-more.things-more')).not.toBeNull();

    fireEvent.click(screen.getByText('加载更多'));
    expect(list.loadMore).toHaveBeenCalledTimes(1);
  });

  it('says everything is shown once the last page is in', () => {
    const { container } = show(listOf({ items: [{ id: 'a' }, { id: 'b' }], total: 2 }));

    expect(container.querySelector('.load-more__end')?.textContent).toBe('共 2 条，已全部显示');
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('keeps the items on screen when a refresh fails, with a notice and 重试', () => {
    const list = listOf({ items: [{ id: 'a' }], total: 1, error: offline });
    const { container } = show(list);

    expect(container.querySelectorAll('.thing')).toHaveLength(1);
    expect(container.querySelector('.refresh-notice')?.textContent).toContain('网络不给力，请检查网络后重试');
    expect(container.querySelector('.things-error')).toBeNull();

    fireEvent.click(container.querySelector('.refresh-notice__retry') as HTMLElement);
    expect(list.reload).toHaveBeenCalledTimes(1);
  });

  it('shows why the next page failed, and turns 加载更多 into 重试', () => {
    const list = listOf({ items: [{ id: 'a' }], total: 3, hasMore: true, loadMoreError: offline });
    const { container } = show(list);

    expect(container.querySelector('.load-more__error')?.textContent).toBe('网络不给力，请检查网络后重试');
    fireEvent.click(screen.getByText('重试'));
    expect(list.loadMore).toHaveBeenCalledTimes(1);
  });

  it('shows a failed first load with 重试, unless trying again cannot help', () => {
    const list = listOf({ error: offline });
    const first = show(list);
    expect(first.container.querySelector('.state-view--error.things-error')).not.toBeNull();
    fireEvent.click(screen.getByText('重试'));
    expect(list.reload).toHaveBeenCalledTimes(1);
    first.unmount();

    const forbidden = new ApiError('FORBIDDEN', '您没有处理权限', 403);
    const second = show(listOf({ error: forbidden }), (error) => error.status !== 403);
    expect(second.container.querySelector('.things-error')?.textContent).toContain('您没有处理权限');
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('shows the skeleton while page 1 loads, and the page’s own empty state when it came back empty', () => {
    const loading = show(listOf({ loading: true }));
    expect(loading.container.querySelector('.state-view--loading.things-loading')).not.toBeNull();
    expect(loading.container.querySelector('.things-empty')).toBeNull();
    loading.unmount();

    const empty = show(listOf());
    expect(empty.container.querySelector('.things-empty')?.textContent).toBe('还没有');
    expect(empty.container.querySelector('.load-more')).toBeNull();
  });
});
