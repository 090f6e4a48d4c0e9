import type { RegistrationStatus, VerificationMethod } from '@pioneer/shared-types';

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: '待审核',
  approved: '已报到',
  rejected: '未通过',
  ended: '已结束',
};

/** How a start or an end was verified, in the words a member uses. */
export const START_VERIFICATION_LABELS: Record<VerificationMethod, string> = {
  code: '扫码签到',
  geofence: '定位签到',
  worker: '社区工作者登记',
  offline: '离线签到（时间以手机为准）',
};

export const END_VERIFICATION_LABELS: Record<VerificationMethod, string> = {
  code: '扫码签退',
  geofence: '定位签退',
  worker: '社区工作者登记',
  offline: '离线签退（时间以手机为准）',
};
