// Test data for the worker pages (Jest only; nothing in the app imports this folder).
import type { CheckinCodeResponse, MeResponse, Page, RegistrationView, RoleScope, ServiceRecordView } from '@pioneer/shared-types';
import { meFixture } from '@test/fixtures';
import { fireEvent } from '@testing-library/react';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { saveToken } from '@/services/session';

export const XIANGYANG = { id: 'c1', name: '向阳社区' };
export const GUANGMING = { id: 'c2', name: '光明社区' };

export function workerMe(communities: { id: string; name: string }[] = [XIANGYANG]): MeResponse {
  const roles: RoleScope[] = [
    { role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' },
    ...communities.map(
      (community): RoleScope => ({ role: 'worker', scopeKind: 'community', scopeId: community.id, scopeName: community.name }),
    ),
  ];
  return meFixture({ id: 'w1', name: '刘芳', roles });
}

export function memberOnlyMe(): MeResponse {
  return meFixture({ id: 'm9', name: '张建国', roles: [{ role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' }] });
}

export function recordFixture(overrides: Partial<ServiceRecordView> = {}): ServiceRecordView {
  return {
    id: 'r1',
    member: { id: 'm1', name: '张建国' },
    community: { ...XIANGYANG },
    status: 'pending',
    startedAt: new Date(2025, 2, 8, 14, 0).toISOString(),
    endedAt: new Date(2025, 2, 8, 16, 30).toISOString(),
    startVerification: 'code',
    endVerification: 'code',
    distanceM: null,
    serviceType: 'policy',
    description: '在小区广场宣讲养老保险新政策',
    hours: 0,
    proposedHours: 2.5,
    flags: [],
    onBehalf: false,
    onBehalfReason: null,
    decidedBy: null,
    decisionReason: null,
    decidedAt: null,
    offlineClaimedAt: null,
    offlineClaim: false,
    hoursReason: null,
    resubmittedFrom: null,
    resubmittedAs: null,
    undoableUntil: null,
    ...overrides,
  };
}

export function registrationFixture(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: 'g1',
    member: { id: 'm1', name: '张建国', unitName: '区委组织部' },
    community: { id: XIANGYANG.id, name: XIANGYANG.name, streetName: '向阳街道' },
    status: 'pending',
    onBehalf: false,
    reason: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: new Date(2025, 2, 8, 9, 30).toISOString(),
    endedAt: null,
    ...overrides,
  };
}

export function codeFixture(overrides: Partial<CheckinCodeResponse> = {}): CheckinCodeResponse {
  return {
    communityId: XIANGYANG.id,
    communityName: XIANGYANG.name,
    code: 'v1.c1.1.abcdefghijklmnop',
    shortCode: '',
    slotSeconds: 15,
    expiresAt: new Date(Date.now() + 15_000).toISOString(),
    ...overrides,
  };
}

export function pageOf<T>(items: T[], page = 1, pageSize = 20, total = items.length): Page<T> {
  return { items, page, pageSize, total };
}

type Routes = Record<string, (request: RecordedRequest) => MockResponse | Promise<MockResponse>>;

/** Signs in and answers Taro.request by `METHOD /path` or `/path` (query ignored; the request keeps it). */
export function serve(routes: Routes, me: MeResponse = workerMe()): void {
  saveToken('token-1', 3600);
  const all: Routes = { '/api/v1/me': () => ({ statusCode: 200, data: me }), ...routes };
  taroMock.onRequest((request) => {
    const path = request.url.split('?')[0];
    const route = all[`${request.method} ${path}`] ?? all[path];
    if (!route) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return route(request);
  });
}

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

/** Types into a Taro Textarea (the `taro-textarea-core` element in H5) inside the given element. */
export function typeReason(within: HTMLElement, value: string): void {
  const element = within.querySelector('taro-textarea-core');
  if (!element) throw new Error('no text area');
  fireEvent(element, new CustomEvent('input', { detail: { value } }));
}
