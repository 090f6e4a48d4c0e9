import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { DataSource } from 'typeorm';
import { rawRequest } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

interface RawReply {
  status: number;
  body: { code?: string; message?: string; id?: string };
}

describe.each(testDrivers())('hostile JSON bodies stop before anything walks them, on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    ds = t.app.get<DataSource>(getDataSourceToken());
    member = (await rawRequest(t.baseUrl).post('/api/v1/auth/demo').send({ role: 'member' }).expect(200)).body.accessToken as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Sends exact bytes: supertest would re-encode a string body as valid UTF-8. */
  const send = (body: Buffer): Promise<RawReply> =>
    new Promise((resolve, reject) => {
      const url = new URL('/api/v1/suggestions', t.baseUrl);
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${member}`,
            'Idempotency-Key': randomUUID(),
            'Content-Type': 'application/json',
            'Content-Length': body.length,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const countSuggestions = async (like: string): Promise<number> =>
    Number((await ds.query('SELECT COUNT(*) AS n FROM suggestions WHERE content LIKE ?', [like]))[0].n);

  it('answers JSON nested 10,000 levels deep with 400 and a code, not 500', async () => {
    const deep = `{"content":"嵌套很深的请求内容","extra":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await send(Buffer.from(deep, 'utf8'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BODY_TOO_DEEP');
    const objects = `{"content":"嵌套很深的请求内容","extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    expect((await send(Buffer.from(objects, 'utf8'))).body.code).toBe('BODY_TOO_DEEP');
    expect(await countSuggestions('嵌套很深%')).toBe(0);
  });

  it('counts only brackets outside strings', async () => {
    const content = `括号只是文字${'['.repeat(50)}${'{'.repeat(50)}\\"${']'.repeat(50)}`;
    const res = await send(Buffer.from(JSON.stringify({ content }), 'utf8'));
    expect(res.status).toBe(201);
    expect(await countSuggestions('括号只是文字%')).toBe(1);
  });

  it('refuses invalid UTF-8 with 400 and stores nothing', async () => {
    const body = Buffer.concat([
      Buffer.from('{"content":"编码不对的建议内容', 'utf8'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('"}', 'utf8'),
    ]);
    const res = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BODY_ENCODING_INVALID');
    expect(await countSuggestions('编码不对的建议内容%')).toBe(0);
  });

  it('still answers broken JSON with 400 and an oversized body with 413', async () => {
    const broken = await send(Buffer.from('{"content": "没有结尾', 'utf8'));
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('BAD_REQUEST');
    const huge = await send(Buffer.from(JSON.stringify({ content: 'x'.repeat(t.config.app.bodyLimitBytes) }), 'utf8'));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
