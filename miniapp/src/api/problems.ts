import type {
  Page,
  ProblemActionRequest,
  ProblemContact,
  ProblemDeadline,
  ProblemDetail,
  ProblemInput,
  ProblemListQuery,
  ProblemOversight,
  ProblemRemindRequest,
  ProblemSimilarQuery,
  ProblemSummary,
  ProblemUrgency,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

// 群众急难愁盼问题. The resident's contact comes masked everywhere; readContact is the one audited way to the full one.
const BASE = '/api/v1/problems';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** Records a problem; the key is kept with the offline draft so a retry after a lost answer is the same request. */
export function createProblem(body: ProblemInput, idempotencyKey?: string): Promise<ProblemDetail> {
  return apiRequest<ProblemDetail>(BASE, { method: 'POST', body, idempotencyKey });
}

/** mine: what I recorded; handling: what I may dispatch or handle. */
export function listProblems(query: ProblemListQuery = {}): Promise<Page<ProblemSummary>> {
  return apiRequest<Page<ProblemSummary>>(BASE, {
    query: {
      view: query.view,
      status: query.status,
      category: query.category,
      overdue: query.overdue,
      page: query.page,
      pageSize: query.pageSize,
    },
  });
}

export function getProblem(id: string): Promise<ProblemDetail> {
  return apiRequest<ProblemDetail>(one(id));
}

/** The resident's contact in full, for those handling it; the server keeps a record of every read. */
export function readProblemContact(id: string, idempotencyKey?: string): Promise<ProblemContact> {
  return apiRequest<ProblemContact>(`${one(id)}/contact`, { method: 'POST', idempotencyKey });
}

export function actOnProblem(id: string, body: ProblemActionRequest, idempotencyKey?: string): Promise<ProblemDetail> {
  return apiRequest<ProblemDetail>(`${one(id)}/actions`, { method: 'POST', body, idempotencyKey });
}

/** Open problems that look like this one, asked before recording it so the same problem counts once. */
export function findSimilarProblems(body: ProblemSimilarQuery): Promise<ProblemSummary[]> {
  return apiRequest<ProblemSummary[]>(`${BASE}/similar`, { method: 'POST', body });
}

/** The day a problem of this urgency must be answered by (working days, Asia/Shanghai). */
export function getProblemDeadline(urgency: ProblemUrgency, from?: string): Promise<ProblemDeadline> {
  return apiRequest<ProblemDeadline>(`${BASE}/deadline`, { query: { urgency, from } });
}

/** 督办: open and overdue problems per handling unit or community, in the caller's reach. */
export function getProblemOversight(): Promise<ProblemOversight> {
  return apiRequest<ProblemOversight>(`${BASE}/oversight`);
}

/** 督办: remind the handlers of an open problem (once a day). */
export function remindProblem(id: string, body: ProblemRemindRequest, idempotencyKey?: string): Promise<ProblemDetail> {
  return apiRequest<ProblemDetail>(`${one(id)}/remind`, { method: 'POST', body, idempotencyKey });
}
