import type { MessageView, Page } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { MessagesService } from '../../src/modules/messages/messages.service.js';
import { ActivitySchedulerService, FINISH_AFTER_HOURS } from '../../src/modules/reminders/activity-scheduler.service.js';
import { MemberEntity } from '../../src/modules/org/entities/member.entity.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { insertActivity, insertSignups } from './activity-rows.js';
import { ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

const REMINDER_TEMPLATE = 'tmplActivityRemind01';
const PROMOTED_TEMPLATE = 'tmplActivityPromote1';
const ENV = {
  ...ORG_TEST_ENV,
  WECHAT_SUBSCRIBE_TEMPLATES: `activity_reminder:${REMINDER_TEMPLATE},activity_promoted:${PROMOTED_TEMPLATE}`,
  ACTIVITY_REMINDER_LEAD_MINUTES: '120',
};
const HOUR = 3600_000;
const LONG_TITLE = '二〇二六年春季向阳社区楼道环境整治与独居老人走访志愿服务';

describe.each(testDrivers())('activity reminders and finishing on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let scheduler: ActivitySchedulerService;
  let messages: MessagesService;
  const openid = { 张建国: 'oZhangJianguo000001', 李秀英: 'oLiXiuying00000002', 王志强: 'oWangZhiqiang00003' };

  beforeAll(async () => {
    t = await startTestApp(driver, ENV);
    kit = await orgKit(t);
    scheduler = t.app.get(ActivitySchedulerService);
    messages = t.app.get(MessagesService);
    for (const [name, id] of Object.entries(openid)) {
      await kit.ds.query('UPDATE members SET openid = ? WHERE id = ?', [id, kit.idOf(name)]);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const accept = async (name: string, templateId: string) =>
    api()
      .post('/api/v1/messages/subscriptions')
      .set({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() })
      .send({ templateIds: [templateId], accepted: [templateId] })
      .expect(200);
  const available = async (name: string, templateId: string): Promise<number> => {
    const rows: Array<{ available: number }> = await kit.ds.query(
      'SELECT available FROM subscribe_acceptances WHERE member_id = ? AND template_id = ?',
      [kit.idOf(name), templateId],
    );
    return rows.length ? Number(rows[0]!.available) : 0;
  };
  const inbox = async (name: string): Promise<MessageView[]> =>
    ((await api().get('/api/v1/messages?pageSize=50').set(await kit.as(name)).expect(200)).body as Page<MessageView>).items;
  const run = async (now: Date) => {
    const result = await scheduler.runOnce(now);
    await messages.idle();
    return result;
  };
  const deliveries = async (activityId: string): Promise<Array<{ member_id: string; message_id: string }>> =>
    kit.ds.query('SELECT member_id, message_id FROM reminder_deliveries WHERE activity_id = ? ORDER BY member_id', [activityId]);
  const pushLog = async (messageId: string): Promise<{ push_state: string; push_errcode: number | null; pushed_at: unknown }> =>
    (await kit.ds.query('SELECT push_state, push_errcode, pushed_at FROM messages WHERE id = ?', [messageId]))[0];

  it('reminds each confirmed participant once, pushes only where accepted, with the activity in the template', async () => {
    const now = new Date('2030-05-01T00:00:00Z');
    const startsAt = new Date(now.getTime() + HOUR); // 2030-05-01 09:00 in Beijing
    const activity = await insertActivity(kit.ds, kit.idOf('陈明'), { title: LONG_TITLE, place: '向阳社区活动中心二楼', startsAt });
    await insertSignups(kit.ds, activity.id, [kit.idOf('张建国'), kit.idOf('李秀英')]);
    await insertSignups(kit.ds, activity.id, [kit.idOf('王志强')], 'waitlisted');
    await insertSignups(kit.ds, activity.id, [kit.idOf('赵丽华')], 'cancelled');
    await accept('张建国', REMINDER_TEMPLATE);
    t.wechat.reset();

    const first = await run(now);
    expect(first).toMatchObject({ reminded: 2, skipped: 0 });
    // Exactly one push: 张建国 accepted, 李秀英 did not.
    const sent = t.wechat.sentMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      touser: openid.张建国,
      template_id: REMINDER_TEMPLATE,
      page: `packages/activity/detail/index?id=${activity.id}`,
      data: {
        thing1: { value: `${[...LONG_TITLE].slice(0, 19).join('')}…` },
        time2: { value: '2030-05-01 09:00' },
        thing3: { value: '向阳社区活动中心二楼' },
        thing4: { value: '请按时参加' },
      },
    });
    expect([...sent[0]!.data.thing1!.value]).toHaveLength(20);
    expect(await available('张建国', REMINDER_TEMPLATE)).toBe(0);

    // Everyone confirmed has the inbox row, linked to the activity; the waitlisted and the cancelled get nothing.
    for (const name of ['张建国', '李秀英']) {
      const reminders = (await inbox(name)).filter((m) => m.kind === 'activity_reminder');
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({ link: `packages/activity/detail/index?id=${activity.id}` });
      expect(reminders[0]!.body).toContain('5月1日 09:00');
    }
    for (const name of ['王志强', '赵丽华']) expect((await inbox(name)).filter((m) => m.kind === 'activity_reminder')).toHaveLength(0);

    // The delivery log: one row per person pointing at the inbox row, whose push outcome is recorded.
    const rows = await deliveries(activity.id);
    expect(rows.map((r) => r.member_id).sort()).toEqual([kit.idOf('张建国'), kit.idOf('李秀英')].sort());
    const byMember = new Map(rows.map((r) => [r.member_id, r.message_id]));
    expect(await pushLog(byMember.get(kit.idOf('张建国'))!)).toMatchObject({ push_state: 'sent', push_errcode: 0 });
    expect((await pushLog(byMember.get(kit.idOf('张建国'))!)).pushed_at).not.toBeNull();
    expect(await pushLog(byMember.get(kit.idOf('李秀英'))!)).toMatchObject({ push_state: 'skipped', push_errcode: null });

    // Later rounds (a restart, the next tick) send nothing again, even with a fresh acceptance.
    await accept('张建国', REMINDER_TEMPLATE);
    expect(await run(new Date(now.getTime() + 10 * 60_000))).toMatchObject({ reminded: 0 });
    expect(t.wechat.sentMessages()).toHaveLength(1);
    expect(await deliveries(activity.id)).toHaveLength(2);
    expect((await inbox('张建国')).filter((m) => m.kind === 'activity_reminder')).toHaveLength(1);
  });

  it('reminds neither too early, nor after the start, nor for a draft or cancelled activity', async () => {
    const now = new Date('2030-06-01T00:00:00Z');
    const later = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '三小时后的活动', startsAt: new Date(now.getTime() + 3 * HOUR) });
    const started = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '已开始的活动', startsAt: new Date(now.getTime() - 10 * 60_000) });
    const draft = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '草稿活动', status: 'draft', startsAt: new Date(now.getTime() + HOUR) });
    const cancelled = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '取消的活动', status: 'cancelled', startsAt: new Date(now.getTime() + HOUR) });
    for (const a of [later, started, draft, cancelled]) await insertSignups(kit.ds, a.id, [kit.idOf('王志强')]);

    expect(await run(now)).toMatchObject({ reminded: 0 });
    for (const a of [later, started, draft, cancelled]) expect(await deliveries(a.id)).toHaveLength(0);
    // Once the later one comes within the lead time, it is reminded.
    expect(await run(new Date(now.getTime() + 1.5 * HOUR))).toMatchObject({ reminded: 1 });
    expect((await deliveries(later.id)).map((r) => r.member_id)).toEqual([kit.idOf('王志强')]);
  });

  it('a refusal (43101) clears the acceptance; a field WeChat refuses (47003) gives it back', async () => {
    const now = new Date('2030-07-01T00:00:00Z');
    await accept('李秀英', REMINDER_TEMPLATE);
    const refused = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '被拒收的提醒', startsAt: new Date(now.getTime() + HOUR) });
    await insertSignups(kit.ds, refused.id, [kit.idOf('李秀英')]);
    t.wechat.reset();
    t.wechat.refuseSubscribe(openid.李秀英);
    expect(await run(now)).toMatchObject({ reminded: 1 });
    expect(t.wechat.subscribeAttempts().map((a) => [a.touser, a.errcode])).toEqual([[openid.李秀英, 43101]]);
    expect(t.wechat.sentMessages()).toHaveLength(0);
    expect(await available('李秀英', REMINDER_TEMPLATE)).toBe(0);
    const [refusedRow] = await deliveries(refused.id);
    expect(await pushLog(refusedRow!.message_id)).toMatchObject({ push_state: 'failed', push_errcode: 43101 });
    expect((await inbox('李秀英')).some((m) => m.body.includes('被拒收的提醒'))).toBe(true);

    // WeChat refuses a field (47003): a template mismatch on our side, so the person's acceptance is given back.
    t.wechat.allowSubscribe(openid.李秀英);
    await accept('李秀英', REMINDER_TEMPLATE);
    const invalid = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '字段不合规的提醒', startsAt: new Date(now.getTime() + 2 * HOUR) });
    await insertSignups(kit.ds, invalid.id, [kit.idOf('李秀英')]);
    t.wechat.addFault({ path: '/cgi-bin/message/subscribe/send', errcode: 47003, errmsg: 'argument invalid! data.time2.value invalid' });
    expect(await run(new Date(now.getTime() + HOUR))).toMatchObject({ reminded: 1 });
    expect(t.wechat.sentMessages()).toHaveLength(0);
    expect(await available('李秀英', REMINDER_TEMPLATE)).toBe(1);
    const [invalidRow] = await deliveries(invalid.id);
    expect(await pushLog(invalidRow!.message_id)).toMatchObject({ push_state: 'failed', push_errcode: 47003 });
  });

  it('sends activity_promoted with its activity fields through the same channel', async () => {
    const activity = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '候补转正的活动', place: '光明社区广场', startsAt: new Date('2030-08-01T06:30:00Z') });
    await accept('王志强', PROMOTED_TEMPLATE);
    t.wechat.reset();
    const { activityPushData, activityLink } = await import('../../src/modules/activities/activity-messages.js');
    await messages.send({
      memberId: kit.idOf('王志强'),
      kind: 'activity_promoted',
      title: '您已从候补转为正式报名',
      body: '“候补转正的活动”有了空位，您已正式报名。',
      link: activityLink(activity.id),
      pushData: activityPushData(activity, '已为您保留名额'),
    });
    await messages.idle();
    expect(t.wechat.sentMessages()).toEqual([
      expect.objectContaining({
        touser: openid.王志强,
        template_id: PROMOTED_TEMPLATE,
        data: {
          thing1: { value: '候补转正的活动' },
          time2: { value: '2030-08-01 14:30' },
          thing3: { value: '光明社区广场' },
          thing4: { value: '已为您保留名额' },
        },
      }),
    ]);
  });

  it('reminds many participants in batches, each once', async () => {
    const now = new Date('2030-09-01T00:00:00Z');
    const activity = await insertActivity(kit.ds, kit.idOf('陈明'), { title: '大型活动', startsAt: new Date(now.getTime() + HOUR) });
    const unitId = kit.unitIdOf('区委组织部');
    const repo = kit.ds.getRepository(MemberEntity);
    const people = Array.from({ length: 450 }, (_, i) => repo.create({ name: `批量党员${i}`, unitId, branchId: null, status: 'active' }));
    for (let i = 0; i < people.length; i += 100) await repo.insert(people.slice(i, i + 100));
    await insertSignups(kit.ds, activity.id, people.map((p) => p.id));
    expect(await run(now)).toMatchObject({ reminded: 450, skipped: 0 });
    expect(await deliveries(activity.id)).toHaveLength(450);
    const [{ n }] = await kit.ds.query("SELECT COUNT(*) AS n FROM messages WHERE kind = 'activity_reminder' AND link = ?", [
      `packages/activity/detail/index?id=${activity.id}`,
    ]);
    expect(Number(n)).toBe(450);
  });

  it('finishes published activities a few hours after their end, and leaves the sign-ups as they were', async () => {
    const now = new Date('2030-10-01T12:00:00Z');
    const ended = await insertActivity(kit.ds, kit.idOf('陈明'), {
      title: '早已结束的活动',
      startsAt: new Date(now.getTime() - (FINISH_AFTER_HOURS + 4) * HOUR),
      endsAt: new Date(now.getTime() - (FINISH_AFTER_HOURS + 1) * HOUR),
    });
    const justEnded = await insertActivity(kit.ds, kit.idOf('陈明'), {
      title: '刚结束的活动',
      startsAt: new Date(now.getTime() - 3 * HOUR),
      endsAt: new Date(now.getTime() - HOUR),
    });
    const cancelled = await insertActivity(kit.ds, kit.idOf('陈明'), {
      title: '取消后结束的活动',
      status: 'cancelled',
      startsAt: new Date(now.getTime() - 10 * HOUR),
      endsAt: new Date(now.getTime() - 8 * HOUR),
    });
    await insertSignups(kit.ds, ended.id, [kit.idOf('张建国')]);
    const status = async (id: string): Promise<string> => (await kit.ds.query('SELECT status FROM activities WHERE id = ?', [id]))[0].status;

    const result = await run(now);
    expect(result.finished).toBeGreaterThanOrEqual(1);
    expect(await status(ended.id)).toBe('finished');
    expect(await status(justEnded.id)).toBe('published');
    expect(await status(cancelled.id)).toBe('cancelled');
    // The organizer marks attendance; finishing does not.
    expect((await kit.ds.query('SELECT status FROM activity_signups WHERE activity_id = ?', [ended.id]))[0].status).toBe('confirmed');
    expect((await run(now)).finished).toBe(0);
  });
});

