// `npm run bench:checkin`: throughput of POST /api/v1/services/start under a concurrent burst of distinct members on
// MariaDB/MySQL, beside the raw single-row INSERT rate of the same server measured in the same run. Not a test.
//
// It builds the backend, creates a fresh database, starts the backend on it (demo seed, quiet logs, no rate limit),
// inserts BENCH_MEMBERS members with approved registrations in 向阳社区, signs a token for each with the JWT secret it
// gave the backend, fetches the rotating code as the community's worker and fires the starts BENCH_CONCURRENCY at a
// time. Then it times single-row autocommit INSERTs into a scratch table at the same concurrency. It stops the backend
// it started and drops the database and the user it created, whatever happens.
//
// Before the burst it counts the SQL statements (and rows read) of single starts, one at a time, for new members and for
// members given BENCH_HISTORY past records: the backend connects as a MariaDB user of its own, so the server's
// per-user counters (information_schema.USER_STATISTICS, switched on with userstat) see its statements alone, whoever
// else shares the server. On a server without those counters the count is skipped and said so.
//
//   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/  BENCH_MEMBERS=300  BENCH_CONCURRENCY=50  BENCH_INSERTS=3000  BENCH_HISTORY=1000
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConnection, createPool } from 'mysql2/promise';
import { buildBackend, buildSharedTypes, ROOT } from '../lib/build-steps.mjs';
import { freePort } from '../lib/free-port.mjs';

const SERVER_URL = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/');
const MEMBERS = intFromEnv('BENCH_MEMBERS', 300, 1, 20_000);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 50, 1, 500);
const INSERTS = intFromEnv('BENCH_INSERTS', 3000, 100, 200_000);
const HISTORY = intFromEnv('BENCH_HISTORY', 1000, 1, 100_000);
/** Single starts counted per kind of member (new, with history); the median is printed. */
const PROBES = 5;
/** The whole run is bounded: past this, everything is cleaned up and the script fails. */
const DEADLINE_MS = 5 * 60 * 1000;

const DB_NAME = `pioneer_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const JWT_SECRET = randomBytes(32).toString('hex');
const DB_USER = `pioneer_bench_${randomBytes(4).toString('hex')}`;
const DB_PASSWORD = randomBytes(16).toString('hex');

function intFromEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function adminConnection(database) {
  return createConnection({
    host: SERVER_URL.hostname,
    port: Number(SERVER_URL.port || 3306),
    user: decodeURIComponent(SERVER_URL.username || 'root'),
    password: decodeURIComponent(SERVER_URL.password),
    ...(database ? { database } : {}),
  });
}

/** The backend's own URL: the bench database, as the bench's own user (so its statements can be counted apart). */
function databaseUrl() {
  const url = new URL(SERVER_URL.toString());
  url.username = DB_USER;
  url.password = DB_PASSWORD;
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

/** HS256 access token, the shape the backend's guard expects ({ sub, typ: 'access' }). */
function signToken(memberId) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: memberId, typ: 'access', iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(port, method, path, token, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(method === 'POST' ? { 'idempotency-key': `bench-${randomUUID()}` } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    if (payload) req.write(payload);
    req.end();
  });
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns each one's latency in ms. */
async function burst(count, concurrency, task) {
  const latencies = new Array(count);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

function summary({ latencies, seconds }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    count: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: sorted[sorted.length - 1],
  };
}

const fmt = (s) =>
  `${s.count} in ${s.seconds.toFixed(2)} s → ${s.perSecond.toFixed(1)}/s; latency ms p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}, ` +
  `p99 ${s.p99.toFixed(1)}, max ${s.max.toFixed(1)}`;

async function waitForHealth(port, backend) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (backend.exitCode !== null) throw new Error(`the backend exited early with code ${backend.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the backend did not become healthy within 60 s');
}

let backend = null;
let databaseCreated = false;
let userCreated = false;
/** The root connection that reads the counters; closed by cleanUp. */
let admin = null;
/** userstat as found, put back at the end if this run switched it on. */
let userstatBefore = null;

async function cleanUp() {
  agent.destroy();
  if (admin) {
    await admin.end().catch(() => undefined);
    admin = null;
  }
  if (backend && backend.exitCode === null) {
    backend.kill('SIGTERM');
    const exited = once(backend, 'exit');
    const timeout = new Promise((r) => setTimeout(r, 10_000, 'timeout'));
    if ((await Promise.race([exited, timeout])) === 'timeout') backend.kill('SIGKILL');
  }
  if (databaseCreated || userCreated || userstatBefore !== null) {
    const cleaner = await adminConnection();
    if (databaseCreated) await cleaner.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
    if (userCreated) await cleaner.query(`DROP USER IF EXISTS '${DB_USER}'@'%'`);
    if (userstatBefore !== null) await cleaner.query(`SET GLOBAL userstat = ${userstatBefore}`);
    await cleaner.end();
    databaseCreated = userCreated = false;
    userstatBefore = null;
  }
}

