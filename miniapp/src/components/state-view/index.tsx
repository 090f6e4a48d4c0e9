import { Text, View } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import './index.scss';

export type StateViewStatus = 'loading' | 'empty' | 'error';

export interface StateViewProps {
  status: StateViewStatus;
  /** What to say: the empty-state sentence, or the error's Chinese message. */
  message?: string;
  onRetry?: () => void;
  /** Skeleton lines while loading. */
  rows?: number;
  className?: string;
}

const DEFAULT_MESSAGES: Record<StateViewStatus, string> = {
  loading: '正在加载…',
  empty: '暂无内容',
  error: '加载失败，请稍后重试',
};

/** One look for loading, empty and failed states, so people on slow networks always know what is happening. */
export default function StateView({ status, message, onRetry, rows = 3, className }: StateViewProps) {
  const text = message ?? DEFAULT_MESSAGES[status];
  const classes = ['state-view', `state-view--${status}`, className].filter(Boolean).join(' ');

  if (status === 'loading') {
    return (
      <View className={classes} aria-busy="true">
        <Skeleton rows={rows} animated className="state-view__skeleton" />
        <Text className="state-view__message">{text}</Text>
      </View>
    );
  }

  return (
    <View className={classes} role={status === 'error' ? 'alert' : undefined}>
      <Text className="state-view__icon">{status === 'error' ? '!' : '○'}</Text>
      <Text className="state-view__message">{text}</Text>
      {status === 'error' && onRetry ? (
        <Button className="state-view__retry" type="primary" size="large" onClick={() => onRetry()}>
          重试
        </Button>
      ) : null}
    </View>
  );
}
