import type {
  ActivityDetail,
  ActivitySummary,
  ModelPostView,
  MemberView,
  Page,
  RegistrationView,
  RosterImportReport,
  ServiceDayResponse,
  ServiceDecisionResponse,
  ServiceRecordView,
  UnitView,
  VisitView,
} from '@pioneer/shared-types';
import {
  ADMIN,
  ALL,
  CREATED,
  DISTRICT,
  type EndpointSpec,
  each,
  FORBIDDEN,
  MANAGERS,
  MEMBERS,
  NO_CONTENT,
  NOT_FOUND,
  OK,
  ORGANIZERS,
  STAFF,
  WORKER,
} from './spec.js';
import { ServiceRecordEntity } from '../../../src/modules/services/entities/service-record.entity.js';
import type { ActivityEntity } from '../../../src/modules/activities/entities/activity.entity.js';
import { insertActivity, insertSignup } from '../activity-rows.js';
import { ActivityThemeEntity } from '../../../src/modules/activities/entities/activity-theme.entity.js';
import type { Caller, CommunityKey, Persona, UnitKey, World } from './world.js';
import { VisitEntity } from '../../../src/modules/visits/entities/visit.entity.js';
import { HOUSEHOLD_ENDPOINTS } from './household-endpoints.js';
import { SIGNUP_ENDPOINTS } from './signup-endpoints.js';
import { PROBLEM_ENDPOINTS } from './problem-endpoints.js';

/**
 * The authorization matrix: every endpoint of the app, keyed as the OpenAPI document names it. The suite fails when
 * the document or the router has an endpoint this table lacks, or the other way round — a new endpoint must be added
 * here, with who may call it and what happens in and out of scope, before the suite passes again.
 *
 * Scope in short: a worker (刘芳) serves 向阳社区 only; the unit organizer (陈明) covers 区委组织部 only; the district
 * organizer (孙伟) covers everyone; the admin (周平) manages organization data but holds no organizer or member duties;
 * a member reaches their own records. Out-of-scope records are 光明社区's, 区税务局's (李秀英) or another person's.
 */

/** 区委组织部 for the unit organizer (in their unit), 区税务局 for everyone else (a unit 陈明 does not cover). */
const unitFor = (who: Caller): UnitKey => (who === 'orgUnit' ? 'zzb' : 'sw');

function items<T>(body: unknown): T[] {
  return (body as Page<T>).items;
}

const csv = (name: string, phone: string, unit: string, branch: string): Buffer =>
  Buffer.from(`姓名,手机号,单位,支部\n${name},${phone},${unit},${branch}\n`, 'utf8');

/** A record of a fresh member that `decider` confirmed a moment ago (so still within the undo window). */
async function decidedRecord(w: World, community: CommunityKey, decider: string): Promise<string> {
  const id = await w.serviceRecord((await w.member('zzb')).id, community, 'pending');
  await w.ds.getRepository(ServiceRecordEntity).update({ id }, { status: 'confirmed', hours: 1, decidedBy: decider, decidedAt: new Date() });
  return id;
}

/**
 * An activity running now (started 30 minutes ago, 2 hours long), stored as the activities module stores a published
 * one: a unit activity of 区委组织部 or 区税务局, or a need of a community.
 */
async function runningActivity(w: World, owner: { unit: UnitKey } | { community: CommunityKey }): Promise<string> {
  const startsAt = new Date(Date.now() - 30 * 60_000);
  const scope = 'unit' in owner ? { scopeKind: 'unit' as const, scopeId: w.units[owner.unit] } : { scopeKind: 'community' as const, scopeId: w.communities[owner.community] };
  const row = await insertActivity(w.ds, w.person('孙伟'), {
    ...scope,
    title: '矩阵测试活动',
    description: '矩阵测试',
    place: '社区活动室',
    startsAt,
    signupDeadline: new Date(startsAt.getTime() - 3600_000),
    cancelDeadline: new Date(startsAt.getTime() - 3600_000),
    creditedHours: 1,
    publishedAt: startsAt,
  });
  return row.id;
}

/** The activity a caller runs attendance for (in scope), or one they do not (out). */
function attendanceActivity(w: World, who: Caller, scope: 'in' | 'out'): Promise<string> {
  if (who === 'worker') return runningActivity(w, { community: scope === 'out' ? 'gm' : 'xy' });
  return runningActivity(w, { unit: scope === 'out' && who === 'orgUnit' ? 'sw' : 'zzb' });
}

const confirmedSignup = (w: World, activityId: string, memberId: string): Promise<string> => insertSignup(w.ds, activityId, memberId);

async function activityCode(w: World, activityId: string): Promise<string> {
  const res = await w.api().get(`/api/v1/activities/${activityId}/code`).set(await w.auth(w.person('孙伟')));
  if (res.status !== 200) throw new Error(`fixture activity code answered ${res.status}`);
  return (res.body as { code: string }).code;
}

const thisYear = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** What a caller publishes: 刘芳 a need of 向阳社区 (光明社区 out of scope), 陈明 an activity of 区委组织部 (区人民医院 out), 孙伟 a district-wide one. */
type ActivityFixture = { scopeKind: ActivityEntity['scopeKind']; scopeId: string | null; author: string };
function publisherFixture(w: World, who: Caller, scope: 'in' | 'out'): ActivityFixture {
  if (who === 'worker') return { scopeKind: 'community', scopeId: w.communities[scope === 'out' ? 'gm' : 'xy'], author: w.self(who) };
  if (who === 'orgDistrict') return { scopeKind: 'district', scopeId: null, author: w.self(who) };
  // The unit organizer; members and the admin get what he could do, so their 403 comes from the role check.
  return { scopeKind: 'unit', scopeId: w.units[scope === 'out' ? 'yy' : 'zzb'], author: w.person('陈明') };
}

