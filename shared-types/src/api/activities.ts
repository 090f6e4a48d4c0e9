import type {
  ActivityKind,
  ActivityScopeKind,
  ActivityStatus,
  AttendanceMethod,
  LedgerSource,
  NeedKind,
  SignupStatus,
  VolunteerSubKind,
} from '../enums.js';

// Activities (活动) and community needs (需求清单): one record shape, told apart by `scopeKind` — a need is the
// activity of one community, published by its worker. Endpoints (all under /api/v1):
//
//   GET    /activity-themes?year=                      themes of a year (一月一主题), anyone signed in
//   POST   /activity-themes                            organizer: { month, title }            → ActivityThemeView
//   DELETE /activity-themes/:id                        organizer (only while no activity uses it)
//   GET    /activities?tab=upcoming|mine|past&kind=&themeId=&needs=&page=&pageSize=   → Page<ActivitySummary>
//            for a member: what they may sign up for (eligibility and scope) plus what they signed up for;
//            needs=true: only the needs of the member's registered community; needs=false: only activities
//   GET    /activities/manage?status=&kind=&themeId=&page=    organizer / worker: what they may edit or review
//   GET    /activities/:id                             → ActivityDetail (with `mySignup`)
//   POST   /activities                                 organizer (branch/unit/district) or worker (community need)
//                                                      ActivityInput → ActivityDetail (status draft)
//   PATCH  /activities/:id                             ActivityUpdate → ActivityDetail; time/place changes of a
//                                                      published activity tell everyone signed up (activity_changed)
//   POST   /activities/:id/submit                      draft → in_review (district) or → published (others)
//   POST   /activities/:id/review                      district organizer, not the author: ActivityReviewRequest
//   POST   /activities/:id/cancel                      ActivityCancelRequest; everyone signed up is told
//   POST   /activities/:id/finish                      published → finished (also done by the scheduler after the end)
//   POST   /activities/:id/signups                     member: sign up (→ SignupResult)
//   POST   /activities/:id/signups/on-behalf           organizer: OnBehalfSignupRequest → OnBehalfSignupResponse
//   DELETE /activities/:id/signups/mine                member: cancel own sign-up before the cancel deadline
//   POST   /activities/:id/signups/:signupId/cancel    organizer: cancel someone's sign-up (reason)
//   GET    /activities/:id/signups?status=&page=       organizer / worker of the need: Page<SignupView>
//   GET    /activities/:id/attendance                  organizer: AttendanceBoard (expected, arrived, not arrived)
//   GET    /activities/:id/code                        organizer / worker: CheckinCodeResponse for the activity
//   POST   /activities/:id/attendance/scan             member: AttendanceScanRequest → SignupView (arrival, then departure)
//   POST   /activities/:id/attendance/mark             organizer: AttendanceMarkRequest → AttendanceMarkResponse
//   GET    /me/signups?page=                           member: Page<MySignupView>
//   GET    /me/hours/ledger?year=&page=                member: HoursLedgerPage (the one source of hours)
//   POST   /me/certificates                            member: CertificateRequest → CertificateView
//   GET    /me/certificates                            member: Page<CertificateView>
//   GET    /public/certificates/:serial                anyone, no sign-in: CertificateVerification
//   POST   /hours/corrections                          organizer: HoursCorrectionRequest → HoursLedgerEntryView
//   GET    /visits?activityId=&memberId=&page=         member: own; organizer: in scope → Page<VisitView>
//   POST   /visits                                     VisitInput (memberId + onBehalfReason for on-behalf) → VisitView

export interface ActivityThemeView {
  id: string;
  /** YYYY-MM */
  month: string;
  title: string;
}

export interface ActivityThemeInput {
  month: string;
  title: string;
}

