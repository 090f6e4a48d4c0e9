import { SERVICE_RECORD_STATUS_LABELS, type ServiceRecordStatus } from '@pioneer/shared-types';
import { Text } from '@tarojs/components';
import './service.scss';

export type ShownStatus = ServiceRecordStatus | 'upload' | 'upload-failed';

const UPLOAD_LABELS: Record<'upload' | 'upload-failed', string> = {
  upload: '待上传',
  'upload-failed': '未能上传',
};

/** A record's status, or the state of one still on the phone. */
export default function RecordStatus({ status }: { status: ShownStatus }) {
  const label = status === 'upload' || status === 'upload-failed' ? UPLOAD_LABELS[status] : SERVICE_RECORD_STATUS_LABELS[status];
  return <Text className={`record-status record-status--${status}`}>{label}</Text>;
}
