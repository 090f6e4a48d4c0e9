// 200 members rush one activity (capacity 20, waitlist 30) through TWO backend processes on one fresh MariaDB/MySQL
// database: exactly 20 places, 30 tickets 1..30 in commit order, 150 refused as full, no 5xx, no duplicate rows; then
// one cancellation promotes exactly the first ticket. Needs the compiled backend (the test runner builds it) and a
// server: without TEST_MYSQL_URL no test is defined here (CI sets it).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startRush, tally } from '../lib/signup-rush.mjs';

const MYSQL_URL = process.env.TEST_MYSQL_URL;

if (MYSQL_URL) {
  let rush;
  before(async () => {
    rush = await startRush({ serverUrl: MYSQL_URL, members: 200, capacity: 20, waitlist: 30 });
  });
  after(async () => {
    await rush?.close();
  });

  test('200 concurrent sign-ups on two processes: 20 places, 30 tickets in order, 150 full, then one promotion', { timeout: 180_000 }, async () => {
    const results = await Promise.all(rush.memberIds.map((_, i) => rush.signUp(i)));
    assert.deepEqual(tally(results), { confirmed: 20, waitlisted: 30, SIGNUP_FULL: 150 });

    const rows = await rush.rows();
    assert.equal(rows.length, 50, 'one row per signed-up member, none for the refused');
    assert.equal(new Set(rows.map((r) => r.memberId)).size, 50, 'no member twice');
    assert.equal(rows.filter((r) => r.status === 'confirmed').length, 20);
    const tickets = rows.filter((r) => r.status === 'waitlisted').map((r) => Number(r.ticket)).sort((a, b) => a - b);
    assert.deepEqual(tickets, Array.from({ length: 30 }, (_, i) => i + 1), 'tickets 1..30, no gaps, no duplicates');
    assert.deepEqual(await rush.counters(), { confirmed: 20, waitlisted: 30, seq: 30 });

    // Each answer's position is its ticket (nobody left yet), and a ticket answered before another was even asked for
    // is the smaller one: the order is the order the transactions committed in.
    const waitlisted = results.filter((r) => r.status === 201 && r.body.outcome === 'waitlisted');
    const ticketOf = new Map(rows.map((r) => [r.memberId, Number(r.ticket)]));
    for (const r of waitlisted) assert.equal(r.body.signup.waitlistPosition, ticketOf.get(r.memberId));
    for (const a of waitlisted) {
      for (const b of waitlisted) {
        if (a.receivedAt < b.sentAt) assert.ok(ticketOf.get(a.memberId) < ticketOf.get(b.memberId), 'a later request got an earlier ticket');
      }
    }

    const leaving = results.find((r) => r.status === 201 && r.body.outcome === 'confirmed');
    const first = [...ticketOf].find(([, ticket]) => ticket === 1)[0];
    const cancelled = await rush.cancelMine(leaving.i);
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'cancelled');
    const after = await rush.rows();
    const status = new Map(after.map((r) => [r.memberId, r.status]));
    assert.equal(status.get(first), 'confirmed', 'the first ticket got the place');
    assert.equal(after.filter((r) => r.status === 'confirmed').length, 20);
    assert.equal(after.filter((r) => r.status === 'waitlisted').length, 29);
    assert.deepEqual(await rush.counters(), { confirmed: 20, waitlisted: 29, seq: 30 });
    const told = await rush.query("SELECT member_id AS memberId FROM messages WHERE kind = 'activity_promoted'");
    assert.deepEqual(told.map((m) => m.memberId), [first]);
  });
}
