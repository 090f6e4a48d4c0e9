import type {
  ApiErrorBody,
  AttendanceBoard,
  AttendanceMarkResponse,
  CertificateVerification,
  CertificateView,
  CheckinCodeResponse,
  HoursLedgerEntryView,
  HoursLedgerPage,
  MyHoursResponse,
  Page,
  ServiceDecisionResponse,
  ServiceRecordView,
  SignupView,
} from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import request from '../support/http.js';
import { ActivityEntity } from '../../src/modules/activities/entities/activity.entity.js';
import { SignupEntity } from '../../src/modules/activities/entities/signup.entity.js';
import { HoursLedgerEntity } from '../../src/modules/hours/entities/hours-ledger.entity.js';
import { testDrivers } from '../support/test-database.js';
import { insertActivity, insertSignup } from './activity-rows.js';
import { minutes, type Person, servicesFixture, type ServicesFixture, shanghaiMorning } from './services-fixture.js';

/**
 * Attendance of activities (code, scans, the sheet, the board), the hours ledger as the one source of hours (activity
 * credits by the presence rule, service decisions, corrections), certificates and their public check, and community
 * needs done as service records — credited once, through the service line.
 */
describe.each(testDrivers())('attendance, the hours ledger and certificates over HTTP on %s', (driver) => {
  let f: ServicesFixture;
  let unitId: string;

  beforeAll(async () => {
    f = await servicesFixture(driver);
    unitId = ((await f.ds.query("SELECT id FROM units WHERE name = '区委组织部'")) as Array<{ id: string }>)[0]!.id;
  });
  afterAll(async () => {
    await f?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const errorOf = (res: { body: unknown }) => res.body as ApiErrorBody;
  let day = 0;
  /** A fresh morning for each activity, so no two tests share a day's hours. */
  const nextMorning = () => shanghaiMorning(2026, 11, 1 + day++);

  /** An activity as the activities module stores a published one (its own tests cover how it gets there). */
  const activity = (over: Partial<ActivityEntity> & { startsAt: Date }): Promise<ActivityEntity> =>
    insertActivity(f.ds, f.ids['陈明'], {
      title: '楼道清理志愿服务',
      description: '清理楼道杂物，张贴安全提示',
      place: '向阳社区活动室',
      endsAt: minutes(over.startsAt, 100),
      signupDeadline: minutes(over.startsAt, -24 * 60),
      cancelDeadline: minutes(over.startsAt, -24 * 60),
      creditedHours: 1.5,
      scopeKind: 'unit',
      scopeId: unitId,
      unitId,
      publishedAt: minutes(over.startsAt, -48 * 60),
      ...over,
    });
  const signup = (activityId: string, person: Person, status: SignupEntity['status'] = 'confirmed'): Promise<string> =>
    insertSignup(f.ds, activityId, f.ids[person], status, { signedUpAt: new Date(Date.UTC(2026, 9, 1)) });
  const codeOf = async (activityId: string, person: Person = '陈明') =>
    ((await f.get(person, `/api/v1/activities/${activityId}/code`).expect(200)).body as CheckinCodeResponse);
  const scan = (person: Person, activityId: string, body: object) => f.post(person, `/api/v1/activities/${activityId}/attendance/scan`, body);
  const mark = (person: Person, activityId: string, entries: object[]) =>
    f.post(person, `/api/v1/activities/${activityId}/attendance/mark`, { entries });
  const ledgerOf = (person: Person) => f.ds.getRepository(HoursLedgerEntity).find({ where: { memberId: f.ids[person] }, order: { createdAt: 'ASC' } });
  const linesFor = async (where: { signupId?: string; serviceRecordId?: string; activityId?: string }) =>
    f.ds.getRepository(HoursLedgerEntity).find({ where, order: { createdAt: 'ASC' } });
  const signupRow = (id: string) => f.ds.getRepository(SignupEntity).findOneByOrFail({ id });
  const sum = (lines: Array<{ hours: number }>) => Math.round(lines.reduce((s, l) => s + l.hours, 0) * 10) / 10;

  describe('the activity code', () => {
    it('an organizer in scope shows it; a worker of no need of it, or an organizer elsewhere, may not', async () => {
      const a = await activity({ startsAt: nextMorning() });
      f.at(a.startsAt);
      const shown = await codeOf(a.id);
      expect(shown.code).toMatch(new RegExp(`^a1\\.${a.id}\\.\\d+\\.[A-Za-z0-9_-]{16}$`));
      expect(shown.communityName).toBe(a.title);
      expect(shown.shortCode).toMatch(/^\d{6}$/);
      await codeOf(a.id, '孙伟');
      expect(errorOf(await f.get('刘芳', `/api/v1/activities/${a.id}/code`).expect(403)).code).toBe('FORBIDDEN');
      const sw = ((await f.ds.query("SELECT id FROM units WHERE name = '区税务局'")) as Array<{ id: string }>)[0]!.id;
      const elsewhere = await activity({ startsAt: a.startsAt, scopeId: sw, unitId: sw });
      expect(errorOf(await f.get('陈明', `/api/v1/activities/${elsewhere.id}/code`).expect(403)).code).toBe('FORBIDDEN');
      expect(errorOf(await f.get('陈明', `/api/v1/activities/${randomUUID()}/code`).expect(404)).code).toBe('NOT_FOUND');
    });

    it('an activity code never passes as a community code, nor the other way round', async () => {
      const a = await activity({ startsAt: nextMorning() });
      await signup(a.id, '张建国');
      f.at(a.startsAt);
      const communityCode = (await f.codeFor(f.communities.a)).code;
      expect(errorOf(await scan('张建国', a.id, { code: communityCode }).expect(400)).code).toBe('CHECKIN_CODE_INVALID');
      const activityCode = (await codeOf(a.id)).code;
      expect(errorOf(await f.start('张建国', { code: activityCode }).expect(400)).code).toBe('CHECKIN_CODE_INVALID');
      // The same activity code with its community prefix is a forgery.
      expect(errorOf(await f.start('张建国', { code: activityCode.replace(/^a1\./, 'v1.') }).expect(400)).code).toBe('CHECKIN_CODE_INVALID');
    });
  });

  describe('scanning in and out', () => {
    it('arrival, a double tap, departure a slot later: attended, hours credited once to the ledger', async () => {
      const a = await activity({ startsAt: nextMorning() });
      const id = await signup(a.id, '张建国');
      f.at(minutes(a.startsAt, -61));
      const early = await codeOf(a.id);
      expect(errorOf(await scan('张建国', a.id, { code: early.code }).expect(409)).code).toBe('ATTENDANCE_NOT_OPEN');

      f.at(minutes(a.startsAt, -10));
      const code = (await codeOf(a.id)).code;
      const arrived = (await scan('张建国', a.id, { code }).expect(200)).body as SignupView;
      expect(arrived).toMatchObject({ id, status: 'confirmed', attendanceMethod: 'code', checkedOutAt: null, creditedHours: 0 });
      expect(arrived.checkedInAt).toBe(minutes(a.startsAt, -10).toISOString());
      // Two taps at once: both answer, the arrival is set once and nothing leaves.
      const [t1, t2] = await Promise.all([scan('张建国', a.id, { code }), scan('张建国', a.id, { code })]);
      expect([t1.status, t2.status]).toEqual([200, 200]);
      expect((t2.body as SignupView).checkedInAt).toBe(arrived.checkedInAt);
      expect((t2.body as SignupView).checkedOutAt).toBeNull();

      const board = (await f.get('陈明', `/api/v1/activities/${a.id}/attendance`).expect(200)).body as AttendanceBoard;
      expect(board).toMatchObject({ activityId: a.id, expected: 1, arrived: 1, departed: 0, notArrived: [], absent: [] });
      expect(board.arrivedList.map((s) => s.member.name)).toEqual(['张建国']);

      f.at(minutes(a.startsAt, 100));
      const left = (await scan('张建国', a.id, { code: (await codeOf(a.id)).code }).expect(200)).body as SignupView;
      expect(left).toMatchObject({ status: 'attended', creditedHours: 1.5, checkedOutAt: minutes(a.startsAt, 100).toISOString() });
      expect(await linesFor({ signupId: id })).toEqual([
        expect.objectContaining({ source: 'activity', creditKey: `signup:${id}`, hours: 1.5, activityId: a.id, serviceDate: '2026-11-' + String(a.startsAt.getUTCDate()).padStart(2, '0') }),
      ]);
      // A scan after the departure changes nothing and credits nothing more.
      f.at(minutes(a.startsAt, 110));
      await scan('张建国', a.id, { code: (await codeOf(a.id)).code }).expect(200);
      expect(await linesFor({ signupId: id })).toHaveLength(1);
      const ledger = (await f.get('张建国', '/api/v1/me/hours/ledger?year=2026').expect(200)).body as HoursLedgerPage;
      expect(ledger.items.find((l) => l.activity?.id === a.id)).toMatchObject({ source: 'activity', hours: 1.5, where: a.place });
    });

    it('refuses a code of another activity, a forged or expired code, and a member who did not sign up', async () => {
      const a = await activity({ startsAt: nextMorning() });
      const b = await activity({ startsAt: a.startsAt, title: '另一个活动' });
      await signup(a.id, '张建国');
      f.at(a.startsAt);
      const other = (await codeOf(b.id)).code;
      expect(errorOf(await scan('张建国', a.id, { code: other }).expect(409)).code).toBe('ATTENDANCE_CODE_WRONG_ACTIVITY');
      const good = (await codeOf(a.id)).code;
      const forged = good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA');
      expect(errorOf(await scan('张建国', a.id, { code: forged }).expect(400)).code).toBe('CHECKIN_CODE_INVALID');
      f.at(minutes(a.startsAt, 5));
      expect(errorOf(await scan('张建国', a.id, { code: good }).expect(400)).code).toBe('CHECKIN_CODE_EXPIRED');
      const fresh = (await codeOf(a.id)).code;
      expect(errorOf(await scan('李秀英', a.id, { code: fresh }).expect(404)).code).toBe('SIGNUP_NOT_FOUND');
      // In demo mode the six digits stand for the QR.
      const typed = (await codeOf(a.id)).shortCode;
      expect(((await scan('张建国', a.id, { shortCode: typed }).expect(200)).body as SignupView).checkedInAt).not.toBeNull();
      f.at(minutes(a.endsAt, 121));
      expect(errorOf(await scan('张建国', a.id, { code: (await codeOf(a.id)).code }).expect(409)).code).toBe('ATTENDANCE_NOT_OPEN');
    });
  });

  describe('the sheet and the presence rule', () => {
    it('credits at exactly 60 % and not at 59.9 %; absent is a no-show without hours', async () => {
      const a = await activity({ startsAt: nextMorning(), creditedHours: 4 });
      const ids = { zhang: await signup(a.id, '张建国'), li: await signup(a.id, '李秀英'), zhao: await signup(a.id, '赵丽华'), chen: await signup(a.id, '陈明') };
      f.at(minutes(a.endsAt, 30));
      const res = (
        await mark('陈明', a.id, [
          { signupId: ids.zhang, status: 'attended', checkedInAt: a.startsAt.toISOString(), checkedOutAt: minutes(a.startsAt, 59.9).toISOString() },
          { signupId: ids.li, status: 'attended', checkedInAt: minutes(a.startsAt, 40).toISOString(), checkedOutAt: a.endsAt.toISOString() },
          { signupId: ids.zhao, status: 'attended', checkedInAt: minutes(a.startsAt, -30).toISOString(), checkedOutAt: minutes(a.endsAt, 25).toISOString() },
          { signupId: ids.chen, status: 'absent' },
        ]).expect(200)
      ).body as AttendanceMarkResponse;
      const byId = new Map(res.signups.map((s) => [s.id, s]));
      // 100 planned minutes: 4 h asked, 1.5 h at most (the planned duration in half hours).
      expect(byId.get(ids.zhang)).toMatchObject({ status: 'attended', creditedHours: 0, attendanceMethod: 'organizer' });
      expect(byId.get(ids.li)).toMatchObject({ status: 'attended', creditedHours: 1.5 });
      expect(byId.get(ids.zhao)).toMatchObject({ status: 'attended', creditedHours: 1.5 });
      expect(byId.get(ids.chen)).toMatchObject({ status: 'absent', creditedHours: 0, checkedInAt: null });
      expect(await linesFor({ signupId: ids.zhang })).toEqual([]);
      expect(await linesFor({ signupId: ids.chen })).toEqual([]);
      expect(sum(await linesFor({ signupId: ids.li }))).toBe(1.5);
      const board = (await f.get('陈明', `/api/v1/activities/${a.id}/attendance`).expect(200)).body as AttendanceBoard;
      expect(board).toMatchObject({ expected: 3, arrived: 3, departed: 3 });
      expect(board.absent.map((s) => s.id)).toEqual([ids.chen]);
      const audits = (await f.ds.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'activity.attendance.mark' AND detail LIKE ?", [
        `%${a.id}%`,
      ])) as Array<{ n: number | string }>;
      expect(Number(audits[0]!.n)).toBe(4);
    });

    it('re-marking corrects through the ledger, never by changing a line', async () => {
      const a = await activity({ startsAt: nextMorning() });
      const id = await signup(a.id, '赵丽华');
      f.at(minutes(a.endsAt, 10));
      await mark('陈明', a.id, [{ signupId: id, status: 'attended' }]).expect(200);
      const [credit] = await linesFor({ signupId: id });
      expect(credit).toMatchObject({ source: 'activity', hours: 1.5 });
      // Each sheet a minute after the last: the lines' times order them.
      f.at(minutes(a.endsAt, 11));
      await mark('陈明', a.id, [{ signupId: id, status: 'absent' }]).expect(200);
      f.at(minutes(a.endsAt, 12));
      await mark('陈明', a.id, [{ signupId: id, status: 'attended', checkedInAt: minutes(a.startsAt, 10).toISOString() }]).expect(200);
      const lines = await linesFor({ signupId: id });
      expect(lines.map((l) => [l.source, l.hours, l.correctsId])).toEqual([
        ['activity', 1.5, null],
        ['correction', -1.5, credit!.id],
        ['correction', 1.5, credit!.id],
      ]);
      // The credit line as first written.
      expect(lines[0]).toEqual(credit);
      expect((await signupRow(id)).creditedHours).toBe(1.5);
    });

    it('only an organizer in scope marks; bad entries get field messages', async () => {
      const a = await activity({ startsAt: nextMorning() });
      const id = await signup(a.id, '张建国');
      const cancelled = await signup(a.id, '李秀英', 'cancelled');
      f.at(minutes(a.endsAt, 10));
      expect(errorOf(await mark('刘芳', a.id, [{ signupId: id, status: 'attended' }]).expect(403)).code).toBe('FORBIDDEN');
      const bad = errorOf(
        await mark('陈明', a.id, [
          { signupId: cancelled, status: 'attended' },
          { signupId: id, status: 'attended', checkedInAt: a.endsAt.toISOString(), checkedOutAt: a.startsAt.toISOString() },
        ]).expect(400),
      );
      expect(bad.details).toEqual([
        { field: 'entries.0.signupId', message: '这条报名已取消或还在候补，不能登记到场' },
        { field: 'entries.1.checkedOutAt', message: '离开时间不能早于到场时间' },
      ]);
      expect((await signupRow(id)).status).toBe('confirmed');
    });
  });

  describe('service records in the ledger', () => {
    it('confirm writes the service line, undo and correction write corrections; my hours read the ledger', async () => {
      const from = shanghaiMorning(2026, 12, 2);
      const before = (await f.get('李秀英', '/api/v1/services/mine/hours').expect(200)).body as MyHoursResponse;
      const record = await f.visit('李秀英', from, minutes(from, 120));
      f.at(minutes(from, 130));
      const decided = (await f.post('刘芳', '/api/v1/services/decide', { ids: [record.id], decision: 'confirm' }).expect(200))
        .body as ServiceDecisionResponse;
      expect(decided.decided).toEqual([record.id]);
      const [credit] = await linesFor({ serviceRecordId: record.id });
      expect(credit).toMatchObject({ source: 'service', creditKey: `service:${record.id}`, hours: 2, serviceDate: '2026-12-02' });
      f.at(minutes(from, 131));
      await f.post('刘芳', `/api/v1/services/${record.id}/undo`, {}).expect(200);
      f.at(minutes(from, 132));
      await f.post('刘芳', '/api/v1/services/decide', { ids: [record.id], decision: 'confirm', hours: { [record.id]: 1.5 } }).expect(200);
      f.at(minutes(from, 24 * 60));
      await f.post('孙伟', `/api/v1/services/${record.id}/correct`, { decision: 'confirm', hours: 1, reason: '核对签到表后更正' }).expect(403);
      const corrected = (
        await f.post('刘芳', `/api/v1/services/${record.id}/correct`, { decision: 'confirm', hours: 1, reason: '核对签到表后更正' }).expect(200)
      ).body as ServiceRecordView;
      expect(corrected.hours).toBe(1);
      const lines = await linesFor({ serviceRecordId: record.id });
      expect(lines.map((l) => [l.source, l.hours, l.reason, l.correctsId])).toEqual([
        ['service', 2, null, null],
        ['correction', -2, '撤销确认', credit!.id],
        ['correction', 1.5, '重新确认', credit!.id],
        ['correction', -0.5, '核对签到表后更正', credit!.id],
      ]);
      f.at(minutes(from, 24 * 60));
      const after = (await f.get('李秀英', '/api/v1/services/mine/hours').expect(200)).body as MyHoursResponse;
      expect(after.month.confirmed).toBe(before.month.confirmed + 1);
      expect(after.year.confirmed).toBe(before.year.confirmed + 1);
    });

    it('an entry made on the member’s behalf is credited at once', async () => {
      const from = shanghaiMorning(2026, 12, 3);
      f.at(minutes(from, 200));
      const [made] = (
        await f
          .post('刘芳', '/api/v1/services/on-behalf', {
            communityId: f.communities.a,
            memberIds: [f.ids['赵丽华']],
            startedAt: from.toISOString(),
            endedAt: minutes(from, 90).toISOString(),
            serviceType: 'care',
            description: '按纸质签到表补录走访慰问',
            reason: '老人不会用手机签到',
          })
          .expect(201)
      ).body as ServiceRecordView[];
      expect(await linesFor({ serviceRecordId: made!.id })).toEqual([expect.objectContaining({ source: 'service', hours: 1.5 })]);
    });
  });

  describe('corrections by an organizer', () => {
    it('adds signed half hours with a reason, for a member they cover, audited', async () => {
      f.at(shanghaiMorning(2026, 12, 5));
      const made = (
        await f.post('陈明', '/api/v1/hours/corrections', { memberId: f.ids['张建国'], hours: -0.5, date: '2026-12-01', reason: '重复登记' }).expect(201)
      ).body as HoursLedgerEntryView;
      expect(made).toMatchObject({ source: 'correction', hours: -0.5, date: '2026-12-01', reason: '重复登记', activity: null });
      expect(errorOf(await f.post('陈明', '/api/v1/hours/corrections', { memberId: f.ids['李秀英'], hours: 1, date: '2026-12-01', reason: '补记' }).expect(403)).code).toBe('FORBIDDEN');
      expect(errorOf(await f.post('刘芳', '/api/v1/hours/corrections', { memberId: f.ids['张建国'], hours: 1, date: '2026-12-01', reason: '补记' }).expect(403)).code).toBe('FORBIDDEN');
      const steps = errorOf(await f.post('陈明', '/api/v1/hours/corrections', { memberId: f.ids['张建国'], hours: 0.3, date: '2026-12-01', reason: '补记' }).expect(400));
      expect(steps.details).toEqual([{ field: 'hours', message: '时长应按 0.5 小时计' }]);
      const future = errorOf(await f.post('陈明', '/api/v1/hours/corrections', { memberId: f.ids['张建国'], hours: 1, date: '2026-12-31', reason: '补记' }).expect(400));
      expect(future.details).toEqual([{ field: 'date', message: '日期不能晚于今天' }]);
      expect(errorOf(await f.post('陈明', '/api/v1/hours/corrections', { memberId: f.ids['张建国'], hours: 1, date: '2026-12-01' }).expect(400)).code).toBe('VALIDATION_FAILED');
      const audits = (await f.ds.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'hours.correct' AND target_id = ?", [made.id])) as Array<{ n: number | string }>;
      expect(Number(audits[0]!.n)).toBe(1);
      const page = (await f.get('张建国', '/api/v1/me/hours/ledger?year=2026&pageSize=100').expect(200)).body as HoursLedgerPage;
      expect(page.items.map((l) => l.id)).toContain(made.id);
      expect(page.yearTotal).toBe(sum(await ledgerOf('张建国')));
      expect(page.years).toEqual([{ year: 2026, hours: page.yearTotal }]);
    });
  });

  describe('certificates', () => {
    it('states the ledger of the period under a typeable serial; the public check shows only the statement, masked', async () => {
      f.at(shanghaiMorning(2026, 12, 6));
      const issued = (await f.post('张建国', '/api/v1/me/certificates', { from: '2026-01-01', to: '2026-12-31' }).expect(201)).body as CertificateView;
      expect(issued.serial).toMatch(/^XF-2026-[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(issued).toMatchObject({ memberName: '张建国', unitName: '区委组织部', issuer: '中共示范区委组织部', from: '2026-01-01', to: '2026-12-31' });
      expect(issued.totalHours).toBe(sum(await ledgerOf('张建国')));
      expect(issued.totalHours).toBe(Math.round(issued.lines.reduce((s, l) => s + l.hours, 0) * 10) / 10);
      expect(issued.lines.some((l) => l.source === 'activity' && l.title === '楼道清理志愿服务')).toBe(true);
      expect(issued.lines.find((l) => l.source === 'correction')).toMatchObject({ hours: -0.5, title: '时长更正：重复登记' });

      const mine = (await f.get('张建国', '/api/v1/me/certificates').expect(200)).body as Page<CertificateView>;
      expect(mine.items[0]).toEqual(issued);
      expect(((await f.get('李秀英', '/api/v1/me/certificates').expect(200)).body as Page<CertificateView>).items).toEqual([]);

      const checked = (await request(f.t.baseUrl).get(`/api/v1/public/certificates/${issued.serial}`).expect(200)).body as CertificateVerification;
      expect(checked).toEqual({
        serial: issued.serial,
        valid: true,
        memberName: '张*国',
        unitName: '区委组织部',
        from: '2026-01-01',
        to: '2026-12-31',
        activityCount: issued.lines.filter((l) => l.source === 'activity').length,
        serviceCount: issued.lines.filter((l) => l.source === 'service').length,
        totalHours: issued.totalHours,
        issuer: '中共示范区委组织部',
        issuedAt: issued.issuedAt,
      });
      const text = JSON.stringify(checked);
      expect(text).not.toContain('张建国');
      expect(text).not.toContain(f.ids['张建国']);
      // Lower case typed from paper still finds it; an unknown or malformed serial does not.
      await request(f.t.baseUrl).get(`/api/v1/public/certificates/${issued.serial.toLowerCase()}`).expect(200);
      expect(errorOf(await request(f.t.baseUrl).get('/api/v1/public/certificates/XF-2026-0000000000').expect(404)).code).toBe('NOT_FOUND');
      expect(errorOf(await request(f.t.baseUrl).get('/api/v1/public/certificates/nope').expect(404)).code).toBe('NOT_FOUND');
    });

    it('refuses a range turned round or longer than three years', async () => {
      f.at(shanghaiMorning(2026, 12, 6));
      const turned = errorOf(await f.post('张建国', '/api/v1/me/certificates', { from: '2026-05-01', to: '2026-04-01' }).expect(400));
      expect(turned.details).toEqual([{ field: 'to', message: '截止日期不能早于起始日期' }]);
      const long = errorOf(await f.post('张建国', '/api/v1/me/certificates', { from: '2022-01-01', to: '2025-01-01' }).expect(400));
      expect(long.details).toEqual([{ field: 'to', message: '一份证明最长跨 3 年，请缩短时间范围' }]);
      await f.post('张建国', '/api/v1/me/certificates', { from: '2022-01-01', to: '2024-12-31' }).expect(201);
      expect(errorOf(await f.post('张建国', '/api/v1/me/certificates', { from: '2026-02-30', to: '2026-03-01' }).expect(400)).code).toBe('VALIDATION_FAILED');
    });
  });

  describe('a community need done as a service record', () => {
    const need = (startsAt: Date, communityId: string) =>
      activity({
        startsAt,
        title: '帮独居老人买菜',
        needKind: 'task',
        kind: 'volunteer',
        scopeKind: 'community',
        scopeId: communityId,
        communityId,
        unitId: null,
        authorId: f.ids['刘芳'],
        creditedHours: 1,
      });

    it('ties the visit to the sign-up once; confirmed, the sign-up is attended and the hours count once', async () => {
      const from = shanghaiMorning(2026, 12, 8);
      const n = await need(from, f.communities.a);
      const elsewhere = await need(from, f.communities.b);
      const mine = await signup(n.id, '张建国');
      await signup(elsewhere.id, '张建国');
      f.at(from);
      const code = (await f.codeFor(f.communities.a)).code;
      expect(errorOf(await f.start('李秀英', { code, needId: n.id }).expect(404)).code).toBe('SIGNUP_NOT_FOUND');
      const wrong = errorOf(await f.start('张建国', { code, needId: elsewhere.id }).expect(400));
      expect(wrong.details).toEqual([{ field: 'needId', message: '这项需求不属于您签到的社区，请扫描该需求所在社区的签到码' }]);
      const started = (await f.start('张建国', { code, needId: n.id }).expect(201)).body as ServiceRecordView;
      expect((await signupRow(mine)).serviceRecordId).toBe(started.id);
      expect((await f.ds.query('SELECT need_id FROM service_records WHERE id = ?', [started.id]))[0].need_id).toBe(n.id);
      f.at(minutes(from, 60));
      await f.end('张建国', started.id, { serviceType: 'care', description: '帮独居老人买菜送上门', code: (await f.codeFor(f.communities.a)).code }).expect(200);
      f.at(minutes(from, 65));
      expect(errorOf(await f.start('张建国', { code: (await f.codeFor(f.communities.a)).code, needId: n.id }).expect(409)).code).toBe('SIGNUP_EXISTS');
      await f.post('刘芳', '/api/v1/services/decide', { ids: [started.id], decision: 'confirm' }).expect(200);
      expect((await signupRow(mine)).status).toBe('attended');
      // Undoing the confirmation takes the attendance back with the hours; confirming again restores both.
      f.at(minutes(from, 66));
      await f.post('刘芳', `/api/v1/services/${started.id}/undo`, {}).expect(200);
      expect((await signupRow(mine)).status).toBe('confirmed');
      expect(sum(await linesFor({ serviceRecordId: started.id }))).toBe(0);
      f.at(minutes(from, 67));
      await f.post('刘芳', '/api/v1/services/decide', { ids: [started.id], decision: 'confirm' }).expect(200);
      const after = await signupRow(mine);
      expect(after).toMatchObject({ status: 'attended', creditedHours: 0 });
      // The worker marking the need's sheet as well credits nothing more: the service line is the need's credit.
      await mark('刘芳', n.id, [{ signupId: mine, status: 'attended' }]).expect(200);
      expect(await linesFor({ activityId: n.id })).toEqual([]);
      const lines = await linesFor({ serviceRecordId: started.id });
      expect(lines.map((l) => [l.source, l.hours])).toEqual([
        ['service', 1],
        ['correction', -1],
        ['correction', 1],
      ]);
      const ofTheDay = (await ledgerOf('张建国')).filter((l) => l.serviceDate === '2026-12-08');
      expect(ofTheDay.every((l) => l.serviceRecordId === started.id)).toBe(true);
      expect(sum(ofTheDay)).toBe(1);
    });
  });
});
