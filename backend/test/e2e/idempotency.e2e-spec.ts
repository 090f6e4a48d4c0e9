import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rawRequest } from '../support/http.js';
import { IdempotencyProbeModule, probeGate } from '../support/idempotency-probe.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

describe.each(testDrivers())('Idempotency-Key on every signed-in write, on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;
  let member: string;
  let worker: string;

  beforeAll(async () => {
    t = await startTestApp(driver, {}, [IdempotencyProbeModule]);
    ds = t.app.get<DataSource>(getDataSourceToken());
    const login = async (role: string) =>
      (await rawRequest(t.baseUrl).post('/api/v1/auth/demo').send({ role }).expect(200)).body.accessToken as string;
    member = await login('member');
    worker = await login('worker');
  });
  afterAll(async () => {
    await t?.close();
  });

  const suggest = (token: string, key: string | null, content: string) => {
    const req = rawRequest(t.baseUrl).post('/api/v1/suggestions').set('Authorization', `Bearer ${token}`);
    if (key !== null) req.set('Idempotency-Key', key);
    return req.send({ content });
  };
  const countSuggestions = async (content: string): Promise<number> =>
    Number((await ds.query('SELECT COUNT(*) AS n FROM suggestions WHERE content = ?', [content]))[0].n);

  it('refuses a write without a key, and a malformed key, with 400', async () => {
    const res = await suggest(member, null, '没有幂等键的建议内容').expect(400);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_MISSING');
    expect((await suggest(member, 'short', '格式不对的幂等键内容').expect(400)).body.code).toBe('IDEMPOTENCY_KEY_MISSING');
    expect(await countSuggestions('没有幂等键的建议内容')).toBe(0);
  });

  it('replays the first response to a retry with the same key and body, writing once', async () => {
    const key = randomUUID();
    const first = await suggest(member, key, '小区路灯坏了请尽快修理').expect(201);
    const again = await suggest(member, key, '小区路灯坏了请尽快修理').expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await countSuggestions('小区路灯坏了请尽快修理')).toBe(1);
  });

  it('answers 422 when the same key comes with a different body', async () => {
    const key = randomUUID();
    await suggest(member, key, '第一次提交的建议内容').expect(201);
    const res = await suggest(member, key, '换了内容的第二次提交').expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countSuggestions('换了内容的第二次提交')).toBe(0);
  });

  it('lets concurrent requests with one key write exactly one record', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => suggest(member, key, '二十次并发的同一个建议')));
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id as string));
    expect(ids.size).toBe(1);
    for (const r of results) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    expect(await countSuggestions('二十次并发的同一个建议')).toBe(1);
  });

  it('scopes keys per user', async () => {
    const key = randomUUID();
    const a = await suggest(member, key, '两个人用了同一个键').expect(201);
    const b = await suggest(worker, key, '两个人用了同一个键').expect(201);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await countSuggestions('两个人用了同一个键')).toBe(2);
  });

  it('releases the key of a failed write so a corrected retry goes through', async () => {
    const key = randomUUID();
    expect((await suggest(member, key, '短').expect(400)).body.code).toBe('VALIDATION_FAILED');
    await suggest(member, key, '修改后足够长的建议内容').expect(201);
    expect(await countSuggestions('修改后足够长的建议内容')).toBe(1);
  });

  it('keeps sign-in endpoints free of the requirement', async () => {
    await rawRequest(t.baseUrl).post('/api/v1/auth/demo').send({ role: 'member' }).expect(200);
  });

  const probe = (route: string, key: string, mark: string) =>
    rawRequest(t.baseUrl)
      .post(`/api/v1/idempotency-probe/${route}`)
      .set('Authorization', `Bearer ${member}`)
      .set('Idempotency-Key', key)
      .send({ mark });
  const countProbe = async (mark: string): Promise<number> =>
    Number((await ds.query('SELECT COUNT(*) AS n FROM shared_cache WHERE cache_key LIKE ?', [`probe:${mark}:%`]))[0].n);
  const keyRows = async (key: string): Promise<Array<{ state: string }>> =>
    ds.query('SELECT state FROM idempotency_keys WHERE scoped_key LIKE ?', [`%:${key}`]);

  it('keeps the key of a write that committed before its handler failed, so a retry writes nothing more', async () => {
    const key = randomUUID();
    await probe('commit-then-fail', key, 'after-commit').expect(500);
    const retry = await probe('commit-then-fail', key, 'after-commit').expect(409);
    expect(retry.body).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS', message: expect.stringContaining('已处理完成') });
    expect(await countProbe('after-commit')).toBe(1);
    expect(await keyRows(key)).toEqual([{ state: 'committed' }]);
  });

  it('leaves neither record nor key when the transaction itself fails', async () => {
    const key = randomUUID();
    expect((await probe('fail-inside', key, 'inside').expect(409)).body.code).toBe('CONFLICT');
    expect(await countProbe('inside')).toBe(0);
    expect(await keyRows(key)).toEqual([]);
  });

  it('commits the key with the record: a request cut off after COMMIT is not run again, even once its key looks stale', async () => {
    const key = randomUUID();
    let resume!: () => void;
    probeGate.afterCommit = new Promise<void>((r) => (resume = r));
    // The first request commits and then never answers, as if its process had died right after COMMIT.
    const cutOff = probe('commit-then-fail', key, 'cut-off').then(
      (r) => r.status,
      () => 0,
    );
    try {
      for (let i = 0; i < 200 && (await countProbe('cut-off')) === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await countProbe('cut-off')).toBe(1);
      expect(await keyRows(key)).toEqual([{ state: 'committed' }]);
      // Long after, a "running" key would be taken over by a retry; a committed one never is.
      await ds.query('UPDATE idempotency_keys SET created_at = ? WHERE scoped_key LIKE ?', [Date.now() - 3_600_000, `%:${key}`]);
      const retry = await probe('commit-then-fail', key, 'cut-off').expect(409);
      expect(retry.body.message).toContain('已处理完成');
      expect(await countProbe('cut-off')).toBe(1);
    } finally {
      probeGate.afterCommit = null;
      resume();
      await cutOff;
    }
  });

  it('replays a committed write whose handler answered normally', async () => {
    const key = randomUUID();
    await probe('commit', key, 'normal').expect(201);
    expect((await probe('commit', key, 'normal').expect(201)).headers['idempotent-replayed']).toBe('true');
    expect(await countProbe('normal')).toBe(1);
    expect(await keyRows(key)).toEqual([{ state: 'done' }]);
  });

  describe('multipart uploads', () => {
    let organizer: string;
    beforeAll(async () => {
      const [person] = (await ds.query('SELECT id FROM members WHERE name = ?', ['孙伟'])) as Array<{ id: string }>;
      organizer = await t.app.get(JwtService).signAsync({ sub: person!.id, typ: 'access' });
    });
    const upload = (key: string, csv: string) =>
      rawRequest(t.baseUrl)
        .post('/api/v1/roster/import?mode=dry_run')
        .set('Authorization', `Bearer ${organizer}`)
        .set('Idempotency-Key', key)
        .attach('file', Buffer.from(csv, 'utf8'), 'roster.csv');

    it('compares uploads by their content: same key and size but other bytes is 422, the same file replays', async () => {
      const key = randomUUID();
      const first = await upload(key, '姓名,手机号,单位\n张甲,13600000001,区税务局\n').expect(200);
      const same = await upload(key, '姓名,手机号,单位\n张甲,13600000001,区税务局\n').expect(200);
      expect(same.headers['idempotent-replayed']).toBe('true');
      expect(same.body).toEqual(first.body);
      const other = await upload(key, '姓名,手机号,单位\n张乙,13600000002,区税务局\n').expect(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });
});
