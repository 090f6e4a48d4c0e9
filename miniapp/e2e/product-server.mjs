// Starts the product exactly as `npm start` does, on a temporary SQLite file and a free port, for browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/free-port.mjs';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** `env` adds variables to the product's environment (e.g. WECHAT_API_BASE for a fake WeChat the test controls). */
export async function startProduct({ env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pioneer-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output = [];
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'pioneer.sqlite')}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited early:\n${output.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the product did not become healthy in time:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
