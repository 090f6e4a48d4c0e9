import type { ApiErrorBody, ModelPostView, Page } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { HAN, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

type Headers = Record<string, string>;

describe.each(testDrivers())('demonstration posts (党员示范岗) over HTTP on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let xiangyang: string;
  let guangming: string;
  let zzb: string; // 区委组织部: 张建国, 陈明 (its organizer), 孙伟, 周平
  let tax: string; // 区税务局: 李秀英, 刘芳
  let hospital: string; // 区人民医院: 王志强
  const posts = {} as Record<'zzb' | 'tax' | 'hospital', ModelPostView>;

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    const rows: Array<{ id: string; name: string }> = await kit.ds.query('SELECT id, name FROM communities');
    xiangyang = rows.find((r) => r.name === '向阳社区')!.id;
    guangming = rows.find((r) => r.name === '光明社区')!.id;
    zzb = kit.unitIdOf('区委组织部');
    tax = kit.unitIdOf('区税务局');
    hospital = kit.unitIdOf('区人民医院');
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const as = async (name: string): Promise<Headers> => ({ ...(await kit.as(name)), 'Idempotency-Key': randomUUID() });
  const create = async (name: string, body: object) => api().post('/api/v1/posts').set(await as(name)).send(body);
  const patch = async (name: string, id: string, body: object) => api().patch(`/api/v1/posts/${id}`).set(await as(name)).send(body);
  const end = async (name: string, id: string) => api().post(`/api/v1/posts/${id}/end`).set(await as(name)).send({});
  const list = async (name: string, query = ''): Promise<Page<ModelPostView>> =>
    (await api().get(`/api/v1/posts${query}`).set(await as(name)).expect(200)).body as Page<ModelPostView>;
  const names = (page: Page<ModelPostView> | ModelPostView[]) => ('items' in page ? page.items : page).map((p) => p.name).sort();
  const holderNames = (p: ModelPostView) => p.holders.map((h) => h.name).sort();
  const fields = (body: ApiErrorBody) => (body.details as Array<{ field: string }>).map((d) => d.field);

  it("lets a unit's organizer set up a post held by the unit's members", async () => {
    const res = await create('陈明', {
      name: '  政策宣讲示范岗 ',
      place: '向阳社区党群服务中心',
      unitId: zzb,
      communityId: xiangyang,
      holderIds: [kit.idOf('张建国'), kit.idOf('陈明')],
    });
    expect(res.status).toBe(201);
    posts.zzb = res.body as ModelPostView;
    expect(posts.zzb).toMatchObject({
      name: '政策宣讲示范岗',
      place: '向阳社区党群服务中心',
      unit: { id: zzb, name: '区委组织部' },
      community: { id: xiangyang, name: '向阳社区' },
      endedAt: null,
    });
    expect(holderNames(posts.zzb)).toEqual(['张建国', '陈明'].sort());
    const audit: unknown[] = await kit.ds.query("SELECT id FROM audit_logs WHERE action = 'post.create' AND target_id = ?", [posts.zzb.id]);
    expect(audit).toHaveLength(1);
  });

  it('validates the post and its holders with Chinese field messages', async () => {
    const base = { name: '便民服务岗', place: '光明街 6 号', unitId: zzb, holderIds: [kit.idOf('张建国')] };
    const cases: Array<[object, string]> = [
      [{ ...base, name: '' }, 'name'],
      [{ ...base, place: undefined }, 'place'],
      [{ ...base, holderIds: [] }, 'holderIds'],
      [{ ...base, holderIds: [kit.idOf('张建国'), kit.idOf('张建国')] }, 'holderIds'],
      [{ ...base, holderIds: ['nope'] }, 'holderIds'],
      // 李秀英 belongs to 区税务局, not to the post's unit.
      [{ ...base, holderIds: [kit.idOf('李秀英')] }, 'holderIds'],
      [{ ...base, communityId: randomUUID() }, 'communityId'],
      [{ ...base, unitId: randomUUID() }, 'unitId'],
    ];
    for (const [body, field] of cases) {
      const res = await create('陈明', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body as ApiErrorBody)).toContain(field);
      expect((res.body as ApiErrorBody).details).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(HAN) })]));
    }
    expect((await list('周平')).total).toBe(1);
  });

  it('lets only organizers covering the unit, and admins, set one up', async () => {
    const taxPost = { name: '办税服务示范岗', place: '光明社区便民大厅', unitId: tax, communityId: guangming, holderIds: [kit.idOf('李秀英')] };
    for (const person of ['陈明', '刘芳', '张建国']) {
      const res = await create(person, taxPost);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(HAN);
    }
    const byAdmin = await create('周平', taxPost);
    expect(byAdmin.status).toBe(201);
    posts.tax = byAdmin.body as ModelPostView;
    const byDistrict = await create('孙伟', { name: '义诊示范岗', place: '区人民医院门诊', unitId: hospital, holderIds: [kit.idOf('王志强')] });
    expect(byDistrict.status).toBe(201);
    posts.hospital = byDistrict.body as ModelPostView;
    expect(posts.hospital.community).toBeNull();
  });

  it('scopes the list: organizers their units, workers their communities, members the posts they hold', async () => {
    expect(names(await list('周平'))).toEqual(names([posts.zzb, posts.tax, posts.hospital]));
    expect(names(await list('孙伟'))).toEqual(names([posts.zzb, posts.tax, posts.hospital]));
    expect(names(await list('陈明'))).toEqual([posts.zzb.name]);
    // 刘芳 works for 向阳社区; she holds no post herself.
    expect(names(await list('刘芳'))).toEqual([posts.zzb.name]);
    expect(names(await list('张建国'))).toEqual([posts.zzb.name]);
    expect(names(await list('李秀英'))).toEqual([posts.tax.name]);
    expect((await list('赵丽华')).total).toBe(0);
    expect(names(await list('周平', `?unitId=${tax}`))).toEqual([posts.tax.name]);
    expect(names(await list('周平', `?communityId=${xiangyang}`))).toEqual([posts.zzb.name]);
    const bad = await api().get('/api/v1/posts?state=closed').set(await as('周平'));
    expect(bad.status).toBe(400);
  });

  it('edits a post and its holders; the unit stays', async () => {
    const res = await patch('陈明', posts.zzb.id, { name: '政策宣讲岗', holderIds: [kit.idOf('张建国')], communityId: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '政策宣讲岗', place: '向阳社区党群服务中心', community: null });
    expect(holderNames(res.body as ModelPostView)).toEqual(['张建国']);
    const unit = await patch('陈明', posts.zzb.id, { unitId: tax });
    expect(unit.status).toBe(400);
    expect(fields(unit.body as ApiErrorBody)).toContain('unitId');
    const outsider = await patch('陈明', posts.zzb.id, { holderIds: [kit.idOf('王志强')] });
    expect(outsider.status).toBe(400);
    expect((await patch('陈明', posts.tax.id, { name: '别人的岗' })).status).toBe(403);
    expect((await patch('陈明', randomUUID(), { name: '不存在' })).status).toBe(404);
  });

  it("shows a member's posts on their profile (own, admin, covering organizer only)", async () => {
    const mine = (await api().get('/api/v1/me/posts').set(await as('张建国')).expect(200)).body as ModelPostView[];
    expect(names(mine)).toEqual(['政策宣讲岗']);
    const chenMine = (await api().get('/api/v1/me/posts').set(await as('陈明')).expect(200)).body as ModelPostView[];
    expect(chenMine).toEqual([]);
    const zhang = kit.idOf('张建国');
    const byOrganizer = await api().get(`/api/v1/members/${zhang}/posts`).set(await as('陈明')).expect(200);
    expect(names(byOrganizer.body as ModelPostView[])).toEqual(['政策宣讲岗']);
    await api().get(`/api/v1/members/${zhang}/posts`).set(await as('周平')).expect(200);
    await api().get(`/api/v1/members/${zhang}/posts`).set(await as('张建国')).expect(200);
    expect((await api().get(`/api/v1/members/${zhang}/posts`).set(await as('李秀英'))).status).toBe(404);
    expect((await api().get(`/api/v1/members/${kit.idOf('李秀英')}/posts`).set(await as('陈明'))).status).toBe(404);
  });

  it('ends a post and keeps it, with its end time, for the periods in which it existed', async () => {
    expect((await end('陈明', posts.tax.id)).status).toBe(403);
    const res = await end('陈明', posts.zzb.id);
    expect(res.status).toBe(200);
    const ended = res.body as ModelPostView;
    expect(ended.endedAt).not.toBeNull();
    expect(new Date(ended.endedAt!).getTime()).toBeGreaterThanOrEqual(new Date(ended.createdAt).getTime());
    expect(holderNames(ended)).toEqual(['张建国']);

    const again = await end('陈明', posts.zzb.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    expect((await patch('陈明', posts.zzb.id, { name: '改名' })).status).toBe(409);

    expect(names(await list('陈明'))).toEqual(['政策宣讲岗']);
    expect((await list('陈明', '?state=active')).total).toBe(0);
    expect(names(await list('陈明', '?state=ended'))).toEqual(['政策宣讲岗']);
    expect(names(await list('周平', '?state=active'))).toEqual(names([posts.tax, posts.hospital]));
    const mine = (await api().get('/api/v1/me/posts').set(await as('张建国')).expect(200)).body as ModelPostView[];
    expect(mine[0]!.endedAt).toBe(ended.endedAt);
    const rows: unknown[] = await kit.ds.query('SELECT id FROM model_posts');
    expect(rows).toHaveLength(3);
  });

  it('does not set up the same active post twice, even when the requests race', async () => {
    // The ended post's name is free again; a second active one of that name is not.
    const body = { name: '政策宣讲岗', place: '向阳社区党群服务中心', unitId: zzb, holderIds: [kit.idOf('张建国')] };
    expect((await create('陈明', body)).status).toBe(201);
    const again = await create('陈明', body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('同名') });
    const racing = await Promise.all(Array.from({ length: 10 }, () => create('陈明', { ...body, name: '文明创建示范岗' })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    const active = await list('陈明', '?state=active');
    expect(names(active)).toEqual(['政策宣讲岗', '文明创建示范岗'].sort());
    // Renaming onto another active post's name is refused the same way.
    const rename = await patch('陈明', active.items.find((p) => p.name === '文明创建示范岗')!.id, { name: '政策宣讲岗' });
    expect(rename.status).toBe(409);
  });
});
