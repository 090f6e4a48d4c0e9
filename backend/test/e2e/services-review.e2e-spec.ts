import type {
  ApiErrorBody,
  FlagSummaryResponse,
  MessageView,
  Page,
  ServiceDecisionResponse,
  ServiceRecordView,
  UnreadCountResponse,
} from '@pioneer/shared-types';
import { SERVICE_FLAGS } from '@pioneer/shared-types';
import { testDrivers } from '../support/test-database.js';
import { LAT_PER_M, minutes, type Person, servicesFixture, type ServicesFixture, shanghaiMorning, XIANGYANG } from './services-fixture.js';

const DECIDE = '/api/v1/services/decide';
const OFFLINE_NEEDS_HOURS = '该记录为离线补传，请核实手机记录的时间并填写核定时长后再确认';

describe.each(testDrivers())('service review over HTTP on %s', (driver) => {
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
  const decide = async (person: Person, body: object): Promise<ServiceDecisionResponse> =>
    (await f.post(person, DECIDE, body).expect(200)).body as ServiceDecisionResponse;
  const queue = async (person: Person, query = ''): Promise<Page<ServiceRecordView>> =>
    (await f.get(person, `/api/v1/services/queue?pageSize=100${query}`).expect(200)).body as Page<ServiceRecordView>;
  const record = async (person: Person, id: string): Promise<ServiceRecordView> => {
    const mine = (await f.get(person, '/api/v1/services/mine?pageSize=100').expect(200)).body as Page<ServiceRecordView>;
    const found = mine.items.find((r) => r.id === id);
    if (!found) throw new Error(`record ${id} not in ${person}'s list`);
    return found;
  };
  const inbox = async (person: Person): Promise<MessageView[]> =>
    ((await f.get(person, '/api/v1/messages?pageSize=50').expect(200)).body as Page<MessageView>).items;
  const audits = async (action: string, targetId: string): Promise<Array<{ actor_id: string; detail: string }>> =>
    f.ds.query('SELECT actor_id, detail FROM audit_logs WHERE action = ? AND target_id = ?', [action, targetId]);
  const rawCoordinates = async (id: string) =>
    ((await f.ds.query('SELECT start_lat, start_lng, start_accuracy_m, distance_m FROM service_records WHERE id = ?', [id])) as Array<
      Record<string, unknown>
    >)[0]!;
  /** A visit in 光明社区 (community B), whose code the district organizer can show. */
  const visitB = async (from: Date): Promise<ServiceRecordView> => {
    f.at(from);
    const code = (await f.codeFor(f.communities.b, '孙伟')).code;
    const started = (await f.start('王志强', { code }).expect(201)).body as ServiceRecordView;
    f.at(minutes(from, 60));
    return (await f.end('王志强', started.id, { serviceType: 'policy', description: '在光明社区宣讲惠民政策' }).expect(200))
      .body as ServiceRecordView;
  };
  /** A location start inside 向阳社区's fence, ended without a second scan. */
  const locatedVisit = async (person: Person, from: Date): Promise<ServiceRecordView> => {
    f.at(from);
    const location = { lat: XIANGYANG.lat + 120 * LAT_PER_M, lng: XIANGYANG.lng, accuracy: 25 };
    const started = (await f.start(person, { location }).expect(201)).body as ServiceRecordView;
    f.at(minutes(from, 75));
    return (await f.end(person, started.id, { serviceType: 'civility', description: '文明创建入户宣传' }).expect(200))
      .body as ServiceRecordView;
  };

  describe('hours count only when both ends are verified', () => {
    it('confirms a record scanned at both ends with the server’s hours; an end not scanned needs the worker’s hours', async () => {
      const day = shanghaiMorning(2026, 3, 10);
      const scanned = await f.visit('张建国', day, minutes(day, 120));
      expect(scanned).toMatchObject({ endVerification: 'code', proposedHours: 2 });
      const unscanned = await f.visit('李秀英', day, minutes(day, 90), { endCode: false });
      expect(unscanned).toMatchObject({ endVerification: null, proposedHours: 1.5 });

      f.at(minutes(day, 180));
      const first = await decide('刘芳', { ids: [scanned.id, unscanned.id], decision: 'confirm' });
      expect(first.decided).toEqual([scanned.id]);
      expect(first.skipped).toEqual([
        { id: unscanned.id, code: 'VALIDATION_FAILED', message: '该记录签退时未扫码核验，请填写核定时长后再确认' },
      ]);
      expect(await record('张建国', scanned.id)).toMatchObject({
        status: 'confirmed',
        hours: 2,
        endVerification: 'code',
        decidedBy: { id: f.ids['刘芳'], name: '刘芳' },
        decidedAt: minutes(day, 180).toISOString(),
      });
      expect(await record('李秀英', unscanned.id)).toMatchObject({ status: 'pending', hours: 0, endVerification: null });

      const second = await decide('刘芳', { ids: [unscanned.id], decision: 'confirm', hours: { [unscanned.id]: 1 } });
      expect(second).toMatchObject({ decided: [unscanned.id], skipped: [] });
      expect(await record('李秀英', unscanned.id)).toMatchObject({ status: 'confirmed', hours: 1, endVerification: 'worker' });
    });

    it('credits an offline claim only when a worker confirms it with hours, whatever verification its ends carry', async () => {
      const day = shanghaiMorning(2026, 4, 20);
      // Kept offline at the start with a code shown then, ended live with a second scan: both ends carry a code.
      const shownAt = f.at(day);
      const startCode = (await f.codeFor(f.communities.a)).code;
      f.at(minutes(shownAt, 30));
      const claimedStart = (await f.start('张建国', { code: startCode, offlineClaimedAt: shownAt.toISOString() }).expect(201))
        .body as ServiceRecordView;
      f.at(minutes(day, 150));
      const endCode = (await f.codeFor(f.communities.a)).code;
      const bothCoded = (await f.end('张建国', claimedStart.id, { serviceType: 'care', description: '走访慰问独居老人', code: endCode }).expect(200))
        .body as ServiceRecordView;
      expect(bothCoded).toMatchObject({ status: 'pending', startVerification: 'offline', endVerification: 'code', proposedHours: 2.5, hours: 0, offlineClaim: true });

      // Started live, ended with a code kept on the phone and uploaded later.
      const live = f.at(minutes(day, 4 * 60));
      const liveStart = (await f.start('李秀英', { code: (await f.codeFor(f.communities.a)).code }).expect(201)).body as ServiceRecordView;
      const endShown = f.at(minutes(live, 60));
      const keptCode = (await f.codeFor(f.communities.a)).code;
      f.at(minutes(live, 120));
      const claimedEnd = (
        await f
          .end('李秀英', liveStart.id, { serviceType: 'care', description: '走访慰问独居老人', code: keptCode, offlineClaimedAt: endShown.toISOString() })
          .expect(200)
      ).body as ServiceRecordView;
      expect(claimedEnd).toMatchObject({ startVerification: 'code', endVerification: 'offline', proposedHours: 1, hours: 0, offlineClaim: true });

      // The worker's queue marks both as offline claims, and a scanned visit as not one.
      const scanned = await f.visit('赵丽华', minutes(day, 5 * 60), minutes(day, 6 * 60));
      const pending = (await queue('刘芳', '&status=pending')).items;
      expect(pending.find((r) => r.id === claimedStart.id)?.offlineClaim).toBe(true);
      expect(pending.find((r) => r.id === claimedEnd.id)?.offlineClaim).toBe(true);
      expect(pending.find((r) => r.id === scanned.id)?.offlineClaim).toBe(false);

      // A confirmation without hours credits nothing: the worker must look at the claimed times and give the hours.
      f.at(minutes(day, 8 * 60));
      const blind = await decide('刘芳', { ids: [claimedStart.id, claimedEnd.id], decision: 'confirm' });
      expect(blind.decided).toEqual([]);
      expect(blind.skipped).toEqual([
        { id: claimedStart.id, code: 'VALIDATION_FAILED', message: OFFLINE_NEEDS_HOURS },
        { id: claimedEnd.id, code: 'VALIDATION_FAILED', message: OFFLINE_NEEDS_HOURS },
      ]);
      const credited: Array<{ hours: string | number; status: string }> = await f.ds.query(
        'SELECT hours, status FROM service_records WHERE id IN (?, ?)',
        [claimedStart.id, claimedEnd.id],
      );
      expect(credited.map((r) => [Number(r.hours), r.status])).toEqual([
        [0, 'pending'],
        [0, 'pending'],
      ]);

      const vouched = await decide('刘芳', {
        ids: [claimedStart.id, claimedEnd.id],
        decision: 'confirm',
        hours: { [claimedStart.id]: 2, [claimedEnd.id]: 1 },
      });
      expect(vouched).toMatchObject({ decided: [claimedStart.id, claimedEnd.id], skipped: [] });
      expect(await record('张建国', claimedStart.id)).toMatchObject({ status: 'confirmed', hours: 2, offlineClaim: true });
      expect(await record('李秀英', claimedEnd.id)).toMatchObject({ status: 'confirmed', hours: 1, offlineClaim: true });
    });

    it('refuses worker hours that are not half-hour steps or exceed the daily limit', async () => {
      const day = shanghaiMorning(2026, 3, 11);
      const rec = await f.visit('李秀英', day, minutes(day, 60), { endCode: false });
      const steps = await f.post('刘芳', DECIDE, { ids: [rec.id], decision: 'confirm', hours: { [rec.id]: 0.3 } }).expect(400);
      expect(errorOf(steps).details).toEqual([{ field: 'hours', message: '核定时长应按 0.5 小时计，且大于 0' }]);
      const tooMany = await f.post('刘芳', DECIDE, { ids: [rec.id], decision: 'confirm', hours: { [rec.id]: 8.5 } }).expect(400);
      expect(errorOf(tooMany).details).toEqual([{ field: `hours.${rec.id}`, message: '核定时长不能超过每日上限 8 小时' }]);
      // Seven hours already credited that day leave room for one.
      f.at(minutes(day, 10 * 60));
      const entered = await f.post('刘芳', '/api/v1/services/on-behalf', {
        memberIds: [f.ids['李秀英']],
        communityId: f.communities.a,
        startedAt: minutes(day, 120).toISOString(),
        endedAt: minutes(day, 120 + 7 * 60).toISOString(),
        serviceType: 'volunteer',
        description: '社区义诊志愿服务',
        reason: '纸质签到表补录',
      });
      expect(entered.status).toBe(201);
      const over = await decide('刘芳', { ids: [rec.id], decision: 'confirm', hours: { [rec.id]: 1.5 } });
      expect(over.skipped).toEqual([{ id: rec.id, code: 'VALIDATION_FAILED', message: '该党员当日已计入 7 小时，核定时长不能超过 1 小时' }]);
      expect((await decide('刘芳', { ids: [rec.id], decision: 'confirm', hours: { [rec.id]: 1 } })).decided).toEqual([rec.id]);
    });
  });

  it('drops the raw coordinates once a record is reviewed, keeping the distance', async () => {
    const confirmed = await locatedVisit('赵丽华', shanghaiMorning(2026, 3, 12));
    const rejected = await locatedVisit('赵丽华', shanghaiMorning(2026, 3, 13));
    for (const id of [confirmed.id, rejected.id]) {
      const before = await rawCoordinates(id);
      expect(before.start_lat).not.toBeNull();
      expect(before.start_lng).not.toBeNull();
      expect(Number(before.start_accuracy_m)).toBe(25);
    }
    await decide('刘芳', { ids: [confirmed.id], decision: 'confirm', hours: { [confirmed.id]: 1 } });
    await decide('刘芳', { ids: [rejected.id], decision: 'reject', reason: '当天社区未安排该项服务' });
    for (const id of [confirmed.id, rejected.id]) {
      const after = await rawCoordinates(id);
      expect(after).toMatchObject({ start_lat: null, start_lng: null, start_accuracy_m: null });
      expect(Number(after.distance_m)).toBe(120);
    }
    expect(await record('赵丽华', confirmed.id)).toMatchObject({ status: 'confirmed', distanceM: 120, startVerification: 'geofence' });
    expect(await record('赵丽华', rejected.id)).toMatchObject({ status: 'rejected', hours: 0, decisionReason: '当天社区未安排该项服务' });
  });

  it('a reject needs a reason; every decision is audited and reaches the member’s inbox with the reason', async () => {
    const day = shanghaiMorning(2026, 3, 14);
    const toReject = await f.visit('陈明', day, minutes(day, 60));
    const toConfirm = await f.visit('陈明', minutes(day, 120), minutes(day, 210));
    for (const reason of [undefined, '   ']) {
      const res = await f.post('刘芳', DECIDE, { ids: [toReject.id], decision: 'reject', ...(reason === undefined ? {} : { reason }) }).expect(400);
      expect(errorOf(res).details).toEqual([{ field: 'reason', message: '退回时请填写理由' }]);
    }
    expect(errorOf(await f.post('刘芳', DECIDE, { ids: [], decision: 'confirm' }).expect(400)).details).toEqual([
      { field: 'ids', message: '请选择要处理的记录' },
    ]);
    expect((await decide('刘芳', { ids: [toReject.id], decision: 'reject', reason: '签到时间与活动时间不符' })).decided).toEqual([toReject.id]);
    expect((await decide('刘芳', { ids: [toConfirm.id], decision: 'confirm', reason: '辛苦了' })).decided).toEqual([toConfirm.id]);

    const messages = await inbox('陈明');
    const rejected = messages.find((m) => m.kind === 'service_rejected');
    expect(rejected).toMatchObject({ title: '服务记录未通过', readAt: null });
    expect(rejected!.body).toContain('签到时间与活动时间不符');
    expect(rejected!.body).toContain('向阳社区');
    const confirmed = messages.find((m) => m.kind === 'service_confirmed');
    expect(confirmed).toMatchObject({ title: '服务记录已确认' });
    expect(confirmed!.body).toContain('1.5 小时');
    expect(confirmed!.body).toContain('向阳社区');

    const rejectAudit = await audits('service.reject', toReject.id);
    expect(rejectAudit).toHaveLength(1);
    expect(rejectAudit[0]!.actor_id).toBe(f.ids['刘芳']);
    expect(JSON.parse(rejectAudit[0]!.detail)).toMatchObject({ reason: '签到时间与活动时间不符', hours: 0 });
    expect(await audits('service.confirm', toConfirm.id)).toHaveLength(1);
  });

  it('skips what cannot be decided, each with its reason: own record, already decided, still open, unknown', async () => {
    const day = shanghaiMorning(2026, 3, 15);
    const own = await f.visit('刘芳', day, minutes(day, 60));
    const done = await f.visit('张建国', day, minutes(day, 60));
    await decide('刘芳', { ids: [done.id], decision: 'confirm' });
    f.at(minutes(day, 120));
    const open = (await f.start('赵丽华', { code: (await f.codeFor(f.communities.a)).code }).expect(201)).body as ServiceRecordView;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const result = await decide('刘芳', { ids: [own.id, done.id, open.id, unknown], decision: 'reject', reason: '核对有误' });
    expect(result.decided).toEqual([]);
    expect(result.skipped).toEqual([
      { id: own.id, code: 'OWN_RECORD', message: '不能审核自己的服务记录' },
      { id: done.id, code: 'ALREADY_DECIDED', message: '该记录已处理过' },
      { id: open.id, code: 'CONFLICT', message: '这条记录还没有签退，签退后才能确认' },
      { id: unknown, code: 'NOT_FOUND', message: '记录不存在' },
    ]);
    expect(await record('张建国', done.id)).toMatchObject({ status: 'confirmed' });
    f.at(minutes(day, 150));
    await f.end('赵丽华', open.id, { serviceType: 'care', description: '看望社区困难老人' }).expect(200);
    // Deciding is a worker's duty: organizers and members are turned away at the door.
    expect(errorOf(await f.post('孙伟', DECIDE, { ids: [own.id], decision: 'confirm' }).expect(403)).code).toBe('FORBIDDEN');
    expect(errorOf(await f.post('张建国', DECIDE, { ids: [own.id], decision: 'confirm' }).expect(403)).code).toBe('FORBIDDEN');
  });

  it("a worker scoped to community A neither sees nor confirms community B's records", async () => {
    const b = await visitB(shanghaiMorning(2026, 3, 16));
    const mineA = await queue('刘芳');
    expect(mineA.total).toBeGreaterThan(0);
    expect(mineA.items.every((r) => r.community.id === f.communities.a)).toBe(true);
    expect(mineA.items.map((r) => r.id)).not.toContain(b.id);
    expect((await queue('刘芳', `&communityId=${f.communities.b}`)).total).toBe(0);
    const tried = await decide('刘芳', { ids: [b.id], decision: 'confirm' });
    expect(tried).toMatchObject({ decided: [], skipped: [{ id: b.id, code: 'FORBIDDEN', message: '该记录不在您负责的社区' }] });
    expect(await record('王志强', b.id)).toMatchObject({ status: 'pending', decidedBy: null });

    // The district organizer and the admin see every community; a unit organizer sees their unit's members only.
    expect((await queue('孙伟', `&communityId=${f.communities.b}`)).items.map((r) => r.id)).toContain(b.id);
    expect((await queue('周平')).items.map((r) => r.id)).toContain(b.id);
    const unit = await queue('陈明');
    expect(unit.total).toBeGreaterThan(0);
    expect(unit.items.every((r) => [f.ids['张建国'], f.ids['陈明'], f.ids['孙伟']].includes(r.member.id))).toBe(true);
    expect(errorOf(await f.get('张建国', '/api/v1/services/queue').expect(403)).code).toBe('FORBIDDEN');
  });

  it('filters the queue by status and by flags', async () => {
    const day = shanghaiMorning(2026, 3, 17);
    f.at(day);
    const outside = { lat: XIANGYANG.lat + 800 * LAT_PER_M, lng: XIANGYANG.lng, accuracy: 20 };
    const flagged = (await f.start('李秀英', { location: outside }).expect(201)).body as ServiceRecordView;
    f.at(minutes(day, 60));
    await f.end('李秀英', flagged.id, { serviceType: 'care', description: '看望社区困难老人' }).expect(200);

    const onlyFlagged = await queue('刘芳', '&flagged=true&status=pending');
    expect(onlyFlagged.items.map((r) => r.id)).toContain(flagged.id);
    expect(onlyFlagged.items.every((r) => r.flags.length > 0 && r.status === 'pending')).toBe(true);
    const unflagged = await queue('刘芳', '&flagged=false');
    expect(unflagged.items.every((r) => r.flags.length === 0)).toBe(true);
    const confirmed = await queue('刘芳', '&status=confirmed');
    expect(confirmed.items.every((r) => r.status === 'confirmed')).toBe(true);
    const times = confirmed.items.map((r) => new Date(r.startedAt).getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(errorOf(await f.get('刘芳', '/api/v1/services/queue?flagged=maybe').expect(400)).details).toEqual([
      { field: 'flagged', message: 'flagged 只能是 true 或 false' },
    ]);
  });

  describe('entry on behalf (补录)', () => {
    const body = (over: Record<string, unknown> = {}) => ({
      memberIds: [f.ids['张建国'], f.ids['李秀英']],
      communityId: f.communities.a,
      startedAt: new Date('2026-03-18T06:00:00Z').toISOString(),
      endedAt: new Date('2026-03-18T08:20:00Z').toISOString(),
      serviceType: 'environment',
      description: '清理楼道堆放杂物',
      reason: '根据纸质签到表补录',
      ...over,
    });

    it('records one visit for several members, confirmed, verified by the worker, audited and told to each member', async () => {
      f.at(new Date('2026-03-19T01:00:00Z'));
      const res = await f.post('刘芳', '/api/v1/services/on-behalf', body()).expect(201);
      const records = res.body as ServiceRecordView[];
      expect(records.map((r) => r.member.name)).toEqual(['张建国', '李秀英']);
      for (const r of records) {
        expect(r).toMatchObject({
          status: 'confirmed',
          community: { id: f.communities.a, name: '向阳社区' },
          startVerification: 'worker',
          endVerification: 'worker',
          onBehalf: true,
          onBehalfReason: '根据纸质签到表补录',
          serviceType: 'environment',
          // 2 h 20 min rounds to 2.5 h.
          hours: 2.5,
          proposedHours: 2.5,
          decidedBy: { id: f.ids['刘芳'], name: '刘芳' },
          startedAt: '2026-03-18T06:00:00.000Z',
          endedAt: '2026-03-18T08:20:00.000Z',
        });
        const rows = await audits('service.on_behalf', r.id);
        expect(rows).toHaveLength(1);
        expect(rows[0]!.actor_id).toBe(f.ids['刘芳']);
        expect(JSON.parse(rows[0]!.detail)).toMatchObject({ memberId: r.member.id, reason: '根据纸质签到表补录' });
      }
      for (const person of ['张建国', '李秀英'] as const) {
        const message = (await inbox(person)).find((m) => m.title === '社区工作者为您补录了服务记录');
        expect(message).toMatchObject({ kind: 'service_confirmed' });
        expect(message!.body).toContain('2.5 小时');
      }
      // Already decided: nobody confirms it a second time.
      expect((await decide('刘芳', { ids: [records[0]!.id], decision: 'reject', reason: '重复' })).skipped[0]!.code).toBe('ALREADY_DECIDED');
    });

    it('refuses a sheet over a member’s room for the day or overlapping their times, naming each member, writing nothing', async () => {
      f.at(new Date('2026-03-21T12:00:00Z'));
      const long = body({
        memberIds: [f.ids['赵丽华']],
        startedAt: '2026-03-21T00:00:00Z',
        endedAt: '2026-03-21T07:00:00Z',
      });
      expect(((await f.post('刘芳', '/api/v1/services/on-behalf', long).expect(201)).body as ServiceRecordView[])[0]!.hours).toBe(7);
      const count = async () => Number(((await f.ds.query('SELECT COUNT(*) AS n FROM service_records')) as Array<{ n: unknown }>)[0]!.n);
      const before = await count();
      const zhao = f.ids['赵丽华'];
      const zhang = f.ids['张建国'];
      // 16:00–19:00 in Shanghai: 赵丽华 has room for 1 hour only; 张建国 has room.
      const more = body({ memberIds: [zhang, zhao], startedAt: '2026-03-21T08:00:00Z', endedAt: '2026-03-21T11:00:00Z' });
      const full = await f.post('刘芳', '/api/v1/services/on-behalf', more).expect(422);
      expect(errorOf(full)).toMatchObject({ code: 'SERVICE_DAILY_CAP', details: [{ field: `memberIds.${zhao}`, message: '赵丽华今日还可记 1 小时' }] });
      // 14:00–15:00 in Shanghai overlaps her 08:00–15:00, and passes the cap too: both said at once, in one message.
      const overlapping = body({ memberIds: [zhang, zhao], startedAt: '2026-03-21T06:00:00Z', endedAt: '2026-03-21T08:00:00Z' });
      const both = await f.post('刘芳', '/api/v1/services/on-behalf', overlapping).expect(409);
      expect(errorOf(both)).toMatchObject({
        code: 'SERVICE_TIME_OVERLAP',
        details: [{ field: `memberIds.${zhao}`, message: '赵丽华当天 08:00–15:00 已有服务记录，今日还可记 1 小时' }],
      });
      expect(await count()).toBe(before);
      const fits = body({ memberIds: [zhao], startedAt: '2026-03-21T08:00:00Z', endedAt: '2026-03-21T09:00:00Z' });
      expect(((await f.post('刘芳', '/api/v1/services/on-behalf', fits).expect(201)).body as ServiceRecordView[])[0]!.hours).toBe(1);
    });

    it('refuses members not registered there, the worker themself, another community, and bad times — writing nothing', async () => {
      f.at(new Date('2026-03-19T01:00:00Z'));
      const count = async () => ((await f.ds.query('SELECT COUNT(*) AS n FROM service_records WHERE on_behalf = ?', [true])) as Array<{ n: unknown }>)[0]!.n;
      const before = Number(await count());
      const stranger = await f.post('刘芳', '/api/v1/services/on-behalf', body({ memberIds: [f.ids['张建国'], f.ids['王志强']] })).expect(403);
      expect(errorOf(stranger)).toMatchObject({ code: 'REGISTRATION_REQUIRED', message: '王志强还没有在该社区报到，不能补录' });
      const self = await f.post('刘芳', '/api/v1/services/on-behalf', body({ memberIds: [f.ids['刘芳']] })).expect(403);
      expect(errorOf(self).code).toBe('OWN_RECORD');
      const other = await f.post('刘芳', '/api/v1/services/on-behalf', body({ communityId: f.communities.b, memberIds: [f.ids['王志强']] })).expect(403);
      expect(errorOf(other)).toMatchObject({ code: 'FORBIDDEN', message: '该社区不在您的工作范围内' });
      const backwards = await f.post('刘芳', '/api/v1/services/on-behalf', body({ endedAt: '2026-03-18T05:00:00Z' })).expect(400);
      expect(errorOf(backwards).details).toEqual([{ field: 'endedAt', message: '结束时间应晚于开始时间' }]);
      const future = await f.post('刘芳', '/api/v1/services/on-behalf', body({ endedAt: '2026-03-20T08:00:00Z' })).expect(400);
      expect(errorOf(future).details).toEqual([{ field: 'endedAt', message: '结束时间不能晚于当前时间' }]);
      const noReason = await f.post('刘芳', '/api/v1/services/on-behalf', body({ reason: ' ' })).expect(400);
      expect(errorOf(noReason).details).toEqual([{ field: 'reason', message: '请填写补录原因' }]);
      expect(errorOf(await f.post('孙伟', '/api/v1/services/on-behalf', body()).expect(403)).code).toBe('FORBIDDEN');
      expect(Number(await count())).toBe(before);
    });
  });

  it('counts flagged records per flag for organizers in their scope, and the worker’s pending work', async () => {
    const district = (await f.get('孙伟', '/api/v1/services/flags/summary').expect(200)).body as FlagSummaryResponse;
    const recount: Array<{ flag: string; n: unknown }> = await f.ds.query(
      'SELECT flag, COUNT(DISTINCT record_id) AS n FROM service_record_flags GROUP BY flag',
    );
    const expected = Object.fromEntries(
      SERVICE_FLAGS.map((flag) => [flag, Number(recount.find((r) => r.flag === flag)?.n ?? 0)]),
    );
    expect(district.counts).toEqual(expected);
    expect(district.counts.geofence_outside).toBeGreaterThan(0);
    // 李秀英's outside start belongs to 区税务局, outside 陈明's unit.
    const unit = (await f.get('陈明', '/api/v1/services/flags/summary').expect(200)).body as FlagSummaryResponse;
    expect(unit.counts.geofence_outside).toBe(0);
    expect(errorOf(await f.get('刘芳', '/api/v1/services/flags/summary').expect(403)).code).toBe('FORBIDDEN');

    const badge = (await f.get('刘芳', '/api/v1/messages/unread-count').expect(200)).body as UnreadCountResponse;
    const waiting: Array<{ n: unknown }> = await f.ds.query(
      `SELECT COUNT(*) AS n FROM service_records r WHERE r.community_id = ? AND r.member_id <> ?
         AND (r.status = 'pending' OR (r.status = 'open' AND EXISTS (SELECT 1 FROM service_record_flags x WHERE x.record_id = r.id)))`,
      [f.communities.a, f.ids['刘芳']],
    );
    expect(Number(waiting[0]!.n)).toBeGreaterThan(0);
    expect(badge.pendingForWorker).toBe(Number(waiting[0]!.n));
  });
});
