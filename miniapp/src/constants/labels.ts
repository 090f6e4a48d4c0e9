import type { Role } from '@pioneer/shared-types';

// Shown to people; shared-types has no role labels yet, so they live here until it does.
export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  worker: '社区工作者',
  organizer: '组织者',
  admin: '管理员',
};
