import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import './index.scss';

export interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  error: ApiError | undefined;
  count: number;
  onLoadMore: () => void;
  className?: string;
}

/** 加载更多 under a list, its failure with 重试, or a quiet end line. */
export default function LoadMore({ hasMore, loading, error, count, onLoadMore, className }: LoadMoreProps) {
  const classes = ['load-more', className].filter(Boolean).join(' ');
  if (!hasMore) {
    return count > 0 ? (
      <View className={classes}>
        <Text className="load-more__end">{`共 ${count} 条，已全部显示`}</Text>
      </View>
    ) : null;
  }
  return (
    <View className={classes}>
      {error ? (
        <View className="load-more__error" role="alert">
          <Text>{error.message}</Text>
        </View>
      ) : null}
      <Button className="load-more__button" size="large" block loading={loading} disabled={loading} onClick={onLoadMore}>
        {error ? '重试' : loading ? '正在加载…' : '加载更多'}
      </Button>
    </View>
  );
}
