import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody, TokenResponse } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { AuditLogEntity } from '../../src/modules/audit/audit-log.entity.js';
import { sha256Hex } from '../../src/modules/auth/auth-secrets.js';
import { RefreshTokenEntity } from '../../src/modules/auth/entities/refresh-token.entity.js';
import request from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

/** Migrating a fresh MySQL database takes seconds; Jest's default 5 s would cut it off. */
const STARTUP_MS = 60_000;
const LIMITS = { AUTH_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The same POST on `count` connections opened beforehand and written in one tick, so the requests reach the server
 * together (separate HTTP clients would connect one after another and rarely overlap).
 */
async function burst(baseUrl: string, path: string, body: object, count: number): Promise<{ status: number; body: unknown }[]> {
  const { hostname, port } = new URL(baseUrl);
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  const payload = JSON.stringify(body);
  const answers = sockets.map(
    (socket) =>
      new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.once('error', reject);
        socket.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const [head = '', rest = ''] = text.split('\r\n\r\n', 2);
          resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(rest) as unknown });
        });
      }),
  );
  for (const socket of sockets) {
    socket.write(
      [
        `POST ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(payload)}`,
        `Idempotency-Key: ${randomUUID()}`,
        'Connection: close',
        '',
        payload,
      ].join('\r\n'),
    );
  }
  return Promise.all(answers);
}