// Two backend instances on one database, running their rounds at the same moment.
// Defined only with MariaDB: SQLite runs one transaction at a time, so there is no race to show there.
if (testDrivers().includes('mysql')) describe('two scheduler instances on one MariaDB database', () => {
  const driver = 'mysql' as const;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp(driver, ENV);
    b = await startTestApp(driver, ENV, [], { db: a.db, wechat: a.wechat });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('sends each reminder exactly once when both run at once', async () => {
    const kit = await orgKit(a);
    const now = new Date('2031-01-01T00:00:00Z');
    const unitId = kit.unitIdOf('区委组织部');
    const repo = kit.ds.getRepository(MemberEntity);
    const people = Array.from({ length: 300 }, (_, i) => repo.create({ name: `并发党员${i}`, unitId, branchId: null, status: 'active' }));
    await repo.insert(people);
    const activities = [];
    for (let i = 0; i < 3; i++) {
      const activity = await insertActivity(kit.ds, kit.idOf('陈明'), { title: `并发活动${i}`, startsAt: new Date(now.getTime() + (i + 1) * 20 * 60_000) });
      await insertSignups(kit.ds, activity.id, people.map((p) => p.id));
      activities.push(activity);
    }
    const runs = await Promise.all([
      a.app.get(ActivitySchedulerService).runOnce(now),
      b.app.get(ActivitySchedulerService).runOnce(now),
      a.app.get(ActivitySchedulerService).runOnce(now),
      b.app.get(ActivitySchedulerService).runOnce(now),
    ]);
    await a.app.get(MessagesService).idle();
    await b.app.get(MessagesService).idle();
    expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(900);
    const [{ n: deliveries }] = await kit.ds.query('SELECT COUNT(*) AS n FROM reminder_deliveries');
    expect(Number(deliveries)).toBe(900);
    const [{ n: inboxRows }] = await kit.ds.query("SELECT COUNT(*) AS n FROM messages WHERE kind = 'activity_reminder'");
    expect(Number(inboxRows)).toBe(900);
    const doubled = await kit.ds.query(
      "SELECT member_id, link, COUNT(*) AS n FROM messages WHERE kind = 'activity_reminder' GROUP BY member_id, link HAVING COUNT(*) > 1",
    );
    expect(doubled).toEqual([]);
  });
});
