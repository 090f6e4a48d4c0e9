import type {
  Page,
  RegistrationCreateRequest,
  RegistrationDecisionRequest,
  RegistrationListQuery,
  RegistrationMemberLookupRequest,
  RegistrationMemberLookupResponse,
  RegistrationOnBehalfRequest,
  RegistrationView,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

const BASE = '/api/v1/registrations';
const id = (value: string): string => encodeURIComponent(value);

/** Workers: registrations of their communities (filter by community and status); organizers and admins: their scope. */
export function listRegistrations(query: RegistrationListQuery = {}): Promise<Page<RegistrationView>> {
  return apiRequest<Page<RegistrationView>>(BASE, {
    query: { communityId: query.communityId, status: query.status, page: query.page, pageSize: query.pageSize },
  });
}

/** Workers of that community; the member reads the result in their inbox. */
export function approveRegistration(
  registrationId: string,
  body: RegistrationDecisionRequest = {},
  idempotencyKey?: string,
): Promise<RegistrationView> {
  return apiRequest<RegistrationView>(`${BASE}/${id(registrationId)}/approve`, { method: 'POST', body, idempotencyKey });
}

/** The reason is required and shown to the member. */
export function rejectRegistration(
  registrationId: string,
  body: { reason: string },
  idempotencyKey?: string,
): Promise<RegistrationView> {
  return apiRequest<RegistrationView>(`${BASE}/${id(registrationId)}/reject`, { method: 'POST', body, idempotencyKey });
}

/** A worker registers a member from a paper form; approved at once, with the reason audited. */
export function registerOnBehalf(body: RegistrationOnBehalfRequest, idempotencyKey?: string): Promise<RegistrationView> {
  return apiRequest<RegistrationView>(`${BASE}/on-behalf`, { method: 'POST', body, idempotencyKey });
}

/**
 * Finds the member on a paper form by name and phone together (audited on the server); 404 when none matches.
 * A read sent as POST so the name and phone travel in the body, never in a URL that logs keep.
 */
export function lookupMember(body: RegistrationMemberLookupRequest): Promise<RegistrationMemberLookupResponse> {
  return apiRequest<RegistrationMemberLookupResponse>(`${BASE}/member-lookup`, {
    method: 'POST',
    body: { name: body.name, phone: body.phone },
  });
}

/** The caller's registrations, newest first, ended and rejected ones included (the history stays). */
export function listMyRegistrations(): Promise<RegistrationView[]> {
  return apiRequest<RegistrationView[]>(`${BASE}/mine`);
}

/** Asks to register with a community; a worker of that community approves it. 409 REGISTRATION_ACTIVE_EXISTS. */
export function requestRegistration(body: RegistrationCreateRequest, idempotencyKey?: string): Promise<RegistrationView> {
  return apiRequest<RegistrationView>(BASE, { method: 'POST', body, idempotencyKey });
}

/** Ends (or withdraws) a registration, e.g. after moving house; the row stays as history. */
export function endRegistration(
  registrationId: string,
  body: { reason: string },
  idempotencyKey?: string,
): Promise<RegistrationView> {
  return apiRequest<RegistrationView>(`${BASE}/${id(registrationId)}/end`, { method: 'POST', body, idempotencyKey });
}
