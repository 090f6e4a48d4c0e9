// Test data for the management pages (Jest only; nothing in the app imports this folder).
import type { MemberView, Page, RosterImportReport, UnitView } from '@pioneer/shared-types';
import { meFixture } from '@test/fixtures';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { saveToken } from '@/services/session';

export function organizerMe() {
  return meFixture({
    id: 'org-1',
    name: '陈明',
    roles: [
      { role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' },
      { role: 'organizer', scopeKind: 'unit', scopeId: 'u1', scopeName: '区发展和改革局' },
    ],
  });
}

export function adminMe() {
  return meFixture({
    id: 'admin-1',
    name: '周平',
    roles: [{ role: 'admin', scopeKind: 'system', scopeId: null, scopeName: '全系统' }],
  });
}

export function unitFixture(overrides: Partial<UnitView> = {}): UnitView {
  return {
    id: 'u1',
    name: '区发展和改革局',
    kind: 'government',
    code: 'JG001',
    brandName: '红色引擎',
    brandIntro: '以组织力带动社区服务力',
    branches: [
      { id: 'b1', name: '机关第一支部' },
      { id: 'b2', name: '机关第二支部' },
    ],
    memberCount: 12,
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

export function dryRunReport(overrides: Partial<RosterImportReport> = {}): RosterImportReport {
  return {
    importId: null,
    mode: 'dry_run',
    fileName: 'roster.csv',
    totalRows: 4,
    counts: { create: 1, update: 0, unchanged: 1, transfer: 1, error: 1 },
    columns: [
      { header: '姓名', field: 'name' },
      { header: '手机号', field: 'phone' },
      { header: '单位', field: 'unit' },
      { header: '备注', field: null },
    ],
    rows: [
      { row: 2, outcome: 'create', name: '王小明', phone: '139****0002', unitName: '区发展和改革局', branchName: '机关第一支部', memberId: null, issues: [] },
      { row: 3, outcome: 'unchanged', name: '张建国', phone: '138****0001', unitName: '区发展和改革局', branchName: '机关第一支部', memberId: 'm1', issues: [] },
      {
        row: 4,
        outcome: 'error',
        name: '赵错误',
        phone: null,
        unitName: null,
        branchName: null,
        memberId: null,
        issues: [
          { row: 4, field: 'phone', reason: '手机号格式不正确' },
          { row: 4, field: 'unit', reason: '单位不存在' },
        ],
      },
      {
        row: 5,
        outcome: 'transfer',
        name: '李调动',
        phone: '137****0005',
        unitName: '区发展和改革局',
        branchName: null,
        fromUnitName: '区税务局',
        memberId: 'm5',
        issues: [],
      },
    ],
    ...overrides,
  };
}

type Routes = Record<string, (request: RecordedRequest) => MockResponse>;

/** Signs in and answers Taro.request by path (query string ignored; the request keeps it for assertions). */
export function serve(routes: Routes, me = organizerMe()): void {
  saveToken('token-1', 3600);
  const all: Routes = { '/api/v1/me': () => ({ statusCode: 200, data: me }), ...routes };
  taroMock.onRequest((request) => {
    const path = request.url.split('?')[0];
    const route = all[`${request.method} ${path}`] ?? all[path];
    if (!route) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return route(request);
  });
}

/** Query parameters of a recorded request. */
export function queryOf(request: RecordedRequest): Record<string, string> {
  const query = request.url.split('?')[1] ?? '';
  const out: Record<string, string> = {};
  for (const part of query.split('&').filter(Boolean)) {
    const [key, value = ''] = part.split('=');
    out[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return out;
}

export function requestsTo(path: string): RecordedRequest[] {
  return taroMock.requests.filter((request) => request.url.split('?')[0] === path);
}

export interface FetchCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: FormData | null;
}

/** Stands in for window.fetch (H5 uploads and downloads): records each call and answers with JSON. */
export function mockFetch(
  answer: (call: FetchCall) => { status: number; body: unknown; headers?: Record<string, string> },
): FetchCall[] {
  const calls: FetchCall[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: FetchCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...((init?.headers as Record<string, string> | undefined) ?? {}) },
      body: init?.body instanceof FormData ? init.body : null,
    };
    calls.push(call);
    const { status, body, headers = {} } = answer(call);
    const text = JSON.stringify(body);
    return {
      status,
      ok: status >= 200 && status < 300,
      headers: { get: (name: string) => headers[name] ?? null },
      text: async () => text,
      blob: async () => new Blob([text]),
    } as unknown as Response;
  });
  Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
  return calls;
}
