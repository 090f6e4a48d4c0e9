import type { ApiErrorBody, MessageView, Page, SubscribeAcceptResponse, UnreadCountResponse } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import request from '../support/http.js';
import { MessagesService } from '../../src/modules/messages/messages.service.js';
import { PendingWorkRegistry } from '../../src/modules/messages/pending-work.registry.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

type Headers = Record<string, string>;

const TEMPLATES = { approved: 'tmplRegApproved01', rejected: 'tmplRegRejected01' };

describe.each(testDrivers())('messages (消息) over HTTP on %s', (driver) => {
  describe('the in-app inbox', () => {
    let t: TestApp;
    let kit: OrgKit;
    let messages: MessagesService;

    beforeAll(async () => {
      t = await startTestApp(driver, ORG_TEST_ENV);
      kit = await orgKit(t);
      messages = t.app.get(MessagesService);
    });
    afterAll(async () => {
      await t?.close();
    });

    const api = () => request(t.baseUrl);
    const as = async (name: string): Promise<Headers> => ({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() });
    const inbox = async (name: string, query = ''): Promise<Page<MessageView>> =>
      (await api().get(`/api/v1/messages${query}`).set(await as(name)).expect(200)).body as Page<MessageView>;
    const unread = async (name: string): Promise<UnreadCountResponse> =>
      (await api().get('/api/v1/messages/unread-count').set(await as(name)).expect(200)).body as UnreadCountResponse;
    const send = (name: string, title: string) =>
      messages.send({ memberId: kit.idOf(name), kind: 'system', title, body: `${title}的内容`, link: '/pages/mine/index' });

    it('needs a signed-in person', async () => {
      expect((await api().get('/api/v1/messages')).status).toBe(401);
      expect((await api().get('/api/v1/messages/unread-count')).status).toBe(401);
    });

    it("lists only the caller's own messages, newest first, with unread counts and paging", async () => {
      await send('张建国', '第一条');
      await send('张建国', '第二条');
      await send('张建国', '第三条');
      await send('李秀英', '别人的消息');
      const page = await inbox('张建国');
      expect(page).toMatchObject({ page: 1, pageSize: 20, total: 3 });
      expect(page.items.map((m) => m.title)).toEqual(['第三条', '第二条', '第一条']);
      expect(page.items[0]).toMatchObject({ kind: 'system', body: '第三条的内容', link: '/pages/mine/index', readAt: null });
      expect(await unread('张建国')).toEqual({ unread: 3 });
      const p2 = await inbox('张建国', '?page=2&pageSize=2');
      expect(p2.items.map((m) => m.title)).toEqual(['第一条']);
      expect((await inbox('李秀英')).items.map((m) => m.title)).toEqual(['别人的消息']);
    });

    it('marks one message read (once, harmlessly repeated) and only the owner may', async () => {
      const [newest] = (await inbox('张建国')).items;
      const other = await api().post(`/api/v1/messages/${newest!.id}/read`).set(await as('李秀英'));
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(HAN) });
      expect((await unread('张建国')).unread).toBe(3);

      const first = await api().post(`/api/v1/messages/${newest!.id}/read`).set(await as('张建国')).expect(200);
      const readAt = (first.body as MessageView).readAt;
      expect(readAt).not.toBeNull();
      const again = await api().post(`/api/v1/messages/${newest!.id}/read`).set(await as('张建国')).expect(200);
      expect((again.body as MessageView).readAt).toBe(readAt);
      expect((await unread('张建国')).unread).toBe(2);
      expect((await inbox('张建国', '?unread=true')).items.map((m) => m.title)).toEqual(['第二条', '第一条']);
      expect((await inbox('张建国', '?unread=false')).total).toBe(3);
    });

    it('marks all read for the caller only', async () => {
      const res = await api().post('/api/v1/messages/read-all').set(await as('张建国')).expect(200);
      expect(res.body).toEqual({ unread: 0 });
      expect((await inbox('张建国', '?unread=true')).total).toBe(0);
      expect((await unread('李秀英')).unread).toBe(1);
    });

    it('refuses bad query values with Chinese field messages', async () => {
      for (const query of ['?unread=maybe', '?pageSize=51', '?page=0']) {
        const res = await api().get(`/api/v1/messages${query}`).set(await as('张建国'));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ message: expect.stringMatching(HAN) }] });
      }
    });

    it("adds the worker's pending work from every registered counter, and only for workers", async () => {
      const before = await unread('刘芳');
      expect(before.pendingForWorker).toBe(0);
      const communityId: string = (await kit.ds.query("SELECT id FROM communities WHERE name = '向阳社区'"))[0].id;
      await api().post('/api/v1/registrations').set(await as('赵丽华')).send({ communityId }).expect(201);
      expect((await unread('刘芳')).pendingForWorker).toBe(1);
      // Split by queue as well, so the home page's tiles each show their own count from this one request.
      expect((await unread('刘芳')).pendingWork).toEqual({ registrations: 1, services: 0 });
      t.app.get(PendingWorkRegistry).register('test-queue', async (user) => (user.memberId === kit.idOf('刘芳') ? 4 : 0));
      expect((await unread('刘芳')).pendingForWorker).toBe(5);
      expect((await unread('赵丽华')).pendingForWorker).toBeUndefined();
      t.app.get(PendingWorkRegistry).register('test-queue', async () => 0);
    });

    it("writes nothing when the caller's transaction rolls back, and everything when it commits", async () => {
      const member = kit.idOf('王志强');
      await expect(
        kit.ds.transaction(async (m) => {
          await messages.send({ memberId: member, kind: 'system', title: '回滚', body: '不应出现' }, m);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await inbox('王志强')).total).toBe(0);
      await kit.ds.transaction(async (m) => {
        await messages.sendMany(
          [
            { memberId: member, kind: 'system', title: '提交一', body: '内容' },
            { memberId: member, kind: 'system', title: '提交二', body: '内容' },
          ],
          m,
        );
      });
      expect((await inbox('王志强')).total).toBe(2);
    });

    it('has no subscribe templates by default and never calls WeChat for the inbox', async () => {
      const res = await api().get('/api/v1/messages/subscriptions/templates').set(await as('张建国')).expect(200);
      expect(res.body).toEqual({ templates: [] });
      await messages.idle();
      expect(t.wechat.callCount('/cgi-bin/message/subscribe/send')).toBe(0);
      const rows: Array<{ push_state: string }> = await kit.ds.query('SELECT DISTINCT push_state FROM messages');
      expect(rows.map((r) => r.push_state)).toEqual(['none']);
    });
  });

  describe('WeChat subscribe messages where the person accepted one', () => {
    let t: TestApp;
    let kit: OrgKit;
    let messages: MessagesService;
    const openid = { 张建国: 'oZhangJianguo000001', 李秀英: 'oLiXiuying00000002' };

    beforeAll(async () => {
      t = await startTestApp(driver, {
        ...ORG_TEST_ENV,
        WECHAT_SUBSCRIBE_TEMPLATES: `registration_approved:${TEMPLATES.approved},registration_rejected:${TEMPLATES.rejected}`,
      });
      kit = await orgKit(t);
      messages = t.app.get(MessagesService);
      for (const [name, id] of Object.entries(openid)) {
        await kit.ds.query('UPDATE members SET openid = ? WHERE id = ?', [id, kit.idOf(name)]);
      }
    });
    afterAll(async () => {
      await t?.close();
    });

    const api = () => request(t.baseUrl);
    const as = async (name: string): Promise<Headers> => ({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() });
    const accept = async (name: string, templateIds: string[], accepted: string[]) =>
      api().post('/api/v1/messages/subscriptions').set(await as(name)).send({ templateIds, accepted });
    const available = async (name: string, templateId: string): Promise<number> => {
      const rows: Array<{ available: number }> = await kit.ds.query(
        'SELECT available FROM subscribe_acceptances WHERE member_id = ? AND template_id = ?',
        [kit.idOf(name), templateId],
      );
      return rows.length ? Number(rows[0]!.available) : 0;
    };
    const approvedFor = async (name: string, title: string) => {
      await messages.send({ memberId: kit.idOf(name), kind: 'registration_approved', title, body: `${title}：请按时参加社区服务活动` });
      await messages.idle();
    };
    const sent = () => t.wechat.sentMessages();
    const pushState = async (title: string): Promise<string> =>
      (await kit.ds.query('SELECT push_state FROM messages WHERE title = ?', [title]))[0].push_state;
    const inboxTitles = async (name: string): Promise<string[]> =>
      ((await api().get('/api/v1/messages?pageSize=50').set(await as(name)).expect(200)).body as Page<MessageView>).items.map(
        (m) => m.title,
      );

    it('lists the configured templates for the mini-program to request', async () => {
      const res = await api().get('/api/v1/messages/subscriptions/templates').set(await as('张建国')).expect(200);
      expect(res.body.templates).toEqual(
        expect.arrayContaining([
          { kind: 'registration_approved', templateId: TEMPLATES.approved },
          { kind: 'registration_rejected', templateId: TEMPLATES.rejected },
        ]),
      );
    });

    it('sends nothing to WeChat without an acceptance, but the inbox has the message', async () => {
      await approvedFor('张建国', '无订阅时的通知');
      expect(sent()).toHaveLength(0);
      expect(await pushState('无订阅时的通知')).toBe('skipped');
      expect(await inboxTitles('张建国')).toContain('无订阅时的通知');
    });

    it('a send of several messages at once pushes exactly the rows it wrote', async () => {
      await messages.sendMany([
        { memberId: kit.idOf('张建国'), kind: 'registration_approved', title: '一次发出的第一条', body: '报到申请已通过' },
        { memberId: kit.idOf('李秀英'), kind: 'registration_approved', title: '一次发出的第二条', body: '报到申请已通过' },
      ]);
      await messages.idle();
      // Neither person accepted a subscription: each row was looked at by the push and marked, none left queued.
      expect([await pushState('一次发出的第一条'), await pushState('一次发出的第二条')]).toEqual(['skipped', 'skipped']);
    });

    it('validates what requestSubscribeMessage answered', async () => {
      const stray = await accept('张建国', [TEMPLATES.approved], [TEMPLATES.rejected]);
      expect(stray.status).toBe(400);
      expect((stray.body as ApiErrorBody).details).toEqual([{ field: 'accepted', message: expect.stringMatching(HAN) }]);
      const tooMany = await accept('张建国', ['a', 'b', 'c', 'd'], []);
      expect(tooMany.status).toBe(400);
      expect(await available('张建国', TEMPLATES.approved)).toBe(0);
    });

    it('sends exactly once per acceptance, to the right person and template', async () => {
      const res = await accept('张建国', [TEMPLATES.approved, TEMPLATES.rejected], [TEMPLATES.approved]);
      expect(res.status).toBe(200);
      expect((res.body as SubscribeAcceptResponse).acceptances).toEqual([{ templateId: TEMPLATES.approved, available: 1 }]);

      await approvedFor('张建国', '报到申请已通过');
      expect(sent()).toHaveLength(1);
      expect(sent()[0]).toMatchObject({
        touser: openid.张建国,
        template_id: TEMPLATES.approved,
        data: { thing1: { value: '报到申请已通过' }, time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) } },
      });
      // The body is longer than WeChat's 20-character `thing` field: cut, never refused.
      expect([...sent()[0]!.data.thing2!.value].length).toBeLessThanOrEqual(20);
      expect(await pushState('报到申请已通过')).toBe('sent');
      expect(await available('张建国', TEMPLATES.approved)).toBe(0);

      await approvedFor('张建国', '第二次通知');
      expect(sent()).toHaveLength(1);
      expect(await pushState('第二次通知')).toBe('skipped');

      // Two acceptances allow two sends; an acceptance of another template does not count.
      await accept('张建国', [TEMPLATES.approved], [TEMPLATES.approved]);
      await accept('张建国', [TEMPLATES.approved, TEMPLATES.rejected], [TEMPLATES.approved, TEMPLATES.rejected]);
      expect(await available('张建国', TEMPLATES.approved)).toBe(2);
      await approvedFor('张建国', '第三次通知');
      await approvedFor('张建国', '第四次通知');
      await approvedFor('张建国', '第五次通知');
      expect(sent().map((m) => m.data.thing1!.value)).toEqual(['报到申请已通过', '第三次通知', '第四次通知']);
      expect(await available('张建国', TEMPLATES.rejected)).toBe(1);
    });

    it('does not send a kind without a template, nor to a person without an openid', async () => {
      const before = sent().length;
      await messages.send({ memberId: kit.idOf('张建国'), kind: 'system', title: '系统通知', body: '没有模板' });
      await messages.idle();
      expect(await pushState('系统通知')).toBe('none');
      await kit.ds.query('UPDATE members SET openid = NULL WHERE id = ?', [kit.idOf('王志强')]);
      await accept('王志强', [TEMPLATES.approved], [TEMPLATES.approved]);
      await approvedFor('王志强', '未绑定微信的人');
      expect(sent()).toHaveLength(before);
      expect(await pushState('未绑定微信的人')).toBe('skipped');
      // Not spent: it can still be used once the person binds WeChat.
      expect(await available('王志强', TEMPLATES.approved)).toBe(1);
    });

    it('keeps the inbox row when WeChat fails, and gives the unused acceptance back', async () => {
      await accept('李秀英', [TEMPLATES.approved], [TEMPLATES.approved]);
      const before = sent().length;
      t.wechat.addFault({ path: '/cgi-bin/message/subscribe/send', httpStatus: 502 });
      await approvedFor('李秀英', '微信故障时的通知');
      expect(sent()).toHaveLength(before);
      expect(await pushState('微信故障时的通知')).toBe('failed');
      expect(await inboxTitles('李秀英')).toContain('微信故障时的通知');
      expect(await available('李秀英', TEMPLATES.approved)).toBe(1);

      // The person switched the messages off in WeChat (43101): our count was wrong, it starts again from zero.
      t.wechat.refuseSubscribe(openid.李秀英);
      await approvedFor('李秀英', '用户已拒收');
      expect(await pushState('用户已拒收')).toBe('failed');
      expect(await available('李秀英', TEMPLATES.approved)).toBe(0);
      expect(await inboxTitles('李秀英')).toContain('用户已拒收');
    });

    it('pushes only after the writing transaction commits, and never for a rolled-back one', async () => {
      await accept('张建国', [TEMPLATES.approved], [TEMPLATES.approved]);
      const before = sent().length;
      await expect(
        kit.ds.transaction(async (m) => {
          await messages.send({ memberId: kit.idOf('张建国'), kind: 'registration_approved', title: '回滚的通知', body: '内容' }, m);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await messages.idle();
      expect(sent()).toHaveLength(before);
      expect(await available('张建国', TEMPLATES.approved)).toBe(1);

      await kit.ds.transaction(async (m) => {
        await messages.send({ memberId: kit.idOf('张建国'), kind: 'registration_approved', title: '提交后的通知', body: '内容' }, m);
        await messages.idle();
        expect(sent()).toHaveLength(before);
      });
      await messages.idle();
      expect(sent()).toHaveLength(before + 1);
      expect(sent().at(-1)!.data.thing1!.value).toBe('提交后的通知');
    });

    it('sends the registration decision through the same channel', async () => {
      await accept('张建国', [TEMPLATES.rejected], [TEMPLATES.rejected]);
      const had = await available('张建国', TEMPLATES.rejected);
      const communityId: string = (await kit.ds.query("SELECT id FROM communities WHERE name = '向阳社区'"))[0].id;
      const reg = await api().post('/api/v1/registrations').set(await as('张建国')).send({ communityId }).expect(201);
      await api()
        .post(`/api/v1/registrations/${reg.body.id}/reject`)
        .set(await as('刘芳'))
        .send({ reason: '请先核实住址' })
        .expect(200);
      await messages.idle();
      const last = sent().at(-1)!;
      expect(last).toMatchObject({ touser: openid.张建国, template_id: TEMPLATES.rejected, data: { thing1: { value: '报到申请未通过' } } });
      expect(await available('张建国', TEMPLATES.rejected)).toBe(had - 1);
    });
  });
});
