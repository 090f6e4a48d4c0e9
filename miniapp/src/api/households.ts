import type {
  HouseholdContact,
  HouseholdDetail,
  HouseholdInput,
  HouseholdView,
  MatterInput,
  MatterListQuery,
  MatterPage,
  MatterUpdate,
  MatterView,
  Page,
  PairingEndRequest,
  PairingInput,
  PairingView,
  VisitView,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

const HOUSEHOLDS = '/api/v1/households';
const household = (id: string) => `${HOUSEHOLDS}/${encodeURIComponent(id)}`;
const MATTERS = '/api/v1/matters';
const matter = (id: string) => `${MATTERS}/${encodeURIComponent(id)}`;

// ---- households (结对关爱 / 联户)
/** Members: households paired with me; workers: of my communities; organizers: paired with members I cover. Masked. */
export function listHouseholds(query: { page?: number; pageSize?: number } = {}): Promise<Page<HouseholdView>> {
  return apiRequest<Page<HouseholdView>>(HOUSEHOLDS, { query: { page: query.page, pageSize: query.pageSize } });
}
export function getHousehold(id: string): Promise<HouseholdDetail> {
  return apiRequest<HouseholdDetail>(household(id));
}
export function createHousehold(body: HouseholdInput, idempotencyKey?: string): Promise<HouseholdView> {
  return apiRequest<HouseholdView>(HOUSEHOLDS, { method: 'POST', body, idempotencyKey });
}
/** The full contact name, phone and address; the server keeps a record of who read them. */
export function readHouseholdContact(id: string, idempotencyKey?: string): Promise<HouseholdContact> {
  return apiRequest<HouseholdContact>(`${household(id)}/contact`, { method: 'POST', idempotencyKey });
}
/** The household's visits, newest first. */
export function listHouseholdVisits(householdId: string, query: { page?: number; pageSize?: number } = {}): Promise<Page<VisitView>> {
  return apiRequest<Page<VisitView>>('/api/v1/visits', { query: { householdId, page: query.page, pageSize: query.pageSize } });
}

// ---- pairings
export function pairHousehold(householdId: string, body: PairingInput, idempotencyKey?: string): Promise<PairingView> {
  return apiRequest<PairingView>(`${household(householdId)}/pairings`, { method: 'POST', body, idempotencyKey });
}
/** Ends a pairing; the visits made under it stay. */
export function endPairing(pairingId: string, body: PairingEndRequest, idempotencyKey?: string): Promise<PairingView> {
  return apiRequest<PairingView>(`/api/v1/pairings/${encodeURIComponent(pairingId)}/end`, { method: 'POST', body, idempotencyKey });
}

// ---- practical matters (实事)
/** A page of matters with the totals over everything the query matches. */
export function listMatters(query: MatterListQuery = {}): Promise<MatterPage> {
  return apiRequest<MatterPage>(MATTERS, {
    query: {
      from: query.from,
      to: query.to,
      unitId: query.unitId,
      communityId: query.communityId,
      page: query.page,
      pageSize: query.pageSize,
    },
  });
}
export function createMatter(body: MatterInput, idempotencyKey?: string): Promise<MatterView> {
  return apiRequest<MatterView>(MATTERS, { method: 'POST', body, idempotencyKey });
}
export function updateMatter(id: string, body: MatterUpdate, idempotencyKey?: string): Promise<MatterView> {
  return apiRequest<MatterView>(matter(id), { method: 'PATCH', body, idempotencyKey });
}
export function deleteMatter(id: string, idempotencyKey?: string): Promise<void> {
  return apiRequest<void>(matter(id), { method: 'DELETE', idempotencyKey });
}