/** Switches MariaDB's per-user counters on; false where the server has none (MySQL). */
async function enableUserStatistics(admin) {
  try {
    const [[{ enabled }]] = await admin.query('SELECT @@GLOBAL.userstat AS enabled');
    if (Number(enabled) !== 1) {
      await admin.query('SET GLOBAL userstat = 1');
      userstatBefore = Number(enabled);
    }
    return true;
  } catch {
    return false;
  }
}

async function userCounters(admin) {
  const [rows] = await admin.query(
    'SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS statements, ROWS_READ AS rowsRead ' +
      'FROM information_schema.USER_STATISTICS WHERE USER = ?',
    [DB_USER],
  );
  return { statements: Number(rows[0]?.statements ?? 0), rowsRead: Number(rows[0]?.rowsRead ?? 0) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Statements and rows read by single starts, one at a time on a quiet backend: the median over the members given. */
async function countPerStart(admin, port, code, memberIds) {
  const statements = [];
  const rowsRead = [];
  for (const id of memberIds) {
    const before = await userCounters(admin);
    const res = await request(port, 'POST', '/api/v1/services/start', signToken(id), { code });
    if (res.status !== 201) throw new Error(`a counted start answered ${res.status}`);
    // The server adds a statement to the counters as it finishes it, which may be just after the response went out.
    await new Promise((r) => setTimeout(r, 50));
    const after = await userCounters(admin);
    statements.push(after.statements - before.statements);
    rowsRead.push(after.rowsRead - before.rowsRead);
  }
  return { statements: median(statements), rowsRead: median(rowsRead), spread: `${Math.min(...statements)}–${Math.max(...statements)}` };
}

async function main() {
  buildSharedTypes();
  buildBackend();

  admin = await adminConnection();
  await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  databaseCreated = true;
  await admin.query(`CREATE USER '${DB_USER}'@'%' IDENTIFIED BY '${DB_PASSWORD}'`);
  userCreated = true;
  await admin.query(`GRANT ALL PRIVILEGES ON \`${DB_NAME}\`.* TO '${DB_USER}'@'%'`);
  const [[{ version }]] = await admin.query('SELECT VERSION() AS version');
  const counting = await enableUserStatistics(admin);

  const port = await freePort();
  backend = spawn(process.execPath, [join(ROOT, 'backend/dist/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO_MODE: 'true',
      DATABASE_URL: databaseUrl(),
      JWT_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      H5_DIR: '/nonexistent-h5-build',
      API_DOCS: 'false',
      // A longer slot only keeps one code valid for the whole burst; the start's work is the same for any slot length.
      CHECKIN_SLOT_SECONDS: '60',
    },
  });
  await waitForHealth(port, backend);

  // Setup: members of 区税务局 with approved registrations at 向阳社区, inserted in the shapes the backend writes.
  const db = await createPool({
    host: SERVER_URL.hostname,
    port: Number(SERVER_URL.port || 3306),
    user: decodeURIComponent(SERVER_URL.username || 'root'),
    password: decodeURIComponent(SERVER_URL.password),
    database: DB_NAME,
    connectionLimit: CONCURRENCY,
  });
  const [[community]] = await db.query("SELECT id FROM communities WHERE name = '向阳社区'");
  const [[worker]] = await db.query("SELECT id FROM members WHERE name = '刘芳'");
  const [[unit]] = await db.query("SELECT id FROM units WHERE code = 'JG002'");
  const memberIds = Array.from({ length: MEMBERS }, () => randomUUID());
  // Members for the statement count, apart from the burst's: new ones, and ones with HISTORY past records each.
  const freshIds = Array.from({ length: PROBES }, () => randomUUID());
  const seasonedIds = Array.from({ length: PROBES }, () => randomUUID());
  const everyone = [...memberIds, ...freshIds, ...seasonedIds];
  for (let i = 0; i < everyone.length; i += 500) {
    const chunk = everyone.slice(i, i + 500);
    await db.query('INSERT INTO members (id, name, unit_id, status) VALUES ?', [
      chunk.map((id, j) => [id, `压测党员${i + j + 1}`, unit.id, 'active']),
    ]);
    await db.query('INSERT INTO role_assignments (id, member_id, role, scope_kind) VALUES ?', [
      chunk.map((id) => [randomUUID(), id, 'member', 'self']),
    ]);
    await db.query(
      'INSERT INTO registrations (id, member_id, community_id, status, active_member_id, on_behalf, created_by, decided_by, decided_at) VALUES ?',
      [chunk.map((id) => [randomUUID(), id, community.id, 'approved', id, 0, id, worker.id, new Date()])],
    );
  }
  await seedHistory(db, seasonedIds, community.id, worker.id);
  const tokens = memberIds.map(signToken);

  // Warm-up on a read path, so the first starts do not pay for JIT compilation and pool creation.
  await burst(Math.min(200, MEMBERS), CONCURRENCY, (i) => request(port, 'GET', '/api/v1/services/current', tokens[i]));
  const reads = summary(await burst(MEMBERS, CONCURRENCY, (i) => request(port, 'GET', '/api/v1/services/current', tokens[i])));

  const codeRes = await request(port, 'GET', `/api/v1/checkin/code?communityId=${community.id}`, signToken(worker.id));
  if (codeRes.status !== 200) throw new Error(`could not fetch the check-in code: ${codeRes.status}`);
  const code = codeRes.body.code;

  const perStart = counting
    ? { fresh: await countPerStart(admin, port, code, freshIds), seasoned: await countPerStart(admin, port, code, seasonedIds) }
    : null;
  await admin.end();
  admin = null;

  const statuses = new Map();
  const starts = summary(
    await burst(MEMBERS, CONCURRENCY, async (i) => {
      const res = await request(port, 'POST', '/api/v1/services/start', tokens[i], { code });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }),
  );
  const [[{ open: openAll }]] = await db.query("SELECT COUNT(*) AS open FROM service_records WHERE status = 'open'");
  // The counted single starts left their own visits open too.
  const open = Number(openAll) - (perStart ? 2 * PROBES : 0);

  // The same server, the same concurrency: single-row autocommit INSERTs of a row about as wide as a service record.
  await db.query(
    'CREATE TABLE bench_scratch (id VARCHAR(36) PRIMARY KEY, member_id VARCHAR(36) NOT NULL, note VARCHAR(200) NOT NULL, ' +
      'created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), KEY idx_member (member_id)) ENGINE=InnoDB',
  );
  await burst(Math.min(200, INSERTS), CONCURRENCY, (i) =>
    db.query('INSERT INTO bench_scratch (id, member_id, note) VALUES (?, ?, ?)', [randomUUID(), memberIds[i % MEMBERS], 'warm-up']),
  );
  await db.query('TRUNCATE TABLE bench_scratch');
  const inserts = summary(
    await burst(INSERTS, CONCURRENCY, (i) =>
      db.query('INSERT INTO bench_scratch (id, member_id, note) VALUES (?, ?, ?)', [randomUUID(), memberIds[i % MEMBERS], '报到服务记录压测']),
    ),
  );
  await db.end();

  console.log('');
  console.log(`check-in burst on ${version} (database ${DB_NAME}), ${MEMBERS} distinct members, ${CONCURRENCY} concurrent`);
  console.log(`  POST /api/v1/services/start   ${fmt(starts)}`);
  console.log(`    responses: ${[...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(', ')}; open records afterwards: ${open}`);
  console.log(`  (for scale) GET /api/v1/services/current ${fmt(reads)}`);
  console.log(`  raw single-row INSERT         ${fmt(inserts)}`);
  console.log(`  ratio start/INSERT throughput ${(starts.perSecond / inserts.perSecond).toFixed(3)}`);
  if (perStart) {
    const line = (c) => `${c.statements} statements (range ${c.spread}), ${c.rowsRead} rows read`;
    console.log(`  SQL per start, median of ${PROBES} single starts, counted by the server for the backend's own user:`);
    console.log(`    new member                          ${line(perStart.fresh)}`);
    console.log(`    member with ${HISTORY} past records${' '.repeat(Math.max(0, 12 - String(HISTORY).length))}${line(perStart.seasoned)}`);
  } else {
    console.log('  SQL per start: not counted (this server has no USER_STATISTICS; MariaDB has)');
  }
  if (statuses.get(201) !== MEMBERS || Number(open) !== MEMBERS) throw new Error('not every start succeeded: the figures above are not comparable');
}

/** HISTORY confirmed past visits for each member, one a day going back, in the shape the backend writes. */
async function seedHistory(db, ids, communityId, workerId) {
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  for (const id of ids) {
    for (let i = 0; i < HISTORY; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(HISTORY, i + 500); j++) {
        const startedAt = new Date(now - (j + 1) * day);
        const endedAt = new Date(startedAt.getTime() + 3600 * 1000);
        const serviceDate = new Date(startedAt.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
        rows.push([
          randomUUID(), id, communityId, 'confirmed', startedAt, endedAt, serviceDate, 'code', 'code', 'care', '走访慰问独居老人',
          1, 1, 0, id, workerId, endedAt,
        ]);
      }
      await db.query(
        'INSERT INTO service_records (id, member_id, community_id, status, started_at, ended_at, service_date, start_verification, ' +
          'end_verification, service_type, description, proposed_hours, hours, on_behalf, created_by, decided_by, decided_at) VALUES ?',
        [rows],
      );
    }
  }
}

const deadline = setTimeout(() => {
  console.error(`the benchmark ran past ${DEADLINE_MS / 1000} s; stopping`);
  cleanUp().finally(() => process.exit(1));
}, DEADLINE_MS);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanUp().finally(() => process.exit(130)));
}

try {
  await main();
  process.exitCode = 0;
} catch (error) {
  console.error('benchmark failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  await cleanUp();
}
