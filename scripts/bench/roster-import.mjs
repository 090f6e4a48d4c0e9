// `npm run bench:roster`: times a 2000-row roster import over HTTP against the built backend — dry run, commit and a
// re-import of the same file (which must find every row unchanged) — on a temp SQLite file and on a fresh MariaDB/MySQL
// database (BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306/; skipped when no server answers, except with CI=true,
// where that fails). For scale it also times a plain multi-row INSERT of the same rows into a scratch table of the same
// shape. Everything it starts it stops; everything it creates it drops. It exits non-zero on any error or wrong count.
//
//   node scripts/bench/roster-import.mjs [--rows 2000] [--drivers sqlite,mysql] [--repeat 3] [--no-build] [--verbose]
//   BENCH_ROWS, BENCH_REPEAT and BENCH_DRIVERS set the same as the flags (a flag wins).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import mysql from 'mysql2/promise';
import { buildBackend, buildSharedTypes, ROOT } from '../lib/build-steps.mjs';
import { freePort } from '../lib/free-port.mjs';

const args = process.argv.slice(2);
const option = (name, env, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i !== -1) return args[i + 1];
  return process.env[env] || fallback;
};
function whole(name, raw, min, max) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}
const ROWS = whole('rows', option('rows', 'BENCH_ROWS', '2000'), 1, 5000);
const REPEAT = whole('repeat', option('repeat', 'BENCH_REPEAT', '3'), 1, 9);
const DRIVERS = option('drivers', 'BENCH_DRIVERS', 'sqlite,mysql').split(',');
if (DRIVERS.some((d) => d !== 'sqlite' && d !== 'mysql')) throw new Error('drivers must be sqlite and/or mysql');
const REQUIRE_MYSQL = process.env.CI === 'true';
const MYSQL_SERVER = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
const DEADLINE_MS = 10 * 60_000;
const CHUNK = 500;
let verbose = args.includes('--verbose');

const started = new Set();
const cleanups = [];

async function cleanupAll() {
  for (const child of started) await stopBackend(child);
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error('cleanup:', error.message);
    }
  }
}

const deadline = setTimeout(async () => {
  console.error(`bench: gave up after ${DEADLINE_MS / 1000}s`);
  await cleanupAll();
  process.exit(1);
}, DEADLINE_MS);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await cleanupAll();
    process.exit(130);
  });
}

// ---------- data ----------

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国秀英志强丽华明伟芳军敏静磊洋勇艳杰娟涛超霞平刚桂兰玉梅海燕文辉红梅晓东春雷新民俊峰雪琴宏伟德明丹凤立新永刚国庆世杰振华学军淑珍宇航欣怡子涵浩然思远嘉怡';