/** An activity row as publishing leaves it, written to the table (status and times as the case needs). */
async function activityRow(
  w: World,
  f: ActivityFixture,
  status: ActivityEntity['status'],
  options: { startsInHours?: number } = {},
): Promise<string> {
  const startsAt = new Date(Date.now() + (options.startsInHours ?? 48) * 3600_000);
  const row = await insertActivity(w.ds, f.author, {
    scopeKind: f.scopeKind,
    scopeId: f.scopeId,
    status,
    title: `矩阵活动${w.next()}`,
    description: '整理社区图书角',
    place: '社区服务站',
    startsAt,
    signupDeadline: new Date(startsAt.getTime() - 3600_000),
    cancelDeadline: new Date(startsAt.getTime() - 3600_000),
    capacity: 10,
    waitlistLimit: 2,
  });
  return row.id;
}

async function themeRow(w: World): Promise<string> {
  const row = w.ds.getRepository(ActivityThemeEntity).create({ month: '2026-07', title: `矩阵主题${w.next()}`, createdBy: w.person('孙伟') });
  await w.ds.getRepository(ActivityThemeEntity).insert(row);
  return row.id;
}

const PUBLISHERS: readonly Persona[] = ['worker', 'orgUnit', 'orgDistrict'];

function activityBody(w: World, who: Caller, scope: 'in' | 'out'): object {
  const f = publisherFixture(w, who, scope);
  const startsAt = new Date(Date.now() + 72 * 3600_000);
  const iso = (ms: number) => new Date(startsAt.getTime() + ms).toISOString();
  return {
    kind: 'volunteer',
    needKind: f.scopeKind === 'community' ? 'task' : undefined,
    title: `矩阵新活动${w.next()}`,
    description: '陪伴社区老人读报聊天',
    place: '社区活动室',
    startsAt: iso(0),
    endsAt: iso(2 * 3600_000),
    signupDeadline: iso(-3600_000),
    cancelDeadline: iso(-3600_000),
    capacity: 20,
    waitlistLimit: 5,
    creditedHours: 2,
    scopeKind: f.scopeKind,
    scopeId: f.scopeId,
  };
}