/** What a phone on a bad network does: sign in, refresh, and sometimes send the same refresh again. */
function client(t: () => TestApp) {
  const refresh = (refreshToken: string | undefined) => request(t().baseUrl).post('/api/v1/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) => request(t().baseUrl).get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
  const demo = async (): Promise<Required<TokenResponse>> => {
    const res = await request(t().baseUrl).post('/api/v1/auth/demo').send({ role: 'worker' });
    expect(res.status).toBe(200);
    return res.body as Required<TokenResponse>;
  };
  const codeOf = (res: request.Response) => (res.body as ApiErrorBody).code;
  return { refresh, me, demo, codeOf };
}

describe.each(testDrivers())('sessions on a bad network, on %s', (driver) => {
  describe('within the default grace window', () => {
    let t: TestApp;
    let ds: DataSource;
    const { refresh, me, demo, codeOf } = client(() => t);
    const familyOf = async (refreshToken: string) =>
      (await ds.getRepository(RefreshTokenEntity).findOneByOrFail({ tokenHash: sha256Hex(refreshToken) })).familyId;

    beforeAll(async () => {
      t = await startTestApp(driver, LIMITS);
      ds = t.app.get<DataSource>(getDataSourceToken());
    }, STARTUP_MS);
    afterAll(async () => {
      await t?.close();
    }, STARTUP_MS);

    it('answers a refresh whose response was lost with the same new pair, and the session goes on', async () => {
      const first = await demo();
      const lost = await refresh(first.refreshToken);
      expect(lost.status).toBe(200);
      const pair = lost.body as Required<TokenResponse>;

      const retried = await refresh(first.refreshToken);
      expect(retried.status).toBe(200);
      const again = retried.body as Required<TokenResponse>;
      expect(again.refreshToken).toBe(pair.refreshToken);
      expect(again.accessToken).toBe(pair.accessToken);
      expect(again.expiresIn).toBeGreaterThan(0);
      expect(again.expiresIn).toBeLessThanOrEqual(pair.expiresIn);
      expect(again.refreshExpiresIn).toBeLessThanOrEqual(pair.refreshExpiresIn);

      expect((await me(again.accessToken)).status).toBe(200);
      // The access token issued before the refresh keeps its normal lifetime.
      expect((await me(first.accessToken)).status).toBe(200);
      const next = await refresh(again.refreshToken);
      expect(next.status).toBe(200);
      expect((await me((next.body as TokenResponse).accessToken)).status).toBe(200);

      // What is kept to answer again is encrypted: neither token of the pair is in any column in the clear.
      const dump = JSON.stringify(await ds.query('SELECT * FROM refresh_tokens'));
      for (const token of [first.refreshToken, pair.refreshToken, pair.accessToken]) expect(dump).not.toContain(token);
    });

    it('gives five refreshes racing with one token the same pair, and leaves one session alive', async () => {
      const first = await demo();
      const family = await familyOf(first.refreshToken);
      const answers = await burst(t.baseUrl, '/api/v1/auth/refresh', { refreshToken: first.refreshToken }, 5);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const pairs = answers.map((r) => r.body as TokenResponse);
      expect(new Set(pairs.map((p) => p.refreshToken)).size).toBe(1);
      expect(new Set(pairs.map((p) => p.accessToken)).size).toBe(1);

      const rows = await ds.getRepository(RefreshTokenEntity).find({ where: { familyId: family } });
      expect(rows.filter((r) => !r.used)).toHaveLength(1);
      expect(rows.find((r) => !r.used)!.tokenHash).toBe(sha256Hex(pairs[0]!.refreshToken!));
      expect((await me(pairs[0]!.accessToken)).status).toBe(200);
      expect((await refresh(pairs[0]!.refreshToken)).status).toBe(200);
      const reuses = await ds.getRepository(AuditLogEntity).find({ where: { action: 'auth.refresh_reuse', targetId: family } });
      expect(reuses).toHaveLength(0);
    });

    // Requests on one server rarely overlap this closely; holding the token's row lock from a second connection makes
    // all five read it as unused and queue on the exchange, as refreshes reaching two instances at once would. Only
    // MySQL has row locks (SQLite runs one request's statements at a time), so the case exists only there.
    if (driver === 'mysql') it('lets exactly one of five exchanges that all read the token unused rotate it', async () => {
      const first = await demo();
      const family = await familyOf(first.refreshToken);
      const holder = await createConnection(t.db.url);
      try {
        await holder.beginTransaction();
        await holder.query('SELECT id FROM refresh_tokens WHERE token_hash = ? FOR UPDATE', [sha256Hex(first.refreshToken)]);
        const answering = burst(t.baseUrl, '/api/v1/auth/refresh', { refreshToken: first.refreshToken }, 5);
        // Each exchange adds its successor before it claims the token, so six rows mean all five are past their read.
        for (let i = 0; i < 200; i++) {
          const [{ n }] = (await ds.query('SELECT COUNT(*) AS n FROM refresh_tokens WHERE family_id = ?', [family])) as [{ n: number | string }];
          if (Number(n) === 6) break;
          await sleep(25);
        }
        await holder.commit();
        const answers = await answering;
        expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
        const pairs = answers.map((r) => r.body as TokenResponse);
        expect(new Set(pairs.map((p) => p.refreshToken)).size).toBe(1);
        expect(new Set(pairs.map((p) => p.accessToken)).size).toBe(1);
        // The four that lost took back the successors they had added: one session, one live token.
        const rows = await ds.getRepository(RefreshTokenEntity).find({ where: { familyId: family } });
        expect(rows).toHaveLength(2);
        expect(rows.find((r) => !r.used)!.tokenHash).toBe(sha256Hex(pairs[0]!.refreshToken!));
        expect((await refresh(pairs[0]!.refreshToken)).status).toBe(200);
      } finally {
        await holder.end();
      }
    });

    it('still ends the whole session when a token comes back after its successor was used', async () => {
      const first = await demo();
      const second = (await refresh(first.refreshToken)).body as TokenResponse;
      const third = (await refresh(second.refreshToken)).body as TokenResponse;
      expect(third.refreshToken).toEqual(expect.any(String));

      const stolen = await refresh(first.refreshToken);
      expect(stolen.status).toBe(401);
      expect(codeOf(stolen)).toBe('REFRESH_TOKEN_REUSED');
      expect(codeOf(await refresh(third.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
      expect(codeOf(await me(third.accessToken))).toBe('SESSION_EXPIRED');
      expect(codeOf(await me(first.accessToken))).toBe('SESSION_EXPIRED');
    });
  });

  describe('with a one-second grace window', () => {
    let t: TestApp;
    let ds: DataSource;
    const { refresh, me, demo, codeOf } = client(() => t);

    beforeAll(async () => {
      t = await startTestApp(driver, { ...LIMITS, REFRESH_REUSE_GRACE_SECONDS: '1' });
      ds = t.app.get<DataSource>(getDataSourceToken());
    }, STARTUP_MS);
    afterAll(async () => {
      await t?.close();
    }, STARTUP_MS);

    it('treats a token presented again after the window as stolen, and keeps nothing to answer with', async () => {
      const first = await demo();
      const second = (await refresh(first.refreshToken)).body as TokenResponse;
      const keptPairs = async () =>
        ((await ds.query('SELECT token_hash FROM refresh_tokens WHERE successor_cipher IS NOT NULL')) as { token_hash: string }[]).map(
          (r) => r.token_hash,
        );
      expect(await keptPairs()).toEqual([sha256Hex(first.refreshToken)]);
      // Nobody else signs in or refreshes: the periodic sweep alone clears the passed window.
      await sleep(2500);
      expect(await keptPairs()).toEqual([]);
      // And a refresh clears older windows of its own family at once.
      const other = await demo();
      const otherSecond = (await refresh(other.refreshToken)).body as TokenResponse;
      expect((await refresh(otherSecond.refreshToken)).status).toBe(200);
      expect(await keptPairs()).not.toContain(sha256Hex(other.refreshToken));

      const late = await refresh(first.refreshToken);
      expect(late.status).toBe(401);
      expect(codeOf(late)).toBe('REFRESH_TOKEN_REUSED');
      expect(codeOf(await refresh(second.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
      expect(codeOf(await me(second.accessToken))).toBe('SESSION_EXPIRED');
    });
  });
});
