// Two compiled backends on one MariaDB database, each running the activity scheduler every second: every confirmed
// participant of an activity that starts soon gets exactly one reminder — one delivery row and one inbox row — however
// the two processes' rounds interleave. Defined only with TEST_MYSQL_URL (CI sets it): SQLite is one process's file.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { freePort } from '../lib/free-port.mjs';
import { startBackend, stopBackend, waitHealthy } from '../lib/backend-process.mjs';

const mysqlServer = process.env.TEST_MYSQL_URL;
const PARTICIPANTS = 250;

if (mysqlServer) {
  test('two backend processes send each reminder exactly once', { timeout: 180_000 }, async () => {
    const { createConnection } = await import('mysql2/promise');
    const server = new URL(mysqlServer);
    const connect = (database) =>
      createConnection({
        host: server.hostname,
        port: Number(server.port || 3306),
        user: decodeURIComponent(server.username || 'root'),
        password: decodeURIComponent(server.password),
        database,
        timezone: 'Z',
      });
    const name = `pioneer_remind_${randomBytes(4).toString('hex')}`;
    const url = new URL(mysqlServer);
    url.pathname = `/${name}`;
    const env = { DEMO_MODE: 'true', DATABASE_URL: url.toString(), H5_DIR: tmpdir(), ACTIVITY_SCHEDULER_SECONDS: '1' };
    const procs = [];
    let db;
    try {
      // The first process creates, migrates and seeds the database; the second joins it as a second instance.
      const portA = await freePort();
      procs.push(startBackend({ ...env, PORT: String(portA) }));
      await waitHealthy(`http://127.0.0.1:${portA}`, procs[0]);
      const portB = await freePort();
      procs.push(startBackend({ ...env, PORT: String(portB) }));
      await waitHealthy(`http://127.0.0.1:${portB}`, procs[1]);

      db = await connect(name);
      const [[unit]] = await db.query("SELECT id FROM units WHERE name = '区委组织部'");
      const [[author]] = await db.query("SELECT id FROM members WHERE name = '陈明'");
      const members = Array.from({ length: PARTICIPANTS }, (_, i) => [randomUUID(), `提醒测试党员${i}`, unit.id, 'active']);
      await db.query('INSERT INTO members (id, name, unit_id, status) VALUES ?', [members]);
      const activityId = randomUUID();
      const startsAt = new Date(Date.now() + 30 * 60_000);
      await db.query(
        `INSERT INTO activities (id, kind, title, description, place, starts_at, ends_at, signup_deadline, cancel_deadline,
           credited_hours, scope_kind, status, author_id, published_at, confirmed_count)
         VALUES (?, 'volunteer', '两个进程的提醒', '清理楼道杂物', '向阳社区活动中心', ?, ?, ?, ?, 2, 'district', 'published', ?, ?, ?)`,
        [activityId, startsAt, new Date(startsAt.getTime() + 2 * 3600_000), startsAt, startsAt, author.id, new Date(), PARTICIPANTS],
      );
      await db.query(
        'INSERT INTO activity_signups (id, activity_id, member_id, status, signed_up_at, on_behalf, created_by) VALUES ?',
        [members.map(([memberId]) => [randomUUID(), activityId, memberId, 'confirmed', new Date(), false, memberId])],
      );

      // Settled: every participant has a reminder and a few more rounds of both processes added nothing.
      const count = async () => {
        const [[row]] = await db.query('SELECT COUNT(*) AS n FROM reminder_deliveries WHERE activity_id = ?', [activityId]);
        return Number(row.n);
      };
      let settledRounds = 0;
      for (let i = 0; i < 120 && settledRounds < 4; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        settledRounds = (await count()) >= PARTICIPANTS ? settledRounds + 1 : 0;
      }
      for (const proc of procs) assert.equal(proc.child.exitCode, null, `a backend exited:\n${proc.output()}`);

      assert.equal(await count(), PARTICIPANTS, 'one delivery row per participant');
      const link = `packages/activity/detail/index?id=${activityId}`;
      const [[inbox]] = await db.query(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT member_id) AS people FROM messages WHERE kind = 'activity_reminder' AND link = ?",
        [link],
      );
      assert.equal(Number(inbox.n), PARTICIPANTS, 'one inbox row per participant');
      assert.equal(Number(inbox.people), PARTICIPANTS, 'nobody reminded twice');
      const [[linked]] = await db.query(
        'SELECT COUNT(*) AS n FROM reminder_deliveries r JOIN messages m ON m.id = r.message_id AND m.member_id = r.member_id WHERE r.activity_id = ?',
        [activityId],
      );
      assert.equal(Number(linked.n), PARTICIPANTS, 'each delivery row points at its own inbox row');
    } finally {
      await db?.end();
      for (const proc of procs) await stopBackend(proc);
      const admin = await connect(undefined);
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    }
  });
}
