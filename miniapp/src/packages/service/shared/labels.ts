import type { RegistrationStatus } from '@pioneer/shared-types';

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: '待审核',
  approved: '已报到',
  rejected: '未通过',
  ended: '已结束',
};
