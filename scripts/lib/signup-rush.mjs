// A sign-up rush on one activity, for the rush test and the sign-up benchmark: a fresh MariaDB/MySQL database, TWO
// compiled backend processes on it (so the capacity guard is proven across processes, not inside one), members and one
// published activity inserted in the shapes the backend writes, and tokens signed with the JWT secret the backends were
// given. Build the backend first (build-steps.mjs → buildBackend). close() stops both and drops the database, whatever
// happened before.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createPool } from 'mysql2/promise';
import { startBackend, stopBackend, waitHealthy } from './backend-process.mjs';
import { freePort } from './free-port.mjs';

const HOUR = 3600_000;

/**
 * @param {{ serverUrl: string, members: number, capacity: number, waitlist: number }} options
 */
export async function startRush({ serverUrl, members, capacity, waitlist }) {
  const server = new URL(serverUrl);
  const dbName = `pioneer_rush_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const connection = {
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  };
  const backends = [];
  let pool = null;
  let created = false;

  const close = async () => {
    for (const b of backends) await stopBackend(b.proc).catch(() => undefined);
    if (pool) await pool.end().catch(() => undefined);
    if (created) {
      const cleaner = await createPool({ ...connection, connectionLimit: 1 });
      await cleaner.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await cleaner.end();
      created = false;
    }
  };

  try {
    const root = await createPool({ ...connection, connectionLimit: 1 });
    await root.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    created = true;
    await root.end();
    const dbUrl = new URL(server.toString());
    dbUrl.pathname = `/${dbName}`;
    // One after the other: the first migrates and seeds the fresh database, the second finds it ready.
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const proc = startBackend({
        NODE_ENV: 'development',
        DEMO_MODE: 'true',
        DATABASE_URL: dbUrl.toString(),
        JWT_SECRET: jwtSecret,
        PORT: String(port),
        HOST: '127.0.0.1',
        RATE_LIMIT_PER_MINUTE: '1000000',
        H5_DIR: '/nonexistent-h5-build',
        API_DOCS: 'false',
      });
      const base = `http://127.0.0.1:${port}`;
      backends.push({ proc, base });
      await waitHealthy(base, proc);
    }

    pool = await createPool({ ...connection, database: dbName, connectionLimit: 5 });
    const [[unit]] = await pool.query("SELECT id FROM units WHERE code = 'JG002'");
    const [[author]] = await pool.query("SELECT id FROM members WHERE name = '孙伟'");
    const memberIds = Array.from({ length: members }, () => randomUUID());
    for (let i = 0; i < memberIds.length; i += 500) {
      const chunk = memberIds.slice(i, i + 500);
      await pool.query('INSERT INTO members (id, name, unit_id, status) VALUES ?', [chunk.map((id, j) => [id, `报名压测${i + j + 1}`, unit.id, 'active'])]);
      await pool.query('INSERT INTO role_assignments (id, member_id, role, scope_kind) VALUES ?', [chunk.map((id) => [randomUUID(), id, 'member', 'self'])]);
    }
    const activityId = randomUUID();
    const now = Date.now();
    await pool.query(
      `INSERT INTO activities (id, kind, title, description, place, starts_at, ends_at, signup_deadline, cancel_deadline,
         capacity, waitlist_limit, credited_hours, scope_kind, status, author_id, published_at)
       VALUES (?, 'volunteer', '报名压测活动', '报名压测', '向阳社区服务站', ?, ?, ?, ?, ?, ?, 2, 'district', 'published', ?, ?)`,
      [activityId, new Date(now + 72 * HOUR), new Date(now + 75 * HOUR), new Date(now + 48 * HOUR), new Date(now + 24 * HOUR), capacity, waitlist, author.id, new Date(now)],
    );
    const tokens = memberIds.map((id) => signToken(jwtSecret, id));

    /** One sign-up of member i, sent to backend i % 2; with its times (performance.now, ms) and answer. */
    const signUp = async (i) => {
      const sentAt = performance.now();
      const res = await fetch(`${backends[i % 2].base}/api/v1/activities/${activityId}/signups`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json', 'idempotency-key': `rush-${randomUUID()}` },
        body: '{}',
      });
      const body = await res.json().catch(() => null);
      return { i, memberId: memberIds[i], status: res.status, body, sentAt, receivedAt: performance.now() };
    };
    /** Member i reads the activity (an authenticated read through the same processes): the benchmark's baseline. */
    const readDetail = async (i) => {
      const sentAt = performance.now();
      const res = await fetch(`${backends[i % 2].base}/api/v1/activities/${activityId}`, {
        headers: { authorization: `Bearer ${tokens[i]}` },
      });
      await res.arrayBuffer();
      return { i, status: res.status, sentAt, receivedAt: performance.now() };
    };
    const cancelMine = async (i) => {
      const res = await fetch(`${backends[(i + 1) % 2].base}/api/v1/activities/${activityId}/signups/mine`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${tokens[i]}`, 'idempotency-key': `rush-${randomUUID()}` },
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    };
    const rows = async () => {
      const [list] = await pool.query('SELECT id, member_id AS memberId, status, waitlist_seq AS ticket FROM activity_signups WHERE activity_id = ?', [activityId]);
      return list;
    };
    const counters = async () => {
      const [[a]] = await pool.query('SELECT confirmed_count AS confirmed, waitlist_count AS waitlisted, waitlist_seq AS seq FROM activities WHERE id = ?', [activityId]);
      return { confirmed: Number(a.confirmed), waitlisted: Number(a.waitlisted), seq: Number(a.seq) };
    };
    const query = (sql, params) => pool.query(sql, params).then(([r]) => r);
    return { activityId, memberIds, signUp, readDetail, cancelMine, rows, counters, query, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** HS256 access token, the shape the backend's guard expects ({ sub, typ: 'access' }). */
function signToken(secret, memberId) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: memberId, typ: 'access', iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** What a rush ended in: counts by outcome (confirmed, waitlisted, an error code, or the status of anything else). */
export function tally(results) {
  const out = new Map();
  for (const r of results) {
    const key = r.status === 201 ? r.body?.outcome : r.status >= 500 ? `5xx` : (r.body?.code ?? String(r.status));
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return Object.fromEntries(out);
}
