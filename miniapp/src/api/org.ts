import type {
  CommunityInput,
  CommunityListQuery,
  CommunityView,
  InviteCodeResponse,
  MemberHistoryEntry,
  MemberInput,
  MemberSearchRequest,
  MemberStatusRequest,
  MemberTransferRequest,
  MemberUpdate,
  MemberView,
  Page,
  PhoneRevealResponse,
  RoleAssignmentInput,
  RoleAssignmentView,
  StreetInput,
  StreetListQuery,
  StreetView,
  UnitInput,
  UnitListQuery,
  UnitView,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

/** The server's largest page; pickers that need every unit or community read in pages of this size. */
export const MAX_PAGE_SIZE = 100;
// A district has tens of units and communities; the cap only stops a runaway loop if `total` were wrong.
const MAX_PAGES = 50;

/** Reads every page of a list, for pickers and groupings that need all of it. */
export async function listAll<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result = await fetchPage(page, MAX_PAGE_SIZE);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}

const id = (value: string): string => encodeURIComponent(value);

// Units
export function listUnits(query: UnitListQuery = {}): Promise<Page<UnitView>> {
  return apiRequest<Page<UnitView>>('/api/v1/units', { query: { ...query } });
}

export function listAllUnits(): Promise<UnitView[]> {
  return listAll((page, pageSize) => listUnits({ page, pageSize }));
}

export function getUnit(unitId: string): Promise<UnitView> {
  return apiRequest<UnitView>(`/api/v1/units/${id(unitId)}`);
}

export function createUnit(body: UnitInput, idempotencyKey?: string): Promise<UnitView> {
  return apiRequest<UnitView>('/api/v1/units', { method: 'POST', body, idempotencyKey });
}

export function updateUnit(unitId: string, body: UnitInput, idempotencyKey?: string): Promise<UnitView> {
  return apiRequest<UnitView>(`/api/v1/units/${id(unitId)}`, { method: 'PATCH', body, idempotencyKey });
}

export function deleteUnit(unitId: string): Promise<void> {
  return apiRequest<void>(`/api/v1/units/${id(unitId)}`, { method: 'DELETE' });
}

// Streets and communities
export function listStreets(query: StreetListQuery = {}): Promise<Page<StreetView>> {
  return apiRequest<Page<StreetView>>('/api/v1/streets', { query: { ...query } });
}

export function listAllStreets(): Promise<StreetView[]> {
  return listAll((page, pageSize) => listStreets({ page, pageSize }));
}

export function createStreet(body: StreetInput, idempotencyKey?: string): Promise<StreetView> {
  return apiRequest<StreetView>('/api/v1/streets', { method: 'POST', body, idempotencyKey });
}

export function updateStreet(streetId: string, body: StreetInput, idempotencyKey?: string): Promise<StreetView> {
  return apiRequest<StreetView>(`/api/v1/streets/${id(streetId)}`, { method: 'PATCH', body, idempotencyKey });
}

export function deleteStreet(streetId: string): Promise<void> {
  return apiRequest<void>(`/api/v1/streets/${id(streetId)}`, { method: 'DELETE' });
}

export function listCommunities(query: CommunityListQuery = {}): Promise<Page<CommunityView>> {
  return apiRequest<Page<CommunityView>>('/api/v1/communities', { query: { ...query } });
}

export function listAllCommunities(): Promise<CommunityView[]> {
  return listAll((page, pageSize) => listCommunities({ page, pageSize }));
}

export function getCommunity(communityId: string): Promise<CommunityView> {
  return apiRequest<CommunityView>(`/api/v1/communities/${id(communityId)}`);
}

export function createCommunity(body: CommunityInput, idempotencyKey?: string): Promise<CommunityView> {
  return apiRequest<CommunityView>('/api/v1/communities', { method: 'POST', body, idempotencyKey });
}

export function updateCommunity(communityId: string, body: CommunityInput, idempotencyKey?: string): Promise<CommunityView> {
  return apiRequest<CommunityView>(`/api/v1/communities/${id(communityId)}`, { method: 'PATCH', body, idempotencyKey });
}

export function deleteCommunity(communityId: string): Promise<void> {
  return apiRequest<void>(`/api/v1/communities/${id(communityId)}`, { method: 'DELETE' });
}

// Members
/** The member list searched by part of a name or a whole phone number: a read, in a body so no URL carries them. */
export function searchMembers(body: MemberSearchRequest): Promise<Page<MemberView>> {
  return apiRequest<Page<MemberView>>('/api/v1/members/search', { method: 'POST', body });
}

export function getMember(memberId: string): Promise<MemberView> {
  return apiRequest<MemberView>(`/api/v1/members/${id(memberId)}`);
}

export function createMember(body: MemberInput, idempotencyKey?: string): Promise<MemberView> {
  return apiRequest<MemberView>('/api/v1/members', { method: 'POST', body, idempotencyKey });
}

export function updateMember(memberId: string, body: MemberUpdate, idempotencyKey?: string): Promise<MemberView> {
  return apiRequest<MemberView>(`/api/v1/members/${id(memberId)}`, { method: 'PATCH', body, idempotencyKey });
}

export function listMemberRoles(memberId: string): Promise<RoleAssignmentView[]> {
  return apiRequest<RoleAssignmentView[]>(`/api/v1/members/${id(memberId)}/roles`);
}

export function grantMemberRole(
  memberId: string,
  body: RoleAssignmentInput,
  idempotencyKey?: string,
): Promise<RoleAssignmentView> {
  return apiRequest<RoleAssignmentView>(`/api/v1/members/${id(memberId)}/roles`, { method: 'POST', body, idempotencyKey });
}

export function revokeMemberRole(memberId: string, assignmentId: string): Promise<void> {
  return apiRequest<void>(`/api/v1/members/${id(memberId)}/roles/${id(assignmentId)}`, { method: 'DELETE' });
}

export function transferMember(memberId: string, body: MemberTransferRequest, idempotencyKey?: string): Promise<MemberView> {
  return apiRequest<MemberView>(`/api/v1/members/${id(memberId)}/transfer`, { method: 'POST', body, idempotencyKey });
}

export function changeMemberStatus(memberId: string, body: MemberStatusRequest, idempotencyKey?: string): Promise<MemberView> {
  return apiRequest<MemberView>(`/api/v1/members/${id(memberId)}/status`, { method: 'POST', body, idempotencyKey });
}

export function getMemberHistory(memberId: string): Promise<MemberHistoryEntry[]> {
  return apiRequest<MemberHistoryEntry[]>(`/api/v1/members/${id(memberId)}/history`);
}

/** The full number; the server audits every call, so it is asked for only after an explicit tap. */
export function revealMemberPhone(memberId: string): Promise<PhoneRevealResponse> {
  return apiRequest<PhoneRevealResponse>(`/api/v1/members/${id(memberId)}/phone`);
}

export function createInviteCode(memberId: string, idempotencyKey?: string): Promise<InviteCodeResponse> {
  return apiRequest<InviteCodeResponse>(`/api/v1/members/${id(memberId)}/invite-code`, {
    method: 'POST',
    idempotencyKey,
  });
}

/** Clears the WeChat binding and ends the member's sessions; they bind again by phone or invite code. */
export function unbindMemberWechat(memberId: string, idempotencyKey?: string): Promise<void> {
  return apiRequest<void>(`/api/v1/members/${id(memberId)}/unbind`, { method: 'POST', idempotencyKey });
}
