import type { ApiErrorBody, ProblemDetail, ProblemOversight } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/modules/services/clock.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

// 督办: overdue problems counted per handling unit or community (a recount of the rows), a reminder to the handlers
// once a day, and duplicates left out of every count.
describe.each(testDrivers())('problem oversight (督办) on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let xiangyang: string;
  let clockNow = new Date();

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    xiangyang = (await kit.ds.query("SELECT id FROM communities WHERE name = '向阳社区'"))[0].id;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(clockNow));
  }, APP_START_TIMEOUT_MS);
  afterAll(() => t?.close());

  const api = () => request(t.baseUrl);
  const write = async (name: string, path: string, body: Record<string, unknown>) =>
    api().post(path).set({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() }).send(body);
  async function record(over: Record<string, unknown> = {}): Promise<ProblemDetail> {
    const res = await write('张建国', '/api/v1/problems', {
      residentName: '赵奶奶',
      residentConsent: true,
      communityId: xiangyang,
      category: 'winter_heating',
      description: `督办测试 ${randomUUID()}`,
      urgency: 'urgent',
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body as ProblemDetail;
  }
  const oversight = async (name: string): Promise<ProblemOversight> =>
    (await api().get('/api/v1/problems/oversight').set(await kit.as(name)).expect(200)).body as ProblemOversight;

  /** The same figures straight from the rows: open = registered, dispatched or in progress; overdue = past deadline. */
  async function recount(today: string): Promise<{ open: number; overdue: number }> {
    const [row] = await kit.ds.query(
      `SELECT COUNT(*) AS open, SUM(CASE WHEN deadline < ? THEN 1 ELSE 0 END) AS overdue
         FROM problems WHERE status IN ('registered', 'dispatched', 'in_progress')`,
      [today],
    );
    return { open: Number(row.open), overdue: Number(row.overdue ?? 0) };
  }

  it('counts open and overdue problems per handler, equal to a recount of the rows, duplicates left out', async () => {
    clockNow = new Date('2030-03-04T02:00:00Z'); // Monday 2030-03-04 in Beijing
    const toUnit = await record();
    const toCommunity = await record({ urgency: 'normal' });
    const original = await record({ description: '暖气不热，屋里太冷，老人怕冻着' });
    const duplicate = await record({ description: '暖气不热，屋里太冷，老人怕冻着', duplicateOf: original.id });
    expect(duplicate.status).toBe('duplicate');
    const tax = kit.unitIdOf('区税务局');
    expect((await write('孙伟', `/api/v1/problems/${toUnit.id}/actions`, { action: 'dispatch', handlingUnitId: tax })).status).toBe(200);
    expect(
      (await write('孙伟', `/api/v1/problems/${toCommunity.id}/actions`, { action: 'dispatch', handlingCommunityId: xiangyang })).status,
    ).toBe(200);

    clockNow = new Date('2030-03-06T02:00:00Z'); // Wednesday: the urgent ones (deadline Monday) are overdue
    const district = await oversight('孙伟');
    expect(district.today).toBe('2030-03-06');
    expect(district.totals).toEqual(await recount('2030-03-06'));
    const byName = new Map(district.rows.map((r) => [r.handler?.name ?? '未交办', r]));
    expect(byName.get('区税务局')).toMatchObject({ open: 1, overdue: 1 });
    // The normal one (3 working days: Thursday 7 March) is open and not yet overdue.
    expect(byName.get('向阳社区')).toMatchObject({ handler: { kind: 'community' } });
    expect(byName.get('向阳社区')!.overdue).toBe(byName.get('向阳社区')!.open - 1);
    // Most overdue first.
    const overdues = district.rows.map((r) => r.overdue);
    expect(overdues).toEqual([...overdues].sort((a, b) => b - a));
    // The duplicate counts as the original, once.
    const dupRows: Array<{ status: string }> = await kit.ds.query('SELECT status FROM problems WHERE id = ?', [duplicate.id]);
    expect(dupRows[0]!.status).toBe('duplicate');

    // A worker sees her communities' rows only; a plain member is refused.
    const worker = await oversight('刘芳');
    expect(worker.rows.every((r) => r.handler === null || r.handler.name === '向阳社区' || r.handler.kind === 'unit')).toBe(true);
    expect((await api().get('/api/v1/problems/oversight').set(await kit.as('张建国'))).status).toBe(403);
  });

  it('reminds the handlers once a day, on the timeline and in their inbox', async () => {
    clockNow = new Date('2030-04-01T02:00:00Z');
    const p = await record();
    const tax = kit.unitIdOf('区税务局');
    await write('孙伟', `/api/v1/problems/${p.id}/actions`, { action: 'dispatch', handlingUnitId: tax });
    // Nobody in the demo holds an organizer duty for 区税务局 yet; give 李秀英 one so a handler exists.
    await kit.ds.query("INSERT INTO role_assignments (id, member_id, role, scope_kind, scope_id) VALUES (?, ?, 'organizer', 'unit', ?)", [
      randomUUID(),
      kit.idOf('李秀英'),
      tax,
    ]);
    const inboxOf = async () =>
      ((await kit.ds.query("SELECT id FROM messages WHERE member_id = ? AND title = '群众问题督办提醒' AND link LIKE ?", [
        kit.idOf('李秀英'),
        `%id=${p.id}`,
      ])) as unknown[]).length;

    // Two reminders at once: one is sent.
    const both = await Promise.all([1, 2].map(() => write('孙伟', `/api/v1/problems/${p.id}/remind`, { note: '群众很着急' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((both.find((r) => r.status === 409)!.body as ApiErrorBody).code).toBe('PROBLEM_ALREADY_REMINDED');
    expect(await inboxOf()).toBe(1);
    const after = both.find((r) => r.status === 200)!.body as ProblemDetail;
    expect(after.timeline.filter((e) => e.action === 'remind')).toHaveLength(1);
    expect(after.timeline.find((e) => e.action === 'remind')!.note).toBe('群众很着急');

    // The recorder may not remind; the next day the district may again.
    expect((await write('张建国', `/api/v1/problems/${p.id}/remind`, {})).status).toBe(403);
    clockNow = new Date('2030-04-02T03:00:00Z');
    expect((await write('孙伟', `/api/v1/problems/${p.id}/remind`, {})).status).toBe(200);
    expect(await inboxOf()).toBe(2);

    // Resolved: nothing left to remind about.
    await write('李秀英', `/api/v1/problems/${p.id}/actions`, { action: 'resolve', note: '已协调办理' });
    clockNow = new Date('2030-04-03T03:00:00Z');
    const done = await write('孙伟', `/api/v1/problems/${p.id}/remind`, {});
    expect(done.status).toBe(409);
    expect((done.body as ApiErrorBody).code).toBe('PROBLEM_STATE_INVALID');
  });
});
