// The compiled backend (backend/dist/main.js) as its own process, for tests and benchmarks that need a real server —
// or two of them on one database. Build it first (scripts/lib/build-steps.mjs → buildBackend).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build-steps.mjs';

const MAIN = join(ROOT, 'backend/dist/main.js');

/** Starts the backend with exactly `env` (plus PATH); its output is kept for error messages. */
export function startBackend(env) {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

/** Resolves once GET /api/health answers 200; throws with the process's output if it exits or takes too long. */
export async function waitHealthy(baseUrl, proc, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`exited early:\n${proc.output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not healthy in time:\n${proc.output()}`);
}

/** SIGTERM, then SIGKILL if it has not gone within `ms`. */
export async function stopBackend(proc, ms = 10_000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), ms);
  await proc.exited;
  clearTimeout(timer);
}