export interface ActivityInput {
  kind: ActivityKind;
  /** Only for kind volunteer. */
  subKind?: VolunteerSubKind | null;
  /** Only for a community need (scopeKind community). */
  needKind?: NeedKind | null;
  themeId?: string | null;
  title: string;
  description: string;
  place: string;
  communityId?: string | null;
  /** ISO times. startsAt < endsAt; signupDeadline ≤ startsAt; cancelDeadline ≤ startsAt. */
  startsAt: string;
  endsAt: string;
  signupDeadline: string;
  cancelDeadline: string;
  /** null: no limit on places (then nobody is ever waitlisted). */
  capacity?: number | null;
  /** How many may wait for a place once it is full; 0: no waitlist. */
  waitlistLimit?: number;
  /** Hours credited to someone present for long enough (0.5 steps, at most the planned duration). */
  creditedHours: number;
  /** community: a need of `scopeId` (a worker's community); others: an organizer's branch / unit / the district. */
  scopeKind: ActivityScopeKind;
  /** The branch, unit or community id; null for district. */
  scopeId?: string | null;
  /** Narrows who may sign up; both empty: everyone in the scope. */
  eligibleUnitIds?: string[];
  eligibleBranchIds?: string[];
}

export type ActivityUpdate = Partial<Omit<ActivityInput, 'scopeKind' | 'scopeId'>>;

export interface ActivityReviewRequest {
  decision: 'approve' | 'reject';
  /** Required when rejecting: what the author should change. */
  note?: string;
}

export interface ActivityCancelRequest {
  reason: string;
}

/** What lists show: enough for a card, without the description. */
export interface ActivitySummary {
  id: string;
  kind: ActivityKind;
  subKind: VolunteerSubKind | null;
  needKind: NeedKind | null;
  scopeKind: ActivityScopeKind;
  theme: ActivityThemeView | null;
  title: string;
  place: string;
  community: { id: string; name: string } | null;
  startsAt: string;
  endsAt: string;
  signupDeadline: string;
  cancelDeadline: string;
  status: ActivityStatus;
  capacity: number | null;
  waitlistLimit: number;
  /** Places given (sign-ups confirmed, attended or absent). */
  confirmedCount: number;
  waitlistCount: number;
  creditedHours: number;
  /** The signed-in person's own sign-up, if any (cancelled ones included, so the card can say so). */
  mySignup: MySignupState | null;
}

export interface MySignupState {
  id: string;
  status: SignupStatus;
  /** 1-based place in the waitlist while waitlisted; null otherwise. */
  waitlistPosition: number | null;
}

export interface ActivityDetail extends ActivitySummary {
  description: string;
  publisher: { unitId: string | null; unitName: string | null; authorName: string };
  eligibleUnits: Array<{ id: string; name: string }>;
  eligibleBranches: Array<{ id: string; name: string }>;
  review: { reviewerName: string | null; reviewedAt: string | null; note: string | null } | null;
  cancelReason: string | null;
  /** What the signed-in person may do now; the server enforces the same rules. */
  can: {
    signUp: boolean;
    cancelSignup: boolean;
    edit: boolean;
    submit: boolean;
    review: boolean;
    cancel: boolean;
    manageAttendance: boolean;
    recordVisit: boolean;
  };
}

export type SignupResult = {
  signup: SignupView;
  /** Where the person stands: a place, or a place in the waitlist. */
  outcome: 'confirmed' | 'waitlisted';
};

export interface SignupView {
  id: string;
  activityId: string;
  member: { id: string; name: string; unitName: string | null };
  status: SignupStatus;
  waitlistPosition: number | null;
  signedUpAt: string;
  onBehalf: boolean;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  attendanceMethod: AttendanceMethod | null;
  /** Hours credited to the ledger for this sign-up (0 until attended and credited). */
  creditedHours: number;
}

export interface MySignupView {
  signup: SignupView;
  activity: ActivitySummary;
}

export interface OnBehalfSignupRequest {
  memberIds: string[];
  reason: string;
}

export interface OnBehalfSignupResponse {
  /** One line per member, in the order given: signed up (outcome) or refused (error code and message). */
  results: Array<
    | { memberId: string; outcome: 'confirmed' | 'waitlisted'; signup: SignupView }
    | { memberId: string; outcome: 'refused'; code: string; message: string }
  >;
}

export interface AttendanceScanRequest {
  /** The activity's rotating code, as scanned. */
  code?: string;
  /** Six digits, demo mode only (as for community check-in). */
  shortCode?: string;
}

