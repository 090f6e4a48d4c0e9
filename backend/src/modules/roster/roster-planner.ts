import {
  INACTIVE_MEMBER_STATUSES,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  type MemberStatus,
  type RosterRowIssue,
  type RosterRowOutcome,
} from '@pioneer/shared-types';
import type { MemberScope } from '../org/scope.service.js';
import { maskPhone, normalizePhone } from '../../common/crypto/pii-crypto.service.js';
import type { BranchEntity } from '../org/entities/branch.entity.js';
import type { MemberEntity } from '../org/entities/member.entity.js';
import type { UnitEntity } from '../org/entities/unit.entity.js';
import { ROSTER_FIELDS, type RosterField } from './file/roster-columns.js';

/** One data row of the file as text, before anything is looked up. */
export interface RawRow {
  row: number;
  memberId: string;
  name: string;
  phone: string;
  unit: string;
  branch: string;
  status: string;
}

/** Everything a plan is made from, loaded in a few bulk queries before the rows are walked. */
export interface RosterLookups {
  units: UnitEntity[];
  branches: BranchEntity[];
  membersById: Map<string, MemberEntity>;
  membersByPhoneHash: Map<string, MemberEntity>;
  scope: MemberScope;
  hashPhone(phone: string): string;
}

export interface NewMember {
  name: string;
  phone: string;
  phoneHash: string;
  unitId: string;
  branchId: string | null;
  status: MemberStatus;
}

export interface MemberChanges {
  name?: string;
  phone?: { plain: string; hash: string };
  unitId?: string;
  branchId?: string | null;
  status?: MemberStatus;
}

