import type { VerificationMethod } from '@pioneer/shared-types';

const START: Record<VerificationMethod, string> = {
  code: '扫码签到',
  geofence: '定位签到',
  worker: '社区工作者登记',
  offline: '离线签到（时间以手机为准）',
};

const END: Record<VerificationMethod, string> = {
  code: '扫码签退',
  geofence: '定位签退',
  worker: '社区工作者登记',
  offline: '离线签退（时间以手机为准）',
};

/** How one end of a visit was verified, the same words for members and workers; an unverified end says so. */
export function verificationLabel(method: VerificationMethod | null, end: 'start' | 'end'): string {
  if (method === null) return end === 'start' ? '签到未核验' : '签退未核验（时长由社区工作者核定）';
  return (end === 'start' ? START : END)[method];
}
