import type { MemberHistoryEntry, MemberStatus, Role, RosterRowOutcome, ScopeKind } from '@pioneer/shared-types';
import type { StatusTone } from '@/components/status-tag';

export const ROSTER_OUTCOME_LABELS: Record<RosterRowOutcome, string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  transfer: '转单位',
  error: '有错误',
};

/** Report order: what needs attention first. */
export const ROSTER_OUTCOMES: readonly RosterRowOutcome[] = ['error', 'transfer', 'create', 'update', 'unchanged'];

/** Roster fields as the server names them in issues and recognised columns. */
export const ROSTER_FIELD_LABELS: Partial<Record<string, string>> = {
  memberId: '党员编号',
  name: '姓名',
  phone: '手机号',
  unit: '单位',
  branch: '支部',
  status: '状态',
  file: '文件',
  row: '整行',
};

export const SCOPE_KIND_LABELS: Record<ScopeKind, string> = {
  self: '本人',
  community: '社区',
  street: '街道',
  branch: '支部',
  unit: '单位',
  district: '全区',
  system: '全系统',
};

/** Which scopes each role may be given (DESIGN: a worker serves communities or a street; an organizer a branch, unit or the district). */
export const ROLE_SCOPE_KINDS: Record<Role, readonly ScopeKind[]> = {
  member: ['self'],
  worker: ['community', 'street'],
  organizer: ['branch', 'unit', 'district'],
  admin: ['system'],
};

export const HISTORY_KIND_LABELS: Record<MemberHistoryEntry['kind'], string> = {
  unit: '单位变动',
  status: '状态变动',
  roles: '角色变动',
  binding: '微信绑定',
};

/** Enrolled people stand out; those who have gone are shown quietly. */
export const STATUS_TONES: Record<MemberStatus, StatusTone> = {
  active: 'success',
  invited: 'warning',
  transferred: 'muted',
  retired: 'muted',
  left: 'muted',
};

export const OUTCOME_TONES: Record<RosterRowOutcome, StatusTone> = {
  error: 'danger',
  transfer: 'warning',
  create: 'success',
  update: 'primary',
  unchanged: 'muted',
};
