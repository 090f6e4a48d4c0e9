// Build steps shared by `npm start` and the test runner: each rebuilds only when its sources are newer than its output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function stale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newestMtime(join(ROOT, input)) > built);
}

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

export function buildSharedTypes() {
  if (stale(join(ROOT, 'shared-types/dist/index.js'), ['shared-types/src'])) {
    run('npm', ['run', 'build', '-w', 'shared-types']);
  }
}

export function buildBackend() {
  if (stale(join(ROOT, 'backend/dist/main.js'), ['backend/src', 'shared-types/src', 'backend/tsconfig.json'])) {
    console.log('building the backend …');
    run('npm', ['run', 'build', '-w', 'backend']);
  }
}

export function buildH5() {
  if (stale(join(ROOT, 'miniapp/dist/h5/index.html'), ['miniapp/src', 'miniapp/config', 'shared-types/src'])) {
    console.log('building the H5 app (about a minute the first time) …');
    run('npm', ['run', 'build:h5', '-w', 'miniapp']);
  }
}

/** The WeChat build, as the size budget builds it (production, the API origin of miniapp/.env.production). */
export function buildWeapp() {
  if (stale(join(ROOT, 'miniapp/dist/weapp/app.js'), ['miniapp/src', 'miniapp/config', 'miniapp/.env.production', 'shared-types/src'])) {
    console.log('building the weapp …');
    run('npm', ['run', 'build:weapp', '-w', 'miniapp'], { env: { ...process.env, NODE_ENV: 'production' } });
  }
}

export function buildAll() {
  buildSharedTypes();
  buildBackend();
  buildH5();
}
