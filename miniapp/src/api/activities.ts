import type {
  ActivityCancelRequest,
  ActivityDetail,
  ActivityInput,
  ActivityListQuery,
  ActivityManageQuery,
  ActivityReviewRequest,
  ActivitySummary,
  ActivityThemeInput,
  ActivityThemeView,
  ActivityUpdate,
  AttendanceBoard,
  AttendanceMarkRequest,
  AttendanceMarkResponse,
  AttendanceScanRequest,
  CertificateRequest,
  CertificateVerification,
  CertificateView,
  CheckinCodeResponse,
  HoursCorrectionRequest,
  HoursLedgerEntryView,
  HoursLedgerPage,
  MySignupView,
  OnBehalfSignupRequest,
  OnBehalfSignupResponse,
  Page,
  SignupResult,
  SignupStatus,
  SignupView,
  VisitInput,
  VisitView,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

const BASE = '/api/v1/activities';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

// ---- themes (一月一主题)
export function listThemes(year?: number): Promise<ActivityThemeView[]> {
  return apiRequest<ActivityThemeView[]>('/api/v1/activity-themes', { query: { year } });
}
export function createTheme(body: ActivityThemeInput, idempotencyKey?: string): Promise<ActivityThemeView> {
  return apiRequest<ActivityThemeView>('/api/v1/activity-themes', { method: 'POST', body, idempotencyKey });
}
export function deleteTheme(id: string, idempotencyKey?: string): Promise<void> {
  return apiRequest<void>(`/api/v1/activity-themes/${encodeURIComponent(id)}`, { method: 'DELETE', idempotencyKey });
}

// ---- lists and detail
/** Members: what they may sign up for and what they signed up for; `needs` narrows to community needs or away from them. */
export function listActivities(query: ActivityListQuery = {}): Promise<Page<ActivitySummary>> {
  return apiRequest<Page<ActivitySummary>>(BASE, {
    query: {
      tab: query.tab,
      kind: query.kind,
      themeId: query.themeId,
      needs: query.needs,
      page: query.page,
      pageSize: query.pageSize,
    },
  });
}
/** Organizers and workers: what they may edit, submit, review or cancel. */
export function listManagedActivities(query: ActivityManageQuery = {}): Promise<Page<ActivitySummary>> {
  return apiRequest<Page<ActivitySummary>>(`${BASE}/manage`, {
    query: { status: query.status, kind: query.kind, themeId: query.themeId, page: query.page, pageSize: query.pageSize },
  });
}
export function getActivity(id: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(one(id));
}

// ---- publishing
export function createActivity(body: ActivityInput, idempotencyKey?: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(BASE, { method: 'POST', body, idempotencyKey });
}
export function updateActivity(id: string, body: ActivityUpdate, idempotencyKey?: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(one(id), { method: 'PATCH', body, idempotencyKey });
}
/** Draft → in review (district-wide) or straight to published (branch, unit, community need). */
export function submitActivity(id: string, idempotencyKey?: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(`${one(id)}/submit`, { method: 'POST', body: {}, idempotencyKey });
}
export function reviewActivity(id: string, body: ActivityReviewRequest, idempotencyKey?: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(`${one(id)}/review`, { method: 'POST', body, idempotencyKey });
}
export function cancelActivity(id: string, body: ActivityCancelRequest, idempotencyKey?: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(`${one(id)}/cancel`, { method: 'POST', body, idempotencyKey });
}
export function finishActivity(id: string, idempotencyKey?: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>(`${one(id)}/finish`, { method: 'POST', body: {}, idempotencyKey });
}

// ---- sign-up
export function signUp(id: string, idempotencyKey?: string): Promise<SignupResult> {
  return apiRequest<SignupResult>(`${one(id)}/signups`, { method: 'POST', body: {}, idempotencyKey });
}
export function signUpOnBehalf(id: string, body: OnBehalfSignupRequest, idempotencyKey?: string): Promise<OnBehalfSignupResponse> {
  return apiRequest<OnBehalfSignupResponse>(`${one(id)}/signups/on-behalf`, { method: 'POST', body, idempotencyKey });
}
export function cancelMySignup(id: string, idempotencyKey?: string): Promise<SignupView> {
  return apiRequest<SignupView>(`${one(id)}/signups/mine`, { method: 'DELETE', idempotencyKey });
}
export function cancelSignup(id: string, signupId: string, reason: string, idempotencyKey?: string): Promise<SignupView> {
  return apiRequest<SignupView>(`${one(id)}/signups/${encodeURIComponent(signupId)}/cancel`, {
    method: 'POST',
    body: { reason },
    idempotencyKey,
  });
}
export function listSignups(id: string, query: { status?: SignupStatus; page?: number; pageSize?: number } = {}): Promise<Page<SignupView>> {
  return apiRequest<Page<SignupView>>(`${one(id)}/signups`, { query });
}
export function listMySignups(query: { page?: number; pageSize?: number } = {}): Promise<Page<MySignupView>> {
  return apiRequest<Page<MySignupView>>('/api/v1/me/signups', { query });
}

// ---- attendance
export function getAttendance(id: string): Promise<AttendanceBoard> {
  return apiRequest<AttendanceBoard>(`${one(id)}/attendance`);
}
/** The activity's rotating code, shown on the organizer's phone at the door; fetch again at `expiresAt`. */
export function getActivityCode(id: string): Promise<CheckinCodeResponse> {
  return apiRequest<CheckinCodeResponse>(`${one(id)}/code`);
}
/** A member scans the activity's code: the first scan is the arrival, the second the departure. */
export function scanAttendance(id: string, body: AttendanceScanRequest, idempotencyKey?: string): Promise<SignupView> {
  return apiRequest<SignupView>(`${one(id)}/attendance/scan`, { method: 'POST', body, idempotencyKey });
}
export function markAttendance(id: string, body: AttendanceMarkRequest, idempotencyKey?: string): Promise<AttendanceMarkResponse> {
  return apiRequest<AttendanceMarkResponse>(`${one(id)}/attendance/mark`, { method: 'POST', body, idempotencyKey });
}

// ---- hours and certificates
export function getMyLedger(query: { year?: number; page?: number; pageSize?: number } = {}): Promise<HoursLedgerPage> {
  return apiRequest<HoursLedgerPage>('/api/v1/me/hours/ledger', { query });
}
export function createCertificate(body: CertificateRequest, idempotencyKey?: string): Promise<CertificateView> {
  return apiRequest<CertificateView>('/api/v1/me/certificates', { method: 'POST', body, idempotencyKey });
}
export function listMyCertificates(query: { page?: number; pageSize?: number } = {}): Promise<Page<CertificateView>> {
  return apiRequest<Page<CertificateView>>('/api/v1/me/certificates', { query });
}
/** Anyone, signed in or not: what a certificate with this serial states. */
export function verifyCertificate(serial: string): Promise<CertificateVerification> {
  return apiRequest<CertificateVerification>(`/api/v1/public/certificates/${encodeURIComponent(serial)}`, { auth: 'none' });
}
export function correctHours(body: HoursCorrectionRequest, idempotencyKey?: string): Promise<HoursLedgerEntryView> {
  return apiRequest<HoursLedgerEntryView>('/api/v1/hours/corrections', { method: 'POST', body, idempotencyKey });
}

// ---- visits (返乡走亲 / 访民问暖)
export function listVisits(query: { activityId?: string; memberId?: string; page?: number; pageSize?: number } = {}): Promise<Page<VisitView>> {
  return apiRequest<Page<VisitView>>('/api/v1/visits', { query });
}
export function recordVisit(body: VisitInput, idempotencyKey?: string): Promise<VisitView> {
  return apiRequest<VisitView>('/api/v1/visits', { method: 'POST', body, idempotencyKey });
}
