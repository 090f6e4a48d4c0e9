import type { TokenResponse } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import type { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';
import { ServiceRecordEntity } from '../../src/modules/services/entities/service-record.entity.js';
import { shanghaiDate } from '../../src/modules/services/hours.js';
import { testDrivers } from '../support/test-database.js';
import { minutes, servicesFixture, type ServicesFixture, shanghaiMorning } from './services-fixture.js';

const HISTORY = 300;
/** What one start may cost at most: the guard, the registration with its community and member, two history probes, the write. */
const MAX_STATEMENTS_PER_START = 12;

interface Seen {
  sql: string;
  rows: number;
}

/**
 * The check-in path must cost the same for a member with years of visits as for a new one: the same statements, and
 * no statement that returns their history. Counted from every query the app sends while the request runs.
 */
describe.each(testDrivers())('check-in start stays flat as history grows on %s', (driver) => {
  let f: ServicesFixture;

  beforeAll(async () => {
    f = await servicesFixture(driver);
    // 张建国 gets HISTORY confirmed past visits (code starts, so no coordinates kept), one a day, written as the app does.
    const first = shanghaiMorning(2025, 1, 1);
    const rows = Array.from({ length: HISTORY }, (_, i) => {
      const startedAt = minutes(first, i * 24 * 60);
      const record = f.ds.getRepository(ServiceRecordEntity).create({
        memberId: f.ids['张建国'],
        communityId: f.communities.a,
        status: 'confirmed',
        openMemberId: null,
        startedAt,
        endedAt: minutes(startedAt, 60),
        serviceDate: shanghaiDate(startedAt),
        startVerification: 'code',
        endVerification: 'code',
        startLat: null,
        startLng: null,
        startAccuracyM: null,
        distanceM: null,
        geofenceResult: null,
        serviceType: 'care',
        description: '走访慰问独居老人',
        proposedHours: 1,
        hours: 1,
        offlineClaimedAt: null,
        onBehalf: false,
        onBehalfReason: null,
        createdBy: f.ids['张建国'],
        decidedBy: f.ids['刘芳'],
        decidedAt: minutes(startedAt, 120),
        decisionReason: null,
      });
      record.id = randomUUID();
      return record;
    });
    for (let i = 0; i < rows.length; i += 50) await f.ds.getRepository(ServiceRecordEntity).insert(rows.slice(i, i + 50));
  });
  afterAll(async () => {
    await f?.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Every statement the app sends while `work` runs, with how many rows it returned. */
  const statementsDuring = async (work: () => Promise<unknown>): Promise<Seen[]> => {
    const seen: Seen[] = [];
    const counter: EntitySubscriberInterface = {
      afterQuery(event: AfterQueryEvent) {
        seen.push({ sql: event.query, rows: Array.isArray(event.rawResults) ? event.rawResults.length : 0 });
      },
    };
    f.ds.subscribers.push(counter);
    try {
      await work();
    } finally {
      f.ds.subscribers.splice(f.ds.subscribers.indexOf(counter), 1);
    }
    return seen;
  };

  it(`costs a member with ${HISTORY} past visits the same statements as a new member, and returns no history`, async () => {
    f.at(shanghaiMorning(2026, 5, 6));
    const { code } = await f.codeFor(f.communities.a);
    const fresh = await statementsDuring(() => f.start('李秀英', { code }).expect(201));
    const seasoned = await statementsDuring(() => f.start('张建国', { code }).expect(201));

    expect(seasoned.length).toBe(fresh.length);
    expect(seasoned.length).toBeLessThanOrEqual(MAX_STATEMENTS_PER_START);
    // A few rows (the member's roles, the previous start, counts) whoever starts; never one row per past visit.
    expect(seasoned.filter((s) => s.rows > 3).map((s) => `${s.rows} rows: ${s.sql}`)).toEqual([]);
    const returned = (seen: Seen[]) => seen.reduce((n, s) => n + s.rows, 0);
    expect(returned(seasoned)).toBeLessThanOrEqual(returned(fresh) + 1);
  });

  it('checks an access token, its session, member and roles, in one statement', async () => {
    const signedIn = (await f.api().post('/api/v1/auth/demo').send({ role: 'member' }).expect(200)).body as TokenResponse;
    // A plain member asking for the worker's queue is refused on their roles, so nothing but the token check runs.
    const seen = await statementsDuring(() =>
      f.api().get('/api/v1/services/queue').set('Authorization', `Bearer ${signedIn.accessToken}`).expect(403),
    );
    expect(seen.map((s) => s.sql)).toHaveLength(1);
  });
});
