import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody, Page, SuggestionView } from '@pioneer/shared-types';
import request from '../support/http.js';
import type { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

// Seeded people (demo-seed.ts): plain members, a unit-scoped organizer (陈明), the district organizer (孙伟), an admin.
const PEOPLE = ['张建国', '李秀英', '王志强', '赵丽华', '陈明', '孙伟', '周平'] as const;
type Person = (typeof PEOPLE)[number];

const CHINESE = /[\u4e00-\u9fff]/;

describe.each(testDrivers())('suggestions over HTTP on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;
  const ids = {} as Record<Person, string>;
  const tokens = {} as Record<Person, string>;

  beforeAll(async () => {
    t = await startTestApp(driver);
    ds = t.app.get<DataSource>(getDataSourceToken());
    const jwt = t.app.get(JwtService);
    const rows: Array<{ id: string; name: string }> = await ds.query('SELECT id, name FROM members');
    for (const person of PEOPLE) {
      const row = rows.find((r) => r.name === person);
      if (!row) throw new Error(`${person} is not in the demo seed`);
      ids[person] = row.id;
      // The demo login picks a role's holder itself; these tests need particular people.
      tokens[person] = await jwt.signAsync({ sub: row.id, typ: 'access' }, { expiresIn: 600 });
    }
    // Migrating a fresh MySQL database takes seconds, and Jest ignores the testTimeout set inside `projects` (5 s default).
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const api = () => request(t.baseUrl);
  const auth = (person: Person) => ({ Authorization: `Bearer ${tokens[person]}` });
  const send = async (person: Person, body: Record<string, unknown>): Promise<SuggestionView> =>
    (await api().post('/api/v1/suggestions').set(auth(person)).send(body).expect(201)).body as SuggestionView;
  const mine = async (person: Person, query = ''): Promise<Page<SuggestionView>> =>
    (await api().get(`/api/v1/suggestions/mine${query}`).set(auth(person)).expect(200)).body as Page<SuggestionView>;
  const all = async (query = ''): Promise<Page<SuggestionView>> =>
    (await api().get(`/api/v1/suggestions${query}`).set(auth('孙伟')).expect(200)).body as Page<SuggestionView>;
  const auditCount = async (action: string, targetId: string): Promise<number> => {
    const rows: unknown[] = await ds.query('SELECT id FROM audit_logs WHERE action = ? AND target_id = ?', [action, targetId]);
    return rows.length;
  };

  it('needs a signed-in person', async () => {
    const res = await api().post('/api/v1/suggestions').send({ content: '希望增加周末的服务时段' }).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('takes a suggestion from anyone signed in and shows it in their own list as submitted', async () => {
    const created = await send('张建国', { content: '  希望社区活动能多安排在周末。  ' });
    expect(created).toMatchObject({
      content: '希望社区活动能多安排在周末。',
      anonymous: false,
      status: 'submitted',
      reply: null,
      repliedAt: null,
      authorName: null,
      contact: null,
    });
    expect(new Date(created.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const list = await mine('张建国');
    expect(list.items.map((s) => s.id)).toContain(created.id);
    expect(list.items.find((s) => s.id === created.id)).toMatchObject({ status: 'submitted', reply: null });

    // An admin is a person too: the channel is open to everyone.
    await send('周平', { content: '后台的单位列表希望能按名称排序。' });
  });

  it('refuses bad input with a field-level Chinese message and stores nothing', async () => {
    const before = (await mine('赵丽华')).total;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'content'],
      [{ content: 12345 }, 'content'],
      [{ content: '  太短了  ' }, 'content'],
      [{ content: '长'.repeat(1001) }, 'content'],
      [{ content: '希望增加老年人服务', anonymous: 'yes' }, 'anonymous'],
      [{ content: '希望增加老年人服务', contact: '1'.repeat(51) }, 'contact'],
      [{ content: '希望增加老年人服务', contact: 13800138000 }, 'contact'],
      [{ content: '希望增加老年人服务', anonymous: true, contact: '13800138000' }, 'contact'],
      [{ content: '希望增加老年人服务', status: 'closed' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await api().post('/api/v1/suggestions').set(auth('赵丽华')).send(body).expect(400);
      const error = res.body as ApiErrorBody;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([{ field, message: expect.stringMatching(CHINESE) }]);
    }
    const short = await api().post('/api/v1/suggestions').set(auth('赵丽华')).send({ content: '太短了' }).expect(400);
    expect((short.body as ApiErrorBody).details).toEqual([{ field: 'content', message: '内容至少需要 5 个字，请写得具体一些' }]);
    const long = await api().post('/api/v1/suggestions').set(auth('赵丽华')).send({ content: '长'.repeat(1001) }).expect(400);
    expect((long.body as ApiErrorBody).details).toEqual([{ field: 'content', message: '内容不能超过 1000 个字' }]);
    expect((await mine('赵丽华')).total).toBe(before);

    // The limits themselves are accepted: exactly 5 and exactly 1000 characters, and a blank contact means none.
    await send('赵丽华', { content: '五个字正好', contact: '   ' });
    await send('赵丽华', { content: '满'.repeat(1000) });
    expect((await mine('赵丽华')).total).toBe(before + 2);
  });

  it('keeps a contact phone encrypted, masked for the sender and in full (audited) for the organizer handling it', async () => {
    const created = await send('王志强', { content: '小区门口的路灯坏了很久，希望尽快修好。', contact: '139 1234 5678' });
    expect(created.contact).toBe('139****5678');

    const stored: Array<{ contact_cipher: string | null }> = await ds.query(
      'SELECT contact_cipher FROM suggestions WHERE id = ?',
      [created.id],
    );
    expect(stored[0]!.contact_cipher).toMatch(/^v1:/);
    const dump = JSON.stringify(await ds.query('SELECT * FROM suggestions'));
    expect(dump).not.toContain('13912345678');
    expect(dump).not.toContain('139 1234 5678');

    const own = (await api().get(`/api/v1/suggestions/${created.id}`).set(auth('王志强')).expect(200)).body as SuggestionView;
    expect(own.contact).toBe('139****5678');

    const listed = (await all()).items.find((s) => s.id === created.id);
    expect(listed).toBeDefined();
    expect(listed!.authorName).toBe('王志强');
    expect(listed).not.toHaveProperty('contact');
    expect(await auditCount('suggestion.contact_read', created.id)).toBe(0);

    const handled = (await api().get(`/api/v1/suggestions/${created.id}`).set(auth('孙伟')).expect(200)).body as SuggestionView;
    expect(handled).toMatchObject({ authorName: '王志强', contact: '13912345678' });
    expect(await auditCount('suggestion.contact_read', created.id)).toBe(1);

    // Other text is kept as written, still encrypted at rest.
    const other = await send('王志强', { content: '希望能开设智能手机使用培训班。', contact: '微信 wzq-2024' });
    expect(other.contact).toBe('微信 wzq-2024');
    expect(JSON.stringify(await ds.query('SELECT * FROM suggestions'))).not.toContain('wzq-2024');
  });

  it('shows the organizer’s answer, its status and time in the sender’s list', async () => {
    const created = await send('张建国', { content: '建议在社区服务站增加便民雨伞。', contact: '13700001111' });
    const listed = (await all('?status=submitted')).items.find((s) => s.id === created.id);
    expect(listed).toMatchObject({ authorName: '张建国', status: 'submitted' });

    const res = await api()
      .post(`/api/v1/suggestions/${created.id}/reply`)
      .set(auth('孙伟'))
      .send({ reply: '  已转交社区服务站，下周起提供便民雨伞。 ' })
      .expect(200);
    const replied = res.body as SuggestionView;
    expect(replied).toMatchObject({ status: 'replied', reply: '已转交社区服务站，下周起提供便民雨伞。', authorName: '张建国' });
    expect(replied.repliedAt).not.toBeNull();
    expect(replied).not.toHaveProperty('contact');
    expect(await auditCount('suggestion.reply', created.id)).toBe(1);

    const row: Array<{ replied_by: string | null; status: string }> = await ds.query(
      'SELECT replied_by, status FROM suggestions WHERE id = ?',
      [created.id],
    );
    expect(row[0]).toEqual({ replied_by: ids['孙伟'], status: 'replied' });

    const mineNow = (await mine('张建国')).items.find((s) => s.id === created.id);
    expect(mineNow).toMatchObject({ status: 'replied', reply: '已转交社区服务站，下周起提供便民雨伞。', authorName: null });
    expect(mineNow!.repliedAt).toBe(replied.repliedAt);

    const inbox = (await api().get('/api/v1/messages').set(auth('张建国')).expect(200)).body as {
      items: Array<{ kind: string; body: string; link: string | null }>;
    };
    expect(inbox.items.find((m) => m.kind === 'suggestion_replied')).toMatchObject({
      body: '已转交社区服务站，下周起提供便民雨伞。',
      link: `/packages/suggestions/pages/detail/index?id=${created.id}`,
    });
  });

  it('never shows an anonymous sender to the organizers', async () => {
    const created = await send('李秀英', { content: '反映一下：报到时排队太久，希望优化流程。', anonymous: true });
    expect(created).toMatchObject({ anonymous: true, authorName: null });

    const checkHidden = (payload: unknown) => {
      const text = JSON.stringify(payload);
      expect(text).not.toContain(ids['李秀英']);
      expect(text).not.toContain('李秀英');
    };
    const listed = (await all()).items.find((s) => s.id === created.id);
    expect(listed).toMatchObject({ anonymous: true, authorName: null });
    checkHidden(listed);

    const opened = (await api().get(`/api/v1/suggestions/${created.id}`).set(auth('孙伟')).expect(200)).body as SuggestionView;
    expect(opened).toMatchObject({ anonymous: true, authorName: null, contact: null });
    checkHidden(opened);

    const replied = (
      await api().post(`/api/v1/suggestions/${created.id}/reply`).set(auth('孙伟')).send({ reply: '已优化报到流程，谢谢您的反映。' }).expect(200)
    ).body as SuggestionView;
    expect(replied.authorName).toBeNull();
    checkHidden(replied);

    // The sender still finds it, with the answer, in their own list.
    const own = (await mine('李秀英')).items.find((s) => s.id === created.id);
    expect(own).toMatchObject({ anonymous: true, status: 'replied', reply: '已优化报到流程，谢谢您的反映。' });
  });

  it('lets only district organizers list and answer: members, unit organizers and admins get 403', async () => {
    const created = await send('赵丽华', { content: '希望能把活动通知提前三天发布。' });
    for (const person of ['张建国', '陈明', '周平'] as const) {
      const list = await api().get('/api/v1/suggestions').set(auth(person)).expect(403);
      expect(list.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(CHINESE) });
      const reply = await api()
        .post(`/api/v1/suggestions/${created.id}/reply`)
        .set(auth(person))
        .send({ reply: '收到。' })
        .expect(403);
      expect(reply.body.code).toBe('FORBIDDEN');
    }
    const untouched = (await mine('赵丽华')).items.find((s) => s.id === created.id);
    expect(untouched).toMatchObject({ status: 'submitted', reply: null });
    expect(await auditCount('suggestion.reply', created.id)).toBe(0);
  });

  it('answers 404 for someone else’s suggestion, so its existence is not revealed', async () => {
    const created = await send('张建国', { content: '建议公示每月的服务安排。' });
    for (const person of ['李秀英', '陈明', '周平'] as const) {
      const res = await api().get(`/api/v1/suggestions/${created.id}`).set(auth(person)).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const missing = await api().get('/api/v1/suggestions/00000000-0000-4000-8000-000000000000').set(auth('李秀英')).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await api().get('/api/v1/suggestions/00000000-0000-4000-8000-000000000000').set(auth('孙伟')).expect(404);
    await api()
      .post('/api/v1/suggestions/00000000-0000-4000-8000-000000000000/reply')
      .set(auth('孙伟'))
      .send({ reply: '收到。' })
      .expect(404);
    expect((await mine('李秀英')).items.map((s) => s.id)).not.toContain(created.id);
  });

  it('marks one in progress without words, needs words to reply, closes it, and refuses to answer a closed one (409)', async () => {
    const created = await send('王志强', { content: '楼道里堆放杂物，存在消防隐患。' });
    const url = `/api/v1/suggestions/${created.id}/reply`;

    const working = (await api().post(url).set(auth('孙伟')).send({ reply: '', status: 'in_progress' }).expect(200))
      .body as SuggestionView;
    expect(working).toMatchObject({ status: 'in_progress', reply: null, repliedAt: null });

    const empty = await api().post(url).set(auth('孙伟')).send({ reply: '   ' }).expect(400);
    expect(empty.body.details).toEqual([{ field: 'reply', message: '请填写答复内容' }]);
    const emptyClose = await api().post(url).set(auth('孙伟')).send({ reply: '', status: 'closed' }).expect(400);
    expect(emptyClose.body.details).toEqual([{ field: 'reply', message: '请填写答复内容' }]);
    const badStatus = await api().post(url).set(auth('孙伟')).send({ reply: '收到', status: 'submitted' }).expect(400);
    expect(badStatus.body.details).toEqual([{ field: 'status', message: expect.stringMatching(CHINESE) }]);
    const missing = await api().post(url).set(auth('孙伟')).send({ status: 'in_progress' }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'reply', message: '请填写答复内容' }]);

    const closed = (
      await api().post(url).set(auth('孙伟')).send({ reply: '已联系物业清理完毕。', status: 'closed' }).expect(200)
    ).body as SuggestionView;
    expect(closed).toMatchObject({ status: 'closed', reply: '已联系物业清理完毕。' });
    expect(await auditCount('suggestion.reply', created.id)).toBe(2);

    const again = await api().post(url).set(auth('孙伟')).send({ reply: '补充说明。' }).expect(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/已办完/) });
    const reopen = await api().post(url).set(auth('孙伟')).send({ reply: '', status: 'in_progress' }).expect(409);
    expect(reopen.body.code).toBe('CONFLICT');
    expect((await mine('王志强')).items.find((s) => s.id === created.id)).toMatchObject({
      status: 'closed',
      reply: '已联系物业清理完毕。',
    });
  });

  it('filters the organizers’ list by status', async () => {
    const closed = await all('?status=closed&pageSize=50');
    expect(closed.total).toBeGreaterThan(0);
    expect(closed.items.every((s) => s.status === 'closed')).toBe(true);
    const everything = await all('?pageSize=50');
    expect(everything.total).toBeGreaterThan(closed.total);
    const bad = await api().get('/api/v1/suggestions?status=done').set(auth('孙伟')).expect(400);
    expect(bad.body.details).toEqual([{ field: 'status', message: expect.stringMatching(CHINESE) }]);
  });

  it('pages the sender’s list newest first without overlaps', async () => {
    const created: string[] = [];
    for (let i = 1; i <= 5; i++) created.push((await send('陈明', { content: `第 ${i} 条关于支部活动的建议` })).id);

    const pages = [await mine('陈明', '?page=1&pageSize=2'), await mine('陈明', '?page=2&pageSize=2'), await mine('陈明', '?page=3&pageSize=2')];
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.every((p) => p.total === 5 && p.pageSize === 2)).toBe(true);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    const seen = pages.flatMap((p) => p.items);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(created));
    // Newest first; ties within one millisecond are broken by id, so pages still never overlap.
    const times = seen.map((s) => new Date(s.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(times).size).toBeGreaterThan(1);

    expect((await mine('陈明', '?page=4&pageSize=2')).items).toEqual([]);
    for (const query of ['?page=0', '?pageSize=101', '?page=abc', '?status=closed']) {
      const res = await api().get(`/api/v1/suggestions/mine${query}`).set(auth('陈明')).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ message: expect.stringMatching(CHINESE) }] });
    }
  });
});
