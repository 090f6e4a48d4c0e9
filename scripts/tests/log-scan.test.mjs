// Reads the real log the backend's e2e suite left behind (one file per test file and driver, see
// backend/test/support/test-app.ts) and fails on any line carrying a phone number, an openid, a token or a query
// string. It also fails on too few lines, so it cannot pass on a log that was never written.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../lib/build-steps.mjs';

const LOG_DIR = process.env.TEST_LOG_DIR ?? join(ROOT, 'artifacts', 'logs');
// The whole e2e suite writes tens of thousands of lines; a handful means the logs were not written.
const MIN_LINES = Number(process.env.LOG_SCAN_MIN_LINES ?? 5000);

const LEAKS = [
  // Mainland mobile numbers, also with +86 in front; not part of a longer run of digits or letters (ids, hashes).
  { what: 'phone number', pattern: /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/ },
  { what: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/ },
  { what: 'bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/i },
  // WeChat's openids are 28 characters starting with "o"; the e2e tests' fake accounts are "o-alice", "o-1", …
  { what: 'openid', pattern: /(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/ },
  { what: 'test openid', pattern: /(?<![A-Za-z0-9_-])o-[A-Za-z0-9_-]+/ },
  // The residents the problem and household suites record (backend/test/e2e): their names and addresses are sealed
  // at rest and must not surface in a log line either (a validation echo, an error's detail, a logged body).
  { what: 'resident name or address', pattern: /王桂兰|赵奶奶|周秀珍|向阳路18号3栋2单元501室/ },
  // Names and search words travel in query strings; a logged URL keeps its path only.
  { what: 'query string in a logged URL', pattern: /"url":"[^"]*\?/ },
];

function logFiles() {
  if (!existsSync(LOG_DIR)) return [];
  return readdirSync(LOG_DIR)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => join(LOG_DIR, f));
}

test('the e2e run left its log behind', () => {
  const files = logFiles();
  assert.ok(files.length > 0, `no log files in ${LOG_DIR}: run the backend e2e suite first`);
  const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').filter(Boolean).length, 0);
  assert.ok(lines >= MIN_LINES, `only ${lines} log lines in ${files.length} files (at least ${MIN_LINES} expected)`);
});

test('no log line carries a phone number, an openid, a token or a query string', () => {
  const found = [];
  const counts = {};
  for (const file of logFiles()) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const { what, pattern } of LEAKS) {
        const match = line.match(pattern);
        if (!match) continue;
        counts[what] = (counts[what] ?? 0) + 1;
        found.push(`${file.slice(LOG_DIR.length + 1)}:${i + 1}: ${what} "${match[0]}" in ${line.slice(0, 300)}`);
      }
    });
  }
  const summary = Object.entries(counts).map(([what, n]) => `${n} × ${what}`).join(', ');
  assert.equal(found.length, 0, `${found.length} leaks (${summary}), first ones:\n${found.slice(0, 30).join('\n')}`);
});
