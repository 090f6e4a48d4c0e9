import type { ProblemAction, ProblemCategory, ProblemEventKind, ProblemStatus, ProblemUrgency } from '../enums.js';

// Residents' problems (群众急难愁盼). The resident's name, phone and address are encrypted at rest, masked in every
// list and detail, and read in full only through /contact by those handling the problem (each read audited). None of
// it, nor the description, is ever sent to a third party. Endpoints (all under /api/v1):
//
//   POST /problems                         member (own) or worker / organizer (memberId + onBehalfReason)
//                                          ProblemInput → ProblemDetail; needs an Idempotency-Key like every write
//   GET  /problems?view=mine|handling&status=&category=&overdue=&page=     → Page<ProblemSummary>
//          mine: recorded by me; handling: what I may dispatch or handle (worker: my communities and problems sent
//          to them; organizer: problems recorded by members I cover and those sent to my unit; district: all)
//   GET  /problems/:id                     → ProblemDetail (masked, with the timeline and what the caller may do)
//   POST /problems/:id/contact             handler / dispatcher: → ProblemContact in full; writes an audit row
//   POST /problems/:id/actions             ProblemActionRequest → ProblemDetail; 409 PROBLEM_STATE_INVALID when
//                                          the action does not apply to the problem's status now
//   POST /problems/similar                 ProblemSimilarQuery → ProblemSummary[] (open, same community and
//                                          category, recent, similar text; only problems the caller may see)
//   GET  /problems/deadline?urgency=&from= → ProblemDeadline (the working-day rule, for the form to show)
//   GET  /problems/oversight               worker / organizer (督办): ProblemOversight over what they may handle or
//                                          dispatch — open and overdue problems per handling unit or community
//   POST /problems/:id/remind              dispatcher (督办): ProblemRemindRequest → ProblemDetail; tells the handlers
//                                          (or, before dispatch, the community's workers); once a day per problem

export interface ProblemInput {
  residentName: string;
  residentPhone?: string | null;
  residentAddress?: string | null;
  /** The resident agreed to be recorded; must be true. */
  residentConsent: boolean;
  /** Exactly one of communityId and village (返乡走亲: the village visited). */
  communityId?: string | null;
  village?: string | null;
  category: ProblemCategory;
  description: string;
  urgency: ProblemUrgency;
  /** The visit it was raised on, if any (one of the recorder's visits). */
  visitId?: string | null;
  /** An open problem this one repeats: it is recorded as a duplicate and counts once. */
  duplicateOf?: string | null;
  /** On someone's behalf (worker or organizer): the member who met the resident, and why. */
  memberId?: string;
  onBehalfReason?: string;
}

export interface ProblemActionRequest {
  action: ProblemAction;
  /** answer: the answer given; resolve: what was done; close / reopen: the reason; follow_up: the resident's words. */
  note?: string;
  /** dispatch: one of the two. */
  handlingUnitId?: string | null;
  handlingCommunityId?: string | null;
  /** follow_up: 1–5. */
  satisfaction?: number;
  /** link_duplicate: the open problem this one repeats. */
  duplicateOf?: string;
}

export interface ProblemPlace {
  community: { id: string; name: string } | null;
  village: string | null;
}

export interface ProblemSummary extends ProblemPlace {
  id: string;
  category: ProblemCategory;
  urgency: ProblemUrgency;
  status: ProblemStatus;
  /** Masked: 张** */
  residentName: string;
  /** First 60 characters. */
  excerpt: string;
  /** YYYY-MM-DD (Asia/Shanghai): the day it must be answered by. */
  deadline: string;
  overdue: boolean;
  recorder: { id: string; name: string };
  handlingUnit: { id: string; name: string } | null;
  handlingCommunity: { id: string; name: string } | null;
  duplicateOf: string | null;
  createdAt: string;
}

export interface ProblemEventView {
  id: string;
  action: ProblemEventKind;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus;
  actor: { id: string; name: string };
  note: string | null;
  satisfaction: number | null;
  at: string;
}

export interface ProblemDetail extends ProblemSummary {
  description: string;
  /** Masked: 138****1234 / 向阳路1号**** */
  residentPhone: string | null;
  residentAddress: string | null;
  visitId: string | null;
  onBehalf: boolean;
  answer: string | null;
  resolution: string | null;
  closeReason: string | null;
  satisfaction: number | null;
  timeline: ProblemEventView[];
  /** What the caller may do now; the server decides again on every action. */
  allowedActions: ProblemAction[];
  /** Whether the caller may read the resident's contact in full (POST /contact). */
  mayReadContact: boolean;
  /** Whether the caller may send a reminder (督办) to its handlers now. */
  mayRemind: boolean;
}

export interface ProblemContact {
  residentName: string;
  residentPhone: string | null;
  residentAddress: string | null;
}

export interface ProblemSimilarQuery {
  communityId?: string | null;
  village?: string | null;
  category: ProblemCategory;
  description: string;
}

export interface ProblemDeadline {
  urgency: ProblemUrgency;
  from: string;
  deadline: string;
}

export const PROBLEM_VIEWS = ['mine', 'handling'] as const;
export type ProblemView = (typeof PROBLEM_VIEWS)[number];

export interface ProblemListQuery {
  view?: ProblemView;
  status?: ProblemStatus;
  category?: ProblemCategory;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/**
 * The district's own working-day table over the national calendar (区委机关工委 sets it):
 *   GET    /calendar-days?year=   anyone signed in → CalendarDayView[]
 *   PUT    /calendar-days/:day    district organizer: CalendarDayInput → CalendarDayView
 *   DELETE /calendar-days/:day    district organizer → 204
 */
export interface CalendarDayView {
  /** YYYY-MM-DD */
  day: string;
  workday: boolean;
  label: string;
}

export interface CalendarDayInput {
  workday: boolean;
  label: string;
}

export interface ProblemOversightRow {
  /** Who handles these: a unit, a community, or nobody yet (registered, not dispatched). */
  handler: { kind: 'unit' | 'community'; id: string; name: string } | null;
  open: number;
  overdue: number;
}

export interface ProblemOversight {
  /** The day "overdue" was measured against (YYYY-MM-DD, Asia/Shanghai). */
  today: string;
  /** Most overdue first. Duplicates are not counted: they are handled as the problem they repeat. */
  rows: ProblemOversightRow[];
  totals: { open: number; overdue: number };
}

export interface ProblemRemindRequest {
  note?: string;
}
