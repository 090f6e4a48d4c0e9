import type { ApiErrorBody, Page, ServiceRecordView } from '@pioneer/shared-types';
import { AutoCloseService } from '../../src/modules/services/auto-close.service.js';
import { testDrivers } from '../support/test-database.js';
import { LAT_PER_M, minutes, type Person, servicesFixture, type ServicesFixture, shanghaiMorning, XIANGYANG } from './services-fixture.js';

const SLOT_MS = 15_000;
const DESCRIPTION = '协助社区开展垃圾分类宣传';
const OUTSIDE_WINDOW = '离线记录超过 4 小时，不能再上传，请联系社区工作者为您补录';

describe.each(testDrivers())('service check-in over HTTP on %s', (driver) => {
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
  const endBody = (extra: Record<string, unknown> = {}) => ({ serviceType: 'environment', description: DESCRIPTION, ...extra });
  /** Ends whatever the person has open, so each test starts clean. */
  const closeOpen = async (person: Person) => {
    const current = (await f.get(person, '/api/v1/services/current').expect(200)).body as ServiceRecordView | null;
    if (current && current.id) await f.end(person, current.id, endBody()).expect(200);
  };
  const rawCoordinates = async (id: string) =>
    ((await f.ds.query('SELECT start_lat, start_lng, start_accuracy_m FROM service_records WHERE id = ?', [id])) as Array<
      Record<string, unknown>
    >)[0]!;

  describe('the rotating code', () => {
    it('is shown to a worker of the community, an organizer or an admin, and changes with the slot', async () => {
      const t0 = f.at(shanghaiMorning(2026, 3, 2));
      const code = await f.codeFor(f.communities.a);
      expect(code).toMatchObject({ communityId: f.communities.a, communityName: '向阳社区', slotSeconds: 15 });
      expect(code.code).toMatch(new RegExp(`^v1\\.${f.communities.a}\\.\\d+\\.[A-Za-z0-9_-]{16}$`));
      expect(code.shortCode).toMatch(/^\d{6}$/);
      const expires = new Date(code.expiresAt).getTime();
      expect(expires).toBeGreaterThan(t0.getTime());
      expect(expires).toBeLessThanOrEqual(t0.getTime() + SLOT_MS);

      f.at(t0.getTime() + SLOT_MS);
      const next = await f.codeFor(f.communities.a);
      expect(next.code).not.toBe(code.code);

      await f.get('孙伟', `/api/v1/checkin/code?communityId=${f.communities.b}`).expect(200);
      await f.get('周平', `/api/v1/checkin/code?communityId=${f.communities.b}`).expect(200);
      const other = await f.get('刘芳', `/api/v1/checkin/code?communityId=${f.communities.b}`).expect(403);
      expect(errorOf(other).code).toBe('FORBIDDEN');
      const member = await f.get('张建国', `/api/v1/checkin/code?communityId=${f.communities.a}`).expect(403);
      expect(errorOf(member).code).toBe('FORBIDDEN');
      const bad = await f.get('刘芳', '/api/v1/checkin/code?communityId=nope').expect(400);
      expect(errorOf(bad)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'communityId', message: '请选择社区' }] });
    });

    it('starts a visit verified by the code, and accepts the previous slot too', async () => {
      const t0 = f.at(shanghaiMorning(2026, 3, 3));
      const code = await f.codeFor(f.communities.a);
      // One slot later the code is "previous": still accepted.
      f.at(t0.getTime() + SLOT_MS);
      const started = view(await f.start('张建国', { code: code.code }).expect(201));
      expect(started).toMatchObject({
        member: { id: f.ids['张建国'], name: '张建国' },
        community: { id: f.communities.a, name: '向阳社区' },
        status: 'open',
        startVerification: 'code',
        endVerification: null,
        distanceM: null,
        hours: 0,
        flags: [],
        onBehalf: false,
      });
      expect(started.startedAt).toBe(new Date(t0.getTime() + SLOT_MS).toISOString());
      const current = (await f.get('张建国', '/api/v1/services/current').expect(200)).body as ServiceRecordView;
      expect(current.id).toBe(started.id);
      await closeOpen('张建国');
      const none = await f.get('张建国', '/api/v1/services/current').expect(200);
      expect(none.text).toBe('null');
    });

    it('refuses a forged code', async () => {
      f.at(shanghaiMorning(2026, 3, 4));
      const { code } = await f.codeFor(f.communities.a);
      const mac = code.slice(-16);
      const forged = code.slice(0, -16) + (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
      for (const attempt of [forged, 'hello', `v1.${f.communities.a}.1.${'A'.repeat(16)}`]) {
        const res = await f.start('张建国', { code: attempt }).expect(400);
        expect(errorOf(res)).toMatchObject({ code: 'CHECKIN_CODE_INVALID', message: expect.stringContaining('签到码无效') });
      }
      // A genuine mac moved to another slot is a forgery too.
      const [, , slot] = code.split('.');
      const moved = code.replace(`.${slot}.`, `.${Number(slot) - 5}.`);
      expect(errorOf(await f.start('张建国', { code: moved }).expect(400)).code).toBe('CHECKIN_CODE_INVALID');
      expect((await f.get('张建国', '/api/v1/services/current').expect(200)).body?.id).toBeUndefined();
    });

    it('refuses a code older than the previous slot as expired', async () => {
      const t0 = f.at(shanghaiMorning(2026, 3, 5));
      const { code, shortCode } = await f.codeFor(f.communities.a);
      f.at(t0.getTime() + 2 * SLOT_MS);
      const res = await f.start('张建国', { code }).expect(400);
      expect(errorOf(res)).toMatchObject({ code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期，请重新扫描最新的签到码' });
      const typed = await f.start('张建国', { shortCode, communityId: f.communities.a }).expect(400);
      expect(errorOf(typed).code).toBe('CHECKIN_CODE_EXPIRED');
    });

    it('refuses a code already used by the same member in that slot', async () => {
      f.at(shanghaiMorning(2026, 3, 6));
      const { code } = await f.codeFor(f.communities.a);
      const first = view(await f.start('张建国', { code }).expect(201));
      await f.end('张建国', first.id, endBody()).expect(200);
      const again = await f.start('张建国', { code }).expect(409);
      expect(errorOf(again)).toMatchObject({ code: 'CHECKIN_CODE_REUSED', message: '这个签到码您已经使用过了，请扫描最新的签到码' });
      // Another member may use the same code: it is once per member, not once overall.
      const other = view(await f.start('李秀英', { code }).expect(201));
      await f.end('李秀英', other.id, endBody()).expect(200);
    });

    it("refuses another community's code, and a start without an approved registration", async () => {
      f.at(shanghaiMorning(2026, 3, 7));
      const b = await f.codeFor(f.communities.b, '孙伟');
      const wrong = await f.start('张建国', { code: b.code }).expect(400);
      expect(errorOf(wrong)).toMatchObject({ code: 'CHECKIN_CODE_WRONG_COMMUNITY', message: '这是其他社区的签到码，请扫描您报到社区的签到码' });
      const a = await f.codeFor(f.communities.a);
      const unregistered = await f.start('孙伟', { code: a.code }).expect(403);
      expect(errorOf(unregistered)).toMatchObject({ code: 'REGISTRATION_REQUIRED', message: '请先到该社区报到，社区工作者同意后再签到服务' });
      const located = await f.start('孙伟', { location: { lat: XIANGYANG.lat, lng: XIANGYANG.lng, accuracy: 10 } }).expect(403);
      expect(errorOf(located).code).toBe('REGISTRATION_REQUIRED');
      // An admin is not a member: the route is closed to them.
      expect(errorOf(await f.start('周平', { code: a.code }).expect(403)).code).toBe('FORBIDDEN');
    });

    it('needs a code or a location, and validates both', async () => {
      f.at(shanghaiMorning(2026, 3, 8));
      const none = await f.start('张建国', {}).expect(400);
      expect(errorOf(none)).toMatchObject({ code: 'CHECKIN_METHOD_REQUIRED', message: '请扫描社区工作者出示的签到码，或选择定位签到' });
      const badPoint = await f.start('张建国', { location: { lat: 200, lng: 123.4, accuracy: 10 } }).expect(400);
      expect(errorOf(badPoint)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'location.lat', message: '定位的纬度无效' }] });
      const badShort = await f.start('张建国', { shortCode: '12ab' }).expect(400);
      expect(errorOf(badShort).details).toEqual([{ field: 'shortCode', message: '请输入 6 位数字签到码' }]);
      const extra = await f.start('张建国', { code: 'x', memberId: f.ids['李秀英'] }).expect(400);
      expect(errorOf(extra).code).toBe('VALIDATION_FAILED');
    });

    it('accepts the typed short code in demo mode, for the community given', async () => {
      f.at(shanghaiMorning(2026, 3, 9));
      const { shortCode } = await f.codeFor(f.communities.a);
      const started = view(await f.start('赵丽华', { shortCode, communityId: f.communities.a }).expect(201));
      expect(started.startVerification).toBe('code');
      await closeOpen('赵丽华');
      const missing = await f.start('赵丽华', { shortCode }).expect(400);
      expect(errorOf(missing).details).toEqual([{ field: 'communityId', message: '手动输入签到码时请选择社区' }]);
      const wrongDigits = String((Number(shortCode) + 1) % 1_000_000).padStart(6, '0');
      expect(errorOf(await f.start('赵丽华', { shortCode: wrongDigits, communityId: f.communities.a }).expect(400)).code).toBe(
        'CHECKIN_CODE_INVALID',
      );
    });
  });

  describe('location (only when the person chooses it)', () => {
    it('inside the radius with good accuracy: verified by geofence, no flag, distance kept', async () => {
      f.at(shanghaiMorning(2026, 4, 1));
      const started = view(
        await f.start('李秀英', { location: { lat: XIANGYANG.lat + 100 * LAT_PER_M, lng: XIANGYANG.lng, accuracy: 20 } }).expect(201),
      );
      expect(started).toMatchObject({ status: 'open', startVerification: 'geofence', flags: [] });
      expect(started.distanceM).toBeGreaterThanOrEqual(99);
      expect(started.distanceM).toBeLessThanOrEqual(101);
      const raw = await rawCoordinates(started.id);
      expect(Number(raw.start_lat)).toBeCloseTo(XIANGYANG.lat + 100 * LAT_PER_M, 6);
      expect(Number(raw.start_accuracy_m)).toBe(20);
      await closeOpen('李秀英');
    });

    it('outside the radius: kept and flagged geofence_outside with the distance', async () => {
      f.at(shanghaiMorning(2026, 4, 2));
      const started = view(
        await f.start('李秀英', { location: { lat: XIANGYANG.lat + 1000 * LAT_PER_M, lng: XIANGYANG.lng, accuracy: 20 } }).expect(201),
      );
      expect(started).toMatchObject({ status: 'open', startVerification: 'geofence', flags: ['geofence_outside'] });
      expect(started.distanceM).toBeGreaterThanOrEqual(999);
      expect(started.distanceM).toBeLessThanOrEqual(1001);
      await closeOpen('李秀英');
    });

    it('too inaccurate (accuracy above max(50 m, radius)): kept and flagged geofence_inaccurate', async () => {
      f.at(shanghaiMorning(2026, 4, 3));
      const started = view(await f.start('李秀英', { location: { lat: XIANGYANG.lat, lng: XIANGYANG.lng, accuracy: 301 } }).expect(201));
      expect(started).toMatchObject({ startVerification: 'geofence', flags: ['geofence_inaccurate'], distanceM: 0 });
      await closeOpen('李秀英');
      // Exactly at the threshold is still accurate enough.
      f.at(shanghaiMorning(2026, 4, 4));
      const edge = view(await f.start('李秀英', { location: { lat: XIANGYANG.lat, lng: XIANGYANG.lng, accuracy: 300 } }).expect(201));
      expect(edge.flags).toEqual([]);
      await closeOpen('李秀英');
    });

    it('with a code the location is not needed, so it is not stored', async () => {
      f.at(shanghaiMorning(2026, 4, 5));
      const { code } = await f.codeFor(f.communities.a);
      const started = view(
        await f.start('李秀英', { code, location: { lat: XIANGYANG.lat + 0.5, lng: XIANGYANG.lng, accuracy: 5 } }).expect(201),
      );
      expect(started).toMatchObject({ startVerification: 'code', distanceM: null, flags: [] });
      expect(await rawCoordinates(started.id)).toMatchObject({ start_lat: null, start_lng: null, start_accuracy_m: null });
      await closeOpen('李秀英');
    });
  });

  describe('ending a visit and its hours', () => {
    it('needs a service type and a 5–500 character description, and only the member ends their own open visit', async () => {
      f.at(shanghaiMorning(2026, 5, 1));
      const { code } = await f.codeFor(f.communities.a);
      const started = view(await f.start('张建国', { code }).expect(201));
      f.at(shanghaiMorning(2026, 5, 1, 60));
      const short = await f.end('张建国', started.id, { serviceType: 'care', description: '  好 ' }).expect(400);
      expect(errorOf(short).details).toEqual([{ field: 'description', message: '服务内容至少 5 个字，请写得具体一些' }]);
      const type = await f.end('张建国', started.id, { serviceType: 'party', description: DESCRIPTION }).expect(400);
      expect(errorOf(type).details).toEqual([{ field: 'serviceType', message: '请选择服务类型' }]);
      expect(errorOf(await f.end('李秀英', started.id, endBody()).expect(404)).code).toBe('NOT_FOUND');
      const ended = view(await f.end('张建国', started.id, endBody()).expect(200));
      expect(ended).toMatchObject({ status: 'pending', serviceType: 'environment', description: DESCRIPTION, endVerification: null, hours: 0 });
      expect(ended.proposedHours).toBe(1);
      const again = await f.end('张建国', started.id, endBody()).expect(409);
      expect(errorOf(again)).toMatchObject({ code: 'SERVICE_NOT_OPEN', message: '这次服务已经结束，无需重复签退' });
    });

    it('a second scan verifies the end; its code is checked like the first', async () => {
      const from = f.at(shanghaiMorning(2026, 5, 2));
      const started = view(await f.start('张建国', { code: (await f.codeFor(f.communities.a)).code }).expect(201));
      f.at(minutes(from, 90));
      const b = await f.codeFor(f.communities.b, '孙伟');
      expect(errorOf(await f.end('张建国', started.id, endBody({ code: b.code })).expect(400)).code).toBe('CHECKIN_CODE_WRONG_COMMUNITY');
      const { code } = await f.codeFor(f.communities.a);
      f.at(minutes(from, 91));
      expect(errorOf(await f.end('张建国', started.id, endBody({ code })).expect(400)).code).toBe('CHECKIN_CODE_EXPIRED');
      const fresh = await f.codeFor(f.communities.a);
      const ended = view(await f.end('张建国', started.id, endBody({ code: fresh.code })).expect(200));
      expect(ended).toMatchObject({ status: 'pending', endVerification: 'code', proposedHours: 1.5, hours: 0 });
      expect(ended.endedAt).toBe(minutes(from, 91).toISOString());
    });

    // Rounding rule: to the nearest half hour, halves up — 44:59 → 0.5, 45:00 → 1 — and never less than 0.5 h.
    it.each([
      [2 * 60, 0.5, 7],
      [14 * 60 + 59, 0.5, 1],
      [15 * 60, 0.5, 2],
      [44 * 60 + 59, 0.5, 3],
      [45 * 60, 1, 4],
      [2 * 3600 + 14 * 60 + 59, 2, 5],
      [2 * 3600 + 15 * 60, 2.5, 6],
    ])('a visit of %i seconds proposes %d hours', async (seconds, hours, day) => {
      const from = shanghaiMorning(2026, 6, day);
      const ended = await f.visit('赵丽华', from, new Date(from.getTime() + seconds * 1000));
      expect(ended.proposedHours).toBe(hours);
      await f.post('刘芳', '/api/v1/services/decide', { ids: [ended.id], decision: 'reject', reason: '测试用记录' }).expect(200);
    });

    it('refuses hours above what is left of one day (Asia/Shanghai), counting confirmed and pending records', async () => {
      const day = shanghaiMorning(2026, 7, 1);
      const first = await f.visit('张建国', day, minutes(day, 7 * 60));
      expect(first.proposedHours).toBe(7);
      // Two hours more would pass the cap of 8: refused, never cut down, with what is left beside the hours.
      f.at(minutes(day, 7 * 60 + 10));
      const second = view(await f.start('张建国', { code: (await f.codeFor(f.communities.a)).code }).expect(201));
      f.at(minutes(day, 9 * 60 + 10));
      const over = await f.end('张建国', second.id, endBody()).expect(422);
      expect(errorOf(over)).toMatchObject({ code: 'SERVICE_DAILY_CAP', details: [{ field: 'proposedHours', message: '今日还可记 1 小时' }] });
      const explicit = await f.end('张建国', second.id, endBody({ proposedHours: 1.5, hoursReason: '提前到场布置会场' })).expect(422);
      expect(errorOf(explicit).details).toEqual([{ field: 'proposedHours', message: '今日还可记 1 小时' }]);
      const chosen = view(await f.end('张建国', second.id, endBody({ proposedHours: 1 })).expect(200));
      expect(chosen).toMatchObject({ status: 'pending', proposedHours: 1, flags: [] });
      // A full day: the visit can still end, recorded without hours.
      f.at(minutes(day, 9 * 60 + 20));
      const open = view(await f.start('张建国', { code: (await f.codeFor(f.communities.a)).code }).expect(201));
      f.at(minutes(day, 9 * 60 + 30));
      expect(errorOf(await f.end('张建国', open.id, endBody()).expect(422)).details).toEqual([
        { field: 'proposedHours', message: '今日还可记 0 小时' },
      ]);
      expect(view(await f.end('张建国', open.id, endBody({ proposedHours: 0 })).expect(200)).proposedHours).toBe(0);
      // 00:30 the next morning is a new day with its own allowance.
      const nextDay = await f.visit('张建国', minutes(day, 15 * 60 + 30), minutes(day, 16 * 60 + 30));
      expect(nextDay.proposedHours).toBe(1);
      // A rejected record frees its share of the day.
      await f.post('刘芳', '/api/v1/services/decide', { ids: [first.id], decision: 'reject', reason: '时间登记有误' }).expect(200);
      const after = await f.visit('张建国', minutes(day, 11 * 60), minutes(day, 13 * 60));
      expect(after.proposedHours).toBe(2);
    });
  });

  it('fifty concurrent starts by one member make exactly one open record', async () => {
    f.at(shanghaiMorning(2026, 8, 1));
    const location = { lat: XIANGYANG.lat, lng: XIANGYANG.lng, accuracy: 15 };
    const results = await Promise.all(Array.from({ length: 50 }, () => f.start('李秀英', { location })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409)) expect(errorOf(r).code).toBe('SERVICE_ALREADY_OPEN');
    const rows: unknown[] = await f.ds.query("SELECT id FROM service_records WHERE member_id = ? AND status = 'open'", [f.ids['李秀英']]);
    expect(rows).toHaveLength(1);

    // The same with a scanned code: one record, and every other request is told why.
    await closeOpen('李秀英');
    f.at(shanghaiMorning(2026, 8, 2));
    const { code } = await f.codeFor(f.communities.a);
    const scans = await Promise.all(Array.from({ length: 50 }, () => f.start('李秀英', { code })));
    expect(scans.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of scans.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(['SERVICE_ALREADY_OPEN', 'CHECKIN_CODE_REUSED']).toContain(errorOf(r).code);
    }
    const open: unknown[] = await f.ds.query("SELECT id FROM service_records WHERE member_id = ? AND status = 'open'", [f.ids['李秀英']]);
    expect(open).toHaveLength(1);
    await closeOpen('李秀英');
  });

  describe('a visit kept offline', () => {
    it('keeps the time the phone claims, is verified "offline" and always flagged for review', async () => {
      const now = f.at(shanghaiMorning(2026, 9, 1, 120));
      const claimed = minutes(now, -90);
      const started = view(
        await f
          .start('陈明', { location: { lat: XIANGYANG.lat, lng: XIANGYANG.lng, accuracy: 10 }, offlineClaimedAt: claimed.toISOString() })
          .expect(201),
      );
      expect(started).toMatchObject({
        startedAt: claimed.toISOString(),
        offlineClaimedAt: claimed.toISOString(),
        startVerification: 'offline',
        flags: ['offline_claimed_time'],
      });
      const ended = view(await f.end('陈明', started.id, endBody({ offlineClaimedAt: minutes(now, -30).toISOString() })).expect(200));
      expect(ended).toMatchObject({
        status: 'pending',
        endedAt: minutes(now, -30).toISOString(),
        proposedHours: 1,
        hours: 0,
        endVerification: null,
        offlineClaim: true,
      });
    });

    it('refuses a claimed time in the future or older than the offline window (4 hours by default)', async () => {
      const now = f.at(shanghaiMorning(2026, 9, 2));
      const location = { lat: XIANGYANG.lat, lng: XIANGYANG.lng, accuracy: 10 };
      const future = await f.start('陈明', { location, offlineClaimedAt: minutes(now, 10).toISOString() }).expect(400);
      expect(errorOf(future).details).toEqual([{ field: 'offlineClaimedAt', message: '离线记录的时间不能晚于当前时间，请检查手机时间' }]);
      const old = await f.start('陈明', { location, offlineClaimedAt: minutes(now, -(4 * 60 + 1)).toISOString() }).expect(400);
      expect(errorOf(old)).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(errorOf(old).details).toEqual([{ field: 'offlineClaimedAt', message: OUTSIDE_WINDOW }]);
      const garbage = await f.start('陈明', { location, offlineClaimedAt: 'yesterday' }).expect(400);
      expect(errorOf(garbage).details).toEqual([{ field: 'offlineClaimedAt', message: '离线记录的时间格式不正确' }]);
      const open: unknown[] = await f.ds.query("SELECT id FROM service_records WHERE member_id = ? AND status = 'open'", [f.ids['陈明']]);
      expect(open).toEqual([]);
    });

    it('refuses a photographed code presented hours later with the time it was shown, and an end claimed too long ago', async () => {
      const shown = f.at(shanghaiMorning(2026, 9, 3));
      const { code } = await f.codeFor(f.communities.a);
      f.at(minutes(shown, 5 * 60));
      const late = await f.start('赵丽华', { code, offlineClaimedAt: shown.toISOString() }).expect(400);
      expect(errorOf(late).details).toEqual([{ field: 'offlineClaimedAt', message: OUTSIDE_WINDOW }]);

      // Within the window the same kind of claim is kept, but only as an offline claim for a worker to check.
      const again = f.at(shanghaiMorning(2026, 9, 4));
      const second = await f.codeFor(f.communities.a);
      f.at(minutes(again, 3 * 60));
      const started = view(await f.start('赵丽华', { code: second.code, offlineClaimedAt: again.toISOString() }).expect(201));
      expect(started).toMatchObject({ startVerification: 'offline', offlineClaim: true, startedAt: again.toISOString() });

      f.at(minutes(again, 7 * 60));
      const end = await f.end('赵丽华', started.id, endBody({ offlineClaimedAt: minutes(again, 2 * 60).toISOString() })).expect(400);
      expect(errorOf(end).details).toEqual([{ field: 'offlineClaimedAt', message: OUTSIDE_WINDOW }]);
      await f.end('赵丽华', started.id, endBody()).expect(200);
    });
  });

  it('closes a visit left open for 12 hours without hours and flags it never_closed', async () => {
    const from = f.at(shanghaiMorning(2026, 10, 1));
    const started = view(await f.start('赵丽华', { code: (await f.codeFor(f.communities.a)).code }).expect(201));
    const autoClose = f.t.app.get(AutoCloseService);
    expect(await autoClose.closeStale(minutes(from, 12 * 60 - 1))).toBe(0);
    expect(await autoClose.closeStale(minutes(from, 12 * 60 + 1))).toBe(1);
    const mine = (await f.get('赵丽华', '/api/v1/services/mine?status=pending').expect(200)).body as Page<ServiceRecordView>;
    const closed = mine.items.find((r) => r.id === started.id)!;
    expect(closed).toMatchObject({ status: 'pending', proposedHours: 0, hours: 0, endVerification: null, flags: ['never_closed'] });
    expect(closed.endedAt).toBe(minutes(from, 12 * 60 + 1).toISOString());
    expect((await f.get('赵丽华', '/api/v1/services/current').expect(200)).body?.id).toBeUndefined();
    f.at(minutes(from, 12 * 60 + 2));
    expect(errorOf(await f.end('赵丽华', started.id, endBody()).expect(409)).code).toBe('SERVICE_NOT_OPEN');
    const audits: unknown[] = await f.ds.query("SELECT id FROM audit_logs WHERE action = 'service.auto_close' AND target_id = ?", [started.id]);
    expect(audits).toHaveLength(1);
    // Running again changes nothing.
    expect(await autoClose.closeStale(minutes(from, 13 * 60))).toBe(0);
  });

  it('runs the scheduled round on one instance at a time (a lease in the shared database)', async () => {
    const from = f.at(shanghaiMorning(2026, 10, 5));
    const started = view(await f.start('赵丽华', { code: (await f.codeFor(f.communities.a)).code }).expect(201));
    const autoClose = f.t.app.get(AutoCloseService);
    const round = minutes(from, 13 * 60);
    // Two instances racing for one round: exactly one takes the lease.
    const raced = await Promise.all([autoClose.runScheduled(round), autoClose.runScheduled(round)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect((await f.ds.query('SELECT status FROM service_records WHERE id = ?', [started.id]))[0].status).toBe('pending');
    // Within the lease nobody else runs; once it has lapsed the next round does.
    expect(await autoClose.runScheduled(minutes(round, 1))).toBe(false);
    expect(await autoClose.runScheduled(minutes(round, 5))).toBe(true);
    // The round also sweeps check-in codes spent more than a day ago.
    const uses: unknown[] = await f.ds.query('SELECT id FROM checkin_code_uses WHERE member_id = ?', [f.ids['赵丽华']]);
    expect(uses.length).toBeGreaterThan(0);
    expect(await autoClose.runScheduled(minutes(round, 60 * 24 * 400))).toBe(true);
    expect(await f.ds.query('SELECT id FROM checkin_code_uses')).toHaveLength(0);
  });

  describe('suspicion flags', () => {
    it('flags a start too far from the previous one for the time between (impossible travel)', async () => {
      const from = f.at(shanghaiMorning(2026, 11, 1));
      const first = view(await f.start('陈明', { code: (await f.codeFor(f.communities.a)).code }).expect(201));
      expect(first.flags).toEqual([]);
      await closeOpen('陈明');
      // Ten kilometres away five minutes later: 120 km/h.
      f.at(minutes(from, 5));
      const far = view(
        await f.start('陈明', { location: { lat: XIANGYANG.lat + 10_000 * LAT_PER_M, lng: XIANGYANG.lng, accuracy: 10 } }).expect(201),
      );
      expect(far.flags).toEqual(['geofence_outside', 'impossible_travel']);
      await closeOpen('陈明');
      // The same place an hour later is an ordinary (if outside) start.
      f.at(minutes(from, 65));
      const later = view(
        await f.start('陈明', { location: { lat: XIANGYANG.lat + 10_000 * LAT_PER_M, lng: XIANGYANG.lng, accuracy: 10 } }).expect(201),
      );
      expect(later.flags).toEqual(['geofence_outside']);
      await closeOpen('陈明');
    });

    it('flags new records of a member with three or more rejections in 30 days; the hour and weekday never matter', async () => {
      // A Saturday evening, Shanghai time.
      const saturday = new Date('2026-12-05T12:00:00Z');
      for (let i = 0; i < 3; i++) {
        const from = minutes(saturday, i * 120);
        const ended = await f.visit('赵丽华', from, minutes(from, 60));
        expect(ended.flags).toEqual([]);
        await f.post('刘芳', '/api/v1/services/decide', { ids: [ended.id], decision: 'reject', reason: '未见到本人' }).expect(200);
      }
      f.at(minutes(saturday, 600));
      const next = view(await f.start('赵丽华', { code: (await f.codeFor(f.communities.a)).code }).expect(201));
      expect(next.flags).toEqual(['repeated_rejections']);
      await closeOpen('赵丽华');
    });
  });

  it("lists the member's own records newest first, paged and filtered by status", async () => {
    f.at(shanghaiMorning(2027, 1, 1));
    const page1 = (await f.get('张建国', '/api/v1/services/mine?pageSize=2').expect(200)).body as Page<ServiceRecordView>;
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(4);
    const page2 = (await f.get('张建国', '/api/v1/services/mine?pageSize=2&page=2').expect(200)).body as Page<ServiceRecordView>;
    const all = [...page1.items, ...page2.items];
    expect(new Set(all.map((r) => r.id)).size).toBe(4);
    const times = all.map((r) => new Date(r.startedAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.every((r) => r.member.id === f.ids['张建国'])).toBe(true);
    const rejected = (await f.get('张建国', '/api/v1/services/mine?status=rejected').expect(200)).body as Page<ServiceRecordView>;
    expect(rejected.total).toBeGreaterThan(0);
    expect(rejected.items.every((r) => r.status === 'rejected')).toBe(true);
    expect(errorOf(await f.get('张建国', '/api/v1/services/mine?status=lost').expect(400)).code).toBe('VALIDATION_FAILED');
  });

  it('needs a signed-in member', async () => {
    const res = await f.api().post('/api/v1/services/start').send({}).expect(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });
});

describe.each(testDrivers())('the offline window set by CHECKIN_OFFLINE_MAX_HOURS on %s', (driver) => {
  let f: ServicesFixture;

  beforeAll(async () => {
    f = await servicesFixture(driver, { CHECKIN_OFFLINE_MAX_HOURS: '1' });
  });
  afterAll(async () => {
    await f?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('refuses a claim older than the configured hours, naming them, and keeps one within them', async () => {
    const now = f.at(shanghaiMorning(2026, 9, 10, 180));
    const location = { lat: XIANGYANG.lat, lng: XIANGYANG.lng, accuracy: 10 };
    const old = await f.start('陈明', { location, offlineClaimedAt: minutes(now, -90).toISOString() }).expect(400);
    expect((old.body as ApiErrorBody).details).toEqual([
      { field: 'offlineClaimedAt', message: '离线记录超过 1 小时，不能再上传，请联系社区工作者为您补录' },
    ]);
    const kept = await f.start('陈明', { location, offlineClaimedAt: minutes(now, -50).toISOString() }).expect(201);
    expect((kept.body as ServiceRecordView).offlineClaim).toBe(true);
  });
});
