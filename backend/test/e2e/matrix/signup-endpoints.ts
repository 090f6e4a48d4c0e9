import type { OnBehalfSignupResponse } from '@pioneer/shared-types';
import { insertActivity, insertSignup } from '../activity-rows.js';
import { insertMembers } from '../signups-fixture.js';
import { CREATED, type EndpointSpec, FORBIDDEN, MEMBERS, OK, type Scope } from './spec.js';
import type { Caller, World } from './world.js';

/** Who manages sign-ups: organizers of the activity's scope, the district organizer, and the workers of a need. */
const MANAGING = ['worker', 'orgUnit', 'orgDistrict'] as const;

/**
 * An activity the caller manages (in) or does not (out): a need of 向阳社区 (out: 光明社区) for the worker, an
 * activity of 区委组织部 (out: 区税务局) for the unit organizer, a district activity for the district organizer.
 */
async function managedActivity(w: World, who: Caller, scope: Scope): Promise<string> {
  const author = w.person('孙伟');
  if (who === 'worker') {
    const community = w.communities[scope === 'out' ? 'gm' : 'xy'];
    return (await insertActivity(w.ds, author, { scopeKind: 'community', scopeId: community, communityId: community, capacity: 10 })).id;
  }
  if (who === 'orgUnit') {
    const unit = w.units[scope === 'out' ? 'sw' : 'zzb'];
    return (await insertActivity(w.ds, author, { scopeKind: 'unit', scopeId: unit, unitId: unit, capacity: 10 })).id;
  }
  return (await insertActivity(w.ds, author, { capacity: 10 })).id;
}

async function signedUp(w: World, who: Caller, scope: Scope): Promise<{ id: string; signupId: string }> {
  const id = await managedActivity(w, who, scope);
  const [member] = await insertMembers(w.ds, w.units.zzb, 1);
  return { id, signupId: await insertSignup(w.ds, id, member) };
}

export const SIGNUP_ENDPOINTS: Record<string, EndpointSpec> = {
  // ---------------------------------------------------------------- activity sign-ups (报名)
  'POST /api/v1/activities/{id}/signups': {
    allowed: MEMBERS,
    ok: CREATED,
    build: async (w) => ({ params: { id: (await insertActivity(w.ds, w.person('孙伟'), { capacity: 10 })).id } }),
  },
  'POST /api/v1/activities/{id}/signups/on-behalf': {
    allowed: MANAGING,
    ok: {
      status: 201,
      check: (res) => expect((res.body as OnBehalfSignupResponse).results.map((r) => r.outcome)).toEqual(['confirmed']),
    },
    // An organizer may sign up only members they cover: anyone else is refused on their own line.
    perItemRefusal: 'each member outside the organizer’s reach is refused (FORBIDDEN) and not signed up',
    outOfScope: {
      worker: FORBIDDEN,
      orgUnit: {
        status: 201,
        check: (res) => {
          const results = (res.body as OnBehalfSignupResponse).results;
          expect(results.map((r) => [r.outcome, 'code' in r ? r.code : null])).toEqual([['refused', 'FORBIDDEN']]);
        },
      },
    },
    build: async (w, who, scope) => {
      if (who === 'worker') {
        const id = await managedActivity(w, who, scope);
        const [member] = await insertMembers(w.ds, w.units.zzb, 1);
        await w.registration(member, scope === 'out' ? 'gm' : 'xy', 'approved');
        return { params: { id }, body: { memberIds: [member], reason: '党员不会使用小程序' } };
      }
      const id = (await insertActivity(w.ds, w.person('孙伟'), { capacity: 10 })).id;
      const [member] = await insertMembers(w.ds, w.units[scope === 'out' ? 'sw' : 'zzb'], 1);
      return { params: { id }, body: { memberIds: [member], reason: '党员不会使用小程序' } };
    },
  },
  'DELETE /api/v1/activities/{id}/signups/mine': {
    allowed: MEMBERS,
    ok: OK,
    build: async (w, who) => {
      const id = (await insertActivity(w.ds, w.person('孙伟'), { capacity: 10 })).id;
      await insertSignup(w.ds, id, w.self(who));
      return { params: { id } };
    },
  },
  'POST /api/v1/activities/{id}/signups/{signupId}/cancel': {
    allowed: MANAGING,
    ok: OK,
    outOfScope: { worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({ params: await signedUp(w, who, scope), body: { reason: '时间冲突，无法参加' } }),
  },
  'GET /api/v1/activities/{id}/signups': {
    allowed: MANAGING,
    ok: { status: 200, check: (res) => expect((res.body as { total: number }).total).toBe(1) },
    outOfScope: { worker: FORBIDDEN, orgUnit: FORBIDDEN },
    build: async (w, who, scope) => ({ params: { id: (await signedUp(w, who, scope)).id } }),
  },
  'GET /api/v1/me/signups': { allowed: MEMBERS, ok: OK, build: () => ({}) },
};
