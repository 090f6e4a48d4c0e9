import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  MessageView,
  Page,
  ServiceDecisionResponse,
  ServiceRecordView,
  UnreadCountResponse,
} from '@pioneer/shared-types';
import { RoleAssignmentEntity } from '../../src/modules/org/entities/role-assignment.entity.js';
import { ServiceRecordFlagEntity } from '../../src/modules/services/entities/service-record-flag.entity.js';
import { testDrivers } from '../support/test-database.js';
import { minutes, type Person, servicesFixture, type ServicesFixture, shanghaiMorning } from './services-fixture.js';

const DECIDE = '/api/v1/services/decide';
const UNDO_MINUTES = 10;

describe.each(testDrivers())('queue filters, undo and correction over HTTP on %s', (driver) => {
  let f: ServicesFixture;

  beforeAll(async () => {
    f = await servicesFixture(driver);
    // A second worker of 向阳社区, so "another worker" can try to undo or correct 刘芳's decisions.
    await f.ds
      .getRepository(RoleAssignmentEntity)
      .insert({ id: randomUUID(), memberId: f.ids['赵丽华'], role: 'worker', scopeKind: 'community', scopeId: f.communities.a });
  });
  afterAll(async () => {
    await f?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const errorOf = (res: { body: unknown }) => res.body as ApiErrorBody;
  const queue = async (person: Person, query = ''): Promise<ServiceRecordView[]> =>
    ((await f.get(person, `/api/v1/services/queue?pageSize=100${query}`).expect(200)).body as Page<ServiceRecordView>).items;
  const inQueue = async (person: Person, id: string): Promise<ServiceRecordView> => {
    const found = (await queue(person)).find((r) => r.id === id);
    if (!found) throw new Error(`record ${id} not in ${person}'s queue`);
    return found;
  };
  const confirm = async (person: Person, ids: string[], hours?: Record<string, number>) =>
    (await f.post(person, DECIDE, { ids, decision: 'confirm', ...(hours ? { hours } : {}) }).expect(200)).body as ServiceDecisionResponse;
  const undo = (person: Person, id: string) => f.post(person, `/api/v1/services/${id}/undo`, {});
  const correct = (person: Person, id: string, body: object) => f.post(person, `/api/v1/services/${id}/correct`, body);
  const audits = async (action: string, targetId: string): Promise<Array<{ actor_id: string; detail: string }>> =>
    f.ds.query('SELECT actor_id, detail FROM audit_logs WHERE action = ? AND target_id = ?', [action, targetId]);
  const inbox = async (person: Person): Promise<MessageView[]> =>
    ((await f.get(person, '/api/v1/messages?pageSize=50').expect(200)).body as Page<MessageView>).items;
  const counts = async (person: Person) =>
    (await f.get(person, '/api/v1/messages/unread-count').expect(200)).body as UnreadCountResponse;

  describe('queue filters', () => {
    it('narrows the queue by service day and by one flag, and refuses days that are not days', async () => {
      const early = await f.visit('张建国', shanghaiMorning(2026, 4, 1), minutes(shanghaiMorning(2026, 4, 1), 60));
      const middle = await f.visit('李秀英', shanghaiMorning(2026, 4, 3), minutes(shanghaiMorning(2026, 4, 3), 60));
      const late = await f.visit('赵丽华', shanghaiMorning(2026, 4, 5), minutes(shanghaiMorning(2026, 4, 5), 60));
      await f.ds.getRepository(ServiceRecordFlagEntity).insert({ recordId: middle.id, flag: 'never_closed', detail: null });
      const ours = new Set([early.id, middle.id, late.id]);
      const ids = (rows: ServiceRecordView[]) => rows.map((r) => r.id).filter((id) => ours.has(id));

      expect(ids(await queue('刘芳', '&status=pending&dateFrom=2026-04-02&dateTo=2026-04-05'))).toEqual([late.id, middle.id]);
      expect(ids(await queue('刘芳', '&dateFrom=2026-04-01&dateTo=2026-04-01'))).toEqual([early.id]);
      expect(ids(await queue('刘芳', '&dateTo=2026-04-03'))).toEqual([middle.id, early.id]);
      const flagged = await queue('刘芳', `&flag=never_closed&communityId=${f.communities.a}`);
      expect(ids(flagged)).toEqual([middle.id]);
      expect(flagged.every((r) => r.flags.includes('never_closed'))).toBe(true);
      const page = (await f.get('刘芳', '/api/v1/services/queue?dateFrom=2026-04-01&dateTo=2026-04-05&pageSize=1').expect(200))
        .body as Page<ServiceRecordView>;
      expect(page).toMatchObject({ total: 3, page: 1, pageSize: 1 });

      const reversed = await f.get('刘芳', '/api/v1/services/queue?dateFrom=2026-04-05&dateTo=2026-04-01').expect(400);
      expect(errorOf(reversed)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'dateTo', message: '结束日期不能早于开始日期' }] });
      for (const [query, field] of [
        ['dateFrom=2026-02-30', 'dateFrom'],
        ['dateTo=2026-4-1', 'dateTo'],
        ['flag=suspicious', 'flag'],
      ] as const) {
        const res = await f.get('刘芳', `/api/v1/services/queue?${query}`).expect(400);
        expect(errorOf(res).details).toEqual([expect.objectContaining({ field, message: expect.stringMatching(/[\u4e00-\u9fff]/) })]);
      }
    });
  });

  describe('undo within the window', () => {
    it('lets the deciding worker put the record back to pending, tells the member, and counts it as waiting again', async () => {
      const day = shanghaiMorning(2026, 5, 4);
      const visit = await f.visit('张建国', day, minutes(day, 120));
      const decidedAt = f.at(minutes(day, 130));
      const answer = await confirm('刘芳', [visit.id]);
      expect(answer.decided).toEqual([visit.id]);
      // The answer carries each decided row as it is now, so the list can show the result and the undo in place.
      expect(answer.records).toEqual([
        expect.objectContaining({ id: visit.id, status: 'confirmed', undoableUntil: new Date(decidedAt.getTime() + UNDO_MINUTES * 60_000).toISOString() }),
      ]);
      const waitingBefore = (await counts('刘芳')).pendingWork!.services;

      f.at(minutes(day, 135));
      const mine = await inQueue('刘芳', visit.id);
      expect(mine).toMatchObject({ status: 'confirmed', hours: 2 });
      expect(mine.undoableUntil).toBe(new Date(decidedAt.getTime() + UNDO_MINUTES * 60_000).toISOString());
      // Another worker sees the decision but no undo: it is not theirs.
      expect((await inQueue('赵丽华', visit.id)).undoableUntil).toBeNull();

      const refused = await undo('赵丽华', visit.id).expect(403);
      expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本人') });
      expect((await inQueue('刘芳', visit.id)).status).toBe('confirmed');

      const undone = (await undo('刘芳', visit.id).expect(200)).body as ServiceRecordView;
      expect(undone).toMatchObject({ id: visit.id, status: 'pending', hours: 0, decidedBy: null, decidedAt: null, undoableUntil: null });
      const [entry] = await audits('service.undo', visit.id);
      expect(entry!.actor_id).toBe(f.ids['刘芳']);
      expect(JSON.parse(entry!.detail)).toMatchObject({ before: { status: 'confirmed', hours: 2 }, after: { status: 'pending', hours: 0 } });
      const told = (await inbox('张建国')).find((m) => m.title === '服务记录改为待确认');
      expect(told?.body).toContain('撤销了刚才的确认（计入 2 小时）');
      expect((await counts('刘芳')).pendingWork).toEqual({ registrations: 0, services: waitingBefore + 1 });

      // Undone once: a second undo finds nothing to undo, and the record can be decided afresh.
      expect(errorOf(await undo('刘芳', visit.id).expect(409)).code).toBe('CONFLICT');
      expect((await confirm('刘芳', [visit.id])).decided).toEqual([visit.id]);
    });

    it('refuses after the window with SERVICE_UNDO_EXPIRED and no longer offers it', async () => {
      const day = shanghaiMorning(2026, 5, 8);
      const visit = await f.visit('李秀英', day, minutes(day, 60));
      const decidedAt = f.at(minutes(day, 70));
      await f.post('刘芳', DECIDE, { ids: [visit.id], decision: 'reject', reason: '当天未在社区见到本人' }).expect(200);

      f.at(decidedAt.getTime() + UNDO_MINUTES * 60_000 - 1000);
      expect((await inQueue('刘芳', visit.id)).undoableUntil).not.toBeNull();
      f.at(decidedAt.getTime() + UNDO_MINUTES * 60_000);
      expect((await inQueue('刘芳', visit.id)).undoableUntil).toBeNull();
      const late = await undo('刘芳', visit.id).expect(409);
      expect(errorOf(late)).toMatchObject({ code: 'SERVICE_UNDO_EXPIRED', message: '已超过可撤销的时间，如需修改请填写更正理由' });
      expect((await inQueue('刘芳', visit.id)).status).toBe('rejected');
      expect(await audits('service.undo', visit.id)).toEqual([]);
    });
  });

  describe('correction after the window', () => {
    it('changes hours with a reason within the day’s cap, audits before and after, and tells the member', async () => {
      const day = shanghaiMorning(2026, 6, 2);
      const long = await f.visit('李秀英', day, minutes(day, 300));
      const short = await f.visit('李秀英', minutes(day, 360), minutes(day, 480));
      f.at(minutes(day, 500));
      expect((await confirm('刘芳', [long.id, short.id])).decided).toEqual([long.id, short.id]);
      f.at(minutes(day, 600));

      const blank = await correct('刘芳', short.id, { decision: 'confirm', hours: 3, reason: '好' }).expect(400);
      expect(errorOf(blank).details).toEqual([expect.objectContaining({ field: 'reason' })]);
      const capped = await correct('赵丽华', short.id, { decision: 'confirm', hours: 4, reason: '核对签到表后按实际时长更正' }).expect(422);
      expect(errorOf(capped)).toMatchObject({
        code: 'SERVICE_DAILY_CAP',
        details: [{ field: 'hours', message: '该党员当日已计入 5 小时，每日最多 8 小时，最多还可计入 3 小时' }],
      });
      const same = await correct('赵丽华', short.id, { decision: 'confirm', hours: 2, reason: '核对签到表' }).expect(400);
      expect(errorOf(same).message).toBe('更正后的结果与现在相同，无需更正');

      const corrected = (await correct('赵丽华', short.id, { decision: 'confirm', hours: 3, reason: '核对签到表后按实际时长更正' }).expect(200))
        .body as ServiceRecordView;
      expect(corrected).toMatchObject({ status: 'confirmed', hours: 3, decidedBy: { id: f.ids['赵丽华'] }, decisionReason: '核对签到表后按实际时长更正' });
      const [entry] = await audits('service.correct', short.id);
      expect(entry!.actor_id).toBe(f.ids['赵丽华']);
      expect(JSON.parse(entry!.detail)).toMatchObject({
        before: { status: 'confirmed', hours: 2, decidedBy: f.ids['刘芳'] },
        after: { status: 'confirmed', hours: 3 },
        reason: '核对签到表后按实际时长更正',
      });
      expect((await inbox('李秀英')).find((m) => m.title === '服务记录已更正')?.body).toContain('计入 3 小时。更正理由：核对签到表后按实际时长更正');

      const rejected = (await correct('刘芳', long.id, { decision: 'reject', reason: '经核实当天并未到社区服务' }).expect(200))
        .body as ServiceRecordView;
      expect(rejected).toMatchObject({ status: 'rejected', hours: 0 });
      expect(errorOf(await correct('刘芳', long.id, { decision: 'reject', hours: 1, reason: '经核实' }).expect(400)).details).toEqual([
        expect.objectContaining({ field: 'hours' }),
      ]);
    });

    it('refuses records still waiting, records outside the worker’s communities, and the worker’s own', async () => {
      const day = shanghaiMorning(2026, 6, 9);
      const waiting = await f.visit('张建国', day, minutes(day, 60));
      expect(errorOf(await correct('刘芳', waiting.id, { decision: 'reject', reason: '经核实未到' }).expect(409)).code).toBe('CONFLICT');
      const own = await f.visit('赵丽华', minutes(day, 120), minutes(day, 180));
      f.at(minutes(day, 200));
      expect((await confirm('刘芳', [own.id])).decided).toEqual([own.id]);
      expect(errorOf(await correct('赵丽华', own.id, { decision: 'reject', reason: '经核实未到' }).expect(403)).code).toBe('OWN_RECORD');
      expect(errorOf(await undo('赵丽华', own.id).expect(403)).code).toBe('FORBIDDEN');
      expect(errorOf(await correct('刘芳', '00000000-0000-4000-8000-000000000000', { decision: 'reject', reason: '经核实未到' }).expect(404)).code).toBe(
        'NOT_FOUND',
      );
    });
  });

  it('lets exactly one of a racing undo and correction change the record', async () => {
    for (const i of [0, 1, 2]) {
      const day = shanghaiMorning(2026, 7, 1 + i * 3);
      const visit = await f.visit('张建国', day, minutes(day, 90));
      f.at(minutes(day, 100));
      expect((await confirm('刘芳', [visit.id])).decided).toEqual([visit.id]);
      f.at(minutes(day, 102));
      // Both requests are sent before either answers.
      const [undoRes, correctRes] = await Promise.all([
        undo('刘芳', visit.id),
        correct('赵丽华', visit.id, { decision: 'reject', reason: `经核实未到（第 ${i + 1} 次）` }),
      ]);
      const wins = [undoRes!, correctRes!].filter((r) => r.status === 200);
      expect(wins).toHaveLength(1);
      const loser = [undoRes!, correctRes!].find((r) => r.status !== 200)!;
      expect([403, 409]).toContain(loser.status);
      const after = await inQueue('刘芳', visit.id);
      const undos = await audits('service.undo', visit.id);
      const corrections = await audits('service.correct', visit.id);
      if (undoRes!.status === 200) {
        expect(after).toMatchObject({ status: 'pending', hours: 0 });
        expect([undos.length, corrections.length]).toEqual([1, 0]);
      } else {
        expect(after).toMatchObject({ status: 'rejected', hours: 0, decidedBy: { id: f.ids['赵丽华'] } });
        expect([undos.length, corrections.length]).toEqual([0, 1]);
      }
    }
  });
});
