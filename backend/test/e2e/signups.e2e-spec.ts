import type { ApiErrorBody, MySignupView, OnBehalfSignupResponse, Page, SignupResult, SignupView } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ActivityEntity } from '../../src/modules/activities/entities/activity.entity.js';
import { SignupEntity } from '../../src/modules/activities/entities/signup.entity.js';
import { Clock } from '../../src/modules/services/clock.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS, ORG_TEST_ENV } from './org-test-helpers.js';
import { insertActivity } from './activity-rows.js';
import { bearer, dataSourceOf, insertMembers } from './signups-fixture.js';

const HOUR = 3600_000;

describe.each(testDrivers())('activity sign-up, waitlist and promotion over HTTP on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;
  const people: Record<string, string> = {};
  const units: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    ds = dataSourceOf(t);
    for (const r of (await ds.query('SELECT id, name FROM members')) as Array<{ id: string; name: string }>) people[r.name] = r.id;
    for (const r of (await ds.query('SELECT id, name FROM units')) as Array<{ id: string; name: string }>) units[r.name] = r.id;
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const zzb = () => units['区委组织部'];
  const send = (method: 'post' | 'delete' | 'get', path: string, who: string, body?: object, key = `test-${randomUUID()}`) => {
    const req = request(t.baseUrl)[method](path).set(bearer(t, who));
    return method === 'get' ? req : req.set('Idempotency-Key', key).send(body ?? {});
  };
  const signUp = (activityId: string, who: string, key?: string) => send('post', `/api/v1/activities/${activityId}/signups`, who, {}, key);
  const cancelMine = (activityId: string, who: string) => send('delete', `/api/v1/activities/${activityId}/signups/mine`, who);
  const codeOf = (res: { body: unknown }) => (res.body as ApiErrorBody).code;
  const counters = async (id: string) => {
    const a = await ds.getRepository(ActivityEntity).findOneByOrFail({ id });
    return { confirmed: a.confirmedCount, waitlisted: a.waitlistCount };
  };
  const rows = (activityId: string) => ds.getRepository(SignupEntity).find({ where: { activityId }, order: { signedUpAt: 'ASC' } });
  const list = async (activityId: string, who: string, query = '') =>
    ((await send('get', `/api/v1/activities/${activityId}/signups?pageSize=100${query}`, who).expect(200)).body as Page<SignupView>).items;

  it('gives places, then waitlist tickets in order, then refuses: never more than the capacity', async () => {
    const a = await insertActivity(ds, people['孙伟'], { capacity: 2, waitlistLimit: 2 });
    const m = await insertMembers(ds, zzb(), 5);
    const outcomes: SignupResult[] = [];
    for (const id of m.slice(0, 4)) outcomes.push((await signUp(a.id, id).expect(201)).body as SignupResult);
    expect(outcomes.map((o) => o.outcome)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(outcomes.map((o) => o.signup.waitlistPosition)).toEqual([null, null, 1, 2]);
    const full = await signUp(a.id, m[4]).expect(409);
    expect(codeOf(full)).toBe('SIGNUP_FULL');
    expect(codeOf(await signUp(a.id, m[0]).expect(409))).toBe('SIGNUP_EXISTS');
    expect(await counters(a.id)).toEqual({ confirmed: 2, waitlisted: 2 });
    expect((await rows(a.id)).length).toBe(4);
  });

  it('hands a freed place to the first waitlisted person, and a newcomer still joins the back of the line', async () => {
    const a = await insertActivity(ds, people['孙伟'], { capacity: 2, waitlistLimit: 3 });
    const m = await insertMembers(ds, zzb(), 5);
    for (const id of m.slice(0, 4)) await signUp(a.id, id).expect(201);
    const cancelled = (await cancelMine(a.id, m[0]).expect(200)).body as SignupView;
    expect(cancelled.status).toBe('cancelled');
    expect(await counters(a.id)).toEqual({ confirmed: 2, waitlisted: 1 });
    const byMember = new Map((await rows(a.id)).map((r) => [r.memberId, r]));
    expect(byMember.get(m[2])!.status).toBe('confirmed');
    expect(byMember.get(m[2])!.waitlistSeq).toBeNull();
    expect(byMember.get(m[3])!.status).toBe('waitlisted');
    const told: Array<{ member_id: string }> = await ds.query("SELECT member_id FROM messages WHERE kind = 'activity_promoted' AND link LIKE ?", [`%${a.id}`]);
    expect(told.map((x) => x.member_id)).toEqual([m[2]]);
    // A place is never free while someone waits: the newcomer is waitlisted behind m[3].
    const late = (await signUp(a.id, m[4]).expect(201)).body as SignupResult;
    expect(late.outcome).toBe('waitlisted');
    expect(late.signup.waitlistPosition).toBe(2);
    // A waitlisted person leaving frees no place: nobody is promoted, the line closes up.
    await cancelMine(a.id, m[3]).expect(200);
    expect(await counters(a.id)).toEqual({ confirmed: 2, waitlisted: 1 });
    const waiting = await list(a.id, people['孙伟'], '&status=waitlisted');
    expect(waiting.map((s) => [s.member.id, s.waitlistPosition])).toEqual([[m[4], 1]]);
  });

  it('re-uses the row of someone who cancelled, at the back of the line', async () => {
    const a = await insertActivity(ds, people['孙伟'], { capacity: 1, waitlistLimit: 3 });
    const m = await insertMembers(ds, zzb(), 3);
    for (const id of m) await signUp(a.id, id).expect(201);
    const before = (await rows(a.id)).find((r) => r.memberId === m[1])!;
    await cancelMine(a.id, m[1]).expect(200);
    const again = (await signUp(a.id, m[1]).expect(201)).body as SignupResult;
    expect(again.signup.id).toBe(before.id);
    expect(again.outcome).toBe('waitlisted');
    expect(again.signup.waitlistPosition).toBe(2);
    expect((await rows(a.id)).length).toBe(3);
  });

  it('refuses outside the rules: not published, past the deadlines, not eligible, not active', async () => {
    const m = await insertMembers(ds, zzb(), 2);
    const draft = await insertActivity(ds, people['孙伟'], { status: 'draft' });
    expect(codeOf(await signUp(draft.id, m[0]).expect(409))).toBe('ACTIVITY_NOT_OPEN');
    const other = await insertActivity(ds, people['孙伟'], { scopeKind: 'unit', scopeId: units['区税务局'], unitId: units['区税务局'] });
    expect(codeOf(await signUp(other.id, m[0]).expect(403))).toBe('SIGNUP_NOT_ELIGIBLE');
    const a = await insertActivity(ds, people['孙伟']);
    await ds.query("UPDATE members SET status = 'retired' WHERE id = ?", [m[1]]);
    expect([401, 403]).toContain((await signUp(a.id, m[1])).status);
    await signUp(a.id, m[0]).expect(201);
    jest.spyOn(Clock.prototype, 'now').mockImplementation(() => new Date(a.cancelDeadline.getTime() + 1));
    expect(codeOf(await cancelMine(a.id, m[0]).expect(409))).toBe('CANCEL_DEADLINE_PASSED');
    jest.spyOn(Clock.prototype, 'now').mockImplementation(() => new Date(a.signupDeadline.getTime()));
    const late = await insertMembers(ds, zzb(), 1);
    expect(codeOf(await signUp(a.id, late[0]).expect(409))).toBe('SIGNUP_DEADLINE_PASSED');
    expect(await counters(a.id)).toEqual({ confirmed: 1, waitlisted: 0 });
  });

  it('replays a retry with the same Idempotency-Key instead of signing up twice', async () => {
    const a = await insertActivity(ds, people['孙伟'], { capacity: 5 });
    const [m] = await insertMembers(ds, zzb(), 1);
    const key = `test-${randomUUID()}`;
    const first = (await signUp(a.id, m, key).expect(201)).body as SignupResult;
    const again = (await signUp(a.id, m, key).expect(201)).body as SignupResult;
    expect(again.signup.id).toBe(first.signup.id);
    expect(await counters(a.id)).toEqual({ confirmed: 1, waitlisted: 0 });
  });

  it('lets an organizer cancel anyone’s sign-up with a reason (audited, promotes) and sign members up on their behalf', async () => {
    const a = await insertActivity(ds, people['陈明'], { capacity: 1, waitlistLimit: 2, scopeKind: 'unit', scopeId: zzb(), unitId: zzb() });
    const m = await insertMembers(ds, zzb(), 2);
    const res = await send('post', `/api/v1/activities/${a.id}/signups/on-behalf`, people['陈明'], {
      memberIds: [m[0], people['李秀英'], m[1]],
      reason: '党员不会使用小程序',
    }).expect(201);
    const results = (res.body as OnBehalfSignupResponse).results;
    expect(results.map((r) => [r.memberId, r.outcome])).toEqual([
      [m[0], 'confirmed'],
      [people['李秀英'], 'refused'],
      [m[1], 'waitlisted'],
    ]);
    expect(results[1]).toMatchObject({ code: 'FORBIDDEN' });
    const audited: Array<{ n: number | string }> = await ds.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'activity.signup_on_behalf' AND actor_id = ?", [people['陈明']]);
    expect(Number(audited[0].n)).toBeGreaterThanOrEqual(2);
    // The worker of 向阳社区 does not manage a unit's activity.
    expect(codeOf(await send('get', `/api/v1/activities/${a.id}/signups`, people['刘芳']).expect(403))).toBe('FORBIDDEN');
    const first = (results[0] as { signup: SignupView }).signup;
    await send('post', `/api/v1/activities/${a.id}/signups/${first.id}/cancel`, people['陈明'], { reason: '时间冲突' }).expect(200);
    const after = await list(a.id, people['陈明']);
    expect(after.map((s) => [s.member.id, s.status])).toEqual([
      [m[1], 'confirmed'],
      [m[0], 'cancelled'],
    ]);
    const cancelAudit: Array<{ n: number | string }> = await ds.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'activity.signup_cancelled' AND target_id = ?", [first.id]);
    expect(Number(cancelAudit[0].n)).toBe(1);
  });

  it('leaves a need to its community’s workers and an activity to those holding the duty, as publishing does', async () => {
    const xy = ((await ds.query("SELECT id FROM communities WHERE name = '向阳社区'")) as Array<{ id: string }>)[0]!.id;
    const need = await insertActivity(ds, people['刘芳'], { scopeKind: 'community', scopeId: xy, capacity: 5 });
    const [author] = await insertMembers(ds, zzb(), 1);
    const authored = await insertActivity(ds, author, { capacity: 5 });
    // The worker runs the need; the district organizer reaches every unit and branch, not a community's need.
    await send('get', `/api/v1/activities/${need.id}/signups`, people['刘芳']).expect(200);
    await send('get', `/api/v1/activities/${need.id}/attendance`, people['刘芳']).expect(200);
    expect(codeOf(await send('get', `/api/v1/activities/${need.id}/signups`, people['孙伟']).expect(403))).toBe('FORBIDDEN');
    expect(codeOf(await send('get', `/api/v1/activities/${need.id}/attendance`, people['孙伟']).expect(403))).toBe('FORBIDDEN');
    // Having written an activity is no duty: a member without one does not manage it, the district organizer does.
    expect(codeOf(await send('get', `/api/v1/activities/${authored.id}/signups`, author).expect(403))).toBe('FORBIDDEN');
    expect(codeOf(await send('get', `/api/v1/activities/${authored.id}/attendance`, author).expect(403))).toBe('FORBIDDEN');
    await send('get', `/api/v1/activities/${authored.id}/signups`, people['孙伟']).expect(200);
  });

  it('promotes exactly as many as concurrent cancellations freed, first tickets first', async () => {
    const a = await insertActivity(ds, people['孙伟'], { capacity: 4, waitlistLimit: 6 });
    const m = await insertMembers(ds, zzb(), 10);
    for (const id of m) await signUp(a.id, id).expect(201);
    const leaving = m.slice(0, 4);
    const answers = await Promise.all(leaving.map((id) => cancelMine(a.id, id)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await counters(a.id)).toEqual({ confirmed: 4, waitlisted: 2 });
    const byMember = new Map((await rows(a.id)).map((r) => [r.memberId, r.status]));
    expect(m.map((id) => byMember.get(id))).toEqual([
      'cancelled', 'cancelled', 'cancelled', 'cancelled',
      'confirmed', 'confirmed', 'confirmed', 'confirmed',
      'waitlisted', 'waitlisted',
    ]);
    const told: Array<{ n: number | string }> = await ds.query("SELECT COUNT(*) AS n FROM messages WHERE kind = 'activity_promoted' AND link LIKE ?", [`%${a.id}`]);
    expect(Number(told[0].n)).toBe(4);
  });

  it('never overbooks under concurrent sign-ups', async () => {
    const a = await insertActivity(ds, people['孙伟'], { capacity: 3, waitlistLimit: 4 });
    const m = await insertMembers(ds, zzb(), 12);
    const answers = await Promise.all(m.map((id) => signUp(a.id, id)));
    const outcomes = answers.map((r) => (r.status === 201 ? (r.body as SignupResult).outcome : codeOf(r)));
    expect(outcomes.filter((o) => o === 'confirmed').length).toBe(3);
    expect(outcomes.filter((o) => o === 'waitlisted').length).toBe(4);
    expect(outcomes.filter((o) => o === 'SIGNUP_FULL').length).toBe(5);
    const tickets = (await rows(a.id)).filter((r) => r.status === 'waitlisted').map((r) => r.waitlistSeq).sort((x, y) => x! - y!);
    expect(tickets).toEqual([1, 2, 3, 4]);
  });

  it('lists a member’s own sign-ups, newest activity first, with the card and their place in line', async () => {
    const [m] = await insertMembers(ds, zzb(), 1);
    const soon = await insertActivity(ds, people['孙伟'], { capacity: 0, waitlistLimit: 2, title: '近期的活动' });
    const later = await insertActivity(ds, people['孙伟'], { title: '稍后的活动', startsAt: new Date(Date.now() + 96 * HOUR), endsAt: new Date(Date.now() + 97 * HOUR) });
    await signUp(soon.id, m).expect(201);
    await signUp(later.id, m).expect(201);
    const mine = ((await send('get', '/api/v1/me/signups', m).expect(200)).body as Page<MySignupView>).items;
    expect(mine.map((x) => [x.activity.title, x.signup.status, x.activity.mySignup?.waitlistPosition ?? null])).toEqual([
      ['稍后的活动', 'confirmed', null],
      ['近期的活动', 'waitlisted', 1],
    ]);
  });
});
