import type { ReactNode } from 'react';
import type { ApiError } from '@/api/api-error';
import LoadMore from '@/components/load-more';
import RefreshNotice from '@/components/refresh-notice';
import StateView from '@/components/state-view';
import type { PagedList } from '@/hooks/use-paged-list';

export interface PagedListViewProps<T> {
  list: PagedList<T>;
  /** The items (usually a SectionCard), shown once there are any. */
  children: ReactNode;
  /** Shown when page 1 came back empty. */
  empty: ReactNode;
  /** The page's own classes for the failed and loading states and for 加载更多; pages and tests find them by these. */
  classNames: { error: string; loading: string; more: string };
  /** Whether a failed first load offers 重试; not when trying again cannot help (a 403). */
  canRetry?: (error: ApiError) => boolean;
}

/**
 * The states of a paged list in one place: items with 加载更多 (a failed refresh keeps them on screen with a notice),
 * else the failure, the skeleton or the empty state.
 */
export default function PagedListView<T>({ list, children, empty, classNames, canRetry }: PagedListViewProps<T>) {
  if (list.items.length > 0) {
    return (
      <>
        <RefreshNotice error={list.error} onRetry={list.reload} />
        {children}
        <LoadMore
          className={classNames.more}
          hasMore={list.hasMore}
          loading={list.loadingMore}
          error={list.loadMoreError}
          count={list.items.length}
          onLoadMore={() => void list.loadMore()}
        />
      </>
    );
  }
  if (list.error && !list.loading) {
    const retry = canRetry ? canRetry(list.error) : true;
    return (
      <StateView
        className={classNames.error}
        status="error"
        message={list.error.message}
        onRetry={retry ? () => void list.reload() : undefined}
      />
    );
  }
  if (list.loading) return <StateView className={classNames.loading} status="loading" />;
  return <>{empty}</>;
}
