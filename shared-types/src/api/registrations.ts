import type { RegistrationStatus } from '../enums.js';

/** 报到关系: a member registers with the community they live in; one active (pending or approved) at a time. */
export interface RegistrationView {
  id: string;
  member: { id: string; name: string; unitName: string };
  community: { id: string; name: string; streetName: string };
  status: RegistrationStatus;
  /** Entered by a worker from a paper form, with the reason. */
  onBehalf: boolean;
  reason: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  createdAt: string;
  endedAt: string | null;
}

export interface RegistrationCreateRequest {
  communityId: string;
}

export interface RegistrationOnBehalfRequest {
  memberId: string;
  communityId: string;
  reason: string;
}

export interface RegistrationDecisionRequest {
  reason?: string;
}

export interface RegistrationListQuery {
  communityId?: string;
  status?: RegistrationStatus;
  page?: number;
  pageSize?: number;
}

/** A worker finds the member on a paper form by both name and phone (neither alone finds anyone). */
/** POST /registrations/member-lookup: a body, so the name and phone stay out of URLs and logs. */
export interface RegistrationMemberLookupRequest {
  name: string;
  phone: string;
}

export interface RegistrationMemberLookupResponse {
  id: string;
  name: string;
  unitName: string;
}
