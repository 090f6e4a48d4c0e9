import type { HouseholdDetail, HouseholdView, MatterView } from '@pioneer/shared-types';
import { CREATED, type EndpointSpec, each, MEMBERS, NO_CONTENT, NOT_FOUND, OK, FORBIDDEN, type Scope } from './spec.js';
import type { Caller, CommunityKey, UnitKey, World } from './world.js';

/** Who records practical matters: workers for their communities, organizers for the units in scope. */
const RECORDERS = ['worker', 'orgUnit', 'orgDistrict'] as const;

async function call<T>(w: World, actor: string, method: 'get' | 'post', path: string, body: object | undefined, status: number): Promise<T> {
  const req = w.api()[method](path).set(await w.auth(actor));
  const res = await (body ? req.send(body) : req);
  if (res.status !== status) throw new Error(`fixture ${method.toUpperCase()} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** A household registered by the actor (paired with them), in a community or (no community) a village. */
async function household(w: World, actor: string, community?: CommunityKey): Promise<{ id: string; pairingId: string }> {
  const n = w.next();
  const body = {
    ...(community ? { communityId: w.communities[community] } : { village: `矩阵村${n}组` }),
    contactName: `矩阵住户${n}`,
    phone: w.nextPhone(),
    address: `矩阵路 ${n} 号 1 单元 101`,
    consent: true,
  };
  const created = await call<HouseholdView>(w, actor, 'post', '/api/v1/households', body, 201);
  const detail = await call<HouseholdDetail>(w, actor, 'get', `/api/v1/households/${created.id}`, undefined, 200);
  return { id: created.id, pairingId: detail.pairings[0]!.id };
}

/** The caller, or for the admin (no member role) and the anonymous caller the plain member, whose record it borrows. */
function memberSelf(w: World, who: Caller): string {
  return w.self(who === 'admin' || who === 'anon' ? 'member' : who);
}

/** A household the caller may read (their own pairing) or may not (李秀英's, in a village). */
async function readable(w: World, who: Caller, scope: Scope): Promise<string> {
  return (await household(w, scope === 'out' ? w.other() : memberSelf(w, who))).id;
}

async function matter(w: World, actor: string, unit: UnitKey, community?: CommunityKey): Promise<string> {
  const body = {
    title: `矩阵实事${w.next()}`,
    unitId: w.units[unit],
    ...(community ? { communityId: w.communities[community] } : {}),
    doneOn: '2026-01-05',
    beneficiaries: 3,
    description: '为住户修好了楼道灯',
  };
  return (await call<MatterView>(w, actor, 'post', '/api/v1/matters', body, 201)).id;
}

/** A matter the caller may change: the worker's own, or one of 区委组织部 (out: 区税务局) by the district organizer. */
async function changeable(w: World, who: Caller, scope: Scope): Promise<string> {
  if (who === 'worker' && scope === 'in') return matter(w, w.self('worker'), 'zzb', 'xy');
  return matter(w, w.self('orgDistrict'), scope === 'out' ? 'sw' : 'zzb');
}

export const HOUSEHOLD_ENDPOINTS: Record<string, EndpointSpec> = {
  // ---------------------------------------------------------------- households (结对关爱)
  'POST /api/v1/households': {
    allowed: MEMBERS,
    ok: CREATED,
    build: (w) => {
      const n = w.next();
      return { body: { village: `矩阵村${n}组`, contactName: `矩阵住户${n}`, address: `矩阵路 ${n} 号`, consent: true } };
    },
  },
  'GET /api/v1/households': {
    allowed: MEMBERS,
    ok: OK,
    build: () => ({}),
  },
  'GET /api/v1/households/{id}': {
    allowed: MEMBERS,
    ok: OK,
    outOfScope: each(['member', 'worker', 'orgUnit'], NOT_FOUND),
    build: async (w, who, scope) => ({ params: { id: await readable(w, who, scope) } }),
  },
  'POST /api/v1/households/{id}/contact': {
    allowed: MEMBERS,
    ok: OK,
    outOfScope: each(['member', 'worker', 'orgUnit', 'orgDistrict'], NOT_FOUND),
    build: async (w, who, scope) => ({ params: { id: await readable(w, who, scope) } }),
  },
  'POST /api/v1/households/{id}/pairings': {
    allowed: MEMBERS,
    ok: CREATED,
    outOfScope: each(['member', 'worker', 'orgUnit'], FORBIDDEN),
    build: async (w, who, scope) => {
      // A household of 向阳社区 (out: 光明社区) paired with the district organizer.
      const { id } = await household(w, w.self('orgDistrict'), scope === 'out' ? 'gm' : 'xy');
      if (who === 'member' || who === 'anon') {
        await w.registration(w.self('member'), 'xy', 'approved');
        return { params: { id }, body: { memberId: w.self('member') } };
      }
      const member = await w.member(scope === 'out' ? 'sw' : 'zzb');
      return { params: { id }, body: { memberId: member.id, reason: '就近结对' } };
    },
  },
  'POST /api/v1/pairings/{id}/end': {
    allowed: MEMBERS,
    ok: OK,
    outOfScope: each(['member', 'worker', 'orgUnit'], NOT_FOUND),
    build: async (w, who, scope) => {
      const body = { reason: '住户搬走了' };
      if (scope === 'out') return { params: { id: (await household(w, w.other())).pairingId }, body };
      if (who === 'worker') return { params: { id: (await household(w, w.self('orgDistrict'), 'xy')).pairingId }, body };
      if (who === 'orgUnit') return { params: { id: (await household(w, w.self('member'))).pairingId }, body };
      return { params: { id: (await household(w, memberSelf(w, who))).pairingId }, body };
    },
  },

  // ---------------------------------------------------------------- practical matters (实事)
  'POST /api/v1/matters': {
    allowed: RECORDERS,
    ok: CREATED,
    outOfScope: each(['worker', 'orgUnit'], FORBIDDEN),
    build: (w, who, scope) => {
      const base = { title: `矩阵实事${w.next()}`, doneOn: '2026-01-05', beneficiaries: 2, description: '帮助独居老人买菜' };
      if (who === 'worker') return { body: { ...base, unitId: w.units.sw, communityId: w.communities[scope === 'out' ? 'gm' : 'xy'] } };
      return { body: { ...base, unitId: w.units[scope === 'out' ? 'sw' : 'zzb'] } };
    },
  },
  'GET /api/v1/matters': {
    allowed: MEMBERS,
    ok: OK,
    build: () => ({}),
  },
  'PATCH /api/v1/matters/{id}': {
    allowed: RECORDERS,
    ok: OK,
    outOfScope: { worker: FORBIDDEN, orgUnit: NOT_FOUND },
    build: async (w, who, scope) => ({ params: { id: await changeable(w, who, scope) }, body: { beneficiaries: 5 } }),
  },
  'DELETE /api/v1/matters/{id}': {
    allowed: RECORDERS,
    ok: NO_CONTENT,
    outOfScope: { worker: FORBIDDEN, orgUnit: NOT_FOUND },
    build: async (w, who, scope) => ({ params: { id: await changeable(w, who, scope) } }),
  },
};
