import type { ApiErrorBody, Page, VisitView } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { RegistrationEntity } from '../../src/modules/registrations/entities/registration.entity.js';
import { Clock } from '../../src/modules/services/clock.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { insertActivity, insertSignups } from './activity-rows.js';
import { HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

// 2030-03-10 12:00 in Beijing: the server's "today" for every test here.
const NOW = new Date('2030-03-10T04:00:00Z');
const TODAY = '2030-03-10';

describe.each(testDrivers())('visits (走访) over HTTP on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let returnHome: string;
  let volunteer: string;

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
    returnHome = (
      await insertActivity(kit.ds, kit.idOf('陈明'), { kind: 'return_home', title: '春节返乡走亲', startsAt: new Date('2030-03-05T01:00:00Z') })
    ).id;
    volunteer = (await insertActivity(kit.ds, kit.idOf('陈明'), { kind: 'volunteer', title: '楼道清理', startsAt: new Date('2030-03-01T01:00:00Z') })).id;
    await insertSignups(kit.ds, returnHome, [kit.idOf('张建国')], 'confirmed');
    await insertSignups(kit.ds, returnHome, [kit.idOf('李秀英')], 'attended');
    await insertSignups(kit.ds, returnHome, [kit.idOf('王志强')], 'waitlisted');
    await insertSignups(kit.ds, volunteer, [kit.idOf('张建国')], 'confirmed');
    // 张建国 is registered with 向阳社区, which 刘芳 serves; 王志强 is registered nowhere.
    const community: string = (await kit.ds.query("SELECT id FROM communities WHERE name = '向阳社区'"))[0].id;
    const registrations = kit.ds.getRepository(RegistrationEntity);
    if (!(await registrations.countBy({ memberId: kit.idOf('张建国'), status: 'approved' }))) {
      await registrations.insert(
        registrations.create({
          memberId: kit.idOf('张建国'),
          communityId: community,
          status: 'approved',
          activeMemberId: kit.idOf('张建国'),
          onBehalf: false,
          createdBy: kit.idOf('张建国'),
        }),
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const post = async (name: string, body: Record<string, unknown>) =>
    api().post('/api/v1/visits').set({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() }).send(body);
  const list = async (name: string, query = ''): Promise<Page<VisitView>> =>
    (await api().get(`/api/v1/visits${query}`).set(await kit.as(name)).expect(200)).body as Page<VisitView>;
  const fieldOf = (body: unknown): string[] => ((body as ApiErrorBody).details as Array<{ field: string }>).map((d) => d.field);

  it('needs a signed-in member', async () => {
    expect((await api().get('/api/v1/visits')).status).toBe(401);
    expect((await api().post('/api/v1/visits').send({ place: '某户', visitedOn: TODAY })).status).toBe(401);
    expect((await post('周平', { place: '某户', visitedOn: TODAY })).status).toBe(403);
  });

  it('records a standalone visit of one’s own', async () => {
    const res = await post('张建国', { place: '  向阳社区3号楼2单元王大爷家 ', visitedOn: TODAY, note: '老人腿脚不便，需要帮忙买菜' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      member: { id: kit.idOf('张建国'), name: '张建国' },
      activity: null,
      place: '向阳社区3号楼2单元王大爷家',
      visitedOn: TODAY,
      note: '老人腿脚不便，需要帮忙买菜',
      onBehalf: false,
    });
  });

  it('refuses bad input with Chinese field messages', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ place: '', visitedOn: TODAY }, 'place'],
      [{ place: '户'.repeat(101), visitedOn: TODAY }, 'place'],
      [{ place: '某户', visitedOn: '2030-3-1' }, 'visitedOn'],
      [{ place: '某户', visitedOn: '2030-03-11' }, 'visitedOn'],
      [{ place: '某户', visitedOn: TODAY, note: '字'.repeat(501) }, 'note'],
      [{ place: '某户', visitedOn: TODAY, activityId: 'not-a-uuid' }, 'activityId'],
    ];
    for (const [body, field] of cases) {
      const res = await post('张建国', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ message: expect.stringMatching(HAN) }] });
      expect(fieldOf(res.body)).toContain(field);
    }
    // Exactly the limits are fine.
    expect((await post('张建国', { place: '户'.repeat(100), visitedOn: TODAY, note: '字'.repeat(500) })).status).toBe(201);
  });

  it('in an activity: only a visiting kind, only with a confirmed or attended sign-up, not before its start day', async () => {
    const ok = await post('张建国', { activityId: returnHome, place: '老家村东头李婶家', visitedOn: '2030-03-05' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ activity: { id: returnHome, title: '春节返乡走亲', kind: 'return_home' } });
    expect((await post('李秀英', { activityId: returnHome, place: '村委会', visitedOn: TODAY })).status).toBe(201);

    const wrongKind = await post('张建国', { activityId: volunteer, place: '某户', visitedOn: TODAY });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body).toMatchObject({ code: 'VISIT_KIND_INVALID', message: expect.stringMatching(HAN) });

    for (const name of ['王志强', '赵丽华']) {
      const res = await post(name, { activityId: returnHome, place: '某户', visitedOn: TODAY });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'SIGNUP_NOT_FOUND' });
    }
    const missing = await post('张建国', { activityId: randomUUID(), place: '某户', visitedOn: TODAY });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });

    const early = await post('张建国', { activityId: returnHome, place: '某户', visitedOn: '2030-03-04' });
    expect(early.status).toBe(400);
    expect(fieldOf(early.body)).toEqual(['visitedOn']);
  });

  it('on someone’s behalf: an organizer who covers them or a worker of their community, with a reason, audited', async () => {
    const noReason = await post('陈明', { memberId: kit.idOf('张建国'), place: '某户', visitedOn: TODAY });
    expect(noReason.status).toBe(400);
    expect(fieldOf(noReason.body)).toEqual(['onBehalfReason']);

    const byOrganizer = await post('陈明', {
      memberId: kit.idOf('张建国'),
      activityId: returnHome,
      place: '老家村西王奶奶家',
      visitedOn: '2030-03-06',
      onBehalfReason: '纸质走访表补录',
    });
    expect(byOrganizer.status).toBe(201);
    expect(byOrganizer.body).toMatchObject({ member: { id: kit.idOf('张建国') }, onBehalf: true });
    const audit = await kit.ds.query("SELECT actor_id, target_id FROM audit_logs WHERE action = 'visit.on_behalf'");
    expect(audit).toEqual([{ actor_id: kit.idOf('陈明'), target_id: (byOrganizer.body as VisitView).id }]);

    const byWorker = await post('刘芳', { memberId: kit.idOf('张建国'), place: '向阳社区5号楼', visitedOn: TODAY, onBehalfReason: '党员口头报告' });
    expect(byWorker.status).toBe(201);

    // Out of reach: 李秀英 is of 区税务局 (not 陈明's), 王志强 is registered with no community 刘芳 serves.
    for (const [caller, member] of [
      ['陈明', '李秀英'],
      ['刘芳', '王志强'],
      ['张建国', '李秀英'],
    ] as const) {
      const res = await post(caller, { memberId: kit.idOf(member), place: '某户', visitedOn: TODAY, onBehalfReason: '补录' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
    }
    // The district organizer covers everyone.
    expect((await post('孙伟', { memberId: kit.idOf('李秀英'), place: '某户', visitedOn: TODAY, onBehalfReason: '补录' })).status).toBe(201);
  });

  it('lists one’s own visits, an organizer’s and a worker’s in scope, newest day first, with filters and paging', async () => {
    const mine = await list('张建国');
    expect(mine.total).toBeGreaterThanOrEqual(4);
    expect(new Set(mine.items.map((v) => v.member.id))).toEqual(new Set([kit.idOf('张建国')]));
    const days = mine.items.map((v) => v.visitedOn);
    expect(days).toEqual([...days].sort().reverse());

    const li = await list('李秀英');
    expect(new Set(li.items.map((v) => v.member.id))).toEqual(new Set([kit.idOf('李秀英')]));

    // 陈明 covers 区委组织部 (张建国), not 区税务局 (李秀英).
    const organizer = await list('陈明', '?pageSize=100');
    expect(organizer.items.some((v) => v.member.id === kit.idOf('张建国'))).toBe(true);
    expect(organizer.items.some((v) => v.member.id === kit.idOf('李秀英'))).toBe(false);
    // 刘芳 sees the visits of members registered with 向阳社区.
    const worker = await list('刘芳', '?pageSize=100');
    expect(worker.items.some((v) => v.member.id === kit.idOf('张建国'))).toBe(true);
    expect(worker.items.some((v) => v.member.id === kit.idOf('李秀英'))).toBe(false);
    const district = await list('孙伟', '?pageSize=100');
    expect(new Set(district.items.map((v) => v.member.id))).toEqual(new Set([kit.idOf('张建国'), kit.idOf('李秀英')]));

    const ofActivity = await list('孙伟', `?activityId=${returnHome}`);
    expect(ofActivity.items.every((v) => v.activity?.id === returnHome)).toBe(true);
    expect(ofActivity.total).toBe(3);
    const ofMember = await list('陈明', `?memberId=${kit.idOf('李秀英')}`);
    expect(ofMember.total).toBe(0);

    const paged = await list('张建国', '?pageSize=2&page=2');
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: mine.total });
    expect(paged.items.map((v) => v.id)).toEqual(mine.items.slice(2, 4).map((v) => v.id));

    const bad = await api().get('/api/v1/visits?activityId=nope').set(await kit.as('张建国'));
    expect(bad.status).toBe(400);
  });
});
