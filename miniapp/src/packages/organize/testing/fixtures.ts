// Test data for the organizing pages (Jest only; nothing in the app imports this folder).
import type {
  ActivityDetail,
  ActivitySummary,
  AttendanceBoard,
  MeResponse,
  MemberView,
  Page,
  SignupView,
} from '@pioneer/shared-types';
import { meFixture } from '@test/fixtures';
import { fireEvent } from '@testing-library/react';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { saveToken } from '@/services/session';

const MEMBER = { role: 'member' as const, scopeKind: 'self' as const, scopeId: null, scopeName: '本人' };

/** 孙伟, district organizer (机关工委). */
export function districtOrganizerMe(): MeResponse {
  return meFixture({
    id: 'org-d',
    name: '孙伟',
    roles: [MEMBER, { role: 'organizer', scopeKind: 'district', scopeId: null, scopeName: '全区' }],
  });
}

/** 陈明, organizer of one unit. */
export function unitOrganizerMe(): MeResponse {
  return meFixture({
    id: 'org-u',
    name: '陈明',
    roles: [MEMBER, { role: 'organizer', scopeKind: 'unit', scopeId: 'u1', scopeName: '区发展和改革局' }],
  });
}

/** 刘芳, worker of 向阳社区. */
export function workerMe(): MeResponse {
  return meFixture({
    id: 'w1',
    name: '刘芳',
    roles: [MEMBER, { role: 'worker', scopeKind: 'community', scopeId: 'c1', scopeName: '向阳社区' }],
  });
}

export function memberOnlyMe(): MeResponse {
  return meFixture({ id: 'm9', name: '张建国', roles: [MEMBER] });
}

const at = (day: number, hour: number, minute = 0) => new Date(2030, 2, day, hour, minute).toISOString();

export function summaryFixture(overrides: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    id: 'a1',
    kind: 'volunteer',
    subKind: 'environment',
    needKind: null,
    scopeKind: 'unit',
    theme: null,
    title: '清理河道垃圾',
    place: '向阳河东岸',
    community: null,
    startsAt: at(8, 9),
    endsAt: at(8, 11),
    signupDeadline: at(8, 9),
    cancelDeadline: at(8, 9),
    status: 'published',
    capacity: 30,
    waitlistLimit: 5,
    confirmedCount: 12,
    waitlistCount: 2,
    creditedHours: 2,
    mySignup: null,
    ...overrides,
  };
}

export function detailFixture(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...summaryFixture(),
    description: '带手套，八点半在东岸桥头集合。',
    publisher: { unitId: 'u1', unitName: '区发展和改革局', authorName: '陈明' },
    eligibleUnits: [],
    eligibleBranches: [],
    review: null,
    cancelReason: null,
    can: {
      signUp: false,
      cancelSignup: false,
      edit: true,
      submit: false,
      review: false,
      cancel: true,
      manageAttendance: true,
      recordVisit: false,
    },
    ...overrides,
  };
}

export function signupFixture(overrides: Partial<SignupView> = {}): SignupView {
  return {
    id: 's1',
    activityId: 'a1',
    member: { id: 'm1', name: '张建国', unitName: '区发展和改革局' },
    status: 'confirmed',
    waitlistPosition: null,
    signedUpAt: at(1, 10),
    onBehalf: false,
    checkedInAt: null,
    checkedOutAt: null,
    attendanceMethod: null,
    creditedHours: 0,
    ...overrides,
  };
}

export function boardFixture(overrides: Partial<AttendanceBoard> = {}): AttendanceBoard {
  return {
    activityId: 'a1',
    expected: 3,
    arrived: 1,
    departed: 0,
    notArrived: [
      signupFixture({ id: 's2', member: { id: 'm2', name: '李秀英', unitName: '区发展和改革局' } }),
      signupFixture({ id: 's3', member: { id: 'm3', name: '王强', unitName: '区人民医院' } }),
    ],
    arrivedList: [signupFixture({ id: 's1', checkedInAt: at(8, 8, 55), attendanceMethod: 'code' })],
    absent: [],
    ...overrides,
  };
}

export function memberFixture(overrides: Partial<MemberView> = {}): MemberView {
  return {
    id: 'm1',
    name: '张建国',
    phone: '138****0001',
    phoneMasked: true,
    status: 'active',
    unit: { id: 'u1', name: '区发展和改革局' },
    branch: { id: 'b1', name: '机关第一支部' },
    roles: [{ id: 'r1', role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' }],
    wechatBound: true,
    ...overrides,
  };
}

export function pageOf<T>(items: T[], page = 1, pageSize = 20, total = items.length): Page<T> {
  return { items, page, pageSize, total };
}

type Routes = Record<string, (request: RecordedRequest) => MockResponse | Promise<MockResponse>>;

/** Signs in and answers Taro.request by `METHOD /path` or `/path` (query ignored; the request keeps it). */
export function serve(routes: Routes, me: MeResponse = unitOrganizerMe()): void {
  saveToken('token-1', 3600);
  const all: Routes = { '/api/v1/me': () => ({ statusCode: 200, data: me }), ...routes };
  taroMock.onRequest((request) => {
    const path = request.url.split('?')[0];
    const route = all[`${request.method} ${path}`] ?? all[path];
    if (!route) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return route(request);
  });
}

export const ok = (data: unknown): MockResponse => ({ statusCode: 200, data });

export function queryOf(request: RecordedRequest): Record<string, string> {
  const query = request.url.split('?')[1] ?? '';
  const out: Record<string, string> = {};
  for (const part of query.split('&').filter(Boolean)) {
    const [key, value = ''] = part.split('=');
    out[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return out;
}

export function requestsTo(path: string, method?: string): RecordedRequest[] {
  return taroMock.requests.filter((request) => request.url.split('?')[0] === path && (!method || request.method === method));
}

export function bodyOf<T>(request: RecordedRequest): T {
  return (typeof request.data === 'string' ? JSON.parse(request.data) : request.data) as T;
}

/** Types into a Taro Textarea (the `taro-textarea-core` element in H5) inside the given element. */
export function typeReason(within: Element, value: string): void {
  const element = within.querySelector('taro-textarea-core');
  if (!element) throw new Error('no text area');
  fireEvent(element, new CustomEvent('input', { detail: { value } }));
}

/** Types into a TextField (an <input> in H5) or its multiline form. */
export function typeInto(container: Element, className: string, value: string): void {
  const area = container.querySelector(`.${className} taro-textarea-core`);
  if (area) {
    fireEvent(area, new CustomEvent('input', { detail: { value } }));
    return;
  }
  const input = container.querySelector(`.${className} input`);
  if (!input) throw new Error(`no input inside .${className}`);
  fireEvent.input(input, { target: { value } });
}

/** Opens a SelectField and picks the option with this label. */
export function choose(container: Element, className: string, label: string): void {
  const root = container.querySelector(`.${className}`);
  if (!root) throw new Error(`no field .${className}`);
  fireEvent.click(root.querySelector('.select-field__control') as Element);
  const option = Array.from(root.querySelectorAll('.select-field__option')).find((node) => node.textContent?.startsWith(label));
  if (!option) throw new Error(`no option ${label} in .${className}`);
  fireEvent.click(option);
}
