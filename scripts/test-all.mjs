// `npm test`: every suite in turn, then one closing line totalling them all: "N passed, N failed".
// MySQL and browser suites run when their server/browser is available, and are required when CI=true.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, ROOT } from './lib/build-steps.mjs';

const ARTIFACTS = join(ROOT, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const ci = process.env.CI === 'true';
const results = [];

function runSuite(name, cmd, args, count, opts = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: process.env, ...opts });
  let tally = count(res);
  if (res.status !== 0 && tally.failed === 0) tally = { ...tally, failed: 1 };
  results.push({ name, ...tally, seconds: Math.round((Date.now() - started) / 1000) });
}

function jestCount(file) {
  return () => {
    if (!existsSync(file)) return { passed: 0, failed: 1 };
    const r = JSON.parse(readFileSync(file, 'utf8'));
    // A suite that fails to load has no test results but must still count as a failure.
    return { passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites, skipped: r.numPendingTests };
  };
}

const single = (res) => (res.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

function tapCount(file) {
  return () => {
    if (!existsSync(file)) return { passed: 0, failed: 1 };
    const tap = readFileSync(file, 'utf8');
    const num = (key) => Number((tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
    return { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') };
  };
}

if (ci && !process.env.TEST_MYSQL_URL) {
  console.error('CI=true requires TEST_MYSQL_URL (the MySQL/MariaDB suites are mandatory in CI).');
  results.push({ name: 'mysql configured', passed: 0, failed: 1 });
}

try {
  buildAll();
} catch (error) {
  console.error(error.message);
  results.push({ name: 'build', passed: 0, failed: 1 });
}

runSuite('typecheck', 'npm', ['run', 'typecheck', '--workspaces', '--if-present'], single);
// The e2e apps write their real log here (one file per test file); the log scan below reads this run's only.
const LOGS = process.env.TEST_LOG_DIR ?? join(ARTIFACTS, 'logs');
rmSync(LOGS, { recursive: true, force: true });
runSuite(
  'backend (unit + e2e on SQLite' + (process.env.TEST_MYSQL_URL ? ' and MySQL)' : ')'),
  'npx',
  ['jest', '--runInBand', '--json', `--outputFile=${join(ARTIFACTS, 'backend-jest.json')}`],
  jestCount(join(ARTIFACTS, 'backend-jest.json')),
  { cwd: join(ROOT, 'backend') },
);
runSuite(
  'log scan (no phone numbers, openids or tokens in the e2e run\'s log)',
  'node',
  ['--test', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter-destination=${join(ARTIFACTS, 'log-scan.tap')}`, 'scripts/tests/log-scan.test.mjs'],
  tapCount(join(ARTIFACTS, 'log-scan.tap')),
);
runSuite(
  'miniapp components (jest, H5)',
  'npx',
  ['jest', '--json', `--outputFile=${join(ARTIFACTS, 'miniapp-jest.json')}`],
  jestCount(join(ARTIFACTS, 'miniapp-jest.json')),
  { cwd: join(ROOT, 'miniapp') },
);
runSuite(
  'compiled backend (start-up, API document, two schedulers)',
  'node',
  ['--test', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter-destination=${join(ARTIFACTS, 'startup.tap')}`, 'scripts/tests/startup.test.mjs', 'scripts/tests/openapi.test.mjs', 'scripts/tests/reminders-two-processes.test.mjs'],
  tapCount(join(ARTIFACTS, 'startup.tap')),
);
// Two compiled backend processes on one MariaDB/MySQL database: the sign-up capacity guard across processes (defines no
// test without TEST_MYSQL_URL, which CI requires above).
runSuite(
  'sign-up rush (two backend processes, one MariaDB)',
  'node',
  ['--test', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter-destination=${join(ARTIFACTS, 'signup-rush.tap')}`, 'scripts/tests/signup-rush.test.mjs'],
  tapCount(join(ARTIFACTS, 'signup-rush.tap')),
);
runSuite('weapp size budget', 'npm', ['run', 'size', '-w', 'miniapp'], single);
// After the size budget, which has just built dist/weapp: the simulator reuses that build.
runSuite(
  'weapp (built dist/weapp in a simulator)',
  'node',
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter=tap',
    '--test-reporter-destination=stdout',
    `--test-reporter-destination=${join(ARTIFACTS, 'weapp.tap')}`,
    ...readdirSync(join(ROOT, 'miniapp/weapp-test'))
      .filter((f) => f.endsWith('.weapp.mjs'))
      .map((f) => `miniapp/weapp-test/${f}`),
  ],
  tapCount(join(ARTIFACTS, 'weapp.tap')),
);
// Each benchmark once at a tiny size, one test per script: a benchmark that no longer runs turns this red. No figures.
runSuite(
  'benchmarks (each once, tiny sizes)',
  'node',
  ['--test', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter-destination=${join(ARTIFACTS, 'bench-smoke.tap')}`, 'scripts/tests/bench-smoke.test.mjs'],
  tapCount(join(ARTIFACTS, 'bench-smoke.tap')),
);
runSuite(
  'browser (H5 build in headless Chromium)',
  'node',
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter=tap',
    '--test-reporter-destination=stdout',
    `--test-reporter-destination=${join(ARTIFACTS, 'browser.tap')}`,
    ...readdirSync(join(ROOT, 'miniapp/e2e'))
      .filter((f) => f.endsWith('.e2e.mjs'))
      .map((f) => `miniapp/e2e/${f}`),
  ],
  tapCount(join(ARTIFACTS, 'browser.tap')),
);

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + (r.skipped ?? 0) }), { passed: 0, failed: 0, skipped: 0 });
console.log('\n=== summary ===');
for (const r of results) {
  console.log(`${r.failed ? 'FAIL' : 'ok  '} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.seconds !== undefined ? ` (${r.seconds}s)` : ''}`);
}
if (ci && total.skipped > 0) {
  console.log(`${total.skipped} tests were skipped, which CI does not allow`);
  total.failed += total.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