export const ENDPOINTS: Record<string, EndpointSpec> = {
  // ---------------------------------------------------------------- public: health, visitor pages, sign-in
  'GET /api/health': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect(res.body).toEqual({ status: 'ok', db: 'up' }) },
    build: () => ({}),
  },
  'GET /api/v1/public/overview': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect((res.body as { unitCount: number }).unitCount).toBeGreaterThan(0) },
    build: () => ({}),
  },
  'POST /api/v1/auth/demo': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect(typeof (res.body as { accessToken: unknown }).accessToken).toBe('string') },
    build: () => ({ body: { role: 'member' } }),
  },
  'POST /api/v1/auth/wechat': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect((res.body as { status: string }).status).toBe('unbound') },
    build: (w) => ({ body: { code: w.loginCode() } }),
  },
  'POST /api/v1/auth/bind/phone': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect(typeof (res.body as { accessToken: unknown }).accessToken).toBe('string') },
    build: async (w) => {
      const m = await w.member('sw');
      return { body: { bindTicket: await w.bindTicket(), phoneCode: w.phoneCode(m.phone) } };
    },
  },
  'POST /api/v1/auth/bind/invite': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect(typeof (res.body as { accessToken: unknown }).accessToken).toBe('string') },
    build: async (w) => {
      const m = await w.member('zzb');
      return { body: { bindTicket: await w.bindTicket(), name: m.name, inviteCode: await w.inviteCode(m.id) } };
    },
  },
  'POST /api/v1/auth/refresh': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect(typeof (res.body as { refreshToken: unknown }).refreshToken).toBe('string') },
    build: async (w) => ({ body: { refreshToken: await w.refreshToken() } }),
  },
  'POST /api/v1/auth/console/ticket': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect(typeof (res.body as { scanPayload: unknown }).scanPayload).toBe('string') },
    build: () => ({ body: {} }),
  },
  'POST /api/v1/auth/console/poll': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect(res.body).toEqual({ status: 'pending' }) },
    build: async (w) => {
      const { ticketId, pollSecret } = await w.consoleTicket();
      return { body: { ticketId, pollSecret } };
    },
  },

  // ---------------------------------------------------------------- signed-in session and console
  'POST /api/v1/auth/logout': {
    allowed: ALL,
    ok: NO_CONTENT,
    // A token of no session: ends nothing, so the matrix's own tokens and other sessions stay.
    build: () => ({ body: { refreshToken: 'matrix-not-a-session' } }),
  },
  'POST /api/v1/auth/console/scan': {
    allowed: STAFF,
    ok: NO_CONTENT,
    build: async (w) => ({ body: { scanPayload: (await w.consoleTicket()).scanPayload } }),
  },
  'POST /api/v1/auth/console/confirm': {
    allowed: STAFF,
    ok: NO_CONTENT,
    build: async (w) => ({ body: { scanPayload: (await w.consoleTicket()).scanPayload } }),
  },
  'GET /api/v1/me': {
    allowed: ALL,
    ok: { status: 200, check: (res, { w, who }) => expect((res.body as { id: string }).id).toBe(w.self(who)) },
    build: () => ({}),
  },

  // ---------------------------------------------------------------- binding (organizers; admin duties are separate)
  'POST /api/v1/members/{id}/invite-code': {
    allowed: ORGANIZERS,
    ok: { status: 200, check: (res) => expect(typeof (res.body as { inviteCode: unknown }).inviteCode).toBe('string') },
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({ params: { id: (await w.member(scope === 'out' ? 'sw' : unitFor(who))).id } }),
  },
  'POST /api/v1/members/{id}/unbind': {
    allowed: ORGANIZERS,
    ok: NO_CONTENT,
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({ params: { id: (await w.member(scope === 'out' ? 'sw' : unitFor(who), { active: true })).id } }),
  },

  // ---------------------------------------------------------------- audit log (admin, read-only)
  'GET /api/v1/admin/audit-logs': { allowed: ADMIN, ok: OK, build: () => ({}) },

  // ---------------------------------------------------------------- units
  'GET /api/v1/units': {
    allowed: MANAGERS,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const ids = items<UnitView>(res.body).map((u) => u.id);
        if (who === 'orgUnit') expect(ids).toEqual([w.units.zzb]);
        else expect(ids).toEqual(expect.arrayContaining([w.units.zzb, w.units.sw, w.units.yy]));
      },
    }),
    build: () => ({ query: { pageSize: '100' } }),
  },
  'POST /api/v1/units': {
    allowed: ADMIN,
    ok: CREATED,
    build: (w) => {
      const n = w.next();
      return { body: { name: `矩阵新单位${n}`, kind: 'enterprise', code: `MXN${n}` } };
    },
  },
  'GET /api/v1/units/{id}': {
    allowed: MANAGERS,
    ok: OK,
    outOfScope: { orgUnit: NOT_FOUND },
    build: (w, who, scope) => ({ params: { id: w.units[scope === 'out' ? 'sw' : unitFor(who)] } }),
  },
  'PATCH /api/v1/units/{id}': {
    allowed: ADMIN,
    ok: OK,
    build: async (w) => ({ params: { id: await w.unit() }, body: { name: `矩阵单位改名${w.next()}` } }),
  },
  'DELETE /api/v1/units/{id}': {
    allowed: ADMIN,
    ok: NO_CONTENT,
    build: async (w) => ({ params: { id: await w.unit() } }),
  },

  // ---------------------------------------------------------------- streets (staff read, admin writes)
  'GET /api/v1/streets': { allowed: STAFF, ok: OK, build: () => ({}) },
  'POST /api/v1/streets': {
    allowed: ADMIN,
    ok: CREATED,
    build: (w) => ({ body: { name: `矩阵新街道${w.next()}` } }),
  },
  'GET /api/v1/streets/{id}': { allowed: STAFF, ok: OK, build: (w) => ({ params: { id: w.streets.xiangyang } }) },
  'PATCH /api/v1/streets/{id}': {
    allowed: ADMIN,
    ok: OK,
    build: async (w) => ({ params: { id: await w.street() }, body: { name: `矩阵街道改名${w.next()}` } }),
  },
  'DELETE /api/v1/streets/{id}': {
    allowed: ADMIN,
    ok: NO_CONTENT,
    build: async (w) => ({ params: { id: await w.street() } }),
  },

  // ---------------------------------------------------------------- communities (everyone reads: members choose one)
  'GET /api/v1/communities': { allowed: ALL, ok: OK, build: () => ({}) },
  'POST /api/v1/communities': {
    allowed: ADMIN,
    ok: CREATED,
    build: (w) => ({
      body: { name: `矩阵新社区${w.next()}`, streetId: w.streets.xiangyang, address: '矩阵路 2 号', lat: 41.8, lng: 123.43 },
    }),
  },
  'GET /api/v1/communities/{id}': { allowed: ALL, ok: OK, build: (w) => ({ params: { id: w.communities.xy } }) },
  'PATCH /api/v1/communities/{id}': {
    allowed: ADMIN,
    ok: OK,
    build: async (w) => ({ params: { id: await w.community() }, body: { address: '矩阵路 3 号' } }),
  },
  'DELETE /api/v1/communities/{id}': {
    allowed: ADMIN,
    ok: NO_CONTENT,
    build: async (w) => ({ params: { id: await w.community() } }),
  },

  // ---------------------------------------------------------------- members: roster records
  'GET /api/v1/members': {
    allowed: MANAGERS,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const units = new Set(items<MemberView>(res.body).map((m) => m.unit.id));
        if (who === 'orgUnit') expect([...units]).toEqual([w.units.zzb]);
        else expect(units.has(w.units.sw)).toBe(true);
      },
    }),
    build: () => ({ query: { pageSize: '100' } }),
  },
  'POST /api/v1/members/search': {
    allowed: MANAGERS,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const found = items<MemberView>(res.body).map((m) => m.id);
        // 张建国 belongs to the unit organizer's own unit, so every manager finds him by name.
        expect(found).toEqual([w.person('张建国')]);
        if (who === 'orgUnit') expect(items<MemberView>(res.body).every((m) => m.unit.id === w.units.zzb)).toBe(true);
      },
    }),
    build: () => ({ body: { q: '张建国' } }),
  },
  'POST /api/v1/members': {
    allowed: MANAGERS,
    ok: CREATED,
    outOfScope: { orgUnit: FORBIDDEN },
    build: (w, who, scope) => ({
      body: { name: `矩阵录入${w.next()}`, phone: w.nextPhone(), unitId: w.units[scope === 'out' ? 'sw' : unitFor(who)] },
    }),
  },
  'GET /api/v1/members/{id}': {
    allowed: MANAGERS,
    ok: OK,
    outOfScope: { orgUnit: NOT_FOUND },
    build: (w, who, scope) => ({ params: { id: scope === 'in' && who === 'orgUnit' ? w.person('张建国') : w.other() } }),
  },
  'PATCH /api/v1/members/{id}': {
    allowed: MANAGERS,
    ok: OK,
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({
      params: { id: (await w.member(scope === 'out' ? 'sw' : unitFor(who))).id },
      body: { name: `矩阵改名${w.next()}` },
    }),
  },
  'GET /api/v1/members/{id}/phone': {
    allowed: ALL,
    ok: { status: 200, check: (res) => expect((res.body as { phone: string }).phone).toMatch(/^1[3-9]\d{9}$/) },
    // A member: their own number only; a worker: members registered with their community; an organizer: members covered.
    outOfScope: { member: FORBIDDEN, worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, who, scope) => {
      if (who === 'worker') {
        const m = await w.member('zzb');
        await w.registration(m.id, scope === 'in' ? 'xy' : 'gm', 'approved');
        return { params: { id: m.id } };
      }
      if (scope === 'out') return { params: { id: w.other() } };
      if (who === 'orgUnit') return { params: { id: w.person('张建国') } };
      return { params: { id: who === 'orgDistrict' || who === 'admin' ? w.other() : w.self(who) } };
    },
  },
  'GET /api/v1/members/{id}/history': {
    allowed: ALL,
    ok: OK,
    outOfScope: each(['member', 'worker', 'orgUnit'], NOT_FOUND),
    build: (w, who, scope) => {
      if (scope === 'out') return { params: { id: who === 'worker' ? w.person('张建国') : w.other() } };
      if (who === 'orgUnit') return { params: { id: w.person('张建国') } };
      return { params: { id: who === 'orgDistrict' || who === 'admin' ? w.other() : w.self(who) } };
    },
  },
  'GET /api/v1/members/{id}/posts': {
    allowed: ALL,
    ok: OK,
    outOfScope: each(['member', 'worker', 'orgUnit'], NOT_FOUND),
    build: (w, who, scope) => {
      if (scope === 'out') return { params: { id: who === 'worker' ? w.person('张建国') : w.other() } };
      if (who === 'orgUnit') return { params: { id: w.person('张建国') } };
      return { params: { id: who === 'orgDistrict' || who === 'admin' ? w.other() : w.self(who) } };
    },
  },
  'POST /api/v1/members/{id}/transfer': {
    allowed: MANAGERS,
    ok: OK,
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => {
      const from = scope === 'out' ? 'sw' : unitFor(who);
      // Out of 陈明's unit into another one is his to do; anything about 区税务局's members is not.
      const to: UnitKey = from === 'zzb' ? 'sw' : 'yy';
      return { params: { id: (await w.member(from)).id }, body: { toUnitId: w.units[to], reason: '矩阵测试调动' } };
    },
  },
  'POST /api/v1/members/{id}/status': {
    allowed: MANAGERS,
    ok: OK,
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({
      params: { id: (await w.member(scope === 'out' ? 'sw' : unitFor(who))).id },
      body: { status: 'retired', reason: '矩阵测试退休' },
    }),
  },

  // ---------------------------------------------------------------- roles (admin only) and handover
  'GET /api/v1/members/{memberId}/roles': { allowed: ADMIN, ok: OK, build: (w) => ({ params: { memberId: w.person('刘芳') } }) },
  'POST /api/v1/members/{memberId}/roles': {
    allowed: ADMIN,
    ok: CREATED,
    build: async (w) => ({
      params: { memberId: (await w.member('sw')).id },
      body: { role: 'worker', scopeKind: 'community', scopeId: w.communities.xh },
    }),
  },
  'DELETE /api/v1/members/{memberId}/roles/{assignmentId}': {
    allowed: ADMIN,
    ok: NO_CONTENT,
    build: async (w) => {
      const m = await w.member('sw');
      return { params: { memberId: m.id, assignmentId: await w.workerDuty(m.id) } };
    },
  },
  'POST /api/v1/workers/handover': {
    // Admin or district organizer: a unit organizer does not move workers' duties.
    allowed: ['orgDistrict', 'admin'],
    ok: { status: 200, check: (res) => expect(res.body).toEqual({ movedRoleAssignments: 1 }) },
    build: async (w) => {
      const from = await w.member('sw');
      await w.workerDuty(from.id);
      const to = await w.member('sw', { active: true });
      return { body: { fromMemberId: from.id, toMemberId: to.id, reason: '矩阵测试移交' } };
    },
  },

  // ---------------------------------------------------------------- suggestions (district organizers handle them)
  'POST /api/v1/suggestions': {
    allowed: ALL,
    ok: CREATED,
    build: () => ({ body: { content: '矩阵测试：建议延长社区服务站开放时间' } }),
  },
  'GET /api/v1/suggestions': { allowed: DISTRICT, ok: OK, build: () => ({}) },
  'GET /api/v1/suggestions/mine': { allowed: ALL, ok: OK, build: () => ({}) },
  'GET /api/v1/suggestions/{id}': {
    allowed: ALL,
    ok: OK,
    // Someone else's suggestion reads as missing, so ids reveal nothing.
    outOfScope: each(['member', 'worker', 'orgUnit', 'admin'], NOT_FOUND),
    build: async (w, who, scope) => ({
      params: { id: await w.suggestion(scope === 'out' || who === 'orgDistrict' ? w.other() : w.self(who)) },
    }),
  },
  'POST /api/v1/suggestions/{id}/reply': {
    allowed: DISTRICT,
    ok: OK,
    build: async (w) => ({ params: { id: await w.suggestion(w.other()) }, body: { reply: '已收到，正在协调处理', status: 'replied' } }),
  },

  // ---------------------------------------------------------------- roster (organizers)
  'POST /api/v1/roster/import': {
    allowed: ORGANIZERS,
    ok: {
      status: 200,
      check: (res) => expect((res.body as RosterImportReport).rows.map((r) => r.outcome)).toEqual(['create']),
    },
    // A dry run reports row by row: a row outside the organizer's reach is an error row, and nothing is written.
    perItemRefusal: 'the import report refuses each row outside the organizer’s scope',
    outOfScope: {
      orgUnit: {
        status: 200,
        check: (res) => {
          const report = res.body as RosterImportReport;
          expect(report.rows.map((r) => r.outcome)).toEqual(['error']);
          expect(report.rows[0]!.issues.map((i) => i.reason)).toContain('不在您的管理范围');
          expect(report.importId).toBeNull();
        },
      },
    },
    build: (w, who, scope) => {
      const unit = scope === 'out' ? 'sw' : unitFor(who);
      const branch = unit === 'zzb' ? '机关第一支部' : '征管支部';
      return {
        query: { mode: 'dry_run' },
        upload: { name: 'roster.csv', content: csv(`矩阵导入${w.next()}`, w.nextPhone(), w.unitName(unit), branch) },
      };
    },
  },
  'GET /api/v1/roster/export': {
    allowed: ORGANIZERS,
    ok: { status: 200, check: (res) => expect(String(res.headers['content-type'])).toContain('spreadsheetml') },
    build: () => ({ query: { phones: 'masked' } }),
  },

  // ---------------------------------------------------------------- messages (one's own inbox)
  'GET /api/v1/messages': { allowed: ALL, ok: OK, build: () => ({}) },
  'GET /api/v1/messages/unread-count': { allowed: ALL, ok: OK, build: () => ({}) },
  'POST /api/v1/messages/read-all': { allowed: ALL, ok: OK, build: () => ({ body: {} }) },
  'GET /api/v1/messages/subscriptions/templates': { allowed: ALL, ok: OK, build: () => ({}) },
  'POST /api/v1/messages/subscriptions': {
    allowed: ALL,
    ok: OK,
    build: () => ({ body: { templateIds: ['matrix-template'], accepted: ['matrix-template'] } }),
  },
  'POST /api/v1/messages/{id}/read': {
    allowed: ALL,
    ok: OK,
    outOfScope: each(ALL, NOT_FOUND),
    build: async (w, who, scope) => ({ params: { id: await w.message(scope === 'out' ? w.other() : w.self(who)) }, body: {} }),
  },

  // ---------------------------------------------------------------- registrations (报到)
  'POST /api/v1/registrations': {
    // A member asks to register with a community; the admin holds no member role and has nowhere to serve.
    allowed: MEMBERS,
    ok: CREATED,
    build: async (w, who) => {
      await w.endRegistrations(w.self(who));
      return { body: { communityId: w.communities.gm } };
    },
  },
  'GET /api/v1/registrations': {
    allowed: STAFF,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const rows = items<RegistrationView>(res.body);
        if (who === 'worker') expect(new Set(rows.map((r) => r.community.id))).toEqual(new Set([w.communities.xy]));
        if (who === 'orgUnit') expect(new Set(rows.map((r) => r.member.unitName))).toEqual(new Set([w.unitName('zzb')]));
        if (who === 'orgDistrict' || who === 'admin') {
          expect(rows.map((r) => r.community.id)).toEqual(expect.arrayContaining([w.communities.xy, w.communities.gm]));
        }
      },
    }),
    build: async (w) => {
      // Something in and something out of every scope: 区委组织部 at 向阳社区, 区税务局 at 光明社区.
      await w.registration((await w.member('zzb')).id, 'xy', 'pending');
      await w.registration((await w.member('sw')).id, 'gm', 'pending');
      return { query: { pageSize: '100' } };
    },
  },
  'POST /api/v1/registrations/on-behalf': {
    allowed: WORKER,
    ok: CREATED,
    outOfScope: { worker: FORBIDDEN },
    build: async (w, _who, scope) => ({
      body: {
        memberId: (await w.member('zzb')).id,
        communityId: w.communities[scope === 'out' ? 'gm' : 'xy'],
        reason: '根据纸质报到表录入',
      },
    }),
  },
  'POST /api/v1/registrations/member-lookup': {
    allowed: WORKER,
    ok: { status: 200, check: (res, { w }) => expect((res.body as { id: string }).id).toBe(w.person('张建国')) },
    build: () => ({ body: { name: '张建国', phone: '13800000001' } }),
  },
  'GET /api/v1/registrations/mine': { allowed: ALL, ok: OK, build: () => ({}) },
  'POST /api/v1/registrations/{id}/approve': {
    allowed: WORKER,
    ok: OK,
    outOfScope: { worker: FORBIDDEN },
    build: async (w, _who, scope) => ({
      params: { id: await w.registration((await w.member('zzb')).id, scope === 'out' ? 'gm' : 'xy', 'pending') },
      body: {},
    }),
  },
  'POST /api/v1/registrations/{id}/reject': {
    allowed: WORKER,
    ok: OK,
    outOfScope: { worker: FORBIDDEN },
    build: async (w, _who, scope) => ({
      params: { id: await w.registration((await w.member('zzb')).id, scope === 'out' ? 'gm' : 'xy', 'pending') },
      body: { reason: '信息不全，请补充' },
    }),
  },
  'POST /api/v1/registrations/{id}/end': {
    // The member themself, or a worker of that community.
    allowed: ALL,
    ok: OK,
    outOfScope: each(ALL, FORBIDDEN),
    build: async (w, who, scope) => {
      // A worker's case is a duty (someone's registration at 向阳社区 or not); everyone else's is their own or not.
      const id =
        who === 'worker'
          ? await w.registration((await w.member('zzb')).id, scope === 'out' ? 'gm' : 'xy', 'approved')
          : await w.registration(scope === 'out' ? w.other() : w.self(who), 'gm', 'approved');
      return { params: { id }, body: { reason: '搬家了' } };
    },
  },

  // ---------------------------------------------------------------- demonstration posts (示范岗)
  'GET /api/v1/posts': {
    allowed: ALL,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const posts = items<ModelPostView>(res.body);
        // A plain member sees the posts they hold, nothing else.
        if (who === 'member') for (const p of posts) expect(p.holders.map((h) => h.id)).toContain(w.self(who));
        if (who === 'orgUnit') for (const p of posts) expect(p.unit.id).toBe(w.units.zzb);
      },
    }),
    build: async (w) => {
      await w.post('zzb');
      await w.post('sw');
      return { query: { pageSize: '100' } };
    },
  },
  'POST /api/v1/posts': {
    allowed: MANAGERS,
    ok: CREATED,
    outOfScope: { orgUnit: FORBIDDEN },
    build: (w, who, scope) => {
      const unit = scope === 'out' ? 'sw' : unitFor(who);
      return { body: { name: `矩阵新岗${w.next()}`, place: '社区服务站', unitId: w.units[unit], holderIds: [w.holder(unit)] } };
    },
  },
  'PATCH /api/v1/posts/{id}': {
    allowed: MANAGERS,
    ok: OK,
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({ params: { id: await w.post(scope === 'out' ? 'sw' : unitFor(who)) }, body: { place: '新的服务地点' } }),
  },
  'POST /api/v1/posts/{id}/end': {
    allowed: MANAGERS,
    ok: OK,
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({ params: { id: await w.post(scope === 'out' ? 'sw' : unitFor(who)) }, body: {} }),
  },
  'GET /api/v1/me/posts': { allowed: ALL, ok: OK, build: () => ({}) },

  // ---------------------------------------------------------------- check-in codes and service records
  'GET /api/v1/checkin/code': {
    // Organizers and admins may show any community's code (they stand in at events); a worker only their own.
    allowed: STAFF,
    ok: OK,
    outOfScope: { worker: FORBIDDEN },
    build: (w, _who, scope) => ({ query: { communityId: w.communities[scope === 'out' ? 'gm' : 'xy'] } }),
  },
  'POST /api/v1/services/start': {
    allowed: MEMBERS,
    ok: CREATED,
    // Starting a visit at a community one has not registered with.
    outOfScope: each(MEMBERS, { status: 403, code: 'REGISTRATION_REQUIRED' }),
    build: async (w, who, scope) => {
      const me = w.self(who);
      await w.registration(me, 'xy', 'approved');
      await w.closeVisits(me);
      if (scope === 'out') {
        return { body: { communityId: w.communities.gm, location: { lat: 41.8012, lng: 123.4408, accuracy: 20 } } };
      }
      return { body: { code: await w.checkinCode('xy') } };
    },
  },
  'GET /api/v1/services/current': { allowed: MEMBERS, ok: OK, build: () => ({}) },
  'GET /api/v1/services/mine': { allowed: MEMBERS, ok: OK, build: () => ({}) },
  'GET /api/v1/services/mine/hours': { allowed: MEMBERS, ok: OK, build: () => ({}) },
  'GET /api/v1/services/day': {
    allowed: MEMBERS,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const members = (res.body as ServiceDayResponse).members.map((m) => m.memberId);
        if (who !== 'worker') expect(members).toEqual([w.self(who)]);
        else expect(members).toHaveLength(1);
      },
    }),
    // A worker asking about a member of a community they do not serve.
    outOfScope: { worker: FORBIDDEN },
    build: async (w, who, scope) => {
      if (who !== 'worker') return { query: { memberIds: w.other() } };
      const m = await w.member('zzb');
      await w.registration(m.id, scope === 'out' ? 'gm' : 'xy', 'approved');
      return { query: { memberIds: m.id } };
    },
  },
  'GET /api/v1/services/queue': {
    allowed: STAFF,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const rows = items<ServiceRecordView>(res.body);
        if (who === 'worker') expect(new Set(rows.map((r) => r.community.id))).toEqual(new Set([w.communities.xy]));
        if (who === 'orgDistrict' || who === 'admin') {
          expect(rows.map((r) => r.community.id)).toEqual(expect.arrayContaining([w.communities.xy, w.communities.gm]));
        }
      },
    }),
    build: async (w) => {
      await w.serviceRecord((await w.member('zzb')).id, 'xy', 'pending');
      await w.serviceRecord((await w.member('sw')).id, 'gm', 'pending');
      return { query: { pageSize: '100' } };
    },
  },
  'GET /api/v1/services/flags/summary': { allowed: ORGANIZERS, ok: OK, build: () => ({}) },
  'POST /api/v1/services/decide': {
    allowed: WORKER,
    ok: {
      status: 200,
      check: async (res, { w, req }) => {
        const id = (req.body as { ids: string[] }).ids[0]!;
        expect(res.body).toMatchObject({ decided: [id], skipped: [] });
        expect(await w.serviceStatus(id)).toBe('rejected');
      },
    },
    perItemRefusal: 'a batch decision lists each record it refused (FORBIDDEN) and decides the rest',
    outOfScope: {
      worker: {
        status: 200,
        check: async (res, { w, req }) => {
          const id = (req.body as { ids: string[] }).ids[0]!;
          const body = res.body as ServiceDecisionResponse;
          expect(body.decided).toEqual([]);
          expect(body.skipped.map((s) => [s.id, s.code])).toEqual([[id, 'FORBIDDEN']]);
          expect(await w.serviceStatus(id)).toBe('pending');
        },
      },
    },
    build: async (w, _who, scope) => ({
      body: {
        ids: [await w.serviceRecord((await w.member('zzb')).id, scope === 'out' ? 'gm' : 'xy', 'pending')],
        decision: 'reject',
        reason: '记录不完整',
      },
    }),
  },
  'POST /api/v1/services/on-behalf': {
    allowed: WORKER,
    ok: CREATED,
    outOfScope: { worker: FORBIDDEN },
    build: async (w, _who, scope) => {
      const community = scope === 'out' ? 'gm' : 'xy';
      const m = await w.member('zzb');
      await w.registration(m.id, community, 'approved');
      const now = Date.now();
      return {
        body: {
          memberIds: [m.id],
          communityId: w.communities[community],
          startedAt: new Date(now - 3 * 3600_000).toISOString(),
          endedAt: new Date(now - 2 * 3600_000).toISOString(),
          serviceType: 'care',
          description: '走访慰问独居老人',
          reason: '纸质签到表补录',
        },
      };
    },
  },
  'POST /api/v1/services/{id}/resubmit': {
    allowed: MEMBERS,
    ok: CREATED,
    // Only one's own rejected record: another member's reads as missing.
    outOfScope: each(MEMBERS, NOT_FOUND),
    build: async (w, who, scope) => ({
      params: { id: await w.rejectedRecord(scope === 'out' ? w.other() : w.self(who), 'xy') },
      body: { serviceType: 'care', description: '帮助社区整理图书角', proposedHours: 1 },
    }),
  },
  'POST /api/v1/services/{id}/undo': {
    allowed: WORKER,
    ok: { status: 200, check: async (res, { w }) => expect(await w.serviceStatus((res.body as ServiceRecordView).id)).toBe('pending') },
    outOfScope: { worker: FORBIDDEN },
    build: async (w, who, scope) => ({ params: { id: await decidedRecord(w, scope === 'out' ? 'gm' : 'xy', w.self(who)) } }),
  },
  'POST /api/v1/services/{id}/correct': {
    allowed: WORKER,
    ok: { status: 200, check: async (res, { w }) => expect(await w.serviceStatus((res.body as ServiceRecordView).id)).toBe('rejected') },
    outOfScope: { worker: FORBIDDEN },
    build: async (w, who, scope) => ({
      params: { id: await decidedRecord(w, scope === 'out' ? 'gm' : 'xy', w.self(who)) },
      body: { decision: 'reject', reason: '核实后当天未到社区' },
    }),
  },
  'POST /api/v1/services/{id}/end': {
    allowed: MEMBERS,
    ok: OK,
    // Only one's own visit: another member's reads as missing.
    outOfScope: each(MEMBERS, NOT_FOUND),
    build: async (w, who, scope) => ({
      params: { id: await w.serviceRecord(scope === 'out' ? w.other() : w.self(who), 'xy', 'open') },
      body: { serviceType: 'care', description: '帮助社区整理图书角' },
    }),
  },
  // ---------------------------------------------------------------- activity attendance, the hours ledger, certificates
  'GET /api/v1/activities/{id}/code': {
    // The organizer running the activity, or a worker of the need's community; the admin holds no organizer duty.
    allowed: ['worker', 'orgUnit', 'orgDistrict'],
    ok: { status: 200, check: (res) => expect((res.body as { code: string }).code).toMatch(/^a1\./) },
    outOfScope: { worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({ params: { id: await attendanceActivity(w, who, scope) } }),
  },
  'POST /api/v1/activities/{id}/attendance/scan': {
    allowed: MEMBERS,
    ok: { status: 200, check: (res) => expect((res.body as { checkedInAt: string | null }).checkedInAt).not.toBeNull() },
    // Someone who did not sign up for it.
    outOfScope: each(MEMBERS, { status: 404, code: 'SIGNUP_NOT_FOUND' }),
    build: async (w, who, scope) => {
      const id = await runningActivity(w, { unit: 'zzb' });
      if (scope === 'in' && who !== 'admin' && who !== 'anon') await confirmedSignup(w, id, w.self(who));
      return { params: { id }, body: { code: await activityCode(w, id) } };
    },
  },
  'POST /api/v1/activities/{id}/attendance/mark': {
    allowed: ['worker', 'orgUnit', 'orgDistrict'],
    ok: { status: 200, check: (res) => expect((res.body as { signups: Array<{ status: string }> }).signups[0]!.status).toBe('attended') },
    outOfScope: { worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, who, scope) => {
      const id = await attendanceActivity(w, who, scope);
      const signupId = await confirmedSignup(w, id, (await w.member('zzb')).id);
      return { params: { id }, body: { entries: [{ signupId, status: 'attended' }] } };
    },
  },
  'GET /api/v1/activities/{id}/attendance': {
    allowed: ['worker', 'orgUnit', 'orgDistrict'],
    ok: { status: 200, check: (res) => expect(res.body).toMatchObject({ expected: 1, arrived: 0 }) },
    outOfScope: { worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, who, scope) => {
      const id = await attendanceActivity(w, who, scope);
      await confirmedSignup(w, id, (await w.member('zzb')).id);
      return { params: { id } };
    },
  },
  'GET /api/v1/me/hours/ledger': { allowed: MEMBERS, ok: OK, build: () => ({ query: { year: thisYear() } }) },
  'POST /api/v1/me/certificates': {
    allowed: MEMBERS,
    ok: { status: 201, check: (res) => expect((res.body as { serial: string }).serial).toMatch(/^XF-\d{4}-/) },
    build: () => ({ body: { from: `${thisYear()}-01-01`, to: today() } }),
  },
  'GET /api/v1/me/certificates': { allowed: MEMBERS, ok: OK, build: () => ({}) },
  'GET /api/v1/public/certificates/{serial}': {
    public: true,
    allowed: ALL,
    ok: { status: 200, check: (res) => expect((res.body as { memberName: string }).memberName).toContain('*') },
    build: async (w) => {
      const res = await w
        .api()
        .post('/api/v1/me/certificates')
        .set(await w.auth(w.person('张建国')))
        .set('Idempotency-Key', `matrix-${w.next()}`)
        .send({ from: `${thisYear()}-01-01`, to: today() });
      if (res.status !== 201) throw new Error(`fixture certificate answered ${res.status}`);
      return { params: { serial: (res.body as { serial: string }).serial } };
    },
  },
  'POST /api/v1/hours/corrections': {
    allowed: ORGANIZERS,
    ok: { status: 201, check: (res) => expect(res.body).toMatchObject({ source: 'correction', hours: 0.5 }) },
    // A member of a unit the unit organizer does not cover.
    outOfScope: { orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({
      body: {
        memberId: (await w.member(scope === 'out' && who === 'orgUnit' ? 'sw' : 'zzb')).id,
        hours: 0.5,
        date: today(),
        reason: '按签到表补记',
      },
    }),
  },

  // ---------------------------------------------------------------- activities and community needs (publishing)
  'GET /api/v1/activity-themes': { allowed: ALL, ok: OK, build: () => ({ query: { year: '2026' } }) },
  'POST /api/v1/activity-themes': {
    allowed: ORGANIZERS,
    ok: CREATED,
    build: (w) => ({ body: { month: '2026-08', title: `矩阵新主题${w.next()}` } }),
  },
  'DELETE /api/v1/activity-themes/{id}': {
    allowed: ORGANIZERS,
    ok: NO_CONTENT,
    build: async (w) => ({ params: { id: await themeRow(w) } }),
  },
  'GET /api/v1/activities': {
    allowed: ALL,
    ok: (who) => ({
      status: 200,
      check: (res) => {
        const list = items<ActivitySummary>(res.body);
        // The admin holds no member duty: nothing to sign up for. Everyone else sees the district-wide one.
        if (who === 'admin') expect(list).toEqual([]);
        for (const a of list) expect(['published', 'cancelled']).toContain(a.status);
      },
    }),
    build: async (w) => {
      await activityRow(w, { scopeKind: 'district', scopeId: null, author: w.person('孙伟') }, 'published');
      return { query: { pageSize: '100' } };
    },
  },
  'GET /api/v1/activities/manage': {
    allowed: PUBLISHERS,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const list = items<ActivitySummary>(res.body);
        if (who === 'worker') for (const a of list) expect(a.community?.id).toBe(w.communities.xy);
        if (who === 'orgUnit') expect(list.some((a) => a.scopeKind === 'community')).toBe(false);
      },
    }),
    build: async (w) => {
      await activityRow(w, publisherFixture(w, 'worker', 'out'), 'draft');
      await activityRow(w, publisherFixture(w, 'orgUnit', 'out'), 'draft');
      return { query: { pageSize: '100' } };
    },
  },
  'GET /api/v1/activities/{id}': {
    // Open to every member it is for; the admin holds no member duty and is shown nothing (as if absent).
    allowed: MEMBERS,
    denied: NOT_FOUND,
    ok: OK,
    outOfScope: each(['member', 'worker', 'orgUnit'], NOT_FOUND),
    build: async (w, _who, scope) => {
      const f: ActivityFixture =
        scope === 'out'
          ? { scopeKind: 'unit', scopeId: w.units.yy, author: w.person('孙伟') }
          : { scopeKind: 'district', scopeId: null, author: w.person('孙伟') };
      return { params: { id: await activityRow(w, f, 'published') } };
    },
  },
  'POST /api/v1/activities': {
    allowed: PUBLISHERS,
    ok: CREATED,
    outOfScope: { worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: (w, who, scope) => ({ body: activityBody(w, who, scope) }),
  },
  'PATCH /api/v1/activities/{id}': {
    allowed: PUBLISHERS,
    ok: OK,
    outOfScope: { worker: NOT_FOUND, orgUnit: NOT_FOUND },
    build: async (w, who, scope) => ({
      params: { id: await activityRow(w, publisherFixture(w, who, scope), 'draft') },
      body: { place: '社区党群服务中心' },
    }),
  },
  'POST /api/v1/activities/{id}/submit': {
    allowed: PUBLISHERS,
    ok: OK,
    outOfScope: { worker: NOT_FOUND, orgUnit: NOT_FOUND },
    build: async (w, who, scope) => ({ params: { id: await activityRow(w, publisherFixture(w, who, scope), 'draft') }, body: {} }),
  },
  'POST /api/v1/activities/{id}/review': {
    // 三审三校: a district organizer other than the author.
    allowed: DISTRICT,
    ok: { status: 200, check: (res) => expect((res.body as ActivityDetail).status).toBe('published') },
    build: async (w) => ({
      params: { id: await activityRow(w, { scopeKind: 'district', scopeId: null, author: w.person('陈明') }, 'in_review') },
      body: { decision: 'approve' },
    }),
  },
  'POST /api/v1/activities/{id}/cancel': {
    allowed: PUBLISHERS,
    ok: { status: 200, check: (res) => expect((res.body as ActivityDetail).status).toBe('cancelled') },
    outOfScope: { worker: NOT_FOUND, orgUnit: NOT_FOUND },
    build: async (w, who, scope) => ({
      params: { id: await activityRow(w, publisherFixture(w, who, scope), 'draft') },
      body: { reason: '天气原因改期' },
    }),
  },
  'POST /api/v1/activities/{id}/finish': {
    allowed: PUBLISHERS,
    ok: { status: 200, check: (res) => expect((res.body as ActivityDetail).status).toBe('finished') },
    outOfScope: { worker: NOT_FOUND, orgUnit: NOT_FOUND },
    build: async (w, who, scope) => ({
      params: { id: await activityRow(w, publisherFixture(w, who, scope), 'published', { startsInHours: -3 }) },
      body: {},
    }),
  },

  // ---------------------------------------------------------------- visits (走访)
  'POST /api/v1/visits': {
    allowed: MEMBERS,
    ok: CREATED,
    // On behalf of a member outside one's reach (a fresh member of 区税务局, registered nowhere): only the district
    // organizer covers them.
    outOfScope: { member: FORBIDDEN, worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, _who, scope) => {
      const visitedOn = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      if (scope === 'in') return { body: { place: '向阳社区3号楼2单元', visitedOn } };
      const m = await w.member('sw');
      return { body: { place: '光明社区5号楼', visitedOn, memberId: m.id, onBehalfReason: '纸质走访表补录' } };
    },
  },
  'GET /api/v1/visits': {
    allowed: MEMBERS,
    ok: (who) => ({
      status: 200,
      check: (res, { w }) => {
        const members = new Set(items<VisitView>(res.body).map((v) => v.member.id));
        // A plain member sees only their own; the one visit of someone else below stays out of their list.
        if (who === 'member') expect([...members].every((id) => id === w.self(who))).toBe(true);
        if (who === 'orgDistrict') expect(members.has(w.other())).toBe(true);
      },
    }),
    build: async (w, who) => {
      const visitedOn = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      for (const memberId of [w.self(who), w.other()]) {
        await w.ds.getRepository(VisitEntity).insert(
          w.ds.getRepository(VisitEntity).create({ memberId, activityId: null, place: '矩阵走访', visitedOn, note: null, onBehalf: false, createdBy: memberId }),
        );
      }
      return { query: { pageSize: '100' } };
    },
  },
  ...SIGNUP_ENDPOINTS,
  ...PROBLEM_ENDPOINTS,
  ...HOUSEHOLD_ENDPOINTS,
};

/** The only endpoints anyone may call without a token (health, docs, sign-in and the visitor pages). */
export const PUBLIC_ENDPOINTS = [
  'GET /api/health',
  'GET /api/v1/public/overview',
  'GET /api/v1/public/certificates/{serial}',
  'POST /api/v1/auth/demo',
  'POST /api/v1/auth/wechat',
  'POST /api/v1/auth/bind/phone',
  'POST /api/v1/auth/bind/invite',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/console/ticket',
  'POST /api/v1/auth/console/poll',
];

/** Served by the Swagger module outside the router: public too, and checked on their own. */
export const DOCS_PATHS = ['/api/docs', '/api/docs-json'];

