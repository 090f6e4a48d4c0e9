import type { AuditLogView, MeResponse, MemberView, Page, RoleAssignmentView, UnitView } from '@pioneer/shared-types';
import request, { rawRequest } from '../support/http.js';
import { DEMO_PHONES } from '../../src/database/seeds/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS, HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;

describe.each(testDrivers())('members, roles and phone numbers on %s', (driver) => {
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
  const names = (page: Page<MemberView>) => page.items.map((m) => m.name).sort();
  const auditOf = async (action: string, targetId: string): Promise<AuditLogView[]> =>
    ((await api().get(`/api/v1/admin/audit-logs?action=${action}&targetId=${targetId}&pageSize=100`).set(admin).expect(200)).body as Page<AuditLogView>)
      .items;

  describe('member lists', () => {
    it('lists everyone for the admin with masked phones and never a full seeded number', async () => {
      const res = await api().get('/api/v1/members?pageSize=100').set(admin).expect(200);
      const page = res.body as Page<MemberView>;
      expect(page.total).toBe(8);
      for (const phone of DEMO_PHONES) expect(res.text).not.toContain(phone);
      for (const m of page.items) expect(m.phone).toMatch(MASKED_PHONE);
      const zhang = page.items.find((m) => m.name === '张建国')!;
      expect(zhang).toMatchObject({ phone: '138****0001', phoneMasked: true, status: 'active', wechatBound: false, unit: { name: '区委组织部' } });
      expect(zhang.branch?.name).toBe('机关第一支部');
      expect(page.items.find((m) => m.name === '刘芳')!.roles).toEqual(
        expect.arrayContaining([expect.objectContaining({ role: 'worker', scopeKind: 'community', scopeName: '向阳社区' })]),
      );
    });

    it('finds a member by part of the name, or by the whole phone number through its hash, in a POST body', async () => {
      // A read: no Idempotency-Key, and the search words never travel in the URL.
      const search = (who: { Authorization: string }, body: object) =>
        rawRequest(t.baseUrl).post('/api/v1/members/search').set(who).send(body);
      const byName = (await search(admin, { q: '建国' }).expect(200)).body as Page<MemberView>;
      expect(names(byName)).toEqual(['张建国']);
      const byPhone = await search(admin, { q: '13800000002' }).expect(200);
      expect(names(byPhone.body as Page<MemberView>)).toEqual(['李秀英']);
      expect(byPhone.text).not.toContain('13800000002');
      const spaced = (await search(admin, { q: '+86 138-0000-0003' }).expect(200)).body as Page<MemberView>;
      expect(names(spaced)).toEqual(['王志强']);
      const partialPhone = (await search(admin, { q: '1380000' }).expect(200)).body as Page<MemberView>;
      expect(partialPhone.total).toBe(0);
      const paged = (await search(admin, { status: 'active', page: 1, pageSize: 2 }).expect(200)).body as Page<MemberView>;
      expect(paged).toMatchObject({ page: 1, pageSize: 2 });
      expect(paged.items).toHaveLength(2);
      expect((await search(admin, { q: 'x'.repeat(51) }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await search(await kit.as('刘芳'), { q: '建国' }).expect(403)).body.code).toBe('FORBIDDEN');
      // The list itself no longer takes search words in its query string.
      const inUrl = await api().get(`/api/v1/members?q=${encodeURIComponent('建国')}`).set(admin).expect(400);
      expect(inUrl.body.code).toBe('VALIDATION_FAILED');
    });

    it('scopes an organizer of one unit to that unit, while a district organizer sees everyone', async () => {
      const chen = await kit.as('陈明');
      const mine = (await api().get('/api/v1/members?pageSize=100').set(chen).expect(200)).body as Page<MemberView>;
      expect(names(mine)).toEqual(['周平', '孙伟', '张建国', '陈明'].sort());
      const other = (await api().get(`/api/v1/members?unitId=${kit.unitIdOf('区税务局')}`).set(chen).expect(200)).body as Page<MemberView>;
      expect(other.total).toBe(0);
      const byPhone = (await rawRequest(t.baseUrl).post('/api/v1/members/search').set(chen).send({ q: '13800000002' }).expect(200))
        .body as Page<MemberView>;
      expect(byPhone.total).toBe(0);
      expect((await api().get(`/api/v1/members/${kit.idOf('李秀英')}`).set(chen).expect(404)).body.code).toBe('NOT_FOUND');
      await api().get(`/api/v1/members/${kit.idOf('张建国')}`).set(chen).expect(200);

      const sun = await kit.as('孙伟');
      expect(((await api().get('/api/v1/members?pageSize=100').set(sun).expect(200)).body as Page<MemberView>).total).toBe(8);
      const li = (await api().get(`/api/v1/members/${kit.idOf('李秀英')}`).set(sun).expect(200)).body as MemberView;
      expect(li).toMatchObject({ name: '李秀英', phone: '138****0002', phoneMasked: true });
    });

    it('keeps member lists from workers and plain members', async () => {
      await api().get('/api/v1/members').set(await kit.as('刘芳')).expect(403);
      await api().get(`/api/v1/members/${kit.idOf('张建国')}`).set(await kit.as('张建国')).expect(403);
    });

    it('filters by status and refuses unknown statuses in Chinese', async () => {
      const active = (await api().get('/api/v1/members?status=active&pageSize=100').set(admin).expect(200)).body as Page<MemberView>;
      expect(active.total).toBe(8);
      const res = await api().get('/api/v1/members?status=dead').set(admin).expect(400);
      expect(res.body.details).toEqual([{ field: 'status', message: expect.stringMatching(HAN) }]);
    });
  });

  describe('entering and editing members by hand', () => {
    it('lets an organizer add a member to their own unit as invited, with the member role', async () => {
      const chen = await kit.as('陈明');
      const res = await api()
        .post('/api/v1/members')
        .set(chen)
        .send({ name: '吴新', phone: '139 1234 5678', unitId: kit.unitIdOf('区委组织部') })
        .expect(201);
      const created = res.body as MemberView;
      expect(created).toMatchObject({ name: '吴新', status: 'invited', phone: '139****5678', phoneMasked: true, branch: null, wechatBound: false });
      expect(created.roles.map((r) => r.role)).toEqual(['member']);
      expect(res.text).not.toContain('13912345678');
    });

    it('refuses an organizer adding to another unit, a duplicate phone and a bad phone', async () => {
      const chen = await kit.as('陈明');
      const tax = kit.unitIdOf('区税务局');
      await api().post('/api/v1/members').set(chen).send({ name: '钱多', phone: '13912340000', unitId: tax }).expect(403);
      const dup = await api().post('/api/v1/members').set(admin).send({ name: '冒名', phone: '13800000001', unitId: tax }).expect(409);
      expect(dup.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(HAN) });
      const bad = await api().post('/api/v1/members').set(admin).send({ name: '', phone: '12345', unitId: '' }).expect(400);
      expect(bad.body.details).toEqual(
        expect.arrayContaining([
          { field: 'name', message: '请填写姓名' },
          { field: 'phone', message: '手机号格式不正确，请填写 11 位手机号' },
          { field: 'unitId', message: '请选择所在单位' },
        ]),
      );
      const wrongBranch = await api()
        .post('/api/v1/members')
        .set(admin)
        .send({ name: '钱多', phone: '13912340000', unitId: tax, branchId: ((await unitOf('区人民医院')).branches[0]!).id })
        .expect(400);
      expect(wrongBranch.body.details).toEqual([{ field: 'branchId', message: '所选支部不属于该单位' }]);
    });

    it('edits the name and the branch within the unit, inside the editor’s scope only', async () => {
      const tax = await unitOf('区税务局');
      const li = kit.idOf('李秀英');
      const zongHe = tax.branches.find((b) => b.name === '综合支部')!;
      const edited = (await api().patch(`/api/v1/members/${li}`).set(admin).send({ name: '李秀英', branchId: zongHe.id }).expect(200)).body as MemberView;
      expect(edited.branch).toEqual({ id: zongHe.id, name: '综合支部' });
      const other = (await unitOf('区人民医院')).branches[0]!;
      const res = await api().patch(`/api/v1/members/${li}`).set(admin).send({ branchId: other.id }).expect(400);
      expect(res.body.details).toEqual([{ field: 'branchId', message: '所选支部不属于该单位' }]);
      await api().patch(`/api/v1/members/${li}`).set(await kit.as('陈明')).send({ name: '李某' }).expect(403);
      await api().patch(`/api/v1/members/${li}`).set(admin).send({ unitId: kit.unitIdOf('区委组织部') }).expect(400);
    });
  });

  describe('phone numbers', () => {
    it('shows the full number to the admin and audits the read', async () => {
      const zhang = kit.idOf('张建国');
      const before = (await auditOf('member.phone_reveal', zhang)).length;
      const res = await api().get(`/api/v1/members/${zhang}/phone`).set(admin).expect(200);
      expect(res.body).toEqual({ phone: '13800000001' });
      const rows = await auditOf('member.phone_reveal', zhang);
      expect(rows).toHaveLength(before + 1);
      expect(rows[0]).toMatchObject({ actorId: kit.idOf('周平'), targetType: 'member', targetId: zhang, result: 'success' });
      expect(JSON.stringify(rows)).not.toContain('13800000001');
    });

    it('shows it to the member themself and to an organizer covering them', async () => {
      const zhang = kit.idOf('张建国');
      expect((await api().get(`/api/v1/members/${zhang}/phone`).set(await kit.as('张建国')).expect(200)).body.phone).toBe('13800000001');
      expect((await api().get(`/api/v1/members/${zhang}/phone`).set(await kit.as('陈明')).expect(200)).body.phone).toBe('13800000001');
      expect((await api().get(`/api/v1/members/${kit.idOf('李秀英')}/phone`).set(await kit.as('孙伟')).expect(200)).body.phone).toBe('13800000002');
      const rows = await auditOf('member.phone_reveal', zhang);
      expect(rows.filter((r) => r.result === 'success').map((r) => r.actorName)).toEqual(expect.arrayContaining(['张建国', '陈明']));
    });

    it('refuses everyone else, and audits the refusal too', async () => {
      const li = kit.idOf('李秀英');
      const before = (await auditOf('member.phone_reveal', li)).filter((r) => r.result === 'failure').length;
      for (const who of ['陈明', '刘芳', '张建国']) {
        const res = await api().get(`/api/v1/members/${li}/phone`).set(await kit.as(who)).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
        expect(res.text).not.toContain('13800000002');
      }
      const failures = (await auditOf('member.phone_reveal', li)).filter((r) => r.result === 'failure');
      expect(failures).toHaveLength(before + 3);
      expect(failures.map((r) => r.actorName)).toEqual(expect.arrayContaining(['陈明', '刘芳', '张建国']));
    });
  });

  describe('roles', () => {
    let streetId: string;
    let xiangyangId: string;
    beforeAll(async () => {
      const communities = (await api().get('/api/v1/communities').set(admin).expect(200)).body as Page<{ id: string; name: string; streetId: string }>;
      const xy = communities.items.find((c) => c.name === '向阳社区')!;
      xiangyangId = xy.id;
      streetId = xy.streetId;
    });

    it('lists, grants and revokes roles, each change audited', async () => {
      const zhao = kit.idOf('赵丽华');
      const listed = (await api().get(`/api/v1/members/${zhao}/roles`).set(admin).expect(200)).body as RoleAssignmentView[];
      expect(listed.map((r) => r.role)).toEqual(['member']);
      const granted = (
        await api().post(`/api/v1/members/${zhao}/roles`).set(admin).send({ role: 'worker', scopeKind: 'street', scopeId: streetId }).expect(201)
      ).body as RoleAssignmentView;
      expect(granted).toMatchObject({ role: 'worker', scopeKind: 'street', scopeId: streetId, scopeName: '向阳街道' });
      const me = (await api().get('/api/v1/me').set(await kit.as('赵丽华')).expect(200)).body as MeResponse;
      expect(me.roles.map((r) => r.role)).toContain('worker');
      await api().delete(`/api/v1/members/${zhao}/roles/${granted.id}`).set(admin).expect(204);
      const after = (await api().get('/api/v1/me').set(await kit.as('赵丽华')).expect(200)).body as MeResponse;
      expect(after.roles.map((r) => r.role)).toEqual(['member']);
      const grants = await auditOf('member.role_grant', zhao);
      const revokes = await auditOf('member.role_revoke', zhao);
      expect(grants[0]!.detail).toMatchObject({ assignmentId: granted.id, role: 'worker', scopeName: '向阳街道' });
      expect(revokes[0]!.detail).toMatchObject({ assignmentId: granted.id });
      await api().delete(`/api/v1/members/${zhao}/roles/${granted.id}`).set(admin).expect(404);
    });

    it('refuses a scope that does not fit the role, or does not exist', async () => {
      const wang = kit.idOf('王志强');
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ role: 'worker', scopeKind: 'unit', scopeId: kit.unitIdOf('区税务局') }, 'scopeKind'],
        [{ role: 'worker', scopeKind: 'community' }, 'scopeId'],
        [{ role: 'worker', scopeKind: 'community', scopeId: '00000000-0000-0000-0000-000000000000' }, 'scopeId'],
        [{ role: 'organizer', scopeKind: 'district', scopeId: xiangyangId }, 'scopeId'],
        [{ role: 'organizer', scopeKind: 'branch', scopeId: kit.unitIdOf('区税务局') }, 'scopeId'],
        [{ role: 'member', scopeKind: 'community', scopeId: xiangyangId }, 'scopeKind'],
        [{ role: 'admin', scopeKind: 'district' }, 'scopeKind'],
      ];
      for (const [body, field] of cases) {
        const res = await api().post(`/api/v1/members/${wang}/roles`).set(admin).send(body).expect(400);
        expect(res.body).toMatchObject({ code: 'ROLE_SCOPE_INVALID', message: expect.stringMatching(HAN) });
        expect(res.body.details).toEqual([{ field, message: expect.stringMatching(HAN) }]);
      }
      const bad = await api().post(`/api/v1/members/${wang}/roles`).set(admin).send({ role: 'king', scopeKind: 'self' }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const roles = (await api().get(`/api/v1/members/${wang}/roles`).set(admin).expect(200)).body as RoleAssignmentView[];
      expect(roles).toHaveLength(1);
    });

    it('keeps admin duties and organizer duties on different accounts', async () => {
      const toOrganizer = await api().post(`/api/v1/members/${kit.idOf('陈明')}/roles`).set(admin).send({ role: 'admin', scopeKind: 'system' }).expect(409);
      expect(toOrganizer.body.code).toBe('ADMIN_DUTIES_SEPARATE');
      const toAdmin = await api().post(`/api/v1/members/${kit.idOf('周平')}/roles`).set(admin).send({ role: 'organizer', scopeKind: 'district' }).expect(409);
      expect(toAdmin.body).toMatchObject({ code: 'ADMIN_DUTIES_SEPARATE', message: expect.stringMatching(HAN) });
      // Holding a worker role with admin is allowed: only organizer duties are kept apart.
      const wang = kit.idOf('王志强');
      const adminRole = (await api().post(`/api/v1/members/${wang}/roles`).set(admin).send({ role: 'admin', scopeKind: 'system' }).expect(201)).body as RoleAssignmentView;
      await api().post(`/api/v1/members/${wang}/roles`).set(admin).send({ role: 'organizer', scopeKind: 'unit', scopeId: kit.unitIdOf('区人民医院') }).expect(409);
      await api().delete(`/api/v1/members/${wang}/roles/${adminRole.id}`).set(admin).expect(204);
    });

    it('refuses duplicates, self-revocation of admin, and anyone but the admin', async () => {
      const chen = kit.idOf('陈明');
      const dup = await api().post(`/api/v1/members/${chen}/roles`).set(admin).send({ role: 'organizer', scopeKind: 'unit', scopeId: kit.unitIdOf('区委组织部') }).expect(409);
      expect(dup.body.code).toBe('CONFLICT');
      const mine = (await api().get(`/api/v1/members/${kit.idOf('周平')}/roles`).set(admin).expect(200)).body as RoleAssignmentView[];
      await api().delete(`/api/v1/members/${kit.idOf('周平')}/roles/${mine[0]!.id}`).set(admin).expect(409);
      const sun = await kit.as('孙伟');
      await api().get(`/api/v1/members/${chen}/roles`).set(sun).expect(403);
      await api().post(`/api/v1/members/${chen}/roles`).set(sun).send({ role: 'worker', scopeKind: 'community', scopeId: xiangyangId }).expect(403);
    });

    it('widens what an organizer sees as soon as a unit scope is granted', async () => {
      const wang = kit.idOf('王志强');
      const role = (
        await api().post(`/api/v1/members/${wang}/roles`).set(admin).send({ role: 'organizer', scopeKind: 'unit', scopeId: kit.unitIdOf('区税务局') }).expect(201)
      ).body as RoleAssignmentView;
      const list = (await api().get('/api/v1/members?pageSize=100').set(await kit.as('王志强')).expect(200)).body as Page<MemberView>;
      expect(names(list)).toEqual(['刘芳', '李秀英'].sort());
      await api().delete(`/api/v1/members/${wang}/roles/${role.id}`).set(admin).expect(204);
      await api().get('/api/v1/members').set(await kit.as('王志强')).expect(403);
    });

    it('narrows a branch organizer to their branch', async () => {
      const tax = await unitOf('区税务局');
      const zhengGuan = tax.branches.find((b) => b.name === '征管支部')!;
      const wang = kit.idOf('王志强');
      await api().post(`/api/v1/members/${wang}/roles`).set(admin).send({ role: 'organizer', scopeKind: 'branch', scopeId: zhengGuan.id }).expect(201);
      const wangAuth = await kit.as('王志强');
      const list = (await api().get('/api/v1/members?pageSize=100').set(wangAuth).expect(200)).body as Page<MemberView>;
      // 李秀英 was moved to 综合支部 above; 刘芳 is in 综合支部 too, so nobody in 征管支部 remains but new entries.
      expect(list.items.every((m) => m.branch?.id === zhengGuan.id)).toBe(true);
      const created = (
        await api().post('/api/v1/members').set(wangAuth).send({ name: '郑征', phone: '13712345678', unitId: tax.id, branchId: zhengGuan.id }).expect(201)
      ).body as MemberView;
      expect(names((await api().get('/api/v1/members?pageSize=100').set(wangAuth).expect(200)).body as Page<MemberView>)).toEqual(['郑征']);
      const zongHe = tax.branches.find((b) => b.name === '综合支部')!;
      await api().patch(`/api/v1/members/${created.id}`).set(wangAuth).send({ branchId: zongHe.id }).expect(403);
      await api().post('/api/v1/members').set(wangAuth).send({ name: '外支部', phone: '13712345679', unitId: tax.id }).expect(403);
      const units = (await api().get('/api/v1/units').set(wangAuth).expect(200)).body as Page<UnitView>;
      expect(units.items.map((u) => u.name)).toEqual(['区税务局']);
    });
  });

  async function unitOf(name: string): Promise<UnitView> {
    return (await api().get(`/api/v1/units/${kit.unitIdOf(name)}`).set(admin).expect(200)).body as UnitView;
  }
});
