import type {
  ApiErrorBody,
  MyHoursResponse,
  Page,
  ServiceDayResponse,
  ServiceDecisionResponse,
  ServiceRecordView,
} from '@pioneer/shared-types';
import { serviceCredit, settleCredit } from '../../src/modules/hours/ledger.js';
import { ServiceRecordFlagEntity } from '../../src/modules/services/entities/service-record-flag.entity.js';
import { testDrivers } from '../support/test-database.js';
import { minutes, type Person, servicesFixture, type ServicesFixture, shanghaiMorning } from './services-fixture.js';

const DESCRIPTION = '帮助社区清理楼道杂物';

/** Proposed hours, the day's room, overlapping times, a member's totals and the resubmission of a rejected record. */
describe.each(testDrivers())('trusted hours and resubmission over HTTP on %s', (driver) => {
  let f: ServicesFixture;

  beforeAll(async () => {
    f = await servicesFixture(driver);
  });
  afterAll(async () => {
    await f?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const errorOf = (res: { body: unknown }) => res.body as ApiErrorBody;
  const view = (res: { body: unknown }) => res.body as ServiceRecordView;
  const endBody = (extra: Record<string, unknown> = {}) => ({ serviceType: 'care', description: DESCRIPTION, ...extra });
  const startAt = async (person: Person, when: Date): Promise<ServiceRecordView> => {
    f.at(when);
    return view(await f.start(person, { code: (await f.codeFor(f.communities.a)).code }).expect(201));
  };
  const mine = async (person: Person): Promise<ServiceRecordView[]> =>
    ((await f.get(person, '/api/v1/services/mine?pageSize=100').expect(200)).body as Page<ServiceRecordView>).items;
  const hours = async (person: Person): Promise<MyHoursResponse> =>
    (await f.get(person, '/api/v1/services/mine/hours').expect(200)).body as MyHoursResponse;
  const decide = async (body: object): Promise<ServiceDecisionResponse> =>
    (await f.post('刘芳', '/api/v1/services/decide', body).expect(200)).body as ServiceDecisionResponse;
  const flagDetail = async (recordId: string, flag: string): Promise<string | null> =>
    ((await f.ds.query('SELECT detail FROM service_record_flags WHERE record_id = ? AND flag = ?', [recordId, flag])) as Array<{
      detail: string | null;
    }>)[0]?.detail ?? null;

  describe('ending a visit', () => {
    it('a two-minute visit proposes 0.5 h; 1.5 h only with a 2–200 character reason, then flagged for the worker', async () => {
      const from = shanghaiMorning(2026, 9, 1);
      const started = await startAt('张建国', from);
      f.at(minutes(from, 2));
      const noReason = await f.end('张建国', started.id, endBody({ proposedHours: 1.5 })).expect(400);
      expect(errorOf(noReason)).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(errorOf(noReason).details).toEqual([
        { field: 'hoursReason', message: '申报时长超过实际时长（约 0.5 小时），请用 2–200 个字说明原因' },
      ]);
      const tooShort = await f.end('张建国', started.id, endBody({ proposedHours: 1.5, hoursReason: ' 忙 ' })).expect(400);
      expect((errorOf(tooShort).details as Array<{ field: string }>)[0]!.field).toBe('hoursReason');
      const steps = await f.end('张建国', started.id, endBody({ proposedHours: 1.2 })).expect(400);
      expect(errorOf(steps).details).toEqual([{ field: 'proposedHours', message: '申报时长应按 0.5 小时计' }]);
      const aboveCap = await f.end('张建国', started.id, endBody({ proposedHours: 8.5, hoursReason: '全天值守' })).expect(400);
      expect(errorOf(aboveCap).details).toEqual([{ field: 'proposedHours', message: '每天最多记 8 小时' }]);
      const ended = view(await f.end('张建国', started.id, endBody({ proposedHours: 1.5, hoursReason: '签到前已在楼道清理' })).expect(200));
      expect(ended).toMatchObject({
        status: 'pending',
        proposedHours: 1.5,
        hours: 0,
        hoursReason: '签到前已在楼道清理',
        flags: ['hours_above_duration'],
        resubmittedFrom: null,
        resubmittedAs: null,
      });
      expect(await flagDetail(ended.id, 'hours_above_duration')).toBe('实际约 0.5 小时，申报 1.5 小时');
      const queued = ((await f.get('刘芳', '/api/v1/services/queue?status=pending&pageSize=100').expect(200)).body as Page<ServiceRecordView>)
        .items.find((r) => r.id === ended.id);
      expect(queued).toMatchObject({ hoursReason: '签到前已在楼道清理', flags: ['hours_above_duration'] });
    });

    it('without a proposal a two-minute visit proposes 0.5 h, unflagged; a proposal at or below the duration needs no reason', async () => {
      const from = shanghaiMorning(2026, 9, 2);
      const first = await startAt('李秀英', from);
      f.at(minutes(from, 2));
      expect(view(await f.end('李秀英', first.id, endBody()).expect(200))).toMatchObject({ proposedHours: 0.5, hoursReason: null, flags: [] });
      const second = await startAt('李秀英', minutes(from, 60));
      f.at(minutes(from, 150));
      expect(view(await f.end('李秀英', second.id, endBody({ proposedHours: 1 })).expect(200))).toMatchObject({ proposedHours: 1, flags: [] });
    });

    it('refuses an end over the day’s room with "今日还可记 N 小时" beside the hours, and the visit stays open', async () => {
      const day = shanghaiMorning(2026, 9, 3);
      f.at(minutes(day, 10 * 60));
      await f
        .post('刘芳', '/api/v1/services/on-behalf', {
          memberIds: [f.ids['赵丽华']],
          communityId: f.communities.a,
          startedAt: minutes(day, -8 * 60).toISOString(),
          endedAt: minutes(day, -2 * 60).toISOString(),
          serviceType: 'volunteer',
          description: '社区义诊志愿服务',
          reason: '纸质签到表补录',
        })
        .expect(201);
      const started = await startAt('赵丽华', minutes(day, 10 * 60));
      f.at(minutes(day, 13 * 60));
      const day1 = (await f.get('赵丽华', '/api/v1/services/day').expect(200)).body as ServiceDayResponse;
      expect(day1).toMatchObject({ date: '2026-09-03', maxHoursPerDay: 8, members: [{ memberId: f.ids['赵丽华'], counted: 6, remaining: 2 }] });
      expect(day1.members[0]!.visits.map((v) => v.status)).toEqual(['confirmed', 'open']);
      const over = await f.end('赵丽华', started.id, endBody()).expect(422);
      expect(errorOf(over)).toMatchObject({
        code: 'SERVICE_DAILY_CAP',
        message: '今日还可记 2 小时（每天最多 8 小时），请调整申报时长',
        details: [{ field: 'proposedHours', message: '今日还可记 2 小时' }],
      });
      expect(((await f.get('赵丽华', '/api/v1/services/current').expect(200)).body as ServiceRecordView).id).toBe(started.id);
      expect(view(await f.end('赵丽华', started.id, endBody({ proposedHours: 2 })).expect(200)).proposedHours).toBe(2);
    });

    it('refuses an on-behalf entry over an open visit, and an end whose times overlap an entry made for the member', async () => {
      const from = shanghaiMorning(2026, 9, 4);
      const sheet = (start: Date, end: Date) => ({
        memberIds: [f.ids['陈明']],
        communityId: f.communities.a,
        startedAt: start.toISOString(),
        endedAt: end.toISOString(),
        serviceType: 'volunteer',
        description: '社区义诊志愿服务',
        reason: '纸质签到表补录',
      });
      f.at(minutes(from, 90));
      await f.post('刘芳', '/api/v1/services/on-behalf', sheet(from, minutes(from, 60))).expect(201);
      // An open visit from 11:00 blocks a sheet inside it.
      const open = await startAt('陈明', minutes(from, 120));
      f.at(minutes(from, 180));
      const refused = await f.post('刘芳', '/api/v1/services/on-behalf', sheet(minutes(from, 150), minutes(from, 165))).expect(409);
      expect(errorOf(refused)).toMatchObject({
        code: 'SERVICE_TIME_OVERLAP',
        details: [{ field: `memberIds.${f.ids['陈明']}`, message: '陈明当天 11:00–至今 已有服务记录' }],
      });
      expect(view(await f.end('陈明', open.id, endBody()).expect(200)).proposedHours).toBe(1);
      // A start kept offline at 09:30 and uploaded at 13:00 covers the 09:00–10:00 sheet: its end is refused.
      f.at(minutes(from, 30));
      const { code } = await f.codeFor(f.communities.a);
      f.at(minutes(from, 240));
      const late = view(await f.start('陈明', { code, offlineClaimedAt: minutes(from, 30).toISOString() }).expect(201));
      const end = await f.end('陈明', late.id, endBody()).expect(409);
      expect(errorOf(end)).toMatchObject({ code: 'SERVICE_TIME_OVERLAP' });
      expect(errorOf(end).message).toContain('09:00–10:00');
    });
  });

  describe('the day and the totals', () => {
    it('a worker sees each listed member of their communities; anyone else’s member is refused', async () => {
      const day = shanghaiMorning(2026, 9, 10);
      f.at(minutes(day, 60));
      const both = await f.get('刘芳', `/api/v1/services/day?date=2026-09-10&memberIds=${f.ids['张建国']},${f.ids['李秀英']}`).expect(200);
      expect((both.body as ServiceDayResponse).members.map((m) => [m.memberId, m.counted, m.remaining])).toEqual([
        [f.ids['张建国'], 0, 8],
        [f.ids['李秀英'], 0, 8],
      ]);
      // 王志强 is registered with 光明社区, which 刘芳 does not serve.
      const stranger = await f.get('刘芳', `/api/v1/services/day?memberIds=${f.ids['王志强']}`).expect(403);
      expect(errorOf(stranger).code).toBe('FORBIDDEN');
      // A member asking about someone else gets their own day.
      const own = (await f.get('张建国', `/api/v1/services/day?memberIds=${f.ids['李秀英']}`).expect(200)).body as ServiceDayResponse;
      expect(own.members.map((m) => m.memberId)).toEqual([f.ids['张建国']]);
      expect(own.date).toBe('2026-09-10');
      expect(errorOf(await f.get('张建国', '/api/v1/services/day?date=2026-13-01').expect(400)).code).toBe('VALIDATION_FAILED');
      expect(errorOf(await f.get('刘芳', '/api/v1/services/day?memberIds=nope').expect(400)).code).toBe('VALIDATION_FAILED');
    });

    it('counts confirmed and pending hours this month and this year (Asia/Shanghai); rejected and open count nothing', async () => {
      // 2026-10-01 08:30 in Shanghai is still 2026-09-30 in UTC: the month is Shanghai's.
      const now = new Date(Date.UTC(2026, 9, 1, 0, 30));
      f.at(now);
      const before = await hours('王志强');
      expect(before).toMatchObject({ monthKey: '2026-10', yearKey: '2026' });
      // Two visits in 光明社区: one in September (confirmed), one this month (pending); one rejected in October.
      const visitB = async (from: Date, length: number): Promise<ServiceRecordView> => {
        f.at(from);
        const started = view(await f.start('王志强', { code: (await f.codeFor(f.communities.b, '孙伟')).code }).expect(201));
        f.at(minutes(from, length));
        return view(await f.end('王志强', started.id, endBody({ code: (await f.codeFor(f.communities.b, '孙伟')).code })).expect(200));
      };
      const sept = await visitB(shanghaiMorning(2026, 9, 20), 120);
      const oct = await visitB(shanghaiMorning(2026, 10, 1, -90), 60);
      const oct2 = await visitB(shanghaiMorning(2026, 10, 1, -30), 30);
      // 光明社区 has no worker: 孙伟 cannot decide, so the status and its ledger line are written as a worker's
      // decision writes them (confirmed hours are read from the ledger).
      await f.ds.query("UPDATE service_records SET status = 'confirmed', hours = proposed_hours WHERE id = ?", [sept.id]);
      await f.ds.transaction((m) =>
        settleCredit(m, serviceCredit({ ...sept, memberId: f.ids['王志强'], serviceDate: '2026-09-20', status: 'confirmed', hours: sept.proposedHours }, f.ids['孙伟'], ''), now),
      );
      await f.ds.query("UPDATE service_records SET status = 'rejected' WHERE id = ?", [oct2.id]);
      f.at(now);
      expect(oct.proposedHours).toBe(1);
      const after = await hours('王志强');
      expect(after.month).toEqual({ confirmed: before.month.confirmed, pending: before.month.pending + 1 });
      expect(after.year).toEqual({ confirmed: before.year.confirmed + 2, pending: before.year.pending + 1 });
    });
  });

  describe('resubmitting a rejected record', () => {
    it('creates a linked pending record, keeps the first rejected, audits both ids, and counts once confirmed', async () => {
      // Today is 2026-11-02 in Shanghai; the visit was this morning.
      const from = shanghaiMorning(2026, 11, 2);
      const started = await startAt('李秀英', from);
      f.at(minutes(from, 60));
      const ended = view(await f.end('李秀英', started.id, endBody({ code: (await f.codeFor(f.communities.a)).code })).expect(200));
      f.at(minutes(from, 120));
      const totals0 = await hours('李秀英');
      expect((await decide({ ids: [ended.id], decision: 'reject', reason: '服务内容写得不清楚' })).decided).toEqual([ended.id]);
      const totals1 = await hours('李秀英');
      expect(totals1.month.pending).toBe(totals0.month.pending - 1);
      const rejected = (await mine('李秀英')).find((r) => r.id === ended.id)!;
      expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '服务内容写得不清楚', resubmittedAs: null });

      const noReason = await f.post('李秀英', `/api/v1/services/${ended.id}/resubmit`, {
        serviceType: 'environment',
        description: '清理三号楼楼道杂物并张贴提示',
        proposedHours: 2,
      });
      expect(noReason.status).toBe(400);
      expect((errorOf(noReason).details as Array<{ field: string }>)[0]!.field).toBe('hoursReason');
      expect(errorOf(await f.post('张建国', `/api/v1/services/${ended.id}/resubmit`, endBody({ proposedHours: 1 })).expect(404)).code).toBe('NOT_FOUND');

      const res = await f
        .post('李秀英', `/api/v1/services/${ended.id}/resubmit`, {
          serviceType: 'environment',
          description: '清理三号楼楼道杂物并张贴提示',
          proposedHours: 1,
        })
        .expect(201);
      const second = view(res);
      expect(second).toMatchObject({
        status: 'pending',
        community: { id: f.communities.a },
        startedAt: ended.startedAt,
        endedAt: ended.endedAt,
        startVerification: 'code',
        endVerification: 'code',
        serviceType: 'environment',
        description: '清理三号楼楼道杂物并张贴提示',
        proposedHours: 1,
        hours: 0,
        resubmittedFrom: ended.id,
        resubmittedAs: null,
      });
      expect(second.id).not.toBe(ended.id);
      const both = await mine('李秀英');
      expect(both.find((r) => r.id === ended.id)).toMatchObject({ status: 'rejected', resubmittedAs: second.id });
      const audits: Array<{ actor_id: string; target_id: string; detail: string }> = await f.ds.query(
        "SELECT actor_id, target_id, detail FROM audit_logs WHERE action = 'service.resubmit' AND target_id = ?",
        [second.id],
      );
      expect(audits).toHaveLength(1);
      expect(JSON.parse(audits[0]!.detail)).toMatchObject({ resubmittedFrom: ended.id, recordId: second.id });
      const queued = ((await f.get('刘芳', '/api/v1/services/queue?pageSize=100').expect(200)).body as Page<ServiceRecordView>).items;
      expect(queued.find((r) => r.id === second.id)).toMatchObject({ status: 'pending', resubmittedFrom: ended.id });
      expect(queued.find((r) => r.id === ended.id)).toMatchObject({ status: 'rejected', resubmittedAs: second.id });

      const totals2 = await hours('李秀英');
      expect(totals2.month).toEqual({ confirmed: totals1.month.confirmed, pending: totals1.month.pending + 1 });
      expect((await decide({ ids: [second.id], decision: 'confirm' })).decided).toEqual([second.id]);
      const totals3 = await hours('李秀英');
      expect(totals3.month).toEqual({ confirmed: totals1.month.confirmed + 1, pending: totals1.month.pending });
      expect(totals3.year).toEqual({ confirmed: totals1.year.confirmed + 1, pending: totals1.year.pending });

      // Once is all: the rejected record was resubmitted, and the new one is not rejected.
      const again = await f.post('李秀英', `/api/v1/services/${ended.id}/resubmit`, endBody({ proposedHours: 1 })).expect(409);
      expect(errorOf(again).code).toBe('SERVICE_NOT_RESUBMITTABLE');
      expect(errorOf(await f.post('李秀英', `/api/v1/services/${second.id}/resubmit`, endBody({ proposedHours: 1 })).expect(409)).code).toBe(
        'SERVICE_NOT_RESUBMITTABLE',
      );
      // The answered rejection is settled: still inside the undo window, the worker can neither undo nor correct it,
      // or the visit would wait (or count) twice.
      const undo = await f.post('刘芳', `/api/v1/services/${ended.id}/undo`, {}).expect(409);
      expect(errorOf(undo).message).toContain('重新提交');
      const correct = await f.post('刘芳', `/api/v1/services/${ended.id}/correct`, { decision: 'confirm', hours: 1, reason: '核实后确有服务' });
      expect(correct.status).toBe(409);
      expect((await mine('李秀英')).find((r) => r.id === ended.id)).toMatchObject({ status: 'rejected', resubmittedAs: second.id });
    });

    it('carries the first record’s flags, flags hours above the duration, and refuses more than the day’s room', async () => {
      const day = shanghaiMorning(2026, 11, 5);
      const started = await startAt('赵丽华', day);
      f.at(minutes(day, 30));
      const ended = view(await f.end('赵丽华', started.id, endBody({ proposedHours: 1, hoursReason: '签到前已开始服务' })).expect(200));
      expect(ended.flags).toEqual(['hours_above_duration']);
      await f.ds
        .getRepository(ServiceRecordFlagEntity)
        .insert({ recordId: ended.id, flag: 'geofence_outside', detail: '距社区中心约 400 米', createdAt: minutes(day, 30) });
      await decide({ ids: [ended.id], decision: 'reject', reason: '时长与签到记录不符' });
      // Seven hours confirmed later that day leave room for one.
      f.at(minutes(day, 12 * 60));
      await f
        .post('刘芳', '/api/v1/services/on-behalf', {
          memberIds: [f.ids['赵丽华']],
          communityId: f.communities.a,
          startedAt: minutes(day, 60).toISOString(),
          endedAt: minutes(day, 8 * 60).toISOString(),
          serviceType: 'volunteer',
          description: '社区义诊志愿服务',
          reason: '纸质签到表补录',
        })
        .expect(201);
      const over = await f.post('赵丽华', `/api/v1/services/${ended.id}/resubmit`, {
        serviceType: 'care',
        description: DESCRIPTION,
        proposedHours: 1.5,
        hoursReason: '签到前已开始服务',
      });
      expect(over.status).toBe(422);
      expect(errorOf(over).details).toEqual([{ field: 'proposedHours', message: '今日还可记 1 小时' }]);
      const ok = view(
        await f
          .post('赵丽华', `/api/v1/services/${ended.id}/resubmit`, { serviceType: 'care', description: DESCRIPTION, proposedHours: 1, hoursReason: '签到前已开始服务' })
          .expect(201),
      );
      expect(ok).toMatchObject({ hoursReason: '签到前已开始服务', flags: ['geofence_outside', 'hours_above_duration'] });
    });

    it('two resubmissions racing: exactly one wins, the other is told it was already resubmitted', async () => {
      const from = shanghaiMorning(2026, 11, 8);
      const started = await startAt('张建国', from);
      f.at(minutes(from, 60));
      const ended = view(await f.end('张建国', started.id, endBody()).expect(200));
      await decide({ ids: [ended.id], decision: 'reject', reason: '请补充服务内容' });
      const body = { serviceType: 'care', description: '为独居老人打扫房间并送去午饭', proposedHours: 1 };
      const responses = await Promise.all(Array.from({ length: 4 }, () => f.post('张建国', `/api/v1/services/${ended.id}/resubmit`, body)));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const r of responses.filter((x) => x.status === 409)) expect(errorOf(r).code).toBe('SERVICE_NOT_RESUBMITTABLE');
      const linked: Array<{ n: unknown }> = await f.ds.query('SELECT COUNT(*) AS n FROM service_records WHERE resubmitted_from = ?', [ended.id]);
      expect(Number(linked[0]!.n)).toBe(1);
    });
  });
});
