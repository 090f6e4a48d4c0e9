import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rawRequest } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

describe.each(testDrivers())('Idempotency-Key on every signed-in write, on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;
  let member: string;
  let worker: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
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
});
