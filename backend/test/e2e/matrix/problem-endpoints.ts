import { randomUUID } from 'node:crypto';
import { ALL, CREATED, DISTRICT, type EndpointSpec, FORBIDDEN, MEMBERS, NO_CONTENT, NOT_FOUND, OK, type Scope, each } from './spec.js';
import type { Caller, CommunityKey, World } from './world.js';

/** A problem recorded over HTTP by this member in this community, as the form records it. */
async function problem(w: World, recorderId: string, community: CommunityKey): Promise<string> {
  const res = await w
    .api()
    .post('/api/v1/problems')
    .set({ ...(await w.auth(recorderId)), 'Idempotency-Key': randomUUID() })
    .send({
      residentName: '王桂兰',
      residentPhone: '13912345678',
      residentConsent: true,
      communityId: w.communities[community],
      category: 'medical',
      description: '矩阵测试：希望社区卫生服务站上门量血压',
      urgency: 'normal',
    });
  if (res.status !== 201) throw new Error(`problem: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

/**
 * In scope: 张建国's problem in 向阳社区 — his own; 刘芳 serves the community, 陈明 covers him, 孙伟 covers all.
 * Out of scope: 李秀英's problem in 光明社区, which none of the first three reaches (it reads as missing).
 */
function scoped(w: World, _who: Caller, scope: Scope): Promise<string> {
  return scope === 'out' ? problem(w, w.other(), 'gm') : problem(w, w.person('张建国'), 'xy');
}

let dayCounter = 0;
/** A distinct day per call in a year nobody else sets, so calls do not meet each other's rows. */
function nextDay(): string {
  dayCounter += 1;
  return new Date(Date.UTC(2099, 0, 1) + dayCounter * 86_400_000).toISOString().slice(0, 10);
}

const OUT_OF_REACH = each(['member', 'worker', 'orgUnit'], NOT_FOUND);

export const PROBLEM_ENDPOINTS: Record<string, EndpointSpec> = {
  // ---------------------------------------------------------------- residents' problems (群众急难愁盼)
  'POST /api/v1/problems': {
    allowed: MEMBERS,
    ok: CREATED,
    // On behalf of a member outside one's reach (a fresh member of 区税务局, registered nowhere).
    outOfScope: { member: FORBIDDEN, worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, _who, scope) => {
      const body = {
        residentName: '李大爷',
        residentConsent: true,
        communityId: w.communities.xy,
        category: 'other',
        description: '矩阵测试：楼道灯不亮',
        urgency: 'urgent',
      };
      if (scope === 'in') return { body };
      const m = await w.member('sw');
      return { body: { ...body, memberId: m.id, onBehalfReason: '纸质登记表补录' } };
    },
  },
  'GET /api/v1/problems': { allowed: MEMBERS, ok: OK, build: () => ({ query: { view: 'handling' } }) },
  'GET /api/v1/problems/deadline': { allowed: MEMBERS, ok: OK, build: () => ({ query: { urgency: 'normal' } }) },
  'POST /api/v1/problems/similar': {
    allowed: MEMBERS,
    ok: OK,
    build: (w) => ({ body: { communityId: w.communities.xy, category: 'medical', description: '希望卫生服务站上门量血压' } }),
  },
  'GET /api/v1/problems/{id}': {
    allowed: MEMBERS,
    ok: OK,
    outOfScope: OUT_OF_REACH,
    build: async (w, who, scope) => ({ params: { id: await scoped(w, who, scope) } }),
  },
  'POST /api/v1/problems/{id}/contact': {
    // The recorder (张建国 as member) sees the problem but neither dispatches nor handles it: 403.
    allowed: ['worker', 'orgUnit', 'orgDistrict'],
    ok: OK,
    outOfScope: each(['worker', 'orgUnit'], NOT_FOUND),
    build: async (w, who, scope) => ({ params: { id: await scoped(w, who, scope) } }),
  },
  'POST /api/v1/problems/{id}/actions': {
    allowed: MEMBERS,
    ok: OK,
    outOfScope: OUT_OF_REACH,
    build: async (w, who, scope) => ({ params: { id: await scoped(w, who, scope) }, body: { action: 'answer', note: '已当场答复' } }),
  },

  'GET /api/v1/problems/oversight': { allowed: ['worker', 'orgUnit', 'orgDistrict'], ok: OK, build: () => ({}) },
  'POST /api/v1/problems/{id}/remind': {
    // Dispatchers only: the community's worker, the recorder's organizer, the district.
    allowed: ['worker', 'orgUnit', 'orgDistrict'],
    ok: OK,
    outOfScope: each(['worker', 'orgUnit'], NOT_FOUND),
    build: async (w, who, scope) => ({ params: { id: await scoped(w, who, scope) }, body: { note: '请尽快上门' } }),
  },

  // ---------------------------------------------------------------- the district's working days
  'GET /api/v1/calendar-days': { allowed: ALL, ok: OK, build: () => ({ query: { year: '2026' } }) },
  'PUT /api/v1/calendar-days/{day}': {
    allowed: DISTRICT,
    ok: OK,
    build: () => ({ params: { day: nextDay() }, body: { workday: false, label: '矩阵测试' } }),
  },
  'DELETE /api/v1/calendar-days/{day}': {
    allowed: DISTRICT,
    ok: NO_CONTENT,
    build: async (w) => {
      const day = nextDay();
      await w.ds.query('INSERT INTO calendar_days (day, workday, label, updated_by) VALUES (?, ?, ?, ?)', [day, false, '矩阵测试', w.person('孙伟')]);
      return { params: { day } };
    },
  },
};
