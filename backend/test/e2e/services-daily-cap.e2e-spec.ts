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

  it('parallel on-behalf entries for one member and day never pass the cap', async () => {
    const day = shanghaiMorning(2026, 4, 6);
    f.at(minutes(day, 14 * 60));
    const memberId = f.ids['张建国'];
    const responses = await Promise.all(Array.from({ length: WRITERS }, (_, i) => onBehalf(memberId, minutes(day, i * 10), 3)));
    for (const res of responses) expect(res.status).toBe(201);
    const hours = responses.map((res) => (res.body as ServiceRecordView[])[0]!.hours).sort((a, b) => b - a);
    expect(hours.reduce((a, b) => a + b, 0)).toBe(CAP);
    expect(hours.slice(0, 3)).toEqual([3, 3, 2]);
    expect((await counted(memberId, '2026-04-06')).confirmed).toBe(CAP);
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
      ...[0, 1, 2].map((i) => onBehalf(memberId, minutes(day, 5 * 60 + i * 10), 3)),
    ];
    for (const res of await Promise.all(writes)) expect([200, 201]).toContain(res.status);
    expect((await counted(memberId, '2026-04-08')).confirmed).toBeLessThanOrEqual(CAP);
  });

  it('a check-out racing on-behalf entries proposes only what is left of the day', async () => {
    const day = shanghaiMorning(2026, 4, 9);
    const memberId = f.ids['陈明'];
    f.at(day);
    const started = (await f.start('陈明', { code: (await f.codeFor(f.communities.a)).code }).expect(201)).body as ServiceRecordView;
    f.at(minutes(day, 7 * 60));
    const { code } = await f.codeFor(f.communities.a);
    const writes = [
      f.end('陈明', started.id, { serviceType: 'care', description: '走访慰问独居老人，帮助打扫卫生', code }),
      ...[0, 1, 2].map((i) => onBehalf(memberId, minutes(day, -60 + i * 10), 3)),
    ];
    for (const res of await Promise.all(writes)) expect([200, 201]).toContain(res.status);
    const { confirmed, pending } = await counted(memberId, '2026-04-09');
    expect(confirmed + pending).toBeLessThanOrEqual(CAP);
  });
});
