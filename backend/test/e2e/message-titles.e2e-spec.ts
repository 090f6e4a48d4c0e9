import type { MessageView, Page } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import request from '../support/http.js';
import { MessageTitles1764813700000 } from '../../src/database/migrations/1764813700000-message-titles.js';
import { MessageEntity } from '../../src/modules/messages/entities/message.entity.js';
import { MESSAGE_KIND_TITLES } from '../../src/modules/messages/message-titles.js';
import { MessagesService } from '../../src/modules/messages/messages.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS, HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

type Headers = Record<string, string>;

/** A title the inbox can lead with: Chinese words, more than a status word, never the informal 你. */
function expectGoodTitle(message: MessageView): void {
  expect({ title: message.title, ok: HAN.test(message.title) && message.title.trim().length >= 4 && !message.title.includes('你') }).toEqual({
    title: message.title,
    ok: true,
  });
}

describe.each(testDrivers())('every inbox message has a title, on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let messages: MessagesService;

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    messages = t.app.get(MessagesService);
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const as = async (name: string): Promise<Headers> => ({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() });
  const post = async (name: string, path: string, body: object = {}) => api().post(`/api/v1${path}`).set(await as(name)).send(body);
  const inbox = async (name: string): Promise<MessageView[]> =>
    ((await api().get('/api/v1/messages?pageSize=50').set(await as(name)).expect(200)).body as Page<MessageView>).items;

  it('gives a message sent without words the title of its kind', async () => {
    const member = kit.idOf('李秀英');
    await messages.send({ memberId: member, kind: 'service_rejected', title: '   ', body: '理由：时间填写有误' });
    await messages.send({ memberId: member, kind: 'system', title: '', body: '系统维护通知' });
    const titles = (await inbox('李秀英')).map((m) => m.title);
    expect(titles).toEqual([MESSAGE_KIND_TITLES.system, MESSAGE_KIND_TITLES.service_rejected]);
    for (const title of Object.values(MESSAGE_KIND_TITLES)) expect(title).not.toContain('你');
  });

  it('titles the messages of decisions and answers, addressed as 您', async () => {
    const communities: Array<{ id: string; name: string }> = await kit.ds.query('SELECT id, name FROM communities');
    const xiangyang = communities.find((c) => c.name === '向阳社区')!.id;
    const first = await post('赵丽华', '/registrations', { communityId: xiangyang });
    expect(first.status).toBe(201);
    expect((await post('刘芳', `/registrations/${first.body.id}/reject`, { reason: '住址不在向阳社区辖区' })).status).toBe(200);
    const second = await post('赵丽华', '/registrations', { communityId: xiangyang });
    expect(second.status).toBe(201);
    expect((await post('刘芳', `/registrations/${second.body.id}/approve`)).status).toBe(200);
    const suggestion = await post('赵丽华', '/suggestions', { content: '希望社区活动能多安排在周末。' });
    expect(suggestion.status).toBe(201);
    expect((await post('孙伟', `/suggestions/${suggestion.body.id}/reply`, { reply: '', status: 'in_progress' })).status).toBe(200);
    expect((await post('孙伟', `/suggestions/${suggestion.body.id}/reply`, { reply: '已与社区商量，下月起周末增开一场。' })).status).toBe(200);

    const received = await inbox('赵丽华');
    expect(received.map((m) => m.title)).toEqual(['您的意见建议已答复', '您的意见建议正在处理', '报到申请已通过', '报到申请未通过']);
    for (const message of received) {
      expectGoodTitle(message);
      expect(message.body.trim()).not.toBe('');
    }
  });

  it('fills the title of rows stored without one from their kind', async () => {
    const repo = kit.ds.getRepository(MessageEntity);
    const memberId = kit.idOf('王志强');
    const blank = (kind: MessageEntity['kind'], title: string) =>
      repo.create({ memberId, kind, title, body: '旧消息', link: null, readAt: null, pushState: 'none' });
    const rows = [blank('registration_approved', ''), blank('service_confirmed', '  '), blank('system', '已有标题')];
    await repo.insert(rows);
    const q = kit.ds.createQueryRunner();
    try {
      await new MessageTitles1764813700000().up(q);
    } finally {
      await q.release();
    }
    // One row per kind, so the rows are told apart by it.
    const titles = new Map((await repo.findBy({ memberId })).map((m) => [m.kind, m.title]));
    expect(rows.map((r) => titles.get(r.kind))).toEqual(['您的报到申请已通过', '您的服务记录已确认', '已有标题']);
  });
});
