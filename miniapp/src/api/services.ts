import type {
  CheckinCodeResponse,
  MyHoursResponse,
  Page,
  ServiceCorrectionRequest,
  ServiceDecisionRequest,
  ServiceDecisionResponse,
  ServiceEndRequest,
  ServiceOnBehalfRequest,
  ServiceQueueQuery,
  ServiceRecordStatus,
  ServiceDayResponse,
  ServiceRecordView,
  ServiceResubmitRequest,
  ServiceStartRequest,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

const BASE = '/api/v1/services';

/** The rotating check-in code a worker's phone shows; fetch again at `expiresAt`. */
export function getCheckinCode(communityId: string): Promise<CheckinCodeResponse> {
  return apiRequest<CheckinCodeResponse>('/api/v1/checkin/code', { query: { communityId } });
}

/** Workers: records of their communities waiting for a decision (or any status), newest first. */
export function listServiceQueue(query: ServiceQueueQuery = {}): Promise<Page<ServiceRecordView>> {
  return apiRequest<Page<ServiceRecordView>>(`${BASE}/queue`, {
    query: {
      communityId: query.communityId,
      status: query.status,
      flagged: query.flagged,
      flag: query.flag,
      dateFrom: query.dateFrom,
      dateTo: query.dateTo,
      page: query.page,
      pageSize: query.pageSize,
    },
  });
}

/** Confirm or reject one or many; what could not be decided comes back in `skipped` with the reason. */
export function decideServices(body: ServiceDecisionRequest, idempotencyKey?: string): Promise<ServiceDecisionResponse> {
  return apiRequest<ServiceDecisionResponse>(`${BASE}/decide`, { method: 'POST', body, idempotencyKey });
}

/** The worker who decided a record takes the decision back within a few minutes: it waits for a decision again. */
export function undoServiceDecision(id: string, idempotencyKey?: string): Promise<ServiceRecordView> {
  return apiRequest<ServiceRecordView>(`${BASE}/${encodeURIComponent(id)}/undo`, { method: 'POST', body: {}, idempotencyKey });
}

/** After the undo window: a worker of the community changes a decided record's decision or hours, with a reason. */
export function correctService(id: string, body: ServiceCorrectionRequest, idempotencyKey?: string): Promise<ServiceRecordView> {
  return apiRequest<ServiceRecordView>(`${BASE}/${encodeURIComponent(id)}/correct`, { method: 'POST', body, idempotencyKey });
}

/** 补录: one visit for several members of a community, from a paper sign-in sheet; confirmed at once. */
export function createServicesOnBehalf(body: ServiceOnBehalfRequest, idempotencyKey?: string): Promise<ServiceRecordView[]> {
  return apiRequest<ServiceRecordView[]>(`${BASE}/on-behalf`, { method: 'POST', body, idempotencyKey });
}

export interface MyServicesQuery {
  page?: number;
  pageSize?: number;
  status?: ServiceRecordStatus;
}

/**
 * Members: start a visit with a scanned code, a typed short code (demo only) or, if they choose, their location.
 * Retrying the same start must reuse its key, so a start that did reach the server is never recorded twice.
 */
export function startService(body: ServiceStartRequest, idempotencyKey?: string): Promise<ServiceRecordView> {
  return apiRequest<ServiceRecordView>(`${BASE}/start`, { method: 'POST', body, idempotencyKey });
}

/** Members: end the open visit with what was done; a code scanned again verifies the end. */
export function endService(recordId: string, body: ServiceEndRequest, idempotencyKey?: string): Promise<ServiceRecordView> {
  return apiRequest<ServiceRecordView>(`${BASE}/${encodeURIComponent(recordId)}/end`, {
    method: 'POST',
    body,
    idempotencyKey,
  });
}

/** The caller's open visit, or null when there is none. */
export function getCurrentService(): Promise<ServiceRecordView | null> {
  return apiRequest<ServiceRecordView | null>(`${BASE}/current`);
}

/** The caller's records, newest first. */
export function listMyServices(query: MyServicesQuery = {}): Promise<Page<ServiceRecordView>> {
  return apiRequest<Page<ServiceRecordView>>(`${BASE}/mine`, {
    query: { page: query.page, pageSize: query.pageSize, status: query.status },
  });
}

export interface ServiceDayQuery {
  /** YYYY-MM-DD (Asia/Shanghai). */
  date?: string;
  /** Workers, for on-behalf entry: these members of their communities. Omitted: the caller. */
  memberIds?: string[];
}

/** How much of a day's hours cap is used and left, and the visits that day, so a form can refuse before sending. */
export function getServiceDay(query: ServiceDayQuery = {}): Promise<ServiceDayResponse> {
  return apiRequest<ServiceDayResponse>(`${BASE}/day`, {
    query: { date: query.date, memberIds: query.memberIds && query.memberIds.length > 0 ? query.memberIds.join(',') : undefined },
  });
}

/** The caller's confirmed and still-waiting hours this month and this year. */
export function getMyHours(): Promise<MyHoursResponse> {
  return apiRequest<MyHoursResponse>(`${BASE}/mine/hours`);
}

/** A rejected record corrected and sent again: a new record linked to the first. */
export function resubmitService(recordId: string, body: ServiceResubmitRequest, idempotencyKey?: string): Promise<ServiceRecordView> {
  return apiRequest<ServiceRecordView>(`${BASE}/${encodeURIComponent(recordId)}/resubmit`, { method: 'POST', body, idempotencyKey });
}
