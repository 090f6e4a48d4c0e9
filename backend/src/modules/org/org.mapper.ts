import {
  type BranchView,
  type CommunityView,
  MEMBER_STATUS_LABELS,
  type MemberHistoryEntry,
  type MemberView,
  type PublicCommunity,
  type PublicUnit,
  ROLE_LABELS,
  type Role,
  type RoleAssignmentView,
  type StreetView,
  type UnitView,
} from '@pioneer/shared-types';
import type { AuditLogEntity } from '../audit/audit-log.entity.js';
import type { BranchEntity } from './entities/branch.entity.js';
import type { CommunityEntity } from './entities/community.entity.js';
import type { MemberStatusChangeEntity } from './entities/member-status-change.entity.js';
import type { MemberTransferEntity } from './entities/member-transfer.entity.js';
import type { MemberEntity } from './entities/member.entity.js';
import type { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import type { StreetEntity } from './entities/street.entity.js';
import type { UnitEntity } from './entities/unit.entity.js';

export function mapPublicCommunity(c: CommunityEntity, streetName: string): PublicCommunity {
  return { id: c.id, name: c.name, streetName, address: c.address };
}

export function mapPublicUnit(u: UnitEntity): PublicUnit {
  return { id: u.id, name: u.name, kind: u.kind, brandName: u.brandName };
}

export function mapBranch(b: BranchEntity): BranchView {
  return { id: b.id, name: b.name };
}

export function mapUnit(u: UnitEntity, branches: BranchEntity[], memberCount: number): UnitView {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    code: u.code,
    brandName: u.brandName,
    brandIntro: u.brandIntro,
    branches: branches.map(mapBranch),
    memberCount,
  };
}

export function mapStreet(s: StreetEntity, communityCount: number): StreetView {
  return { id: s.id, name: s.name, communityCount };
}

export function mapCommunity(c: CommunityEntity, streetName: string): CommunityView {
  return {
    id: c.id,
    name: c.name,
    streetId: c.streetId,
    streetName,
    address: c.address,
    lat: c.lat,
    lng: c.lng,
    geofenceRadiusM: c.geofenceRadiusM,
  };
}

export function mapRoleAssignment(r: RoleAssignmentEntity, scopeName: string): RoleAssignmentView {
  return { id: r.id, role: r.role, scopeKind: r.scopeKind, scopeId: r.scopeId, scopeName };
}

export interface MemberViewParts {
  unit: UnitEntity;
  branch: BranchEntity | null;
  roles: RoleAssignmentView[];
  /** Already masked by the caller: this mapper never sees a full phone number. */
  maskedPhone: string | null;
}

export function mapMember(m: MemberEntity, parts: MemberViewParts): MemberView {
  return {
    id: m.id,
    name: m.name,
    phone: parts.maskedPhone,
    phoneMasked: true,
    status: m.status,
    unit: { id: parts.unit.id, name: parts.unit.name },
    branch: parts.branch ? { id: parts.branch.id, name: parts.branch.name } : null,
    roles: parts.roles,
    wechatBound: m.openid !== null,
  };
}

function unitAndBranch(unitName: string, branchName: string | null): string {
  return branchName ? `${unitName}（${branchName}）` : unitName;
}

export function mapTransferHistory(t: MemberTransferEntity, actorName: string | null): MemberHistoryEntry {
  const from = unitAndBranch(t.fromUnitName, t.fromBranchName);
  const to = unitAndBranch(t.toUnitName, t.toBranchName);
  return { at: t.createdAt.toISOString(), kind: 'unit', summary: `由 ${from} 调至 ${to}；原因：${t.reason}`, actorName };
}

export function mapStatusHistory(s: MemberStatusChangeEntity, actorName: string | null): MemberHistoryEntry {
  return {
    at: s.createdAt.toISOString(),
    kind: 'status',
    summary: `状态由“${MEMBER_STATUS_LABELS[s.fromStatus]}”变为“${MEMBER_STATUS_LABELS[s.toStatus]}”；原因：${s.reason}`,
    actorName,
  };
}

function parseDetail(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function roleLabel(d: Record<string, unknown>): string {
  const role = text(d.role) as Role;
  const label = ROLE_LABELS[role] ?? text(d.role);
  const scope = text(d.scopeName);
  return scope ? `${label}（${scope}）` : label;
}

/** Role changes, handovers and WeChat binding come from the (append-only) audit log; other actions give null. */
export function mapAuditHistory(a: AuditLogEntity, memberId: string, actorName: string | null): MemberHistoryEntry | null {
  const d = parseDetail(a.detail);
  const at = a.createdAt.toISOString();
  switch (a.action) {
    case 'member.role_grant':
      return { at, kind: 'roles', summary: `获得角色：${roleLabel(d)}`, actorName };
    case 'member.role_revoke':
      return { at, kind: 'roles', summary: `撤销角色：${roleLabel(d)}`, actorName };
    case 'worker.handover': {
      const scopes = Array.isArray(d.scopes) ? d.scopes.map(text).filter(Boolean).join('、') : '';
      const what = `${Number(d.moved ?? 0)} 项社区工作者职责${scopes ? `（${scopes}）` : ''}`;
      const summary =
        d.toMemberId === memberId ? `接任 ${text(d.fromName)} 移交的 ${what}` : `将 ${what} 移交给 ${text(d.toName)}`;
      return { at, kind: 'roles', summary: `${summary}；原因：${text(d.reason)}`, actorName };
    }
    default:
      if (/unbind/.test(a.action)) return { at, kind: 'binding', summary: '解除微信绑定', actorName };
      if (/bind/.test(a.action)) return { at, kind: 'binding', summary: '绑定微信', actorName };
      return null;
  }
}
