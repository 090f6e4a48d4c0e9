import { Text, View } from '@tarojs/components';
import type { ApiError } from '@/api/api-error';

export interface RefreshNoticeProps {
  /** The failed refresh; nothing is shown without one. */
  error: ApiError | undefined;
  onRetry: () => void | Promise<void>;
  className?: string;
}

/**
 * A refresh failed while earlier data is still on screen: a slim line with 重试 above it, instead of replacing what
 * the person was reading with an error page. Its look is in app.scss, shared by every page.
 */
export default function RefreshNotice({ error, onRetry, className }: RefreshNoticeProps) {
  if (!error) return null;
  return (
    <View className={['refresh-notice', className].filter(Boolean).join(' ')}>
      <Text>{error.message}</Text>
      <Text className="refresh-notice__retry" onClick={() => void onRetry()}>
        重试
      </Text>
    </View>
  );
}
