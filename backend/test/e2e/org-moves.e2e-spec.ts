import type { AuditLogView, HandoverResponse, MeResponse, MemberHistoryEntry, MemberView, Page, RoleAssignmentView, UnitView } from '@pioneer/shared-types';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS, HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

describe.each(testDrivers())('people move: transfers, status, handover on %s', (driver) => {
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
  const unitOf = async (name: string): Promise<UnitView> =>
    (await api().get(`/api/v1/units/${kit.unitIdOf(name)}`).set(admin).expect(200)).body as UnitView;
  const historyOf = async (id: string, auth = admin): Promise<MemberHistoryEntry[]> =>
    (await api().get(`/api/v1/members/${id}/history`).set(auth).expect(200)).body as MemberHistoryEntry[];
  const auditOf = async (action: string, targetId: string): Promise<AuditLogView[]> =>
    ((await api().get(`/api/v1/admin/audit-logs?action=${action}&targetId=${targetId}&pageSize=100`).set(admin).expect(200)).body as Page<AuditLogView>)
      .items;

  describe('transfer between units', () => {
    it('moves a member, keeps their records and shows the move in their history and /me', async () => {
      const zhang = kit.idOf('张建国');
      const chen = await kit.as('陈明');
      // Records made before the move: a phone read in the audit log, and the member role assignment.
      await api().get(`/api/v1/members/${zhang}/phone`).set(chen).expect(200);
      const rolesBefore = (await api().get(`/api/v1/members/${zhang}/roles`).set(admin).expect(200)).body as RoleAssignmentView[];
      const tax = await unitOf('区税务局');
      const zhengGuan = tax.branches.find((b) => b.name === '征管支部')!;

      const res = await api()
        .post(`/api/v1/members/${zhang}/transfer`)
        .set(chen)
        .send({ toUnitId: tax.id, toBranchId: zhengGuan.id, reason: '工作调动' })
        .expect(200);
      expect(res.body as MemberView).toMatchObject({ unit: { id: tax.id, name: '区税务局' }, branch: { id: zhengGuan.id, name: '征管支部' }, status: 'active' });

      const me = (await api().get('/api/v1/me').set(await kit.as('张建国')).expect(200)).body as MeResponse;
      expect(me.unit).toEqual({ id: tax.id, name: '区税务局' });
      expect(me.branch?.name).toBe('征管支部');

      const history = await historyOf(zhang);
      expect(history[0]).toMatchObject({ kind: 'unit', actorName: '陈明' });
      expect(history[0]!.summary).toContain('区委组织部（机关第一支部）');
      expect(history[0]!.summary).toContain('区税务局（征管支部）');
      expect(history[0]!.summary).toContain('工作调动');
      expect(history[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      const rolesAfter = (await api().get(`/api/v1/members/${zhang}/roles`).set(admin).expect(200)).body as RoleAssignmentView[];
      expect(rolesAfter).toEqual(rolesBefore);
      expect((await auditOf('member.phone_reveal', zhang)).map((a) => a.actorName)).toContain('陈明');
      expect(await auditOf('member.transfer', zhang)).toHaveLength(1);

      // The member is now outside 陈明's unit: hidden and out of reach, while the new unit's figures count them.
      expect((await api().get(`/api/v1/members/${zhang}`).set(chen).expect(404)).body.code).toBe('NOT_FOUND');
      await api().post(`/api/v1/members/${zhang}/transfer`).set(chen).send({ toUnitId: kit.unitIdOf('区委组织部'), reason: '调回' }).expect(403);
      await api().get(`/api/v1/members/${zhang}/phone`).set(chen).expect(403);
      expect((await unitOf('区税务局')).memberCount).toBe(3);
      expect((await unitOf('区委组织部')).memberCount).toBe(3);
    });

    it('lets the member read their own history, but not someone else’s', async () => {
      const zhang = kit.idOf('张建国');
      const own = await historyOf(zhang, await kit.as('张建国'));
      expect(own.map((h) => h.kind)).toContain('unit');
      await api().get(`/api/v1/members/${zhang}/history`).set(await kit.as('李秀英')).expect(404);
    });

    it('refuses an organizer transferring a member of another unit; a district organizer may', async () => {
      const li = kit.idOf('李秀英');
      const hospital = kit.unitIdOf('区人民医院');
      const refused = await api().post(`/api/v1/members/${li}/transfer`).set(await kit.as('陈明')).send({ toUnitId: hospital, reason: '借调' }).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(HAN) });
      const moved = (await api().post(`/api/v1/members/${li}/transfer`).set(await kit.as('孙伟')).send({ toUnitId: hospital, reason: '借调' }).expect(200))
        .body as MemberView;
      expect(moved).toMatchObject({ unit: { name: '区人民医院' }, branch: null });
      const back = (await api().post(`/api/v1/members/${li}/transfer`).set(admin).send({ toUnitId: kit.unitIdOf('区税务局'), reason: '借调结束' }).expect(200))
        .body as MemberView;
      expect(back.unit.name).toBe('区税务局');
      const history = await historyOf(li);
      expect(history.filter((h) => h.kind === 'unit').map((h) => h.actorName)).toEqual(['周平', '孙伟']);
    });

    it('validates the destination and the reason in Chinese', async () => {
      const li = kit.idOf('李秀英');
      const noReason = await api().post(`/api/v1/members/${li}/transfer`).set(admin).send({ toUnitId: kit.unitIdOf('区人民医院'), reason: '  ' }).expect(400);
      expect(noReason.body.details).toEqual([{ field: 'reason', message: '请填写调动原因' }]);
      const noUnit = await api().post(`/api/v1/members/${li}/transfer`).set(admin).send({ toUnitId: '00000000-0000-0000-0000-000000000000', reason: '调动' }).expect(400);
      expect(noUnit.body.details).toEqual([{ field: 'toUnitId', message: '调入单位不存在' }]);
      const foreignBranch = (await unitOf('区人民医院')).branches[0]!.id;
      const wrong = await api()
        .post(`/api/v1/members/${li}/transfer`)
        .set(admin)
        .send({ toUnitId: kit.unitIdOf('区城市建设投资集团'), toBranchId: foreignBranch, reason: '调动' })
        .expect(400);
      expect(wrong.body.details).toEqual([{ field: 'toBranchId', message: '所选支部不属于调入单位' }]);
      const same = await api().post(`/api/v1/members/${li}/transfer`).set(admin).send({ toUnitId: kit.unitIdOf('区税务局'), reason: '调动' }).expect(409);
      expect(same.body.code).toBe('CONFLICT');
      await api().post('/api/v1/members/00000000-0000-0000-0000-000000000000/transfer').set(admin).send({ toUnitId: kit.unitIdOf('区税务局'), reason: '调动' }).expect(404);
    });

    it('keeps a unit with transfer history from being deleted', async () => {
      const unit = (await api().post('/api/v1/units').set(admin).send({ name: '短命单位', kind: 'other', code: 'SHORT1' }).expect(201)).body as UnitView;
      const wang = kit.idOf('王志强');
      await api().post(`/api/v1/members/${wang}/transfer`).set(admin).send({ toUnitId: unit.id, reason: '临时' }).expect(200);
      await api().post(`/api/v1/members/${wang}/transfer`).set(admin).send({ toUnitId: kit.unitIdOf('区人民医院'), reason: '回原单位' }).expect(200);
      expect((await unitOf('区人民医院')).memberCount).toBe(1);
      const res = await api().delete(`/api/v1/units/${unit.id}`).set(admin).expect(409);
      expect(res.body.code).toBe('ORG_IN_USE');
    });
  });

  describe('status: retired, left, reinstated', () => {
    it('stops a retired member from signing in, and keeps the change in their history', async () => {
      const wang = kit.idOf('王志强');
      const wangAuth = await kit.as('王志强');
      await api().get('/api/v1/me').set(wangAuth).expect(200);
      const res = await api().post(`/api/v1/members/${wang}/status`).set(admin).send({ status: 'retired', reason: '到龄退休' }).expect(200);
      expect((res.body as MemberView).status).toBe('retired');
      const refused = await api().get('/api/v1/me').set(wangAuth).expect(403);
      expect(refused.body).toMatchObject({ code: 'MEMBER_INACTIVE', message: expect.stringMatching(HAN) });
      const history = await historyOf(wang);
      expect(history[0]).toMatchObject({ kind: 'status', actorName: '周平' });
      expect(history[0]!.summary).toContain('已退休');
      expect(history[0]!.summary).toContain('到龄退休');
      // Earlier moves are still there.
      expect(history.filter((h) => h.kind === 'unit')).toHaveLength(2);
      expect(await auditOf('member.status_change', wang)).toHaveLength(1);
    });

    it('keeps a retired member in the roster, refuses to move them, and reinstates them as invited when never bound', async () => {
      const wang = kit.idOf('王志强');
      const retired = (await api().get(`/api/v1/members?status=retired`).set(admin).expect(200)).body as Page<MemberView>;
      expect(retired.items.map((m) => m.name)).toEqual(['王志强']);
      await api().post(`/api/v1/members/${wang}/transfer`).set(admin).send({ toUnitId: kit.unitIdOf('区税务局'), reason: '调动' }).expect(409);
      await api().post(`/api/v1/members/${wang}/status`).set(admin).send({ status: 'retired', reason: '再次' }).expect(409);
      const back = (await api().post(`/api/v1/members/${wang}/status`).set(admin).send({ status: 'active', reason: '返聘' }).expect(200)).body as MemberView;
      expect(back.status).toBe('invited');
      await api().get('/api/v1/me').set(await kit.as('王志强')).expect(200);
    });

    it('marks someone as left within the organizer’s scope only, and never oneself', async () => {
      const chen = await kit.as('陈明');
      await api().post(`/api/v1/members/${kit.idOf('赵丽华')}/status`).set(chen).send({ status: 'left', reason: '离开' }).expect(403);
      expect((await api().post(`/api/v1/members/${kit.idOf('陈明')}/status`).set(chen).send({ status: 'left', reason: '离开' }).expect(409)).body.code).toBe(
        'CONFLICT',
      );
      const bad = await api().post(`/api/v1/members/${kit.idOf('孙伟')}/status`).set(chen).send({ status: 'invited' }).expect(400);
      expect(bad.body.details).toEqual(
        expect.arrayContaining([
          { field: 'status', message: '状态须为 在册、已退休、已离开 或 已转出' },
          { field: 'reason', message: '请填写变更原因' },
        ]),
      );
      await api().post(`/api/v1/members/${kit.idOf('孙伟')}/status`).set(await kit.as('刘芳')).send({ status: 'left', reason: '离开' }).expect(403);
    });
  });

  describe('worker handover', () => {
    it('moves the worker’s communities to an active successor, audited and in both histories', async () => {
      const liu = kit.idOf('刘芳');
      const zhao = kit.idOf('赵丽华');
      const res = await api()
        .post('/api/v1/workers/handover')
        .set(await kit.as('孙伟'))
        .send({ fromMemberId: liu, toMemberId: zhao, reason: '岗位调整' })
        .expect(200);
      expect(res.body as HandoverResponse).toEqual({ movedRoleAssignments: 1 });

      const zhaoMe = (await api().get('/api/v1/me').set(await kit.as('赵丽华')).expect(200)).body as MeResponse;
      expect(zhaoMe.roles.find((r) => r.role === 'worker')).toMatchObject({ scopeKind: 'community', scopeName: '向阳社区' });
      const liuMe = (await api().get('/api/v1/me').set(await kit.as('刘芳')).expect(200)).body as MeResponse;
      expect(liuMe.roles.map((r) => r.role)).toEqual(['member']);
      await api().get('/api/v1/streets').set(await kit.as('刘芳')).expect(403);
      await api().get('/api/v1/streets').set(await kit.as('赵丽华')).expect(200);

      const rows = await auditOf('worker.handover', liu);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorName: '孙伟', detail: expect.objectContaining({ toMemberId: zhao, moved: 1, reason: '岗位调整' }) });
      expect((await historyOf(liu))[0]!.summary).toContain('移交给 赵丽华');
      expect((await historyOf(zhao))[0]!.summary).toContain('接任 刘芳');
      expect((await historyOf(zhao))[0]!.summary).toContain('向阳社区');
    });

    it('merges a community the successor already serves instead of duplicating it', async () => {
      const communities = (await api().get('/api/v1/communities').set(admin).expect(200)).body as Page<{ id: string; name: string }>;
      const guangming = communities.items.find((c) => c.name === '光明社区')!;
      const xiangyang = communities.items.find((c) => c.name === '向阳社区')!;
      const liu = kit.idOf('刘芳');
      const zhao = kit.idOf('赵丽华');
      for (const c of [xiangyang, guangming]) {
        await api().post(`/api/v1/members/${liu}/roles`).set(admin).send({ role: 'worker', scopeKind: 'community', scopeId: c.id }).expect(201);
      }
      const res = await api().post('/api/v1/workers/handover').set(admin).send({ fromMemberId: liu, toMemberId: zhao, reason: '再次调整' }).expect(200);
      expect(res.body).toEqual({ movedRoleAssignments: 2 });
      const roles = (await api().get(`/api/v1/members/${zhao}/roles`).set(admin).expect(200)).body as RoleAssignmentView[];
      expect(roles.filter((r) => r.role === 'worker').map((r) => r.scopeName).sort()).toEqual(['光明社区', '向阳社区'].sort());
    });

    it('refuses a unit organizer, an inactive successor, someone with nothing to hand over, and a self-handover', async () => {
      const liu = kit.idOf('刘芳');
      const zhao = kit.idOf('赵丽华');
      await api().post('/api/v1/workers/handover').set(await kit.as('陈明')).send({ fromMemberId: zhao, toMemberId: liu, reason: '调整' }).expect(403);
      await api().post('/api/v1/workers/handover').set(await kit.as('赵丽华')).send({ fromMemberId: zhao, toMemberId: liu, reason: '调整' }).expect(403);
      await api().post(`/api/v1/members/${kit.idOf('李秀英')}/status`).set(admin).send({ status: 'left', reason: '离开本区' }).expect(200);
      const inactive = await api().post('/api/v1/workers/handover').set(admin).send({ fromMemberId: zhao, toMemberId: kit.idOf('李秀英'), reason: '调整' }).expect(409);
      expect(inactive.body).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('李秀英') });
      const nothing = await api().post('/api/v1/workers/handover').set(admin).send({ fromMemberId: liu, toMemberId: zhao, reason: '调整' }).expect(409);
      expect(nothing.body.message).toContain('刘芳');
      const self = await api().post('/api/v1/workers/handover').set(admin).send({ fromMemberId: zhao, toMemberId: zhao, reason: '调整' }).expect(400);
      expect(self.body.details).toEqual([{ field: 'toMemberId', message: '接任人不能是移交人本人' }]);
      const missing = await api().post('/api/v1/workers/handover').set(admin).send({}).expect(400);
      expect((missing.body.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(['fromMemberId', 'reason', 'toMemberId']);
      const roles = (await api().get(`/api/v1/members/${zhao}/roles`).set(admin).expect(200)).body as RoleAssignmentView[];
      expect(roles.filter((r) => r.role === 'worker')).toHaveLength(2);
    });
  });
});
