import type { ApiErrorBody, Page, ProblemContact, ProblemDetail, ProblemSummary } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/modules/services/clock.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

const NAME = '王桂兰';
const PHONE = '13912345678';
const ADDRESS = '向阳路18号3栋2单元501室';

describe.each(testDrivers())('residents’ problems (群众急难愁盼) over HTTP on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let xiangyang: string;

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    xiangyang = (await kit.ds.query("SELECT id FROM communities WHERE name = '向阳社区'"))[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const input = (over: Record<string, unknown> = {}) => ({
    residentName: NAME,
    residentPhone: PHONE,
    residentAddress: ADDRESS,
    residentConsent: true,
    communityId: xiangyang,
    category: 'medical',
    description: '老人行动不便，希望社区卫生服务站能上门量血压',
    urgency: 'normal',
    ...over,
  });
  const create = async (name: string, body: Record<string, unknown>, key = randomUUID()) =>
    api().post('/api/v1/problems').set({ ...(await kit.as(name)), 'Idempotency-Key': key }).send(body);
  const created = async (over: Record<string, unknown> = {}): Promise<ProblemDetail> => {
    const res = await create('张建国', input(over));
    expect(res.status).toBe(201);
    return res.body as ProblemDetail;
  };
  const act = async (name: string, id: string, body: Record<string, unknown>) =>
    api().post(`/api/v1/problems/${id}/actions`).set({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() }).send(body);
  const detail = async (name: string, id: string) => api().get(`/api/v1/problems/${id}`).set(await kit.as(name));
  const list = async (name: string, query = ''): Promise<Page<ProblemSummary>> =>
    (await api().get(`/api/v1/problems${query}`).set(await kit.as(name)).expect(200)).body as Page<ProblemSummary>;
  const contact = async (name: string, id: string) => api().post(`/api/v1/problems/${id}/contact`).set(await kit.as(name)).send({});
  const auditRows = async (action: string, id: string): Promise<number> =>
    ((await kit.ds.query('SELECT id FROM audit_logs WHERE action = ? AND target_id = ?', [action, id])) as unknown[]).length;
  const inbox = async (name: string, id: string): Promise<Array<{ title: string; link: string }>> =>
    kit.ds.query("SELECT title, link FROM messages WHERE member_id = ? AND kind = 'problem_update' AND link LIKE ?", [
      kit.idOf(name),
      `%id=${id}`,
    ]);

  describe('intake', () => {
    it('refuses without the resident’s consent (422)', async () => {
      const res = await create('张建国', input({ residentConsent: false }));
      expect(res.status).toBe(422);
      expect((res.body as ApiErrorBody).code).toBe('PROBLEM_CONSENT_REQUIRED');
    });

    it('needs exactly one of community and village (400, field-level)', async () => {
      for (const over of [{ village: '李家村' }, { communityId: null }]) {
        const res = await create('张建国', input(over));
        expect(res.status).toBe(400);
        expect((res.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
        expect(((res.body as ApiErrorBody).details as Array<{ field: string }>).map((d) => d.field)).toContain('communityId');
      }
      const bad = await create('张建国', input({ residentPhone: '12345' }));
      expect(bad.status).toBe(400);
    });

    it('a retry with the same Idempotency-Key answers the same problem and stores one row', async () => {
      const key = randomUUID();
      const description = `重复提交测试 ${randomUUID()}`;
      const first = await create('张建国', input({ description }), key);
      const second = await create('张建国', input({ description }), key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.id).toBe(first.body.id);
      const rows: unknown[] = await kit.ds.query('SELECT id FROM problems WHERE description = ?', [description]);
      expect(rows).toHaveLength(1);
      const events: unknown[] = await kit.ds.query("SELECT id FROM problem_events WHERE problem_id = ? AND action = 'register'", [first.body.id]);
      expect(events).toHaveLength(1);
    });

    it('records on behalf of a covered member, audited; refuses it for one not covered, and a visit not the recorder’s', async () => {
      const res = await create('陈明', input({ memberId: kit.idOf('张建国'), onBehalfReason: '纸质登记表补录' }));
      expect(res.status).toBe(201);
      expect(res.body.recorder.id).toBe(kit.idOf('张建国'));
      expect(res.body.onBehalf).toBe(true);
      expect(await auditRows('problem.on_behalf', res.body.id)).toBe(1);
      expect((await create('陈明', input({ memberId: kit.idOf('张建国') }))).status).toBe(400);
      expect((await create('李秀英', input({ memberId: kit.idOf('张建国'), onBehalfReason: '补录' }))).status).toBe(403);
      const visit = await create('张建国', input({ visitId: randomUUID() }));
      expect(visit.status).toBe(404);
    });

    it('tells the community’s worker a problem awaits dispatch', async () => {
      const p = await created();
      expect(p.status).toBe('registered');
      expect((await inbox('刘芳', p.id)).length).toBe(1);
    });

    it('records a duplicate of an open problem as duplicate, and refuses one of another category', async () => {
      const original = await created();
      const dup = await created({ duplicateOf: original.id });
      expect(dup.status).toBe('duplicate');
      expect(dup.duplicateOf).toBe(original.id);
      const wrong = await create('张建国', input({ duplicateOf: original.id, category: 'education_employment' }));
      expect(wrong.status).toBe(422);
      expect((wrong.body as ApiErrorBody).code).toBe('PROBLEM_DUPLICATE_INVALID');
    });
  });

  describe('masking and contact', () => {
    it('shows only masked name, phone and address in lists and detail', async () => {
      const p = await created();
      expect(p.residentName).not.toBe(NAME);
      expect(p.residentPhone).not.toBe(PHONE);
      expect(p.residentPhone).toBe('139****5678');
      expect(p.residentAddress).not.toBe(ADDRESS);
      expect(p.residentAddress).toBe('向阳路18号****');
      for (const [name, view] of [
        ['张建国', 'mine'],
        ['刘芳', 'handling'],
        ['孙伟', 'handling'],
      ] as const) {
        const page = await list(name, `?view=${view}&pageSize=100`);
        const row = page.items.find((i) => i.id === p.id);
        expect(row).toBeDefined();
        expect(row!.residentName).not.toBe(NAME);
        expect(JSON.stringify(page)).not.toContain(PHONE);
        expect(JSON.stringify(page)).not.toContain(ADDRESS);
        const d = await detail(name, p.id);
        expect(d.status).toBe(200);
        expect(JSON.stringify(d.body)).not.toContain(PHONE);
        expect(d.body.residentName).not.toBe(NAME);
      }
    });

    it('gives the full contact to dispatchers, one audit row per read; 403 to the recorder, 404 to an outsider', async () => {
      const p = await created();
      const first = await contact('刘芳', p.id);
      expect(first.status).toBe(200);
      expect(first.body as ProblemContact).toEqual({ residentName: NAME, residentPhone: PHONE, residentAddress: ADDRESS });
      expect(await auditRows('problem.contact_read', p.id)).toBe(1);
      expect((await contact('孙伟', p.id)).status).toBe(200);
      expect(await auditRows('problem.contact_read', p.id)).toBe(2);
      const mine = await contact('张建国', p.id);
      expect(mine.status).toBe(403);
      expect((mine.body as ApiErrorBody).code).toBe('FORBIDDEN');
      expect((await detail('张建国', p.id)).body.mayReadContact).toBe(false);
      const outsider = await contact('李秀英', p.id);
      expect(outsider.status).toBe(404);
      expect((await detail('李秀英', p.id)).status).toBe(404);
      expect((await act('李秀英', p.id, { action: 'answer', note: '已答复' })).status).toBe(404);
      expect(await auditRows('problem.contact_read', p.id)).toBe(2);
    });
  });

  describe('steps', () => {
    it('dispatch → start → resolve → follow_up, each step on the timeline and in the recorder’s inbox', async () => {
      const p = await created();
      const unit = kit.unitIdOf('区委组织部');
      const forbidden = await act('张建国', p.id, { action: 'dispatch', handlingUnitId: unit });
      expect(forbidden.status).toBe(403);
      const dispatched = await act('孙伟', p.id, { action: 'dispatch', handlingUnitId: unit });
      expect(dispatched.status).toBe(200);
      expect(dispatched.body.status).toBe('dispatched');
      expect(dispatched.body.handlingUnit).toEqual({ id: unit, name: '区委组织部' });
      expect((await inbox('陈明', p.id)).some((m) => m.title.includes('交给您'))).toBe(true);
      const handler = await detail('陈明', p.id);
      expect(handler.body.allowedActions).toEqual(expect.arrayContaining(['start', 'resolve', 'close']));
      expect((await act('陈明', p.id, { action: 'start' })).body.status).toBe('in_progress');
      const noNote = await act('陈明', p.id, { action: 'resolve' });
      expect(noNote.status).toBe(400);
      const resolved = await act('陈明', p.id, { action: 'resolve', note: '卫生服务站每周二上门' });
      expect(resolved.status).toBe(200);
      expect(resolved.body.resolution).toBe('卫生服务站每周二上门');
      expect((await act('孙伟', p.id, { action: 'follow_up', satisfaction: 7 })).status).toBe(400);
      const followed = await act('孙伟', p.id, { action: 'follow_up', satisfaction: 5, note: '群众很满意' });
      expect(followed.status).toBe(200);
      expect(followed.body.status).toBe('followed_up');
      expect(followed.body.satisfaction).toBe(5);
      const d = (await detail('张建国', p.id)).body as ProblemDetail;
      expect(d.timeline.map((e) => e.action)).toEqual(['register', 'dispatch', 'start', 'resolve', 'follow_up']);
      expect(d.timeline[4]!.satisfaction).toBe(5);
      const messages = await inbox('张建国', p.id);
      expect(messages).toHaveLength(4);
      expect(messages.every((m) => m.link === `/packages/problems/pages/detail/index?id=${p.id}`)).toBe(true);
    });

    it('the recorder answers on the spot; reopen needs a reason and clears the answer', async () => {
      const p = await created();
      const answered = await act('张建国', p.id, { action: 'answer', note: '已告知医保报销流程' });
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('answered');
      expect(answered.body.answer).toBe('已告知医保报销流程');
      expect((await inbox('张建国', p.id)).length).toBe(0);
      const row = async () => (await kit.ds.query('SELECT answered_at FROM problems WHERE id = ?', [p.id]))[0].answered_at;
      expect(await row()).not.toBeNull();
      expect((await act('张建国', p.id, { action: 'reopen' })).status).toBe(400);
      const reopened = await act('张建国', p.id, { action: 'reopen', note: '群众说还没解决' });
      expect(reopened.status).toBe(200);
      expect(reopened.body.status).toBe('registered');
      expect(reopened.body.answer).toBeNull();
      expect(await row()).toBeNull();
      const wrongState = await act('张建国', p.id, { action: 'reopen', note: '再次' });
      expect(wrongState.status).toBe(409);
      expect((wrongState.body as ApiErrorBody).code).toBe('PROBLEM_STATE_INVALID');
    });

    it('close requires a reason', async () => {
      const p = await created();
      await act('刘芳', p.id, { action: 'dispatch', handlingCommunityId: xiangyang }).then((r) => expect(r.status).toBe(200));
      expect((await act('刘芳', p.id, { action: 'close' })).status).toBe(400);
      const closed = await act('刘芳', p.id, { action: 'close', note: '涉及跨区事项，已向群众说明' });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed_unresolved');
      expect(closed.body.closeReason).toBe('涉及跨区事项，已向群众说明');
    });

    it('of two concurrent resolves exactly one succeeds and the other gets 409', async () => {
      const p = await created();
      await act('孙伟', p.id, { action: 'dispatch', handlingUnitId: kit.unitIdOf('区委组织部') });
      const results = await Promise.all([
        act('陈明', p.id, { action: 'resolve', note: '办结一' }),
        act('陈明', p.id, { action: 'resolve', note: '办结二' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const events: unknown[] = await kit.ds.query("SELECT id FROM problem_events WHERE problem_id = ? AND action = 'resolve'", [p.id]);
      expect(events).toHaveLength(1);
    });

    it('of answer and dispatch at once exactly one succeeds: each leaves the status the other starts from', async () => {
      const original = await created();
      const p = await created();
      const results = await Promise.all([
        act('孙伟', p.id, { action: 'dispatch', handlingUnitId: kit.unitIdOf('区委组织部') }),
        act('刘芳', p.id, { action: 'answer', note: '已当场答复' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('PROBLEM_STATE_INVALID');
      const events: unknown[] = await kit.ds.query("SELECT id FROM problem_events WHERE problem_id = ? AND action <> 'register'", [p.id]);
      expect(events).toHaveLength(1);
      expect((await act('孙伟', original.id, { action: 'link_duplicate', duplicateOf: original.id })).status).toBe(422);
      const linked = await act('孙伟', original.id, { action: 'link_duplicate', duplicateOf: (await created()).id });
      expect(linked.status).toBe(200);
      expect(linked.body.status).toBe('duplicate');
    });
  });

  describe('similar and deadline', () => {
    it('offers similar open problems of the same place and category', async () => {
      const description = `小区${randomUUID().slice(0, 4)}门口路灯坏了很久晚上看不见路`;
      const p = await created({ category: 'other', description });
      const res = await api()
        .post('/api/v1/problems/similar')
        .set(await kit.as('刘芳'))
        .send({ communityId: xiangyang, category: 'other', description: `${description.slice(0, 6)}门口的路灯坏了` });
      expect(res.status).toBe(200);
      expect((res.body as ProblemSummary[]).map((s) => s.id)).toContain(p.id);
      const outsider = await api()
        .post('/api/v1/problems/similar')
        .set(await kit.as('李秀英'))
        .send({ communityId: xiangyang, category: 'other', description });
      expect((outsider.body as ProblemSummary[]).map((s) => s.id)).not.toContain(p.id);
    });

    it('lists open problems past their deadline as overdue', async () => {
      const open = await created({ urgency: 'urgent' });
      const answered = await created({ urgency: 'urgent' });
      await act('张建国', answered.id, { action: 'answer', note: '已当场答复' });
      const spy = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date('2099-01-05T02:00:00Z'));
      try {
        const page = await list('张建国', '?view=mine&overdue=true&pageSize=100');
        const ids = page.items.map((i) => i.id);
        expect(ids).toContain(open.id);
        expect(ids).not.toContain(answered.id);
        expect(page.items.every((i) => i.overdue)).toBe(true);
      } finally {
        spy.mockRestore();
      }
      const now = await list('张建国', '?view=mine&overdue=true&pageSize=100');
      expect(now.items.map((i) => i.id)).not.toContain(open.id);
    });

    it('counts working days across a weekend and the district’s own days off', async () => {
      const spy = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date('2026-03-06T02:00:00Z'));
      try {
        const res = await api().get('/api/v1/problems/deadline?urgency=normal').set(await kit.as('张建国'));
        expect(res.body).toEqual({ urgency: 'normal', from: '2026-03-06', deadline: '2026-03-11' });
        const urgent = await api().get('/api/v1/problems/deadline?urgency=urgent&from=2026-03-08').set(await kit.as('张建国'));
        expect(urgent.body.deadline).toBe('2026-03-08');
        const p = await created({ urgency: 'normal' });
        expect(p.deadline).toBe('2026-03-11');
        const off = await api()
          .put('/api/v1/calendar-days/2026-03-09')
          .set({ ...(await kit.as('孙伟')), 'Idempotency-Key': randomUUID() })
          .send({ workday: false, label: '本区调休' });
        expect(off.status).toBe(200);
        expect(await auditRows('calendar.set', '2026-03-09')).toBe(1);
        const refused = await api()
          .put('/api/v1/calendar-days/2026-03-10')
          .set({ ...(await kit.as('陈明')), 'Idempotency-Key': randomUUID() })
          .send({ workday: false, label: '本区调休' });
        expect(refused.status).toBe(403);
        const later = await api().get('/api/v1/problems/deadline?urgency=normal').set(await kit.as('张建国'));
        expect(later.body.deadline).toBe('2026-03-12');
        const year = await api().get('/api/v1/calendar-days?year=2026').set(await kit.as('张建国'));
        expect(year.body).toEqual([{ day: '2026-03-09', workday: false, label: '本区调休' }]);
        const removed = await api()
          .delete('/api/v1/calendar-days/2026-03-09')
          .set({ ...(await kit.as('孙伟')), 'Idempotency-Key': randomUUID() });
        expect(removed.status).toBe(204);
        const back = await api().get('/api/v1/problems/deadline?urgency=normal').set(await kit.as('张建国'));
        expect(back.body.deadline).toBe('2026-03-11');
      } finally {
        spy.mockRestore();
      }
    });
  });
});
