import type { ApiErrorBody, MessageView, Page, RegistrationView, UnreadCountResponse } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import request, { rawRequest } from '../support/http.js';
import { RegistrationsService } from '../../src/modules/registrations/registrations.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

type Headers = Record<string, string>;

describe.each(testDrivers())('registrations (报到关系) over HTTP on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let xiangyang: string; // 向阳社区: 刘芳 works here
  let guangming: string; // 光明社区: 王志强 is made its worker below
  let xinhua: string;

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    const rows: Array<{ id: string; name: string }> = await kit.ds.query('SELECT id, name FROM communities');
    const community = (name: string) => rows.find((r) => r.name === name)!.id;
    xiangyang = community('向阳社区');
    guangming = community('光明社区');
    xinhua = community('新华社区');
    // A second worker, for another community, granted the way an admin does it.
    await api()
      .post(`/api/v1/members/${kit.idOf('王志强')}/roles`)
      .set(await as('周平'))
      .send({ role: 'worker', scopeKind: 'community', scopeId: guangming })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const as = async (name: string): Promise<Headers> => ({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() });
  const post = async (name: string, path: string, body: object = {}) =>
    api().post(`/api/v1${path}`).set(await as(name)).send(body);
  const ask = async (name: string, communityId: string): Promise<RegistrationView> => {
    const res = await post(name, '/registrations', { communityId });
    expect(res.status).toBe(201);
    return res.body as RegistrationView;
  };
  const mine = async (name: string): Promise<RegistrationView[]> =>
    (await api().get('/api/v1/registrations/mine').set(await as(name)).expect(200)).body as RegistrationView[];
  const list = async (name: string, query = ''): Promise<Page<RegistrationView>> =>
    (await api().get(`/api/v1/registrations${query}`).set(await as(name)).expect(200)).body as Page<RegistrationView>;
  const inbox = async (name: string): Promise<MessageView[]> =>
    ((await api().get('/api/v1/messages?pageSize=50').set(await as(name)).expect(200)).body as Page<MessageView>).items;
  const unread = async (name: string): Promise<UnreadCountResponse> =>
    (await api().get('/api/v1/messages/unread-count').set(await as(name)).expect(200)).body as UnreadCountResponse;
  const audits = async (action: string, targetId: string): Promise<Array<{ actor_id: string; detail: string | null }>> =>
    kit.ds.query('SELECT actor_id, detail FROM audit_logs WHERE action = ? AND target_id = ?', [action, targetId]);
  const activeRows = async (memberId: string): Promise<number> =>
    (await kit.ds.query("SELECT id FROM registrations WHERE member_id = ? AND status IN ('pending', 'approved')", [memberId])).length;
  const fields = (body: ApiErrorBody) => (body.details as Array<{ field: string }>).map((d) => d.field);

  it('lets a member ask to register (pending) and refuses a second active one, for any community', async () => {
    const reg = await ask('张建国', xiangyang);
    expect(reg).toMatchObject({
      status: 'pending',
      onBehalf: false,
      reason: null,
      decidedBy: null,
      endedAt: null,
      member: { id: kit.idOf('张建国'), name: '张建国', unitName: '区委组织部' },
      community: { id: xiangyang, name: '向阳社区', streetName: '向阳街道' },
    });
    expect((await mine('张建国')).map((r) => r.id)).toEqual([reg.id]);
    for (const communityId of [xiangyang, guangming]) {
      const res = await post('张建国', '/registrations', { communityId });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'REGISTRATION_ACTIVE_EXISTS', message: expect.stringMatching(HAN) });
    }
    expect(await audits('registration.request', reg.id)).toHaveLength(1);
  });

  it('refuses bad input with field-level Chinese messages', async () => {
    const res = await post('张建国', '/registrations', { communityId: 'not-an-id' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'communityId', message: expect.stringMatching(HAN) }] });
    const unknown = await post('赵丽华', '/registrations', { communityId: randomUUID() });
    expect(unknown.status).toBe(404);
    expect(await activeRows(kit.idOf('赵丽华'))).toBe(0);
  });

  it('keeps exactly one active registration when one member sends 50 requests at once', async () => {
    const member = kit.idOf('赵丽华');
    const headers = await Promise.all(Array.from({ length: 50 }, () => as('赵丽华')));
    const results = await Promise.all(
      headers.map((h, i) =>
        api()
          .post('/api/v1/registrations')
          .set(h)
          .send({ communityId: i % 2 ? xinhua : guangming }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('REGISTRATION_ACTIVE_EXISTS');
    expect(await activeRows(member)).toBe(1);
    const all: unknown[] = await kit.ds.query('SELECT id FROM registrations WHERE member_id = ?', [member]);
    expect(all).toHaveLength(1);
  });

  it("shows a worker only their communities' registrations and counts their pending ones", async () => {
    const liu = await list('刘芳');
    expect(liu.items.length).toBeGreaterThan(0);
    expect(liu.items.every((r) => r.community.id === xiangyang)).toBe(true);
    expect(liu.items.map((r) => r.member.name)).toContain('张建国');
    expect((await unread('刘芳')).pendingForWorker).toBe(1);

    const wang = await list('王志强');
    expect(wang.items.every((r) => r.community.id === guangming)).toBe(true);
    expect(wang.items.map((r) => r.member.name)).not.toContain('张建国');
    expect((await list('王志强', `?communityId=${xiangyang}`)).total).toBe(0);
    expect((await list('刘芳', '?status=approved')).total).toBe(0);

    // A plain member has no queue and no list.
    expect((await unread('张建国')).pendingForWorker).toBeUndefined();
    const res = await api().get('/api/v1/registrations').set(await as('张建国'));
    expect(res.status).toBe(403);
  });

  it("refuses another community's worker; a rejection needs a reason and reaches the member's inbox", async () => {
    const [reg] = (await list('刘芳', '?status=pending')).items.filter((r) => r.member.name === '张建国');
    expect(reg).toBeDefined();
    const other = await post('王志强', `/registrations/${reg!.id}/approve`);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(HAN) });
    expect((await post('王志强', `/registrations/${reg!.id}/reject`, { reason: '不在本社区居住' })).status).toBe(403);

    for (const body of [{}, { reason: '  ' }]) {
      const bad = await post('刘芳', `/registrations/${reg!.id}/reject`, body);
      expect(bad.status).toBe(400);
      expect(fields(bad.body as ApiErrorBody)).toContain('reason');
    }
    const rejected = await post('刘芳', `/registrations/${reg!.id}/reject`, { reason: '住址不在向阳社区辖区' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reason: '住址不在向阳社区辖区',
      decidedBy: { id: kit.idOf('刘芳'), name: '刘芳' },
    });
    expect((rejected.body as RegistrationView).decidedAt).not.toBeNull();

    const [message] = await inbox('张建国');
    expect(message).toMatchObject({ kind: 'registration_rejected', readAt: null });
    expect(message!.body).toContain('住址不在向阳社区辖区');
    expect(await audits('registration.reject', reg!.id)).toEqual([
      expect.objectContaining({ actor_id: kit.idOf('刘芳') }),
    ]);
    const again = await post('刘芳', `/registrations/${reg!.id}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_DECIDED');
    expect((await unread('刘芳')).pendingForWorker).toBe(0);
  });

  it('approves a new request; the member is told, and check-in can find the community', async () => {
    const reg = await ask('张建国', xiangyang);
    expect((await unread('刘芳')).pendingForWorker).toBe(1);
    const approved = await post('刘芳', `/registrations/${reg.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { name: '刘芳' } });
    const [message] = await inbox('张建国');
    expect(message).toMatchObject({ kind: 'registration_approved' });
    expect(message!.body).toContain('向阳社区');
    expect(await audits('registration.approve', reg.id)).toHaveLength(1);
    expect((await unread('刘芳')).pendingForWorker).toBe(0);

    const registrations = t.app.get(RegistrationsService);
    expect((await registrations.approvedCommunityOf(kit.idOf('张建国')))?.community.id).toBe(xiangyang);
    expect(await registrations.approvedCommunityOf(kit.idOf('李秀英'))).toBeNull();
    expect(await registrations.approvedMemberIdsIn([xiangyang])).toEqual([kit.idOf('张建国')]);
    expect(await registrations.approvedMemberIdsIn([])).toEqual([]);
    // History: the rejected request and the approved one.
    expect((await mine('张建国')).map((r) => r.status)).toEqual(['approved', 'rejected']);
  });

  it("does not let a worker decide their own registration, nor count it as waiting for them", async () => {
    const own = await ask('刘芳', xiangyang);
    expect((await unread('刘芳')).pendingForWorker).toBe(0);
    for (const action of ['approve', 'reject']) {
      const res = await post('刘芳', `/registrations/${own.id}/${action}`, { reason: '本人操作' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('OWN_RECORD');
    }
    // She withdraws it herself.
    const ended = await post('刘芳', `/registrations/${own.id}/end`, { reason: '撤回申请' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', reason: '撤回申请' });
  });

  it('lets a worker find the member on a paper form by name and phone together, audited', async () => {
    // A read carrying a name and a phone: a POST body keeps them out of URLs and logs, and it needs no Idempotency-Key.
    const lookup = async (who: string, body: object) =>
      rawRequest(t.baseUrl).post('/api/v1/registrations/member-lookup').set(await kit.as(who)).send(body);
    const found = await lookup('刘芳', { name: '李秀英', phone: '138-0000-0002' });
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ id: kit.idOf('李秀英'), name: '李秀英', unitName: '区税务局' });
    const wrongName = await lookup('刘芳', { name: '李秀', phone: '13800000002' });
    expect(wrongName.status).toBe(404);
    expect(wrongName.body.message).toMatch(HAN);
    const phoneOnly = await lookup('刘芳', { phone: '13800000002' });
    expect(phoneOnly.status).toBe(400);
    expect(fields(phoneOnly.body as ApiErrorBody)).toContain('name');
    expect((await lookup('张建国', { name: '李秀英', phone: '13800000002' })).status).toBe(403);
    const inUrl = await api().get(`/api/v1/registrations/member-lookup?name=${encodeURIComponent('李秀英')}&phone=13800000002`).set(await as('刘芳'));
    expect(inUrl.status).toBe(404);
    const rows: Array<{ result: string }> = await kit.ds.query(
      "SELECT result FROM audit_logs WHERE action = 'registration.member_lookup' AND actor_id = ?",
      [kit.idOf('刘芳')],
    );
    expect(rows.map((r) => r.result).sort()).toEqual(['failure', 'success']);
  });

  it('registers a member on their behalf from a paper form: approved at once, with the reason, audited', async () => {
    const li = kit.idOf('李秀英');
    const noReason = await post('刘芳', '/registrations/on-behalf', { memberId: li, communityId: xiangyang });
    expect(noReason.status).toBe(400);
    expect(fields(noReason.body as ApiErrorBody)).toEqual(['reason']);
    const notHers = await post('刘芳', '/registrations/on-behalf', { memberId: li, communityId: guangming, reason: '纸质报到表' });
    expect(notHers.status).toBe(403);
    const plain = await post('张建国', '/registrations/on-behalf', { memberId: li, communityId: xiangyang, reason: '纸质报到表' });
    expect(plain.status).toBe(403);
    const self = await post('刘芳', '/registrations/on-behalf', { memberId: kit.idOf('刘芳'), communityId: xiangyang, reason: '纸质报到表' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('OWN_RECORD');
    expect(await activeRows(li)).toBe(0);

    const res = await post('刘芳', '/registrations/on-behalf', { memberId: li, communityId: xiangyang, reason: '根据纸质报到表录入' });
    expect(res.status).toBe(201);
    const reg = res.body as RegistrationView;
    expect(reg).toMatchObject({
      status: 'approved',
      onBehalf: true,
      reason: '根据纸质报到表录入',
      member: { id: li, name: '李秀英' },
      decidedBy: { name: '刘芳' },
    });
    const [entry] = await audits('registration.on_behalf', reg.id);
    expect(entry!.actor_id).toBe(kit.idOf('刘芳'));
    expect(JSON.parse(entry!.detail!)).toMatchObject({ memberId: li, reason: '根据纸质报到表录入' });
    const [message] = await inbox('李秀英');
    expect(message).toMatchObject({ kind: 'registration_approved' });
    expect(message!.body).toContain('根据纸质报到表录入');

    const twice = await post('刘芳', '/registrations/on-behalf', { memberId: li, communityId: xiangyang, reason: '重复录入' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REGISTRATION_ACTIVE_EXISTS');
  });

  it("lets the worker see the full phone of a member registered in their community, audited; no one else's", async () => {
    const li = kit.idOf('李秀英');
    const ok = await api().get(`/api/v1/members/${li}/phone`).set(await as('刘芳'));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ phone: '13800000002' });
    const [entry] = await audits('member.phone_reveal', li);
    expect(JSON.parse(entry!.detail!)).toMatchObject({ basis: 'worker' });
    // 王志强 serves 光明社区, where 李秀英 is not registered; 赵丽华 is registered elsewhere, not with 刘芳.
    expect((await api().get(`/api/v1/members/${li}/phone`).set(await as('王志强'))).status).toBe(403);
    expect((await api().get(`/api/v1/members/${kit.idOf('赵丽华')}/phone`).set(await as('刘芳'))).status).toBe(403);
  });

  it('scopes the list for organizers (members they cover) and shows the admin everything', async () => {
    const chen = await list('陈明');
    expect(chen.items.length).toBeGreaterThan(0);
    const unitZzb = new Set(['张建国', '陈明', '孙伟', '周平']);
    expect(chen.items.every((r) => unitZzb.has(r.member.name))).toBe(true);
    const admin = await list('周平', '?pageSize=100');
    const district = await list('孙伟', '?pageSize=100');
    const total: unknown[] = await kit.ds.query('SELECT id FROM registrations');
    expect(admin.total).toBe(total.length);
    expect(district.total).toBe(total.length);
    expect(new Set(admin.items.map((r) => r.member.name))).toEqual(new Set(['张建国', '赵丽华', '刘芳', '李秀英']));
    // Paging is stable: two pages cover everything once.
    const p1 = await list('周平', '?pageSize=2&page=1');
    const p2 = await list('周平', '?pageSize=100&page=2');
    expect(p1.items).toHaveLength(2);
    expect(p2.items).toHaveLength(0);
  });

  it('ends a registration when the member moves: history stays and a new one can start', async () => {
    const li = kit.idOf('李秀英');
    const [current] = (await mine('李秀英')).filter((r) => r.status === 'approved');
    expect((await post('王志强', `/registrations/${current!.id}/end`, { reason: '搬家' })).status).toBe(403);
    expect((await post('张建国', `/registrations/${current!.id}/end`, { reason: '搬家' })).status).toBe(403);
    const noReason = await post('李秀英', `/registrations/${current!.id}/end`, {});
    expect(noReason.status).toBe(400);

    const ended = await post('刘芳', `/registrations/${current!.id}/end`, { reason: '已搬离向阳社区' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', reason: '已搬离向阳社区' });
    expect((ended.body as RegistrationView).endedAt).not.toBeNull();
    expect(await audits('registration.end', current!.id)).toHaveLength(1);
    expect((await inbox('李秀英'))[0]!.body).toContain('已搬离向阳社区');
    const twice = await post('李秀英', `/registrations/${current!.id}/end`, { reason: '搬家' });
    expect(twice.status).toBe(409);
    expect(await t.app.get(RegistrationsService).approvedCommunityOf(li)).toBeNull();
    // The phone right ends with the registration.
    expect((await api().get(`/api/v1/members/${li}/phone`).set(await as('刘芳'))).status).toBe(403);

    const next = await ask('李秀英', guangming);
    expect(next.status).toBe('pending');
    expect((await mine('李秀英')).map((r) => r.status)).toEqual(['pending', 'ended']);
  });

  it('ends the registration, keeping its history, when the member retires', async () => {
    const zhao = kit.idOf('赵丽华');
    if ((await activeRows(zhao)) === 0) {
      await post('刘芳', '/registrations/on-behalf', { memberId: zhao, communityId: xiangyang, reason: '纸质报到表' });
    }
    const active: Array<{ id: string }> = await kit.ds.query(
      "SELECT id FROM registrations WHERE member_id = ? AND status IN ('pending', 'approved')",
      [zhao],
    );
    expect(active).toHaveLength(1);
    const res = await post('周平', `/members/${zhao}/status`, { status: 'retired', reason: '到龄退休' });
    expect(res.status).toBe(200);
    expect(await activeRows(zhao)).toBe(0);
    const rows: Array<{ status: string; end_reason: string }> = await kit.ds.query(
      'SELECT status, end_reason FROM registrations WHERE id = ?',
      [active[0]!.id],
    );
    expect(rows).toEqual([{ status: 'ended', end_reason: '已退休：到龄退休' }]);
  });

  it('answers 404 for an unknown registration', async () => {
    const res = await post('刘芳', `/registrations/${randomUUID()}/approve`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
