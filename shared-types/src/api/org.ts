import type { MemberStatus, Role, ScopeKind, UnitKind } from '../enums.js';

export interface BranchView {
  id: string;
  name: string;
}

export interface UnitView {
  id: string;
  name: string;
  kind: UnitKind;
  code: string;
  brandName: string | null;
  brandIntro: string | null;
  branches: BranchView[];
  memberCount: number;
}

export interface UnitInput {
  name: string;
  kind: UnitKind;
  code: string;
  brandName?: string | null;
  brandIntro?: string | null;
  /**
   * Branch names. On update the list replaces the unit's branches: names not listed are removed, new names added;
   * removing a branch that still has members (or an organizer scoped to it) is refused with ORG_IN_USE.
   */
  branches?: string[];
}

export interface UnitListQuery {
  /** Part of the unit's name, or its exact code. */
  q?: string;
  kind?: UnitKind;
  page?: number;
  pageSize?: number;
}

export interface StreetView {
  id: string;
  name: string;
  communityCount: number;
}

export interface StreetInput {
  name: string;
}

export interface CommunityView {
  id: string;
  name: string;
  streetId: string;
  streetName: string;
  address: string;
  lat: number;
  lng: number;
  geofenceRadiusM: number;
}

export interface StreetListQuery {
  page?: number;
  pageSize?: number;
}

export interface CommunityListQuery {
  streetId?: string;
  /** Part of the community's name. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface CommunityInput {
  name: string;
  streetId: string;
  address: string;
  /** GCJ-02 */
  lat: number;
  lng: number;
  geofenceRadiusM?: number;
}

export interface RoleAssignmentView {
  id: string;
  role: Role;
  scopeKind: ScopeKind;
  scopeId: string | null;
  scopeName: string;
}

export interface RoleAssignmentInput {
  role: Role;
  scopeKind: ScopeKind;
  scopeId?: string | null;
}

export interface MemberView {
  id: string;
  name: string;
  /** Masked (138****1234) unless the caller's duty needs the number, and then audited. */
  phone: string | null;
  phoneMasked: boolean;
  status: MemberStatus;
  unit: { id: string; name: string };
  branch: { id: string; name: string } | null;
  roles: RoleAssignmentView[];
  /** Whether a WeChat account is bound (the openid itself is never shown). */
  wechatBound: boolean;
}

/** `POST /api/v1/members` — one member entered by hand (status invited); the roster import handles many. */
export interface MemberInput {
  name: string;
  phone: string;
  unitId: string;
  branchId?: string | null;
}

/** `PATCH /api/v1/members/:id` — moving to another unit is a transfer, not an edit. */
export interface MemberUpdate {
  name?: string;
  /** A branch of the member's unit; null clears it. */
  branchId?: string | null;
}

/** The member list's query string: filters only, never names or phone numbers (see MemberSearchRequest). */
export interface MemberListQuery {
  unitId?: string;
  status?: MemberStatus;
  page?: number;
  pageSize?: number;
}

/** POST /members/search: the list's filters plus search words (part of a name, or a whole phone number) in the body. */
export interface MemberSearchRequest extends MemberListQuery {
  q?: string;
}

export interface MemberTransferRequest {
  toUnitId: string;
  toBranchId?: string | null;
  reason: string;
}

export interface MemberStatusRequest {
  status: Extract<MemberStatus, 'active' | 'retired' | 'left' | 'transferred'>;
  reason: string;
}

export interface MemberHistoryEntry {
  at: string;
  kind: 'unit' | 'status' | 'roles' | 'binding';
  summary: string;
  actorName: string | null;
}

/** A worker's open work handed to a successor (their communities' queue, later their pending decisions). */
export interface HandoverRequest {
  fromMemberId: string;
  toMemberId: string;
  reason: string;
}

export interface HandoverResponse {
  movedRoleAssignments: number;
}

/** The full phone number, for those whose duty needs it; every call is audited. */
export interface PhoneRevealResponse {
  phone: string;
}
