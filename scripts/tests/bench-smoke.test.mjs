// Every benchmark in scripts/bench/ once at a tiny size, so one that no longer runs against the current API fails the
// build instead of the next person who wants its figures. Each script is one test: it passes when the script exits 0,
// which it does only when every request succeeded and every result was what it expected. The figures are not checked.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../lib/build-steps.mjs';

const BENCH_DIR = join(ROOT, 'scripts/bench');
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
const CI = process.env.CI === 'true';

/** Small enough to finish in seconds, large enough to go through every step each script has. */
const TINY = {
  BENCH_ROWS: '20',
  BENCH_REPEAT: '1',
  BENCH_MEMBERS: '5',
  BENCH_CONCURRENCY: '2',
  BENCH_INSERTS: '100',
  BENCH_HISTORY: '3',
};

const scripts = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.mjs'))
  .sort();

function run(script) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BENCH_DIR, script)], {
      cwd: ROOT,
      env: { ...process.env, ...TINY, ...(MYSQL_URL ? { BENCH_MYSQL_URL: MYSQL_URL } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

test('there are benchmarks to run', () => {
  assert.ok(scripts.length > 0, `no .mjs scripts in ${BENCH_DIR}`);
});

for (const script of scripts) {
  // The benchmarks run on MariaDB/MySQL; without a server they cannot run, which CI does not accept.
  const skip = !MYSQL_URL && !CI ? 'no MySQL/MariaDB server configured (TEST_MYSQL_URL or BENCH_MYSQL_URL)' : false;
  test(`bench ${script} runs to the end at a tiny size`, { skip, timeout: 180_000 }, async () => {
    const { code, signal, output } = await run(script);
    assert.equal(code, 0, `${script} exited with ${code ?? signal}:\n${output.slice(-4000)}`);
  });
}
