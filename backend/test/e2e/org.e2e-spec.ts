import type { ApiErrorBody, AuditLogView, CommunityView, Page, StreetView, UnitView } from '@pioneer/shared-types';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS, HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

describe.each(testDrivers())('organization data (units, streets, communities, audit log) on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    admin = await kit.as('周平');
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  }, APP_START_TIMEOUT_MS);

  const api = () => request(t.baseUrl);
  const fieldsOf = (body: ApiErrorBody) => (body.details as Array<{ field: string; message: string }>).map((d) => d.field);

  describe('units', () => {
    it('lists every unit for the admin with branches, brand and roster counts', async () => {
      const res = await api().get('/api/v1/units').set(admin).expect(200);
      const page = res.body as Page<UnitView>;
      expect(page).toMatchObject({ page: 1, pageSize: 20, total: 4 });
      const zzb = page.items.find((u) => u.code === 'JG001')!;
      expect(zzb).toMatchObject({ name: '区委组织部', kind: 'government', brandName: '红色引擎', memberCount: 4 });
      expect(zzb.branches.map((b) => b.name)).toEqual(['机关第一支部']);
      expect(page.items.find((u) => u.code === 'JG002')!.branches.map((b) => b.name).sort()).toEqual(['征管支部', '综合支部'].sort());
    });

    it('pages and searches by name or exact code', async () => {
      const p1 = (await api().get('/api/v1/units?page=1&pageSize=3').set(admin).expect(200)).body as Page<UnitView>;
      const p2 = (await api().get('/api/v1/units?page=2&pageSize=3').set(admin).expect(200)).body as Page<UnitView>;
      expect(p1.items).toHaveLength(3);
      expect(p2.items).toHaveLength(1);
      expect(new Set([...p1.items, ...p2.items].map((u) => u.id)).size).toBe(4);
      const byName = (await api().get(`/api/v1/units?q=${encodeURIComponent('医院')}`).set(admin).expect(200)).body as Page<UnitView>;
      expect(byName.items.map((u) => u.code)).toEqual(['SY001']);
      const byCode = (await api().get('/api/v1/units?q=qy001').set(admin).expect(200)).body as Page<UnitView>;
      expect(byCode.items.map((u) => u.name)).toEqual(['区城市建设投资集团']);
      const pct = (await api().get('/api/v1/units?q=%25').set(admin).expect(200)).body as Page<UnitView>;
      expect(pct.total).toBe(0);
    });

    it('refuses a page size above 100 with a Chinese message', async () => {
      const res = await api().get('/api/v1/units?pageSize=101').set(admin).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'pageSize', message: expect.stringMatching(HAN) }] });
    });

    it('shows an organizer only the units in their scope; a district organizer sees all', async () => {
      const chen = await kit.as('陈明');
      const mine = (await api().get('/api/v1/units').set(chen).expect(200)).body as Page<UnitView>;
      expect(mine.items.map((u) => u.name)).toEqual(['区委组织部']);
      await api().get(`/api/v1/units/${kit.unitIdOf('区委组织部')}`).set(chen).expect(200);
      expect((await api().get(`/api/v1/units/${kit.unitIdOf('区税务局')}`).set(chen).expect(404)).body.code).toBe('NOT_FOUND');
      const district = (await api().get('/api/v1/units').set(await kit.as('孙伟')).expect(200)).body as Page<UnitView>;
      expect(district.total).toBe(4);
    });

    it('keeps units away from workers and plain members', async () => {
      expect((await api().get('/api/v1/units').set(await kit.as('刘芳')).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await api().get('/api/v1/units').set(await kit.as('张建国')).expect(403)).body.code).toBe('FORBIDDEN');
      const chen = await kit.as('陈明');
      await api().post('/api/v1/units').set(chen).send({ name: '某单位', kind: 'other', code: 'X1' }).expect(403);
    });

    it('creates a unit with branches and a party-building brand; the code is stored upper-case', async () => {
      const res = await api()
        .post('/api/v1/units')
        .set(admin)
        .send({ name: ' 区教育局 ', kind: 'government', code: 'jg-003', brandName: '烛光先锋', brandIntro: '教师党员进社区', branches: ['教研支部', '机关支部'] })
        .expect(201);
      const unit = res.body as UnitView;
      expect(unit).toMatchObject({ name: '区教育局', code: 'JG-003', brandName: '烛光先锋', memberCount: 0 });
      expect(unit.branches.map((b) => b.name).sort()).toEqual(['教研支部', '机关支部'].sort());
      const again = (await api().get(`/api/v1/units/${unit.id}`).set(admin).expect(200)).body as UnitView;
      expect(again).toEqual(unit);
    });

    it('refuses a duplicate unit code with 409 UNIT_CODE_TAKEN, whatever its case', async () => {
      const res = await api().post('/api/v1/units').set(admin).send({ name: '重复', kind: 'other', code: 'jg001' }).expect(409);
      expect(res.body).toMatchObject({ code: 'UNIT_CODE_TAKEN', message: expect.stringMatching(HAN) });
    });

    it('answers simultaneous creates with the same code with one 201 and 409s, never a 500', async () => {
      const code = `RACE${driver.toUpperCase()}`;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => api().post('/api/v1/units').set(admin).send({ name: `并发单位${i}`, kind: 'other', code })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(5);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('UNIT_CODE_TAKEN');
      const list = (await api().get(`/api/v1/units?q=${code}`).set(admin).expect(200)).body as Page<UnitView>;
      expect(list.total).toBe(1);
    });

    it('explains bad unit input field by field in Chinese', async () => {
      const res = await api().post('/api/v1/units').set(admin).send({ name: '  ', kind: 'party', code: '代码!', branches: ['a', 'a'] }).expect(400);
      const body = res.body as ApiErrorBody;
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body).sort()).toEqual(['branches', 'code', 'kind', 'name']);
      for (const d of body.details as Array<{ message: string }>) expect(d.message).toMatch(HAN);
      const brand = await api().post('/api/v1/units').set(admin).send({ name: '甲', kind: 'other', code: 'B1', brandIntro: '只有介绍' }).expect(400);
      expect(brand.body.details).toEqual([{ field: 'brandName', message: expect.stringMatching(HAN) }]);
    });

    it('edits a unit and its branches, but never removes a branch that has members', async () => {
      const created = (
        await api().post('/api/v1/units').set(admin).send({ name: '区文旅局', kind: 'government', code: 'JG-004', branches: ['一支部', '二支部'] }).expect(201)
      ).body as UnitView;
      const updated = (
        await api()
          .patch(`/api/v1/units/${created.id}`)
          .set(admin)
          .send({ name: '区文化和旅游局', branches: ['一支部', '三支部'], brandName: null })
          .expect(200)
      ).body as UnitView;
      expect(updated.name).toBe('区文化和旅游局');
      expect(updated.code).toBe('JG-004');
      expect(updated.branches.map((b) => b.name).sort()).toEqual(['一支部', '三支部'].sort());
      expect(updated.branches.find((b) => b.name === '一支部')!.id).toBe(created.branches.find((b) => b.name === '一支部')!.id);

      const tax = kit.unitIdOf('区税务局');
      const res = await api().patch(`/api/v1/units/${tax}`).set(admin).send({ branches: ['征管支部'] }).expect(409);
      expect(res.body).toMatchObject({ code: 'ORG_IN_USE', message: expect.stringContaining('综合支部') });
      const still = (await api().get(`/api/v1/units/${tax}`).set(admin).expect(200)).body as UnitView;
      expect(still.branches).toHaveLength(2);

      const taken = await api().patch(`/api/v1/units/${created.id}`).set(admin).send({ code: 'JG002' }).expect(409);
      expect(taken.body.code).toBe('UNIT_CODE_TAKEN');
      await api().patch('/api/v1/units/00000000-0000-0000-0000-000000000000').set(admin).send({ name: '无' }).expect(404);
    });

    it('deletes an unused unit and refuses one that members still reference', async () => {
      const res = await api().delete(`/api/v1/units/${kit.unitIdOf('区人民医院')}`).set(admin).expect(409);
      expect(res.body).toMatchObject({ code: 'ORG_IN_USE', message: expect.stringMatching(HAN) });
      const unit = (await api().post('/api/v1/units').set(admin).send({ name: '临时单位', kind: 'other', code: 'TMP1', branches: ['甲支部'] }).expect(201))
        .body as UnitView;
      await api().delete(`/api/v1/units/${unit.id}`).set(admin).expect(204);
      await api().get(`/api/v1/units/${unit.id}`).set(admin).expect(404);
    });
  });

  describe('streets', () => {
    it('is readable by admins, organizers and workers, with community counts', async () => {
      for (const who of ['周平', '陈明', '刘芳']) {
        const page = (await api().get('/api/v1/streets').set(await kit.as(who)).expect(200)).body as Page<StreetView>;
        expect(page.items.find((s) => s.name === '向阳街道')?.communityCount).toBe(2);
      }
      await api().get('/api/v1/streets').set(await kit.as('张建国')).expect(403);
    });

    it('creates, renames and deletes a street; refuses duplicates, empty names and a street in use', async () => {
      const created = (await api().post('/api/v1/streets').set(admin).send({ name: '东风街道' }).expect(201)).body as StreetView;
      expect(created).toMatchObject({ name: '东风街道', communityCount: 0 });
      expect((await api().post('/api/v1/streets').set(admin).send({ name: '东风街道' }).expect(409)).body.code).toBe('CONFLICT');
      const empty = await api().post('/api/v1/streets').set(admin).send({ name: ' ' }).expect(400);
      expect(empty.body.details).toEqual([{ field: 'name', message: '请填写街道名称' }]);
      const renamed = (await api().patch(`/api/v1/streets/${created.id}`).set(admin).send({ name: '东风路街道' }).expect(200)).body as StreetView;
      expect(renamed.name).toBe('东风路街道');
      const streets = (await api().get('/api/v1/streets').set(admin).expect(200)).body as Page<StreetView>;
      const xiangyang = streets.items.find((s) => s.name === '向阳街道')!;
      expect((await api().delete(`/api/v1/streets/${xiangyang.id}`).set(admin).expect(409)).body.code).toBe('ORG_IN_USE');
      await api().delete(`/api/v1/streets/${created.id}`).set(admin).expect(204);
      await api().get(`/api/v1/streets/${created.id}`).set(admin).expect(404);
      await api().post('/api/v1/streets').set(await kit.as('孙伟')).send({ name: '乙街道' }).expect(403);
    });
  });

  describe('communities', () => {
    let streetId: string;
    beforeAll(async () => {
      streetId = ((await api().post('/api/v1/streets').set(admin).send({ name: '北陵街道' }).expect(201)).body as StreetView).id;
    });

    it('is readable by any signed-in person and filterable by street', async () => {
      const member = await kit.as('张建国');
      const all = (await api().get('/api/v1/communities').set(member).expect(200)).body as Page<CommunityView>;
      expect(all.total).toBeGreaterThanOrEqual(4);
      const xiangyang = all.items.find((c) => c.name === '向阳社区')!;
      expect(xiangyang).toMatchObject({ streetName: '向阳街道', geofenceRadiusM: 300, lat: 41.7965, lng: 123.4312 });
      const ofStreet = (await api().get(`/api/v1/communities?streetId=${xiangyang.streetId}`).set(member).expect(200)).body as Page<CommunityView>;
      expect(ofStreet.items.map((c) => c.name).sort()).toEqual(['光明社区', '向阳社区'].sort());
      await api().get(`/api/v1/communities/${xiangyang.id}`).set(member).expect(200);
      await api().get('/api/v1/communities').expect(401);
    });

    it('creates a community with the default 300 m geofence and edits its radius', async () => {
      const created = (
        await api().post('/api/v1/communities').set(admin).send({ name: '北陵社区', streetId, address: '北陵大街 1 号', lat: 41.84, lng: 123.42 }).expect(201)
      ).body as CommunityView;
      expect(created).toMatchObject({ name: '北陵社区', streetId, streetName: '北陵街道', geofenceRadiusM: 300, lat: 41.84, lng: 123.42 });
      const edited = (await api().patch(`/api/v1/communities/${created.id}`).set(admin).send({ geofenceRadiusM: 500 }).expect(200)).body as CommunityView;
      expect(edited.geofenceRadiusM).toBe(500);
      expect(edited.address).toBe('北陵大街 1 号');
      await api().delete(`/api/v1/communities/${created.id}`).set(admin).expect(204);
      await api().get(`/api/v1/communities/${created.id}`).set(admin).expect(404);
    });

    it('validates coordinates, radius and street with Chinese messages', async () => {
      const bad = await api()
        .post('/api/v1/communities')
        .set(admin)
        .send({ name: '坏社区', streetId, address: '某处', lat: 91, lng: -181, geofenceRadiusM: 20 })
        .expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['geofenceRadiusM', 'lat', 'lng']);
      expect((bad.body.details as Array<{ field: string; message: string }>).find((d) => d.field === 'geofenceRadiusM')!.message).toBe(
        '电子围栏半径应为 50 到 2000 米之间的整数',
      );
      const tooBig = await api().post('/api/v1/communities').set(admin).send({ name: '大社区', streetId, address: '某处', lat: 41, lng: 123, geofenceRadiusM: 2001 }).expect(400);
      expect(fieldsOf(tooBig.body)).toEqual(['geofenceRadiusM']);
      const text = await api().post('/api/v1/communities').set(admin).send({ name: '文字', streetId, address: '某处', lat: '41.8', lng: 123 }).expect(400);
      expect(fieldsOf(text.body)).toEqual(['lat']);
      const noStreet = await api()
        .post('/api/v1/communities')
        .set(admin)
        .send({ name: '孤岛社区', streetId: '00000000-0000-0000-0000-000000000000', address: '某处', lat: 41, lng: 123 })
        .expect(400);
      expect(noStreet.body.details).toEqual([{ field: 'streetId', message: '所选街道不存在' }]);
      const missing = await api().post('/api/v1/communities').set(admin).send({}).expect(400);
      expect(fieldsOf(missing.body).sort()).toEqual(['address', 'lat', 'lng', 'name', 'streetId']);
    });

    it('lets only the admin write, and refuses to delete a community a worker serves', async () => {
      const all = (await api().get('/api/v1/communities').set(admin).expect(200)).body as Page<CommunityView>;
      const xiangyang = all.items.find((c) => c.name === '向阳社区')!;
      await api().patch(`/api/v1/communities/${xiangyang.id}`).set(await kit.as('刘芳')).send({ geofenceRadiusM: 100 }).expect(403);
      expect((await api().delete(`/api/v1/communities/${xiangyang.id}`).set(admin).expect(409)).body.code).toBe('ORG_IN_USE');
    });
  });

  describe('audit log', () => {
    it('shows the admin what happened, newest first, filterable by action', async () => {
      const page = (await api().get('/api/v1/admin/audit-logs?action=unit.create').set(admin).expect(200)).body as Page<AuditLogView>;
      expect(page.total).toBeGreaterThanOrEqual(3);
      expect(page).toMatchObject({ page: 1, pageSize: 20 });
      expect(page.items.every((a) => a.action === 'unit.create' && a.result === 'success')).toBe(true);
      expect(page.items[0]!.actorName).toBe('周平');
      const times = page.items.map((a) => a.at);
      expect([...times].sort().reverse()).toEqual(times);
      const byActor = (await api().get(`/api/v1/admin/audit-logs?actorId=${kit.idOf('周平')}&pageSize=100`).set(admin).expect(200))
        .body as Page<AuditLogView>;
      expect(byActor.items.map((a) => a.action)).toEqual(expect.arrayContaining(['unit.create', 'street.create', 'community.create']));
    });

    it('is admin-only and has no way to change or remove a row', async () => {
      await api().get('/api/v1/admin/audit-logs').set(await kit.as('孙伟')).expect(403);
      const one = ((await api().get('/api/v1/admin/audit-logs?pageSize=1').set(admin).expect(200)).body as Page<AuditLogView>).items[0]!;
      expect((await api().delete(`/api/v1/admin/audit-logs/${one.id}`).set(admin).expect(404)).body.code).toBe('ROUTE_NOT_FOUND');
      await api().patch(`/api/v1/admin/audit-logs/${one.id}`).set(admin).send({ result: 'failure' }).expect(404);
      await api().delete('/api/v1/admin/audit-logs').set(admin).expect(404);
    });
  });

  it('documents the organization endpoints in OpenAPI', async () => {
    const res = await api().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/units',
        '/api/v1/units/{id}',
        '/api/v1/streets',
        '/api/v1/communities/{id}',
        '/api/v1/members/{id}/phone',
        '/api/v1/members/{memberId}/roles/{assignmentId}',
        '/api/v1/workers/handover',
        '/api/v1/admin/audit-logs',
      ]),
    );
    expect(res.body.components.schemas.UnitPageDto).toBeDefined();
  });
});
