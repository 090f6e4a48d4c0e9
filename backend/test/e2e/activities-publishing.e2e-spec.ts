import type { ActivityDetail, ActivitySummary, ApiErrorBody, Page } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { ActivityEntity } from '../../src/modules/activities/entities/activity.entity.js';
import { SignupEntity } from '../../src/modules/activities/entities/signup.entity.js';
import { MessageEntity } from '../../src/modules/messages/entities/message.entity.js';
import { BranchEntity } from '../../src/modules/org/entities/branch.entity.js';
import { RegistrationEntity } from '../../src/modules/registrations/entities/registration.entity.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { insertSignup } from './activity-rows.js';
import { APP_START_TIMEOUT_MS, HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

type Headers = Record<string, string>;
const HOUR = 3600_000;

describe.each(testDrivers())('publishing activities and community needs on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let zzb: string; // 区委组织部: 张建国, 陈明 (its organizer), 孙伟
  let hospital: string; // 区人民医院: 王志强
  let xiangyang: string; // 刘芳 serves it
  let guangming: string;
  let second: string; // a second district organizer (王志强), granted for the reviews

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    zzb = kit.unitIdOf('区委组织部');
    hospital = kit.unitIdOf('区人民医院');
    const rows: Array<{ id: string; name: string }> = await kit.ds.query('SELECT id, name FROM communities');
    xiangyang = rows.find((r) => r.name === '向阳社区')!.id;
    guangming = rows.find((r) => r.name === '光明社区')!.id;
    second = kit.idOf('王志强');
    await api()
      .post(`/api/v1/members/${second}/roles`)
      .set(await as('周平'))
      .send({ role: 'organizer', scopeKind: 'district', scopeId: null })
      .expect(201);
    // 张建国 is registered with 向阳社区 (its needs are for him).
    await kit.ds.getRepository(RegistrationEntity).insert({
      id: randomUUID(),
      memberId: kit.idOf('张建国'),
      communityId: xiangyang,
      status: 'approved',
      activeMemberId: kit.idOf('张建国'),
      onBehalf: false,
      onBehalfReason: null,
      createdBy: kit.idOf('张建国'),
      decidedBy: kit.idOf('刘芳'),
      decidedAt: new Date(),
      decisionReason: null,
      endedBy: null,
      endedAt: null,
      endReason: null,
      createdAt: new Date(),
    });
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const as = async (name: string): Promise<Headers> => ({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() });
  const post = async (name: string, path: string, body: object = {}) => api().post(`/api/v1/activities${path}`).set(await as(name)).send(body);
  const patch = async (name: string, id: string, body: object) => api().patch(`/api/v1/activities/${id}`).set(await as(name)).send(body);
  const get = async (name: string, path: string) => api().get(`/api/v1/activities${path}`).set(await as(name));
  const fields = (body: ApiErrorBody) => (body.details as Array<{ field: string; message: string }>).map((d) => d.field);
  const messageOf = (body: ApiErrorBody, field: string) =>
    (body.details as Array<{ field: string; message: string }>).find((d) => d.field === field)?.message ?? '';

  /** A valid activity starting in `startsInHours`, two hours long. */
  function input(over: Record<string, unknown> = {}, startsInHours = 72): Record<string, unknown> {
    const startsAt = Date.now() + startsInHours * HOUR;
    const iso = (ms: number) => new Date(startsAt + ms).toISOString();
    return {
      kind: 'volunteer',
      subKind: 'environment',
      title: '清理向阳河岸垃圾',
      description: '沿河步道捡拾垃圾，工具由社区提供。',
      place: '向阳河步道东口',
      startsAt: iso(0),
      endsAt: iso(2 * HOUR),
      signupDeadline: iso(-HOUR),
      cancelDeadline: iso(-2 * HOUR),
      capacity: 2,
      waitlistLimit: 1,
      creditedHours: 2,
      scopeKind: 'unit',
      scopeId: zzb,
      ...over,
    };
  }

  async function draft(name: string, over: Record<string, unknown> = {}, startsInHours = 72): Promise<ActivityDetail> {
    const res = await post(name, '', input(over, startsInHours));
    expect(res.status).toBe(201);
    return res.body as ActivityDetail;
  }

  async function published(name: string, over: Record<string, unknown> = {}, startsInHours = 72): Promise<ActivityDetail> {
    const a = await draft(name, over, startsInHours);
    const res = await post(name, `/${a.id}/submit`);
    expect(res.status).toBe(200);
    expect((res.body as ActivityDetail).status).toBe('published');
    return res.body as ActivityDetail;
  }

  function signup(activityId: string, name: string, status: SignupEntity['status'], seq: number | null = null): Promise<string> {
    return insertSignup(kit.ds, activityId, kit.idOf(name), status, { waitlistSeq: seq });
  }

  const inbox = (activityId: string, kind: string) =>
    kit.ds.getRepository(MessageEntity).find({ where: { kind: kind as MessageEntity['kind'], link: `packages/activity/detail/index?id=${activityId}` } });

  // ---------------------------------------------------------------- who publishes

  it('lets a unit organizer draft in their unit, a worker a need of their community, and no one outside their scope', async () => {
    const a = await draft('陈明');
    expect(a).toMatchObject({ status: 'draft', scopeKind: 'unit', publisher: { unitId: zzb, unitName: '区委组织部', authorName: '陈明' } });
    expect(a.can).toMatchObject({ edit: true, submit: true, cancel: true, review: false, signUp: false });

    const need = await draft('刘芳', { scopeKind: 'community', scopeId: xiangyang, needKind: 'wish', kind: 'other', subKind: null });
    expect(need).toMatchObject({ scopeKind: 'community', community: { id: xiangyang, name: '向阳社区' }, publisher: { unitId: null } });

    expect((await post('陈明', '', input({ scopeId: hospital }))).status).toBe(403);
    expect((await post('刘芳', '', input({ scopeKind: 'community', scopeId: guangming, needKind: 'task' }))).status).toBe(403);
    expect((await post('刘芳', '', input())).status).toBe(403);
    const admin = await post('周平', '', input({ scopeKind: 'district', scopeId: null }));
    expect(admin.status).toBe(403);
    expect((admin.body as ApiErrorBody).code).toBe('FORBIDDEN');
    expect((await post('张建国', '', input())).status).toBe(403);

    // Anyone with the same reach may take over a draft (the district organizer here); someone without it may not.
    expect((await patch('孙伟', a.id, { place: '区委组织部一楼大厅' })).status).toBe(200);
    expect((await patch('刘芳', a.id, { place: '别处' })).status).toBe(404);
  });

  it('publishes a district-wide activity in the name of its author’s unit', async () => {
    const a = await draft('孙伟', { scopeKind: 'district', scopeId: null });
    expect(a.publisher).toMatchObject({ unitId: zzb, authorName: '孙伟' });
  });

  // ---------------------------------------------------------------- validation

  it('answers bad input with a Chinese message on the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '长'.repeat(61) }, 'title'],
      [{ description: '长'.repeat(2001) }, 'description'],
      [{ place: '长'.repeat(101) }, 'place'],
      [{ startsAt: '下周三' }, 'startsAt'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 10_001 }, 'capacity'],
      [{ waitlistLimit: -1 }, 'waitlistLimit'],
      [{ capacity: null, waitlistLimit: 3 }, 'waitlistLimit'],
      [{ creditedHours: 1.2 }, 'creditedHours'],
      [{ creditedHours: 0 }, 'creditedHours'],
      [{ creditedHours: 3 }, 'creditedHours'],
      [{ kind: 'training', subKind: 'environment' }, 'subKind'],
      [{ themeId: randomUUID() }, 'themeId'],
      [{ eligibleUnitIds: [hospital] }, 'eligibleUnitIds'],
      [{ needKind: 'task' }, 'needKind'],
      [{ scopeKind: 'community', scopeId: xiangyang, needKind: null }, 'needKind'],
      [{ scopeKind: 'community', scopeId: xiangyang, needKind: 'task', kind: 'training', subKind: null }, 'kind'],
    ];
    for (const [over, field] of cases) {
      const name = over.scopeKind === 'community' ? '刘芳' : '陈明';
      const res = await post(name, '', input(over));
      expect([res.status, field, fields(res.body as ApiErrorBody)]).toEqual([400, field, expect.arrayContaining([field])]);
      expect(messageOf(res.body as ApiErrorBody, field)).toMatch(HAN);
    }
    const startsAt = new Date(Date.now() + 72 * HOUR).toISOString();
    const times = await post('陈明', '', input({ endsAt: startsAt, signupDeadline: new Date(Date.now() + 80 * HOUR).toISOString() }));
    expect(fields(times.body as ApiErrorBody)).toEqual(expect.arrayContaining(['endsAt', 'signupDeadline']));
    const cancelLate = await post('陈明', '', input({ cancelDeadline: new Date(Date.now() + 73 * HOUR).toISOString() }));
    expect(fields(cancelLate.body as ApiErrorBody)).toEqual(['cancelDeadline']);
    // A branch of another unit is outside a unit activity.
    const foreign = await kit.ds.getRepository(BranchEntity).findOneByOrFail({ unitId: hospital });
    const branch = await post('陈明', '', input({ eligibleBranchIds: [foreign.id] }));
    expect(messageOf(branch.body as ApiErrorBody, 'eligibleBranchIds')).toBe('所选支部须在发布范围之内');
  });

  // ---------------------------------------------------------------- lifecycle

  it('walks the lifecycle of a unit activity and refuses every illegal step with ACTIVITY_STATE_INVALID', async () => {
    const a = await draft('陈明');
    const expect409 = async (res: request.Response) => {
      expect([res.status, (res.body as ApiErrorBody).code]).toEqual([409, 'ACTIVITY_STATE_INVALID']);
    };
    await expect409(await post('陈明', `/${a.id}/finish`));
    await expect409(await post('孙伟', `/${a.id}/review`, { decision: 'approve' }));
    const pub = await post('陈明', `/${a.id}/submit`);
    expect((pub.body as ActivityDetail).status).toBe('published');
    await expect409(await post('陈明', `/${a.id}/submit`));
    await expect409(await post('孙伟', `/${a.id}/review`, { decision: 'approve' }));
    // Before it started, it cannot be finished.
    await expect409(await post('陈明', `/${a.id}/finish`));
    const cancelled = await post('陈明', `/${a.id}/cancel`, { reason: '场地临时不能用' });
    expect((cancelled.body as ActivityDetail).status).toBe('cancelled');
    expect((cancelled.body as ActivityDetail).cancelReason).toBe('场地临时不能用');
    await expect409(await post('陈明', `/${a.id}/cancel`, { reason: '再取消一次' }));
    await expect409(await post('陈明', `/${a.id}/submit`));
    await expect409(await patch('陈明', a.id, { place: '新地点' }));

    // Started three hours ago: it can be finished, and then nothing more.
    const past = await published('陈明', {}, -3);
    const finished = await post('陈明', `/${past.id}/finish`);
    expect((finished.body as ActivityDetail).status).toBe('finished');
    await expect409(await post('陈明', `/${past.id}/finish`));
    await expect409(await post('陈明', `/${past.id}/cancel`, { reason: '已经结束了' }));
    await expect409(await patch('陈明', past.id, { place: '新地点' }));

    // A draft may be cancelled too.
    const d = await draft('陈明');
    expect(((await post('陈明', `/${d.id}/cancel`, { reason: '不办了' })).body as ActivityDetail).status).toBe('cancelled');
  });

  it('sends a district-wide activity to review by another district organizer (三审三校), who is told, as is the author', async () => {
    const a = await draft('孙伟', { scopeKind: 'district', scopeId: null });
    const submitted = await post('孙伟', `/${a.id}/submit`);
    expect((submitted.body as ActivityDetail).status).toBe('in_review');
    const review = await inbox(a.id, 'activity_review');
    expect(review.map((m) => m.memberId)).toEqual([second]);

    const own = await post('孙伟', `/${a.id}/review`, { decision: 'approve' });
    expect([own.status, (own.body as ApiErrorBody).code]).toEqual([403, 'ACTIVITY_OWN_REVIEW']);
    expect((await post('陈明', `/${a.id}/review`, { decision: 'approve' })).status).toBe(403);
    const noNote = await post('王志强', `/${a.id}/review`, { decision: 'reject' });
    expect([noNote.status, fields(noNote.body as ApiErrorBody)]).toEqual([400, ['note']]);

    const rejected = await post('王志强', `/${a.id}/review`, { decision: 'reject', note: '请写清集合时间' });
    expect(rejected.body as ActivityDetail).toMatchObject({ status: 'draft', review: { reviewerName: '王志强', note: '请写清集合时间' } });
    const told = await inbox(a.id, 'activity_reviewed');
    expect(told.map((m) => m.memberId)).toEqual([kit.idOf('孙伟')]);
    expect(told[0]!.body).toContain('请写清集合时间');

    expect(((await post('孙伟', `/${a.id}/submit`)).body as ActivityDetail).status).toBe('in_review');
    const detail = (await get('王志强', `/${a.id}`)).body as ActivityDetail;
    expect(detail.can).toMatchObject({ review: true });
    const approved = await post('王志强', `/${a.id}/review`, { decision: 'approve' });
    expect((approved.body as ActivityDetail).status).toBe('published');
    expect((await inbox(a.id, 'activity_reviewed')).length).toBe(2);
    const audit: Array<{ action: string }> = await kit.ds.query('SELECT action FROM audit_logs WHERE target_id = ?', [a.id]);
    expect(audit.map((r) => r.action).sort()).toEqual(
      ['activity.create', 'activity.review', 'activity.review', 'activity.submit', 'activity.submit'].sort(),
    );
  });

  it('lets exactly one of two concurrent submits, and of two concurrent reviews, win', async () => {
    const a = await draft('陈明');
    const submits = await Promise.all([post('陈明', `/${a.id}/submit`), post('陈明', `/${a.id}/submit`)]);
    expect(submits.map((r) => r.status).sort()).toEqual([200, 409]);

    const d = await draft('孙伟', { scopeKind: 'district', scopeId: null });
    await post('孙伟', `/${d.id}/submit`);
    const reviews = await Promise.all([
      post('王志强', `/${d.id}/review`, { decision: 'approve' }),
      post('王志强', `/${d.id}/review`, { decision: 'reject', note: '再改改' }),
    ]);
    expect(reviews.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await inbox(d.id, 'activity_reviewed')).length).toBe(1);
  });

  // ---------------------------------------------------------------- content check

  it('refuses risky content on submit (422) and keeps the draft, and refuses it in an edit of a published activity', async () => {
    const risky = await draft('陈明', { description: '组织大家去赌博' });
    const res = await post('陈明', `/${risky.id}/submit`);
    expect([res.status, (res.body as ApiErrorBody).code]).toEqual([422, 'ACTIVITY_CONTENT_RISKY']);
    expect((await kit.ds.getRepository(ActivityEntity).findOneByOrFail({ id: risky.id })).status).toBe('draft');
    const review = await draft('陈明', { place: '代购点门口' });
    expect((await post('陈明', `/${review.id}/submit`)).status).toBe(422);

    const a = await published('陈明');
    const edit = await patch('陈明', a.id, { title: '诈骗防范？不，诈骗' });
    expect(edit.status).toBe(422);
    expect((await kit.ds.getRepository(ActivityEntity).findOneByOrFail({ id: a.id })).title).toBe(a.title);
  });

  // ---------------------------------------------------------------- edits and cancelling

  it('tells everyone confirmed or waitlisted when a published activity’s time or place changes, and only them', async () => {
    const a = await published('陈明');
    await signup(a.id, '张建国', 'confirmed');
    await signup(a.id, '孙伟', 'waitlisted', 1);
    await signup(a.id, '王志强', 'cancelled');
    const res = await patch('陈明', a.id, { place: '向阳河步道西口' });
    expect(res.status).toBe(200);
    const changed = await inbox(a.id, 'activity_changed');
    expect(changed.map((m) => m.memberId).sort()).toEqual([kit.idOf('张建国'), kit.idOf('孙伟')].sort());
    expect(JSON.parse(changed[0]!.pushData!)).toMatchObject({ thing1: a.title, thing3: '向阳河步道西口' });
    // A description change tells no one; a capacity below the places given is a field error.
    await patch('陈明', a.id, { description: '沿河步道捡拾垃圾，请自带水杯。' });
    expect((await inbox(a.id, 'activity_changed')).length).toBe(2);
    await signup(a.id, '李秀英', 'confirmed');
    const tooSmall = await patch('陈明', a.id, { capacity: 1 });
    expect([tooSmall.status, fields(tooSmall.body as ApiErrorBody)]).toEqual([400, ['capacity']]);
    const audit: Array<{ n: number | string }> = await kit.ds.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE target_id = ? AND action = 'activity.update'",
      [a.id],
    );
    expect(Number(audit[0]!.n)).toBe(2);
  });

  it('cancelling tells everyone signed up and gives back every place in the same step', async () => {
    const a = await published('陈明');
    const s1 = await signup(a.id, '张建国', 'confirmed');
    const s2 = await signup(a.id, '李秀英', 'confirmed');
    const s3 = await signup(a.id, '孙伟', 'waitlisted', 1);
    const res = await post('陈明', `/${a.id}/cancel`, { reason: '暴雨预警，活动取消' });
    expect(res.body as ActivityDetail).toMatchObject({ status: 'cancelled', confirmedCount: 0, waitlistCount: 0 });
    const rows = await kit.ds.getRepository(SignupEntity).find({ where: { id: In([s1, s2, s3]) } });
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    for (const r of rows) expect(r.cancelledAt).not.toBeNull();
    const told = await inbox(a.id, 'activity_cancelled');
    expect(told.map((m) => m.memberId).sort()).toEqual([kit.idOf('张建国'), kit.idOf('李秀英'), kit.idOf('孙伟')].sort());
    expect(told[0]!.body).toContain('暴雨预警');
  });

  // ---------------------------------------------------------------- lists and detail

  it('lists for a member what they may sign up for, their own, and the needs of their community, with waitlist places', async () => {
    const mine = await published('陈明', { title: '机关读书会' });
    const forHospital = await published('孙伟', { title: '医院义诊', scopeId: hospital });
    const need = await published('刘芳', { title: '帮独居老人买菜', scopeKind: 'community', scopeId: xiangyang, needKind: 'task', subKind: null });
    const stillDraft = await draft('陈明', { title: '草稿活动' });
    const full = await published('陈明', { title: '候补活动', capacity: 1, waitlistLimit: 3 });
    await signup(full.id, '李秀英', 'confirmed');
    await signup(full.id, '陈明', 'waitlisted', 1);
    await signup(full.id, '孙伟', 'waitlisted', 2);
    await signup(full.id, '张建国', 'waitlisted', 3);
    const cancelledMine = await published('陈明', { title: '取消了的活动' });
    await signup(cancelledMine.id, '张建国', 'confirmed');
    await post('陈明', `/${cancelledMine.id}/cancel`, { reason: '改期' });
    const cancelledOther = await published('陈明', { title: '没报名的取消活动' });
    await post('陈明', `/${cancelledOther.id}/cancel`, { reason: '改期' });

    const upcoming = (await get('张建国', '?pageSize=100')).body as Page<ActivitySummary>;
    const titles = upcoming.items.map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['机关读书会', '帮独居老人买菜', '候补活动', '取消了的活动']));
    expect(titles).not.toContain('医院义诊');
    expect(titles).not.toContain('草稿活动');
    expect(titles).not.toContain('没报名的取消活动');
    const starts = upcoming.items.map((a) => a.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(upcoming.items.find((a) => a.id === full.id)!.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
    const sun = (await get('孙伟', '?pageSize=100')).body as Page<ActivitySummary>;
    expect(sun.items.find((a) => a.id === full.id)!.mySignup).toMatchObject({ waitlistPosition: 2 });

    const needs = (await get('张建国', '?needs=true&pageSize=100')).body as Page<ActivitySummary>;
    expect(needs.items.map((a) => a.id)).toContain(need.id);
    for (const a of needs.items) expect([a.scopeKind, a.community?.id]).toEqual(['community', xiangyang]);
    const noNeeds = (await get('张建国', '?needs=false&pageSize=100')).body as Page<ActivitySummary>;
    expect(noNeeds.items.some((a) => a.scopeKind === 'community')).toBe(false);
    const mineTab = (await get('张建国', '?tab=mine&pageSize=100')).body as Page<ActivitySummary>;
    expect(mineTab.items.map((a) => a.id)).toEqual(expect.arrayContaining([full.id, cancelledMine.id]));
    expect(mineTab.items.map((a) => a.id)).not.toContain(mine.id);
    for (const a of mineTab.items) expect(a.mySignup).not.toBeNull();
    // 王志强 (区人民医院) sees the hospital's, not 区委组织部's.
    const wang = (await get('王志强', '?pageSize=100')).body as Page<ActivitySummary>;
    expect(wang.items.map((a) => a.id)).toContain(forHospital.id);
    expect(wang.items.map((a) => a.id)).not.toContain(mine.id);

    const detail = (await get('张建国', `/${mine.id}`)).body as ActivityDetail;
    expect(detail.can).toMatchObject({ signUp: true, cancelSignup: false, edit: false, manageAttendance: false });
    const waiting = (await get('张建国', `/${full.id}`)).body as ActivityDetail;
    expect(waiting.can).toMatchObject({ signUp: false, cancelSignup: true });
    expect((await get('张建国', `/${forHospital.id}`)).status).toBe(404);
    expect((await get('张建国', `/${stillDraft.id}`)).status).toBe(404);
    expect(((await get('陈明', `/${stillDraft.id}`)).body as ActivityDetail).can.edit).toBe(true);
  });

  it('lists for the publisher what they manage: a worker the needs of their communities, a unit organizer their unit', async () => {
    const unitOne = await draft('陈明', { title: '单位草稿' });
    const hospitalOne = await draft('孙伟', { title: '医院草稿', scopeId: hospital });
    const need = await draft('刘芳', { title: '社区需求草稿', scopeKind: 'community', scopeId: xiangyang, needKind: 'post', subKind: null });
    const ids = async (name: string, q = '') => ((await get(name, `/manage?pageSize=100${q}`)).body as Page<ActivitySummary>).items.map((a) => a.id);
    const chen = await ids('陈明');
    expect(chen).toContain(unitOne.id);
    expect(chen).not.toContain(hospitalOne.id);
    expect(chen).not.toContain(need.id);
    const liu = await ids('刘芳');
    expect(liu).toContain(need.id);
    expect(liu).not.toContain(unitOne.id);
    const sun = await ids('孙伟', '&status=draft');
    expect(sun).toEqual(expect.arrayContaining([unitOne.id, hospitalOne.id]));
    expect(sun).not.toContain(need.id);
    expect((await get('张建国', '/manage')).status).toBe(403);
    expect((await get('周平', '/manage')).status).toBe(403);
  });

  // ---------------------------------------------------------------- themes

  it('keeps monthly themes: organizers add them, a theme in use cannot be deleted', async () => {
    const theme = await api().post('/api/v1/activity-themes').set(await as('陈明')).send({ month: '2026-05', title: '五月：邻里守望' });
    expect(theme.status).toBe(201);
    const dup = await api().post('/api/v1/activity-themes').set(await as('孙伟')).send({ month: '2026-05', title: '五月：邻里守望' });
    expect([dup.status, fields(dup.body as ApiErrorBody)]).toEqual([400, ['title']]);
    const bad = await api().post('/api/v1/activity-themes').set(await as('孙伟')).send({ month: '2026-13', title: '错的月份' });
    expect(fields(bad.body as ApiErrorBody)).toEqual(['month']);
    const id = (theme.body as { id: string }).id;
    const a = await draft('陈明', { themeId: id });
    expect(a.theme).toMatchObject({ id, month: '2026-05' });
    const list = await api().get('/api/v1/activity-themes?year=2026').set(await as('张建国'));
    expect((list.body as Array<{ id: string }>).map((x) => x.id)).toContain(id);
    const inUse = await api().delete(`/api/v1/activity-themes/${id}`).set(await as('陈明'));
    expect(inUse.status).toBe(409);
    await kit.ds.getRepository(ActivityEntity).update({ id: a.id }, { themeId: null });
    expect((await api().delete(`/api/v1/activity-themes/${id}`).set(await as('陈明'))).status).toBe(204);
  });
});
