import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { CheckinCodeResponse, RegistrationView, ServiceRecordView } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import request from '../support/http.js';
import type { DataSource } from 'typeorm';
import { RegistrationEntity } from '../../src/modules/registrations/entities/registration.entity.js';
import { Clock } from '../../src/modules/services/clock.js';
import type { Driver } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Seeded people (demo-seed.ts): plain members, 刘芳 (member + worker of 向阳社区), 陈明 (organizer of 区委组织部),
// 孙伟 (district organizer), 周平 (admin only, not a member).
export const PEOPLE = ['张建国', '李秀英', '王志强', '赵丽华', '刘芳', '陈明', '孙伟', '周平'] as const;
export type Person = (typeof PEOPLE)[number];

/** 向阳社区 (the seed's first community): centre and radius, for geofence points. */
export const XIANGYANG = { lat: 41.7965, lng: 123.4312, radius: 300 };
/** Degrees of latitude per metre, near enough for test points a few hundred metres out. */
export const LAT_PER_M = 1 / 111_195;

export interface ServicesFixture {
  t: TestApp;
  ds: DataSource;
  clock: Clock;
  ids: Record<Person, string>;
  communities: { a: string; b: string };
  api: () => request.Agent;
  get(person: Person, path: string): request.Test;
  post(person: Person, path: string, body: object): request.Test;
  /** Freezes the server clock at this instant until the test ends (jest.restoreAllMocks in afterEach). */
  at(when: Date | number): Date;
  codeFor(communityId: string, person?: Person): Promise<CheckinCodeResponse>;
  start(person: Person, body: object): request.Test;
  end(person: Person, id: string, body: object): request.Test;
  /** Starts with a fresh code at `from` and ends at `to` (with a second code unless `endCode` is false). */
  visit(person: Person, from: Date, to: Date, options?: { endCode?: boolean }): Promise<ServiceRecordView>;
  close(): Promise<void>;
}

/** 09:00 in Shanghai on the given day: days far apart keep one test's visits from looking like travel in another. */
export function shanghaiMorning(year: number, month: number, day: number, plusMinutes = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, 1, plusMinutes, 0));
}

export function minutes(from: Date, n: number): Date {
  return new Date(from.getTime() + n * 60_000);
}

/**
 * One app per driver with the people registered: 张建国, 李秀英, 赵丽华 and 陈明 with 向阳社区 through the API (刘芳
 * approves them); 刘芳 herself (a worker cannot approve her own) and 王志强 (光明社区, which has no worker) directly.
 */
export async function servicesFixture(driver: Driver, env: Record<string, string> = {}): Promise<ServicesFixture> {
  const t = await startTestApp(driver, { RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const ds = t.app.get<DataSource>(getDataSourceToken());
  const clock = t.app.get(Clock);
  const jwt = t.app.get(JwtService);
  const ids = {} as Record<Person, string>;
  const tokens = {} as Record<Person, string>;
  const rows: Array<{ id: string; name: string }> = await ds.query('SELECT id, name FROM members');
  for (const person of PEOPLE) {
    const row = rows.find((r) => r.name === person);
    if (!row) throw new Error(`${person} is not in the demo seed`);
    ids[person] = row.id;
    tokens[person] = await jwt.signAsync({ sub: row.id, typ: 'access' }, { expiresIn: 3600 });
  }
  const communityRows: Array<{ id: string; name: string }> = await ds.query('SELECT id, name FROM communities');
  const communityId = (name: string) => communityRows.find((c) => c.name === name)!.id;
  const communities = { a: communityId('向阳社区'), b: communityId('光明社区') };

  const api = () => request(t.baseUrl) as unknown as request.Agent;
  const auth = (person: Person) => ({ Authorization: `Bearer ${tokens[person]}` });
  const get = (person: Person, path: string) => request(t.baseUrl).get(path).set(auth(person));
  const post = (person: Person, path: string, body: object) =>
    request(t.baseUrl).post(path).set(auth(person)).set('Idempotency-Key', `test-${randomUUID()}`).send(body);
  const at = (when: Date | number) => {
    const instant = new Date(when);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(instant));
    return instant;
  };
  const codeFor = async (id: string, person: Person = '刘芳') =>
    (await get(person, `/api/v1/checkin/code?communityId=${id}`).expect(200)).body as CheckinCodeResponse;
  const start = (person: Person, body: object) => post(person, '/api/v1/services/start', body);
  const end = (person: Person, id: string, body: object) => post(person, `/api/v1/services/${id}/end`, body);
  const visit = async (person: Person, from: Date, to: Date, options: { endCode?: boolean } = {}) => {
    at(from);
    const started = (await start(person, { code: (await codeFor(communities.a)).code }).expect(201)).body as ServiceRecordView;
    at(to);
    const body: Record<string, unknown> = { serviceType: 'care', description: '走访慰问独居老人，帮助打扫卫生' };
    if (options.endCode !== false) body.code = (await codeFor(communities.a)).code;
    return (await end(person, started.id, body).expect(200)).body as ServiceRecordView;
  };

  for (const person of ['张建国', '李秀英', '赵丽华', '陈明'] as const) {
    const asked = (await post(person, '/api/v1/registrations', { communityId: communities.a }).expect(201)).body as RegistrationView;
    await post('刘芳', `/api/v1/registrations/${asked.id}/approve`, {}).expect(200);
  }
  // A registration as the registrations module stores an approved one (its own tests cover how it gets there).
  const insertApproved = (memberId: string, community: string) =>
    ds.getRepository(RegistrationEntity).insert({
      id: randomUUID(),
      memberId,
      communityId: community,
      status: 'approved',
      activeMemberId: memberId,
      onBehalf: false,
      onBehalfReason: null,
      createdBy: memberId,
      decidedBy: null,
      decidedAt: new Date(),
      decisionReason: null,
      endedBy: null,
      endedAt: null,
      endReason: null,
    });
  await insertApproved(ids['刘芳'], communities.a);
  await insertApproved(ids['王志强'], communities.b);

  return { t, ds, clock, ids, communities, api, get, post, at, codeFor, start, end, visit, close: () => t.close() };
}
