// Household pairing (结对关爱 / 联户) and practical matters (实事). Endpoints (all under /api/v1):
//
//   POST /households                       member (paired with themselves) or worker / organizer (memberId, on
//                                          someone's behalf with onBehalfReason): HouseholdInput → HouseholdView
//   GET  /households?page=                 member: households paired with me; worker: of my communities;
//                                          organizer: paired with members I cover → Page<HouseholdView> (masked)
//   GET  /households/:id                   → HouseholdDetail (masked, pairings, recent visits)
//   POST /households/:id/contact           a member paired with it, a worker of its community → HouseholdContact
//                                          in full; writes an audit row
//   POST /households/:id/pairings          worker of its community / organizer covering the member: PairingInput
//   POST /pairings/:id/end                 PairingEndRequest (reason) — the visits stay
//   POST /visits                           (existing) with householdId: a visit of a paired household
//   GET  /visits?householdId=              (existing) a household's visits
//
//   POST /matters                          organizer (a unit in scope) or worker (a community they serve):
//                                          MatterInput → MatterView
//   GET  /matters?from=&to=&unitId=&communityId=&page=   → MatterPage (with the period's totals)
//   PATCH /matters/:id, DELETE /matters/:id    its author or an organizer covering its unit; audited

export interface HouseholdInput {
  /** Exactly one of communityId and village. */
  communityId?: string | null;
  village?: string | null;
  contactName: string;
  phone?: string | null;
  address: string;
  /** The household agreed to be paired and recorded; must be true. */
  consent: boolean;
  /** Pair with this member (default: the caller); someone else needs onBehalfReason. */
  memberId?: string;
  onBehalfReason?: string;
}

export interface PairingView {
  id: string;
  member: { id: string; name: string };
  status: 'active' | 'ended';
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
}

export interface HouseholdView {
  id: string;
  community: { id: string; name: string } | null;
  village: string | null;
  /** Masked: 王** */
  contactName: string;
  /** Masked: 139****0011 */
  phone: string | null;
  /** Masked: first characters then **** */
  address: string;
  /** Active pairings. */
  pairedWith: Array<{ id: string; name: string }>;
  lastVisitedOn: string | null;
  visitCount: number;
  createdAt: string;
}

export interface HouseholdDetail extends HouseholdView {
  pairings: PairingView[];
  mayReadContact: boolean;
  /** Whether the caller may record a visit of this household now (an active pairing of theirs). */
  mayVisit: boolean;
}

export interface HouseholdContact {
  contactName: string;
  phone: string | null;
  address: string;
}

export interface PairingInput {
  memberId: string;
  reason?: string;
}

export interface PairingEndRequest {
  reason: string;
}

export interface MatterInput {
  title: string;
  unitId: string;
  communityId?: string | null;
  village?: string | null;
  /** YYYY-MM-DD, not in the future. */
  doneOn: string;
  /** How many residents it helped; ≥ 1. */
  beneficiaries: number;
  description: string;
  problemIds?: string[];
  visitIds?: string[];
}

export type MatterUpdate = Partial<MatterInput>;

export interface MatterView {
  id: string;
  title: string;
  unit: { id: string; name: string };
  community: { id: string; name: string } | null;
  village: string | null;
  doneOn: string;
  beneficiaries: number;
  description: string;
  problemIds: string[];
  visitIds: string[];
  author: { id: string; name: string };
  createdAt: string;
}

export interface MatterPage {
  items: MatterView[];
  page: number;
  pageSize: number;
  total: number;
  /** Over every matter the query matches, not just this page. */
  beneficiaries: number;
}

export interface MatterListQuery {
  from?: string;
  to?: string;
  unitId?: string;
  communityId?: string;
  page?: number;
  pageSize?: number;
}
