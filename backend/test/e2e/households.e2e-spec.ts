import type { HouseholdDetail, HouseholdView, Page } from '@pioneer/shared-types';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

describe.each(testDrivers())('households (结对关爱) over HTTP on %s', (driver) => {
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
  const PHONE = '13900110011';
  const ADDRESS = '幸福路 18 号 3 单元 502 室';

  it('stores a household masked, shows the contact in full only to its paired member, one audit row per read', async () => {
    const created = await api()
      .post('/api/v1/households')
      .set(await kit.as('张建国'))
      .send({ village: '东村三组', contactName: '王大爷', phone: PHONE, address: ADDRESS, consent: true });
    expect(created.status).toBe(201);
    const view = created.body as HouseholdView;
    expect(view.contactName).not.toBe('王大爷');
    expect(view.phone).not.toBe(PHONE);
    expect(view.address).not.toBe(ADDRESS);
    for (const name of ['张建国', '孙伟']) {
      const list = await api().get('/api/v1/households').set(await kit.as(name)).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(PHONE);
      expect((list.body as Page<HouseholdView>).items.map((h) => h.id)).toContain(view.id);
    }
    const read = async () => api().post(`/api/v1/households/${view.id}/contact`).set(await kit.as('张建国'));
    expect((await read()).body).toEqual({ contactName: '王大爷', phone: PHONE, address: ADDRESS });
    await read();
    const audits = await kit.ds.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'household.contact_read' AND target_id = ?", [view.id]);
    expect(Number(audits[0].n)).toBe(2);
    expect((await api().post(`/api/v1/households/${view.id}/contact`).set(await kit.as('李秀英'))).status).toBe(404);
  });

  it('refuses a household without consent, a second pairing, and a visit after the pairing ended', async () => {
    const refused = await api()
      .post('/api/v1/households')
      .set(await kit.as('张建国'))
      .send({ village: '东村三组', contactName: '李大妈', address: ADDRESS, consent: false });
    expect(refused.status).toBe(400);
    const created = await api()
      .post('/api/v1/households')
      .set(await kit.as('陈明'))
      .send({ village: '西村一组', contactName: '李大妈', address: ADDRESS, consent: true })
      .expect(201);
    const id = (created.body as HouseholdView).id;
    const again = await api().post(`/api/v1/households/${id}/pairings`).set(await kit.as('陈明')).send({ memberId: kit.idOf('陈明') });
    expect(again.status).toBe(409);
    const ok = await api().post('/api/v1/visits').set(await kit.as('陈明')).send({ householdId: id, place: '西村一组李大妈家', visitedOn: '2026-01-05' });
    expect(ok.status).toBe(201);
    const detail = (await api().get(`/api/v1/households/${id}`).set(await kit.as('陈明')).expect(200)).body as HouseholdDetail;
    expect(detail.visitCount).toBe(1);
    await api().post(`/api/v1/pairings/${detail.pairings[0]!.id}/end`).set(await kit.as('陈明')).send({ reason: '搬家' }).expect(200);
    const after = await api().post('/api/v1/visits').set(await kit.as('陈明')).send({ householdId: id, place: '西村一组李大妈家', visitedOn: '2026-01-05' });
    expect(after.status).toBe(403);
  });
});
