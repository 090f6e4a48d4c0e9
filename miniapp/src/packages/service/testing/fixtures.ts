// Test data and helpers for the member service pages' Jest tests; never imported by product code.
import { fireEvent } from '@testing-library/react';
import type { MessageView, Page, RegistrationView, ServiceRecordView } from '@pioneer/shared-types';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';

export const MEMBER_ID = 'm1';
export const COMMUNITY = { id: '11111111-1111-4111-8111-111111111111', name: '幸福里社区' };
export const OTHER_COMMUNITY_ID = '22222222-2222-4222-8222-222222222222';

export function registrationFixture(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: 'r1',
    member: { id: MEMBER_ID, name: '李明', unitName: '区发展和改革局' },
    community: { id: COMMUNITY.id, name: COMMUNITY.name, streetName: '东城街道' },
    status: 'approved',
    onBehalf: false,
    reason: null,
    decidedBy: { id: 'w1', name: '王芳' },
    decidedAt: '2026-03-01T02:00:00.000Z',
    createdAt: '2026-02-28T02:00:00.000Z',
    endedAt: null,
    ...overrides,
  };
}

export function recordFixture(overrides: Partial<ServiceRecordView> = {}): ServiceRecordView {
  return {
    id: 'sr1',
    member: { id: MEMBER_ID, name: '李明' },
    community: { id: COMMUNITY.id, name: COMMUNITY.name },
    status: 'open',
    startedAt: '2026-03-05T06:00:00.000Z',
    endedAt: null,
    startVerification: 'code',
    endVerification: null,
    distanceM: null,
    serviceType: null,
    description: null,
    hours: 0,
    proposedHours: 0,
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

export function messageFixture(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: 'msg1',
    kind: 'service_confirmed',
    title: '服务记录已确认',
    body: '您在幸福里社区的服务已确认，计入 2 小时。',
    link: null,
    readAt: null,
    createdAt: '2026-03-05T09:00:00.000Z',
    ...overrides,
  };
}

export function pageOf<T>(items: T[], page = 1, pageSize = 10, total = items.length): Page<T> {
  return { items, page, pageSize, total };
}

export const ok = (data: unknown, statusCode = 200): MockResponse => ({ statusCode, data });

export const refusal = (statusCode: number, code: string, message: string, details?: unknown): MockResponse => ({
  statusCode,
  data: { code, message, ...(details ? { details } : {}) },
});

type Handler = (request: RecordedRequest) => MockResponse;

/** The request's path: without the query, and without the API origin the mini-program build puts in front. */
export function pathOf(request: RecordedRequest): string {
  return request.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
}

/**
 * Answers by "METHOD path" (query ignored); anything else is a 404, so a test notices requests it did not expect.
 * A handler may throw to stand for a request that never got an answer.
 */
export function serve(routes: Record<string, Handler>): void {
  taroMock.onRequest((request) => {
    const handler = routes[`${request.method} ${pathOf(request)}`];
    if (!handler) return refusal(404, 'ROUTE_NOT_FOUND', '接口不存在');
    return handler(request);
  });
}

export function offline(): never {
  throw new Error('offline');
}

export function requestsTo(method: string, path: string): RecordedRequest[] {
  return taroMock.requests.filter((request) => request.method === method && pathOf(request) === path);
}

/** Types into a NutUI TextArea: the H5 <taro-textarea-core> element reports input as a custom event with detail.value. */
export function typeIntoTextArea(container: HTMLElement, className: string, value: string): void {
  const element = container.querySelector(`.${className} taro-textarea-core`);
  if (!element) throw new Error(`no text area inside .${className}`);
  fireEvent(element, new CustomEvent('input', { detail: { value } }));
}

/** Types into a TextField (a plain <input> in the H5 components). */
export function typeIntoInput(container: HTMLElement, className: string, value: string): void {
  const element = container.querySelector(`.${className} input`);
  if (!element) throw new Error(`no input inside .${className}`);
  fireEvent.input(element, { target: { value } });
}
