import type { MatterPage, MatterView } from '@pioneer/shared-types';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

describe.each(testDrivers())('practical matters (实事) over HTTP on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  const api = () => request(t.baseUrl);
  const body = (unitId: string, doneOn: string, beneficiaries: number) => ({ title: '修好楼道灯', unitId, doneOn, beneficiaries, description: '为住户修好了楼道灯' });

  it('counts every matching matter in the total and the residents helped, and forgets a deleted one', async () => {
    const unit = kit.unitIdOf('区委组织部');
    const ids: string[] = [];
    for (const [day, n] of [['2026-01-03', 4], ['2026-01-04', 7], ['2026-01-05', 12]] as const) {
      const res = await api().post('/api/v1/matters').set(await kit.as('陈明')).send(body(unit, day, n));
      expect(res.status).toBe(201);
      ids.push((res.body as MatterView).id);
    }
    const page = (await api().get('/api/v1/matters?pageSize=1').set(await kit.as('孙伟')).expect(200)).body as MatterPage;
    const recount = await kit.ds.query('SELECT COUNT(*) AS n, SUM(beneficiaries) AS s FROM matters');
    expect(page.total).toBe(Number(recount[0].n));
    expect(page.beneficiaries).toBe(Number(recount[0].s));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.doneOn).toBe('2026-01-05');
    await api().delete(`/api/v1/matters/${ids[0]}`).set(await kit.as('陈明')).expect(204);
    const after = (await api().get('/api/v1/matters?pageSize=100').set(await kit.as('孙伟')).expect(200)).body as MatterPage;
    expect(after.items.map((m) => m.id)).not.toContain(ids[0]);
    expect(after.total).toBe(page.total - 1);
  });

  it('refuses a future day and a unit out of scope', async () => {
    expect((await api().post('/api/v1/matters').set(await kit.as('陈明')).send(body(kit.unitIdOf('区委组织部'), '2999-01-01', 3))).status).toBe(400);
    expect((await api().post('/api/v1/matters').set(await kit.as('陈明')).send(body(kit.unitIdOf('区税务局'), '2026-01-01', 3))).status).toBe(403);
  });
});