export interface AttendanceMarkRequest {
  /** From a paper sheet: each person marked attended or absent. Times default to the activity's planned times. */
  entries: Array<{
    signupId: string;
    status: 'attended' | 'absent';
    /** Optional real times (ISO) when the sheet has them; used for the presence rule. */
    checkedInAt?: string;
    checkedOutAt?: string;
  }>;
}

export interface AttendanceMarkResponse {
  signups: SignupView[];
}

export interface AttendanceBoard {
  activityId: string;
  expected: number;
  arrived: number;
  departed: number;
  /** Confirmed sign-ups with no arrival yet: the live "not arrived" list. */
  notArrived: SignupView[];
  arrivedList: SignupView[];
  absent: SignupView[];
}

export interface HoursLedgerEntryView {
  id: string;
  source: LedgerSource;
  /** Signed: a correction may take hours away. */
  hours: number;
  /** YYYY-MM-DD (Asia/Shanghai) the hours belong to. */
  date: string;
  activity: { id: string; title: string } | null;
  serviceRecordId: string | null;
  /** Community name for a service, place for an activity. */
  where: string | null;
  reason: string | null;
  createdAt: string;
}

export interface HoursLedgerPage {
  items: HoursLedgerEntryView[];
  page: number;
  pageSize: number;
  total: number;
  year: number;
  /** Sum of every ledger line of the year (corrections included). */
  yearTotal: number;
  /** Yearly totals of every year with a ledger line, newest first. */
  years: Array<{ year: number; hours: number }>;
}

export interface HoursCorrectionRequest {
  memberId: string;
  /** Signed, 0.5 steps, not 0. */
  hours: number;
  date: string;
  reason: string;
  /** The ledger line being corrected, if any. */
  correctsId?: string | null;
}

export interface CertificateRequest {
  /** YYYY-MM-DD, inclusive; at most 3 years apart. */
  from: string;
  to: string;
}

export interface CertificateLine {
  date: string;
  /** 活动 or 报到服务 */
  source: LedgerSource;
  title: string;
  where: string | null;
  hours: number;
}

/**
 * 报到服务证明, following 民政部令第67号's content: who (name, masked id-free identity: unit), what (each service
 * and activity with its date and hours, total), who issues it, and a serial anyone can verify.
 */
export interface CertificateView {
  serial: string;
  memberName: string;
  unitName: string | null;
  from: string;
  to: string;
  lines: CertificateLine[];
  totalHours: number;
  issuer: string;
  issuedAt: string;
}

/** What the public verify page shows: only what the certificate states, the name masked (张*明). */
export interface CertificateVerification {
  serial: string;
  valid: true;
  memberName: string;
  unitName: string | null;
  from: string;
  to: string;
  activityCount: number;
  serviceCount: number;
  totalHours: number;
  issuer: string;
  issuedAt: string;
}

export interface VisitInput {
  activityId?: string | null;
  /** A paired household (结对关爱): one of the member's active pairings. */
  householdId?: string | null;
  /** A household or a village. */
  place: string;
  /** YYYY-MM-DD, not in the future. */
  visitedOn: string;
  note?: string;
  /** On someone's behalf (organizer or worker): the member and why. */
  memberId?: string;
  onBehalfReason?: string;
}

export interface VisitView {
  id: string;
  member: { id: string; name: string };
  activity: { id: string; title: string; kind: ActivityKind } | null;
  householdId: string | null;
  place: string;
  visitedOn: string;
  note: string | null;
  onBehalf: boolean;
  createdAt: string;
}

export const ACTIVITY_TABS = ['upcoming', 'mine', 'past'] as const;
export type ActivityTab = (typeof ACTIVITY_TABS)[number];

export interface ActivityListQuery {
  tab?: ActivityTab;
  kind?: ActivityKind;
  themeId?: string;
  /** true: only community needs (of the member's registered community); false: only activities; absent: both. */
  needs?: boolean;
  page?: number;
  pageSize?: number;
}

export interface ActivityManageQuery {
  status?: ActivityStatus;
  kind?: ActivityKind;
  themeId?: string;
  page?: number;
  pageSize?: number;
}
