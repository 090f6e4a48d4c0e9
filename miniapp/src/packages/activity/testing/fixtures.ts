// Test data for the activity pages' Jest tests; never imported by product code.
import type {
  ActivityDetail,
  ActivitySummary,
  CertificateView,
  HoursLedgerEntryView,
  HoursLedgerPage,
  SignupView,
  VisitView,
} from '@pioneer/shared-types';

export { ok, pageOf, refusal, requestsTo, serve, typeIntoInput, typeIntoTextArea, offline } from '../../service/testing/fixtures';

export function activityFixture(overrides: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    id: 'a1',
    kind: 'volunteer',
    subKind: 'environment',
    needKind: null,
    scopeKind: 'unit',
    theme: { id: 't3', month: '2026-03', title: '学雷锋志愿服务月' },
    title: '幸福河岸边清理垃圾',
    place: '幸福河东岸步道入口',
    community: null,
    startsAt: '2026-03-14T01:00:00.000Z',
    endsAt: '2026-03-14T03:00:00.000Z',
    signupDeadline: '2026-03-13T10:00:00.000Z',
    cancelDeadline: '2026-03-13T10:00:00.000Z',
    status: 'published',
    capacity: 20,
    waitlistLimit: 5,
    confirmedCount: 12,
    waitlistCount: 0,
    creditedHours: 2,
    mySignup: null,
    ...overrides,
  };
}

export function detailFixture(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...activityFixture(),
    description: '沿河步道捡拾垃圾，请穿方便行走的鞋，手套和垃圾袋由单位准备。',
    publisher: { unitId: 'u1', unitName: '区发展和改革局', authorName: '陈明' },
    eligibleUnits: [],
    eligibleBranches: [],
    review: null,
    cancelReason: null,
    can: {
      signUp: true,
      cancelSignup: false,
      edit: false,
      submit: false,
      review: false,
      cancel: false,
      manageAttendance: false,
      recordVisit: false,
    },
    ...overrides,
  };
}

export function signupFixture(overrides: Partial<SignupView> = {}): SignupView {
  return {
    id: 's1',
    activityId: 'a1',
    member: { id: 'm1', name: '李明', unitName: '区发展和改革局' },
    status: 'confirmed',
    waitlistPosition: null,
    signedUpAt: '2026-03-10T02:00:00.000Z',
    onBehalf: false,
    checkedInAt: null,
    checkedOutAt: null,
    attendanceMethod: null,
    creditedHours: 0,
    ...overrides,
  };
}

export function ledgerLine(overrides: Partial<HoursLedgerEntryView> = {}): HoursLedgerEntryView {
  return {
    id: 'l1',
    source: 'activity',
    hours: 2,
    date: '2026-03-14',
    activity: { id: 'a1', title: '幸福河岸边清理垃圾' },
    serviceRecordId: null,
    where: '幸福河东岸步道入口',
    reason: null,
    createdAt: '2026-03-14T04:00:00.000Z',
    ...overrides,
  };
}

export function ledgerPage(items: HoursLedgerEntryView[], overrides: Partial<HoursLedgerPage> = {}): HoursLedgerPage {
  return {
    items,
    page: 1,
    pageSize: 20,
    total: items.length,
    year: 2026,
    yearTotal: items.reduce((sum, item) => sum + item.hours, 0),
    years: [{ year: 2026, hours: items.reduce((sum, item) => sum + item.hours, 0) }],
    ...overrides,
  };
}

export function certificateFixture(overrides: Partial<CertificateView> = {}): CertificateView {
  return {
    serial: 'XF-2026-000123',
    memberName: '李明',
    unitName: '区发展和改革局',
    from: '2026-01-01',
    to: '2026-12-31',
    lines: [
      { date: '2026-03-05', source: 'service', title: '报到服务', where: '幸福里社区', hours: 2 },
      { date: '2026-03-14', source: 'activity', title: '幸福河岸边清理垃圾', where: '幸福河东岸步道入口', hours: 2 },
    ],
    totalHours: 4,
    issuer: '中共示范区委机关工作委员会',
    issuedAt: '2026-03-20T02:00:00.000Z',
    ...overrides,
  };
}

export function visitFixture(overrides: Partial<VisitView> = {}): VisitView {
  return {
    id: 'v1',
    member: { id: 'm1', name: '李明' },
    activity: { id: 'a2', title: '春节返乡走亲', kind: 'return_home' },
    householdId: null,
    place: '李家村三组王大爷家',
    visitedOn: '2026-02-10',
    note: '了解到老人冬季取暖困难，已转告村委会',
    onBehalf: false,
    createdAt: '2026-02-10T10:00:00.000Z',
    ...overrides,
  };
}
