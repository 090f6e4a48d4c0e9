import { SERVICE_RECORD_STATUS_LABELS, type ServiceRecordStatus } from '@pioneer/shared-types';
import StatusTag, { type StatusTone } from '@/components/status-tag';
import './service.scss';

export type ShownStatus = ServiceRecordStatus | 'upload' | 'upload-failed';

const UPLOAD_LABELS: Record<'upload' | 'upload-failed', string> = {
  upload: '待上传',
  'upload-failed': '未能上传',
};

const TONES: Record<ShownStatus, StatusTone> = {
  open: 'primary',
  pending: 'warning',
  confirmed: 'success',
  rejected: 'danger',
  upload: 'muted',
  'upload-failed': 'danger',
};

/** A record's status, or the state of one still on the phone. */
export default function RecordStatus({ status }: { status: ShownStatus }) {
  const label = status === 'upload' || status === 'upload-failed' ? UPLOAD_LABELS[status] : SERVICE_RECORD_STATUS_LABELS[status];
  return (
    <StatusTag tone={TONES[status]} className={`record-status record-status--${status}`}>
      {label}
    </StatusTag>
  );
}
