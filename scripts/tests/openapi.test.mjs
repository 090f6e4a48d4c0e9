// The API document the compiled backend serves, checked by an outside OpenAPI linter (Redocly's recommended rules):
// undeclared path parameters, operations without a security statement or a summary are errors there and here.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { ROOT } from '../lib/build-steps.mjs';
import { freePort } from '../lib/free-port.mjs';

async function fetchDocument() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pioneer-openapi-'));
  const child = spawn(process.execPath, [join(ROOT, 'backend/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DEMO_MODE: 'true',
      DATABASE_URL: `sqlite:${join(dir, 'api.sqlite')}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      H5_DIR: join(dir, 'no-h5'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`backend exited early:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
        if (res.status === 200) return await res.text();
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`no API document in time:\n${output}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the served OpenAPI document has no errors under Redocly’s recommended rules', async () => {
  const source = await fetchDocument();
  const document = JSON.parse(source);
  assert.ok(Object.keys(document.paths).length > 50, 'the document lists the product’s endpoints');
  const problems = await lintFromString({
    source,
    absoluteRef: 'pioneer-openapi.json',
    config: await createConfig({ extends: ['recommended'] }),
  });
  const errors = problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`);
  assert.deepEqual(errors, []);
});
