import { SERVICE_TYPE_LABELS } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PendingWrite } from '@/services/offline-queue';
import { formatDateTime } from '@/format/date-time';
import RecordStatus from './record-status';
import './service.scss';

export interface PendingItemProps {
  item: PendingWrite;
  busy: boolean;
  onRetry: (key: string) => void;
  onDiscard: (item: PendingWrite) => void;
  className?: string;
}

function title(item: PendingWrite): string {
  if (item.kind === 'start') return `签到 · ${item.communityName}`;
  return `签退 · ${item.communityName} · ${SERVICE_TYPE_LABELS[item.body.serviceType] ?? ''}`;
}

/**
 * A check-in or check-out still on the phone: waiting for a connection (sent again by itself), or refused by the
 * server with its reason (sent again only when the person asks, or given up).
 */
export default function PendingItem({ item, busy, onRetry, onDiscard, className }: PendingItemProps) {
  const failed = item.state === 'failed';
  const classes = ['pending-item', `pending-item--${item.state}`, className].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      <View className="pending-item__head">
        <Text className="pending-item__title">{title(item)}</Text>
        <RecordStatus status={failed ? 'upload-failed' : 'upload'} />
      </View>
      <Text className="pending-item__time">{`手机记录时间 ${formatDateTime(item.claimedAt)}`}</Text>
      {failed ? (
        <Text className="pending-item__message">{item.message ?? '服务器没有接受这条记录'}</Text>
      ) : (
        <Text className="pending-item__note">
          已保存在手机上，有网络时会自动上传。离线记录的时间以手机为准，需社区工作者确认。
        </Text>
      )}
      <View className="pending-item__actions">
        <Button
          className="pending-item__action pending-item__retry"
          size="large"
          type={failed ? 'default' : 'primary'}
          loading={busy}
          disabled={busy}
          onClick={() => onRetry(item.key)}
        >
          {failed ? '重新上传' : '立即上传'}
        </Button>
        {failed ? (
          <Button className="pending-item__action pending-item__discard" size="large" onClick={() => onDiscard(item)}>
            放弃这条
          </Button>
        ) : null}
      </View>
    </View>
  );
}
