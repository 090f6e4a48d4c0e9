// `npm run bench:signup`: BENCH_MEMBERS members (1000) sign up for one activity of BENCH_CAPACITY places (100) and a
// waitlist of BENCH_WAITLIST (100), BENCH_CONCURRENCY (200) at a time, through two backend processes on one fresh
// MariaDB/MySQL database. Prints throughput, latency and errors, and fails unless exactly the capacity got places (and
// the waitlist filled, and everyone else was refused as full). Then, as the baseline of the same run on the same
// processes, every member reads the activity once at the same concurrency, and the sign-up rate is given as a share of
// that read rate. Not a test; the setup is scripts/lib/signup-rush.mjs.
//
//   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/  BENCH_MEMBERS=1000  BENCH_CAPACITY=100  BENCH_WAITLIST=100  BENCH_CONCURRENCY=200
import { performance } from 'node:perf_hooks';
import { buildBackend, buildSharedTypes } from '../lib/build-steps.mjs';
import { startRush, tally } from '../lib/signup-rush.mjs';

const SERVER_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
const MEMBERS = intFromEnv('BENCH_MEMBERS', 1000, 1, 50_000);
const CAPACITY = intFromEnv('BENCH_CAPACITY', Math.max(1, Math.min(100, Math.floor(MEMBERS / 10))), 1, 50_000);
const WAITLIST = intFromEnv('BENCH_WAITLIST', CAPACITY, 0, 50_000);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 200, 1, 2000);

function intFromEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** Runs `send(i)` for every member, CONCURRENCY at a time: the answers, the seconds it took and latency percentiles. */
async function burst(send) {
  const results = new Array(MEMBERS);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < MEMBERS) {
      const i = next++;
      results[i] = await send(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, MEMBERS) }, lane));
  const seconds = (performance.now() - started) / 1000;
  const latencies = results.map((r) => r.receivedAt - r.sentAt).sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  return { results, seconds, pct };
}

async function main() {
  buildSharedTypes();
  buildBackend();
  const rush = await startRush({ serverUrl: SERVER_URL, members: MEMBERS, capacity: CAPACITY, waitlist: WAITLIST });
  try {
    const { results, seconds, pct } = await burst((i) => rush.signUp(i));
    const outcomes = tally(results);
    const errors = results.filter((r) => r.status >= 500 || ![201, 409].includes(r.status)).length;
    const counters = await rush.counters();
    const placed = (await rush.rows()).filter((r) => r.status === 'confirmed').length;
    const expected = {
      confirmed: Math.min(CAPACITY, MEMBERS),
      waitlisted: Math.min(WAITLIST, Math.max(0, MEMBERS - CAPACITY)),
    };
    const full = MEMBERS - expected.confirmed - expected.waitlisted;
    console.log(`sign-up rush: ${MEMBERS} members, capacity ${CAPACITY}, waitlist ${WAITLIST}, ${CONCURRENCY} at a time, two backend processes`);
    console.log(`  ${MEMBERS} in ${seconds.toFixed(2)} s → ${(MEMBERS / seconds).toFixed(1)} req/s; latency ms p50 ${pct(50).toFixed(1)}, p99 ${pct(99).toFixed(1)}, max ${pct(100).toFixed(1)}`);
    console.log(`  outcomes ${JSON.stringify(outcomes)}; errors ${errors}; places taken ${placed} (counter ${counters.confirmed}), waitlist ${counters.waitlisted}`);
    const reads = await burst((i) => rush.readDetail(i));
    const readErrors = reads.results.filter((r) => r.status !== 200).length;
    console.log(`  baseline, the same ${MEMBERS} reading the activity: ${(MEMBERS / reads.seconds).toFixed(1)} req/s; p50 ${reads.pct(50).toFixed(1)}, p99 ${reads.pct(99).toFixed(1)}; errors ${readErrors}`);
    console.log(`  sign-up rate / read rate = ${(reads.seconds / seconds).toFixed(2)}; sign-up p99 / read p99 = ${(pct(99) / reads.pct(99)).toFixed(2)}`);
    const ok =
      errors === 0 &&
      placed === expected.confirmed &&
      counters.confirmed === expected.confirmed &&
      (outcomes.confirmed ?? 0) === expected.confirmed &&
      (outcomes.waitlisted ?? 0) === expected.waitlisted &&
      (outcomes.SIGNUP_FULL ?? 0) === full;
    if (!ok) {
      console.error(`expected ${expected.confirmed} places, ${expected.waitlisted} waitlisted, ${full} refused as full, no errors`);
      process.exitCode = 1;
    }
  } finally {
    await rush.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