/** Deterministic pseudo-random numbers, so every run imports the same people. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generatePeople(count, placements, set) {
  const rand = rng(20260125 + set * 7919);
  const phones = new Set();
  const people = [];
  while (people.length < count) {
    const phone = `139${set}${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`;
    if (phones.has(phone)) continue;
    phones.add(phone);
    const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)];
    const given = Array.from({ length: rand() < 0.7 ? 2 : 1 }, () => GIVEN[Math.floor(rand() * GIVEN.length)]).join('');
    const place = placements[people.length % placements.length];
    people.push({ name: surname + given, phone, ...place });
  }
  return people;
}

async function xlsxOf(people) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(['姓名', '手机号', '所在单位', '党支部']);
  for (const p of people) ws.addRow([p.name, p.phone, p.unitName, p.branchName ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------- backend process ----------

async function startBackend(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'backend/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO_MODE: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      H5_DIR: join(tmpdir(), 'pioneer-bench-no-h5'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`backend exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { child, base, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`backend did not become healthy within 60s:\n${output}`);
}

function stopBackend(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      started.delete(child);
      return resolve();
    }
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      started.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---------- HTTP ----------

async function json(res) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body).slice(0, 400)}`);
  return body;
}

async function importFile(base, token, mode, file) {
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '党员名册.xlsx');
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/roster/import?mode=${mode}`, {
    method: 'POST',
    // Every signed-in write needs its own key; reusing one would replay the first report instead of importing again.
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `bench-${randomUUID()}` },
    body: form,
  });
  const report = await json(res);
  return { ms: performance.now() - t0, report };
}

// ---------- plain insert, for scale ----------

const PLAIN_COLUMNS = ['id', 'name', 'phone_cipher', 'phone_hash', 'unit_id', 'branch_id', 'status', 'openid', 'unionid', 'created_at', 'updated_at'];

function plainRows(people) {
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  // Same widths as the import writes: a v1:iv:tag:body ciphertext and a 64-hex keyed hash.
  return people.map((p) => [
    randomUUID(),
    p.name,
    `v1:${randomBytes(12).toString('base64')}:${randomBytes(16).toString('base64')}:${randomBytes(11).toString('base64')}`,
    randomBytes(32).toString('hex'),
    p.unitId,
    p.branchId ?? null,
    'invited',
    null,
    null,
    now,
    now,
  ]);
}

function plainInsertSqlite(file, people) {
  const db = new Database(file);
  try {
    db.exec(`CREATE TABLE bench_plain_members (
      id varchar(36) PRIMARY KEY, name varchar(50) NOT NULL, phone_cipher varchar(255), phone_hash varchar(64) UNIQUE,
      unit_id varchar(36) NOT NULL, branch_id varchar(36), status varchar(20) NOT NULL DEFAULT 'invited',
      openid varchar(64) UNIQUE, unionid varchar(64), created_at datetime NOT NULL, updated_at datetime NOT NULL)`);
    const rows = plainRows(people);
    const placeholders = (n) => Array.from({ length: n }, () => `(${PLAIN_COLUMNS.map(() => '?').join(',')})`).join(',');
    const t0 = performance.now();
    db.transaction(() => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK);
        db.prepare(`INSERT INTO bench_plain_members (${PLAIN_COLUMNS.join(',')}) VALUES ${placeholders(part.length)}`).run(part.flat());
      }
    })();
    const ms = performance.now() - t0;
    db.exec('DROP TABLE bench_plain_members');
    return ms;
  } finally {
    db.close();
  }
}

async function plainInsertMysql(url, people) {
  const conn = await mysql.createConnection(url);
  try {
    await conn.query(`CREATE TABLE bench_plain_members (
      id varchar(36) PRIMARY KEY, name varchar(50) NOT NULL, phone_cipher varchar(255), phone_hash varchar(64) UNIQUE,
      unit_id varchar(36) NOT NULL, branch_id varchar(36), status varchar(20) NOT NULL DEFAULT 'invited',
      openid varchar(64) UNIQUE, unionid varchar(64), created_at datetime(3) NOT NULL, updated_at datetime(3) NOT NULL
    ) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const rows = plainRows(people);
    const t0 = performance.now();
    await conn.beginTransaction();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await conn.query(`INSERT INTO bench_plain_members (${PLAIN_COLUMNS.join(',')}) VALUES ?`, [rows.slice(i, i + CHUNK)]);
    }
    await conn.commit();
    const ms = performance.now() - t0;
    await conn.query('DROP TABLE bench_plain_members');
    return ms;
  } finally {
    await conn.end();
  }
}

// ---------- one driver ----------

async function mysqlReachable() {
  try {
    const conn = await mysql.createConnection({ uri: MYSQL_SERVER, connectTimeout: 2000 });
    await conn.end();
    return true;
  } catch {
    return false;
  }
}

async function prepareDatabase(driver) {
  if (driver === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pioneer-bench-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bench.sqlite');
    return { url: `sqlite:${file}`, file };
  }
  const name = `pioneer_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_SERVER);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  cleanups.push(async () => {
    const c = await mysql.createConnection(MYSQL_SERVER);
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.end();
  });
  const url = new URL(MYSQL_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString() };
}

async function readBranches(driver, db) {
  if (driver === 'sqlite') {
    const sqlite = new Database(db.file, { readonly: true });
    try {
      return sqlite.prepare('SELECT id, unit_id AS unitId, name FROM branches').all();
    } finally {
      sqlite.close();
    }
  }
  const conn = await mysql.createConnection(db.url);
  try {
    const [rows] = await conn.query('SELECT id, unit_id AS unitId, name FROM branches');
    return rows;
  } finally {
    await conn.end();
  }
}

async function benchDriver(driver) {
  const db = await prepareDatabase(driver);
  const backend = await startBackend(db.url);
  try {
    const { accessToken } = await json(
      await fetch(`${backend.base}/api/v1/auth/demo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'organizer' }),
      }),
    );
    const me = await json(await fetch(`${backend.base}/api/v1/me`, { headers: { Authorization: `Bearer ${accessToken}` } }));
    const organizer = me.roles.find((r) => r.role === 'organizer');
    const overview = await json(await fetch(`${backend.base}/api/v1/public/overview`));
    const branches = await readBranches(driver, db);
    // The demo organizer may be scoped to one unit or branch: every row must be one it may import.
    const placements = [];
    for (const unit of overview.units) {
      const ofUnit = branches.filter((b) => b.unitId === unit.id);
      for (const branch of ofUnit.length ? ofUnit : [null]) {
        const inScope =
          organizer.scopeKind === 'district' ||
          (organizer.scopeKind === 'unit' && organizer.scopeId === unit.id) ||
          (organizer.scopeKind === 'branch' && branch && organizer.scopeId === branch.id);
        if (inScope) placements.push({ unitId: unit.id, unitName: unit.name, branchId: branch?.id ?? null, branchName: branch?.name ?? null });
      }
    }
    if (!placements.length) throw new Error(`the demo organizer (${organizer.scopeKind}) covers no unit`);
    // Each commit needs people the database has not seen, so every repetition gets its own set of phones.
    const sets = await Promise.all(
      Array.from({ length: REPEAT }, async (_, i) => {
        const people = generatePeople(ROWS, placements, i);
        return { people, file: await xlsxOf(people) };
      }),
    );
    const first = sets[0];
    const expect = (what, report, key) => {
      if (report.counts[key] !== ROWS) throw new Error(`${what}: expected ${ROWS} ${key}, got ${JSON.stringify(report.counts)}`);
    };
    const dry = [];
    for (let i = 0; i < REPEAT; i++) {
      const r = await importFile(backend.base, accessToken, 'dry_run', first.file);
      expect('dry run', r.report, 'create');
      dry.push(r.ms);
    }
    const commit = [];
    for (const set of sets) {
      const r = await importFile(backend.base, accessToken, 'commit', set.file);
      expect('commit', r.report, 'create');
      commit.push(r.ms);
    }
    const again = [];
    for (let i = 0; i < REPEAT; i++) {
      const r = await importFile(backend.base, accessToken, 'commit', first.file);
      expect('re-import', r.report, 'unchanged');
      again.push(r.ms);
    }
    const plain = [];
    for (const set of sets) plain.push(driver === 'sqlite' ? plainInsertSqlite(db.file, set.people) : await plainInsertMysql(db.url, set.people));
    return {
      driver,
      scope: `${organizer.scopeKind}${organizer.scopeName ? ` (${organizer.scopeName})` : ''}, ${placements.length} unit/branch slots`,
      fileKb: Math.round(first.file.length / 1024),
      steps: [
        ['dry run', dry],
        [`commit (${ROWS} new)`, commit],
        ['re-import (all unchanged)', again],
        ['plain multi-row INSERT', plain],
      ],
      plainMs: median(plain),
    };
  } catch (error) {
    verbose = false;
    console.error(backend.output().slice(-4000));
    throw error;
  } finally {
    await stopBackend(backend.child);
    if (verbose) console.log(backend.output());
  }
}

// ---------- main ----------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  if (!args.includes('--no-build')) {
    buildSharedTypes();
    buildBackend();
  }
  const results = [];
  for (const driver of DRIVERS) {
    if (driver === 'mysql' && !(await mysqlReachable())) {
      const where = `no server at ${MYSQL_SERVER.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')}`;
      if (REQUIRE_MYSQL) throw new Error(`mysql: ${where}, which CI=true requires`);
      console.log(`mysql: ${where}, skipped`);
      continue;
    }
    console.log(`${driver}: importing ${ROWS} rows …`);
    results.push(await benchDriver(driver));
  }
  console.log(`\nroster import, ${ROWS} rows, wall-clock over HTTP (upload, parse, plan, write, report); median of ${REPEAT}`);
  console.log(`${process.platform}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const header = ['driver', 'step', 'median ms', 'min–max ms', 'rows/s', '× plain insert'];
  const lines = [];
  for (const r of results) {
    for (const [step, runs] of r.steps) {
      const ms = median(runs);
      lines.push([
        r.driver,
        step,
        ms.toFixed(0),
        `${Math.min(...runs).toFixed(0)}–${Math.max(...runs).toFixed(0)}`,
        Math.round((ROWS / ms) * 1000).toString(),
        (ms / r.plainMs).toFixed(1),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  for (const r of results) console.log(`${r.driver}: file ${r.fileKb} KB, organizer scope ${r.scope}`);
}

main()
  .then(async () => {
    clearTimeout(deadline);
    await cleanupAll();
  })
  .catch(async (error) => {
    clearTimeout(deadline);
    console.error('bench failed:', error.message);
    await cleanupAll();
    process.exit(1);
  });