export interface PlannedRow {
  row: number;
  outcome: RosterRowOutcome;
  name: string;
  /** Already masked: plans never carry a full number to a report. */
  phoneShown: string | null;
  unit: UnitEntity | null;
  unitText: string;
  branch: BranchEntity | null;
  branchText: string;
  member: MemberEntity | null;
  fromUnit: UnitEntity | null;
  fromBranch: BranchEntity | null;
  issues: RosterRowIssue[];
  create: NewMember | null;
  changes: MemberChanges | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a member id cell is one of ours; numbers from another system are not matched on (the phone is). */
export function isOwnMemberId(value: string): boolean {
  return UUID.test(value);
}

export const REASONS = {
  nameMissing: '缺少姓名',
  nameTooLong: '姓名过长（不超过 50 个字）',
  phoneMissing: '缺少手机号',
  phoneInvalid: '手机号格式不正确',
  phoneMasked: '手机号已隐藏（含*），新增党员须填写完整手机号',
  phoneTaken: '手机号已被其他党员使用',
  memberUnknown: '党员编号不存在',
  unitMissing: '缺少单位',
  unitUnknown: '单位不存在',
  unitAmbiguous: '单位名称重复，请改填单位代码',
  branchUnknown: '支部不存在',
  statusInvalid: `状态不正确（可填：${MEMBER_STATUS_LABELS.active}、${MEMBER_STATUS_LABELS.retired}、${MEMBER_STATUS_LABELS.left}、${MEMBER_STATUS_LABELS.transferred}）`,
  outOfScope: '不在您的管理范围',
  transferInactive: '已退休、离开或转出的党员不能调动单位，如需恢复请在“状态”列填写在册',
  duplicate: (first: number) => `文件内重复（同第 ${first} 行）`,
} as const;

/** 'enrolled' is "on the roster": invited until bound to WeChat, active after; the import never decides which. */
type StatusIntent = MemberStatus | 'enrolled';

const STATUS_WORDS = new Map<string, StatusIntent>([
  ['正式党员', 'enrolled'],
  ['预备党员', 'enrolled'],
  ['正常', 'enrolled'],
  ['在职', 'enrolled'],
  ['退休', 'retired'],
  ['离开', 'left'],
  ['转出', 'transferred'],
]);
for (const status of MEMBER_STATUSES) {
  const intent: StatusIntent = status === 'active' || status === 'invited' ? 'enrolled' : status;
  STATUS_WORDS.set(status, intent);
  STATUS_WORDS.set(MEMBER_STATUS_LABELS[status], intent);
}

function parseStatus(text: string): StatusIntent | undefined | null {
  if (!text) return undefined;
  return STATUS_WORDS.get(text.replace(/\s/g, '').toLowerCase()) ?? null;
}

function resolveStatus(intent: StatusIntent | undefined, member: MemberEntity | null): MemberStatus {
  if (intent === undefined) return member?.status ?? 'invited';
  if (intent !== 'enrolled') return intent;
  if (!member) return 'invited';
  if (member.status === 'active' || member.status === 'invited') return member.status;
  return member.openid ? 'active' : 'invited';
}

/** Names padded for alignment ("张　三") lose the padding; names in Latin script keep single spaces. */
export function normalizeName(text: string): string {
  const collapsed = text.replace(/[\s\u3000]+/g, ' ').trim();
  return /^[\p{Script=Han}·• ]+$/u.test(collapsed) ? collapsed.replace(/ /g, '') : collapsed;
}

function key(text: string): string {
  return text.replace(/[\s\u3000]/g, '').toLowerCase();
}

function covers(scope: MemberScope, unitId: string, branchId: string | null): boolean {
  return scope.all || scope.unitIds.includes(unitId) || (branchId !== null && scope.branchIds.includes(branchId));
}

/**
 * Walks the rows once against the lookups and decides each row's outcome. Pure: it reads nothing and writes nothing,
 * so a dry run and a commit decide exactly the same way.
 */
export function planRows(rows: RawRow[], lookups: RosterLookups): PlannedRow[] {
  const unitsByKey = new Map<string, UnitEntity[]>();
  const addUnit = (k: string, u: UnitEntity) => {
    const list = unitsByKey.get(k) ?? [];
    if (!list.includes(u)) list.push(u);
    unitsByKey.set(k, list);
  };
  for (const u of lookups.units) {
    addUnit(key(u.name), u);
    addUnit(key(u.code), u);
  }
  const unitsById = new Map(lookups.units.map((u) => [u.id, u]));
  const branchesById = new Map(lookups.branches.map((b) => [b.id, b]));
  const branchesByUnit = new Map<string, Map<string, BranchEntity>>();
  for (const b of lookups.branches) {
    const byName = branchesByUnit.get(b.unitId) ?? new Map<string, BranchEntity>();
    if (!byName.has(key(b.name))) byName.set(key(b.name), b);
    branchesByUnit.set(b.unitId, byName);
  }

  const firstRowByPhone = new Map<string, number>();
  const firstRowByMember = new Map<string, number>();

  return rows.map((raw): PlannedRow => {
    const issues: RosterRowIssue[] = [];
    const issue = (field: RosterField, reason: string) => issues.push({ row: raw.row, field, reason });

    let member: MemberEntity | null = null;
    if (raw.memberId && isOwnMemberId(raw.memberId)) {
      member = lookups.membersById.get(raw.memberId.toLowerCase()) ?? null;
      if (!member) issue('memberId', REASONS.memberUnknown);
    }
    const matchedById = member !== null;

    const name = normalizeName(raw.name);
    if (!name) issue('name', REASONS.nameMissing);
    else if (name.length > 50) issue('name', REASONS.nameTooLong);

    const masked = raw.phone.includes('*') || raw.phone.includes('＊');
    const phone = raw.phone && !masked ? normalizePhone(raw.phone) : null;
    let phoneHash: string | null = null;
    let phoneShown: string | null = null;
    if (masked) phoneShown = raw.phone.replace(/\s/g, '');
    else if (raw.phone) phoneShown = maskPhone(phone ?? raw.phone.replace(/\D/g, ''));
    if (raw.phone && !masked && !phone) issue('phone', REASONS.phoneInvalid);
    if (phone) {
      phoneHash = lookups.hashPhone(phone);
      const owner = lookups.membersByPhoneHash.get(phoneHash) ?? null;
      if (matchedById && owner && owner.id !== member!.id) issue('phone', REASONS.phoneTaken);
      if (!matchedById) member = owner;
      const first = firstRowByPhone.get(phone);
      if (first !== undefined) issue('phone', REASONS.duplicate(first));
      else firstRowByPhone.set(phone, raw.row);
    } else if (!matchedById) {
      // Without our member id, only a full number can find the member again (and a new member needs one).
      if (masked) issue('phone', REASONS.phoneMasked);
      else if (!raw.phone) issue('phone', REASONS.phoneMissing);
    }
    if (member) {
      const first = firstRowByMember.get(member.id);
      if (first !== undefined && !issues.some((i) => i.reason.startsWith('文件内重复'))) {
        issue(matchedById ? 'memberId' : 'phone', REASONS.duplicate(first));
      } else if (first === undefined) firstRowByMember.set(member.id, raw.row);
    }

    let unit: UnitEntity | null = null;
    if (raw.unit) {
      const found = unitsByKey.get(key(raw.unit)) ?? [];
      if (found.length === 1) unit = found[0]!;
      else issue('unit', found.length ? REASONS.unitAmbiguous : REASONS.unitUnknown);
    } else if (member) {
      unit = unitsById.get(member.unitId) ?? null;
    } else {
      issue('unit', REASONS.unitMissing);
    }

    let branch: BranchEntity | null = null;
    if (unit) {
      if (raw.branch) {
        branch = branchesByUnit.get(unit.id)?.get(key(raw.branch)) ?? null;
        if (!branch) issue('branch', REASONS.branchUnknown);
      } else if (member && member.unitId === unit.id && member.branchId) {
        branch = branchesById.get(member.branchId) ?? null;
      }
    }

    const statusIntent = parseStatus(raw.status);
    if (statusIntent === null) issue('status', REASONS.statusInvalid);

    if (unit && !issues.some((i) => i.field === 'unit')) {
      const targetCovered = covers(lookups.scope, unit.id, branch?.id ?? null);
      const currentCovered = !member || covers(lookups.scope, member.unitId, member.branchId);
      if (!targetCovered || !currentCovered) issue('unit', REASONS.outOfScope);
    }

    issues.sort((a, b) => ROSTER_FIELDS.indexOf(a.field as RosterField) - ROSTER_FIELDS.indexOf(b.field as RosterField));
    const fromUnit = member ? (unitsById.get(member.unitId) ?? null) : null;
    const fromBranch = member?.branchId ? (branchesById.get(member.branchId) ?? null) : null;
    const base = {
      row: raw.row,
      name: name || raw.name,
      phoneShown,
      unit,
      unitText: raw.unit,
      branch,
      branchText: raw.branch,
      member,
      fromUnit: null,
      fromBranch: null,
      issues,
      create: null,
      changes: null,
    };
    if (issues.length || !unit) return { ...base, outcome: 'error' };
    const status = resolveStatus(statusIntent ?? undefined, member);
    if (!member) {
      return {
        ...base,
        outcome: 'create',
        create: { name, phone: phone!, phoneHash: phoneHash!, unitId: unit.id, branchId: branch?.id ?? null, status },
      };
    }
    const changes: MemberChanges = {};
    if (name !== member.name) changes.name = name;
    if (phone && phoneHash !== member.phoneHash) changes.phone = { plain: phone, hash: phoneHash! };
    if (unit.id !== member.unitId) changes.unitId = unit.id;
    if ((branch?.id ?? null) !== member.branchId) changes.branchId = branch?.id ?? null;
    if (status !== member.status) changes.status = status;
    if (changes.unitId && INACTIVE_MEMBER_STATUSES.includes(status)) {
      // The same rule as the org module's transfer endpoint: reinstate first, then move.
      issue('unit', REASONS.transferInactive);
      return { ...base, outcome: 'error' };
    }
    if (changes.unitId) return { ...base, outcome: 'transfer', changes, fromUnit, fromBranch };
    if (Object.keys(changes).length) return { ...base, outcome: 'update', changes };
    return { ...base, outcome: 'unchanged' };
  });
}
