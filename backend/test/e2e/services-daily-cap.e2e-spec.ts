import type { ServiceDecisionResponse, ServiceRecordView } from '@pioneer/shared-types';
import { testDrivers } from '../support/test-database.js';
import { minutes, servicesFixture, type ServicesFixture, shanghaiMorning } from './services-fixture.js';

const CAP = 8;
const WRITERS = 6;

/**
 * The daily cap under concurrent writers: every path that adds or confirms hours must see the others' hours, so racing
 * requests for one member and day never leave more than the cap counted. (SQLite serializes transactions anyway; the
 * MariaDB run is the one that proves the lock.)
 */
describe.each(testDrivers())('daily hours cap under concurrent writers on %s', (driver) => {
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

  const counted = async (memberId: string, serviceDate: string): Promise<{ confirmed: number; pending: number }> => {
    const rows: Array<{ confirmed: string | number | null; pending: string | number | null }> = await f.ds.query(
      `SELECT SUM(CASE WHEN status = 'confirmed' THEN hours ELSE 0 END) AS confirmed,
              SUM(CASE WHEN status = 'pending' THEN proposed_hours ELSE 0 END) AS pending
         FROM service_records WHERE member_id = ? AND service_date = ?`,
      [memberId, serviceDate],
    );
    return { confirmed: Number(rows[0]?.confirmed ?? 0), pending: Number(rows[0]?.pending ?? 0) };
  };

  const onBehalf = (memberId: string, from: Date, hours: number) =>
    f.post('刘芳', '/api/v1/services/on-behalf', {
      memberIds: [memberId],
      communityId: f.communities.a,
      startedAt: from.toISOString(),
      endedAt: minutes(from, hours * 60).toISOString(),
      serviceType: 'volunteer',
      description: '社区义诊志愿服务',
      reason: '纸质签到表补录',
    });

  it('parallel on-behalf entries for one member and day never pass the cap, and none is cut down', async () => {
    const day = shanghaiMorning(2026, 4, 6);
    f.at(minutes(day, 14 * 60));
    const memberId = f.ids['张建国'];
    // Back to back from 00:00 in Shanghai, three hours each: nothing overlaps, only the cap can refuse.
    const responses = await Promise.all(Array.from({ length: WRITERS }, (_, i) => onBehalf(memberId, minutes(day, -9 * 60 + i * 180), 3)));
    const statuses = responses.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 201, 422, 422, 422, 422]);
    for (const res of responses.filter((r) => r.status === 201)) expect((res.body as ServiceRecordView[])[0]!.hours).toBe(3);
    for (const res of responses.filter((r) => r.status === 422)) {
      expect(res.body).toMatchObject({ code: 'SERVICE_DAILY_CAP', details: [{ field: `memberIds.${memberId}`, message: '张建国今日还可记 2 小时' }] });
    }
    expect((await counted(memberId, '2026-04-06')).confirmed).toBe(6);
  });

  it('a verified record over what is left of the day is not cut down: the worker is told and credits what fits', async () => {
    const day = shanghaiMorning(2026, 4, 9);
    // A: both ends scanned, 3 h proposed. B: end not scanned, 0.5 h proposed, then vouched for at 6 h.
    const a = await f.visit('李秀英', day, minutes(day, 180), { endCode: true });
    const b = await f.visit('李秀英', minutes(day, 240), minutes(day, 270), { endCode: false });
    expect(a.proposedHours).toBe(3);
    f.at(minutes(day, 10 * 60));
    const vouched = await f.post('刘芳', '/api/v1/services/decide', { ids: [b.id], decision: 'confirm', hours: { [b.id]: 6 } }).expect(200);
    expect((vouched.body as ServiceDecisionResponse).decided).toEqual([b.id]);
    const refused = (await f.post('刘芳', '/api/v1/services/decide', { ids: [a.id], decision: 'confirm' }).expect(200))
      .body as ServiceDecisionResponse;
    expect(refused.decided).toEqual([]);
    expect(refused.skipped).toEqual([expect.objectContaining({ id: a.id, code: 'SERVICE_DAILY_CAP' })]);
    expect(refused.skipped[0]!.message).toContain('最多还可计入 2 小时');
    expect(await counted(f.ids['李秀英'], '2026-04-09')).toEqual({ confirmed: 6, pending: 3 });
    const fitted = await f.post('刘芳', '/api/v1/services/decide', { ids: [a.id], decision: 'confirm', hours: { [a.id]: 2 } }).expect(200);
    expect((fitted.body as ServiceDecisionResponse).decided).toEqual([a.id]);
    expect(await counted(f.ids['李秀英'], '2026-04-09')).toEqual({ confirmed: 8, pending: 0 });
  });

  it('parallel confirmations with worker hours never credit more than the cap', async () => {
    const day = shanghaiMorning(2026, 4, 7);
    // Visits ended without a second scan: each needs the worker's hours, checked against what is credited that day.
    const pending: ServiceRecordView[] = [];
    for (let i = 0; i < WRITERS; i++) pending.push(await f.visit('李秀英', minutes(day, i * 60), minutes(day, i * 60 + 30), { endCode: false }));
    f.at(minutes(day, 12 * 60));
    const responses = await Promise.all(
      pending.map((r) => f.post('刘芳', '/api/v1/services/decide', { ids: [r.id], decision: 'confirm', hours: { [r.id]: 3 } })),
    );
    for (const res of responses) expect(res.status).toBe(200);
    const decided = responses.flatMap((res) => (res.body as ServiceDecisionResponse).decided);
    expect(decided).toHaveLength(2);
    expect((await counted(f.ids['李秀英'], '2026-04-07')).confirmed).toBeLessThanOrEqual(CAP);
  });

  it('on-behalf entries racing confirmations of the same member and day stay within the cap', async () => {
    const day = shanghaiMorning(2026, 4, 8);
    const memberId = f.ids['赵丽华'];
    const pending: ServiceRecordView[] = [];
    for (let i = 0; i < 3; i++) pending.push(await f.visit('赵丽华', minutes(day, i * 60), minutes(day, i * 60 + 30), { endCode: false }));
    f.at(minutes(day, 12 * 60));
    const writes = [
      ...pending.map((r) => f.post('刘芳', '/api/v1/services/decide', { ids: [r.id], decision: 'confirm', hours: { [r.id]: 3 } })),
      ...[0, 1, 2].map((i) => onBehalf(memberId, minutes(day, 3 * 60 + i * 180), 3)),
    ];
    // An entry that no longer fits the day is refused (422), never shortened.
    for (const res of await Promise.all(writes)) expect([200, 201, 422]).toContain(res.status);
    expect((await counted(memberId, '2026-04-08')).confirmed).toBeLessThanOrEqual(CAP);
  });

  it('a check-out racing on-behalf entries: overlapping times are refused either way, and the day stays within the cap', async () => {
    const day = shanghaiMorning(2026, 4, 9);
    const memberId = f.ids['陈明'];
    f.at(day);
    const started = (await f.start('陈明', { code: (await f.codeFor(f.communities.a)).code }).expect(201)).body as ServiceRecordView;
    f.at(minutes(day, 7 * 60));
    const { code } = await f.codeFor(f.communities.a);
    const [ended, inside, ...before] = await Promise.all([
      f.end('陈明', started.id, { serviceType: 'care', description: '走访慰问独居老人，帮助打扫卫生', code }),
      // 10:00–11:00, inside the visit: whichever runs first, the other sees it.
      onBehalf(memberId, minutes(day, 60), 1),
      // 03:00–09:00 in two-hour sheets, before the visit: only the cap can refuse these.
      ...[0, 1, 2].map((i) => onBehalf(memberId, minutes(day, -6 * 60 + i * 120), 2)),
    ]);
    expect(inside!.status).toBe(409);
    expect(inside!.body).toMatchObject({ code: 'SERVICE_TIME_OVERLAP' });
    expect([200, 422]).toContain(ended!.status);
    for (const res of before) expect([201, 422]).toContain(res.status);
    const { confirmed, pending } = await counted(memberId, '2026-04-09');
    expect(confirmed + pending).toBeLessThanOrEqual(CAP);
    // No two of the member's counted records share a minute.
    const rows: Array<{ started_at: string | Date; ended_at: string | Date | null }> = await f.ds.query(
      "SELECT started_at, ended_at FROM service_records WHERE member_id = ? AND service_date = ? AND status <> 'rejected' ORDER BY started_at",
      [memberId, '2026-04-09'],
    );
    const spans = rows.map((r) => [new Date(r.started_at).getTime(), r.ended_at ? new Date(r.ended_at).getTime() : Infinity]);
    for (let k = 1; k < spans.length; k++) expect(spans[k]![0]).toBeGreaterThanOrEqual(spans[k - 1]![1]!);
  });
});
