// The compiled backend as an operator starts it: bad configuration stops it at once naming the variable, and a
// MySQL/MariaDB DATABASE_URL naming a database that does not exist yet runs the same product there.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort } from '../lib/free-port.mjs';
import { startBackend, waitHealthy } from '../lib/backend-process.mjs';

test('DATABASE_URL=nonsense stops the process with a message naming DATABASE_URL', async () => {
  const proc = startBackend({ DATABASE_URL: 'nonsense', PORT: String(await freePort()) });
  const { code } = await proc.exited;
  assert.notEqual(code, 0);
  assert.match(proc.output(), /DATABASE_URL/);
});

test('production refuses the embedded SQLite database', async () => {
  const proc = startBackend({ NODE_ENV: 'production', DATABASE_URL: 'sqlite:data/x.sqlite', PORT: String(await freePort()) });
  const { code } = await proc.exited;
  assert.notEqual(code, 0);
  assert.match(proc.output(), /DATABASE_URL must be a mysql:\/\/ URL when NODE_ENV=production/);
});

test('SIGTERM shuts the server down promptly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pioneer-startup-'));
  const port = await freePort();
  const proc = startBackend({ DEMO_MODE: 'true', DATABASE_URL: `sqlite:${join(dir, 'p.sqlite')}`, PORT: String(port), H5_DIR: dir });
  try {
    await waitHealthy(`http://127.0.0.1:${port}`, proc);
    const started = Date.now();
    proc.child.kill('SIGTERM');
    await proc.exited;
    assert.ok(Date.now() - started < 10_000, 'stopped within 10 s');
  } finally {
    if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

const mysqlServer = process.env.TEST_MYSQL_URL;
test(
  'a MySQL DATABASE_URL naming a new database runs the same product on MariaDB',
  { skip: mysqlServer ? false : 'TEST_MYSQL_URL is not set' },
  async () => {
    const { createConnection } = await import('mysql2/promise');
    const name = `pioneer_start_${randomBytes(4).toString('hex')}`;
    const url = new URL(mysqlServer);
    url.pathname = `/${name}`;
    const port = await freePort();
    const proc = startBackend({ DEMO_MODE: 'true', DATABASE_URL: url.toString(), PORT: String(port), H5_DIR: tmpdir() });
    try {
      await waitHealthy(`http://127.0.0.1:${port}`, proc);
      const overview = await (await fetch(`http://127.0.0.1:${port}/api/v1/public/overview`)).json();
      assert.ok(overview.communities.length > 0, 'the demo district was seeded into MariaDB');
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
      const server = new URL(mysqlServer);
      const conn = await createConnection({ host: server.hostname, port: Number(server.port || 3306), user: server.username || 'root', password: decodeURIComponent(server.password) });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    }
  },
);

/** Started with nothing but a port: either it refuses naming a variable, or it serves no demo sign-in. */
async function demoSignInStatus(env) {
  const port = await freePort();
  const proc = startBackend({ PORT: String(port), H5_DIR: tmpdir(), ...env });
  try {
    const outcome = await Promise.race([
      proc.exited.then(() => 'exited'),
      waitHealthy(`http://127.0.0.1:${port}`, proc).then(() => 'healthy', () => 'exited'),
    ]);
    if (outcome === 'exited') {
      await proc.exited;
      return { exited: true, output: proc.output() };
    }
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    return { exited: false, status: res.status, output: proc.output() };
  } finally {
    if (proc.child.exitCode === null) {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  }
}

test('an empty environment refuses to start, naming the missing secret, instead of offering demo sign-in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pioneer-startup-'));
  try {
    // Only the database is moved out of the repository, so the test never touches the real demo file.
    const result = await demoSignInStatus({ DATABASE_URL: `sqlite:${join(dir, 'p.sqlite')}` });
    assert.equal(result.exited, true, `started and answered demo sign-in with ${result.status}`);
    assert.match(result.output, /JWT_SECRET/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('real secrets without DEMO_MODE do not offer demo sign-in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pioneer-startup-'));
  try {
    const result = await demoSignInStatus({
      DATABASE_URL: `sqlite:${join(dir, 'p.sqlite')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      CHECKIN_CODE_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    });
    assert.equal(result.exited, false, result.output);
    assert.equal(result.status, 404);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a DATA_ENCRYPTION_KEY that cannot read the existing database stops the start naming it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pioneer-startup-'));
  const database = `sqlite:${join(dir, 'p.sqlite')}`;
  try {
    const port = await freePort();
    const first = startBackend({ DEMO_MODE: 'true', DATABASE_URL: database, PORT: String(port), H5_DIR: dir, DATA_ENCRYPTION_KEY: 'ab'.repeat(32) });
    await waitHealthy(`http://127.0.0.1:${port}`, first);
    first.child.kill('SIGTERM');
    await first.exited;
    const secondPort = await freePort();
    const second = startBackend({ DEMO_MODE: 'true', DATABASE_URL: database, PORT: String(secondPort), H5_DIR: dir, DATA_ENCRYPTION_KEY: 'cd'.repeat(32) });
    const started = await waitHealthy(`http://127.0.0.1:${secondPort}`, second, 20_000).then(() => true, () => false);
    if (started) second.child.kill('SIGTERM');
    const { code } = await second.exited;
    assert.equal(started, false, 'started with a key that cannot read the database');
    assert.notEqual(code, 0);
    assert.match(second.output(), /DATA_ENCRYPTION_KEY/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'two demo starts in a row on one MariaDB database both serve the member list, and so does a second instance',
  { skip: mysqlServer ? false : 'TEST_MYSQL_URL is not set' },
  async () => {
    const { createConnection } = await import('mysql2/promise');
    const name = `pioneer_restart_${randomBytes(4).toString('hex')}`;
    const url = new URL(mysqlServer);
    url.pathname = `/${name}`;
    const signIn = async (base) => {
      const login = await fetch(`${base}/api/v1/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'admin' }),
      });
      assert.equal(login.status, 200);
      return (await login.json()).accessToken;
    };
    const memberList = async (base, token) =>
      fetch(`${base}/api/v1/members`, { headers: { authorization: `Bearer ${token ?? (await signIn(base))}` } });
    try {
      for (let round = 0; round < 2; round++) {
        const port = await freePort();
        const proc = startBackend({ DEMO_MODE: 'true', DATABASE_URL: url.toString(), PORT: String(port), H5_DIR: tmpdir() });
        try {
          await waitHealthy(`http://127.0.0.1:${port}`, proc);
          const res = await memberList(`http://127.0.0.1:${port}`);
          assert.equal(res.status, 200, `start ${round + 1}: ${await res.text()}`);
          if (round === 1) {
            // A second instance beside the running one: same data key, and each accepts the other's tokens.
            const otherPort = await freePort();
            const other = startBackend({ DEMO_MODE: 'true', DATABASE_URL: url.toString(), PORT: String(otherPort), H5_DIR: tmpdir() });
            try {
              await waitHealthy(`http://127.0.0.1:${otherPort}`, other);
              const token = await signIn(`http://127.0.0.1:${port}`);
              const shared = await memberList(`http://127.0.0.1:${otherPort}`, token);
              assert.equal(shared.status, 200, `second instance: ${await shared.text()}`);
            } finally {
              other.child.kill('SIGTERM');
              await other.exited;
            }
          }
        } finally {
          proc.child.kill('SIGTERM');
          await proc.exited;
        }
      }
    } finally {
      const server = new URL(mysqlServer);
      const conn = await createConnection({ host: server.hostname, port: Number(server.port || 3306), user: server.username || 'root', password: decodeURIComponent(server.password) });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    }
  },
);
