// `npm start`: the whole product in demo mode — builds what is missing, then runs the backend, which serves the API,
// the fake WeChat server on loopback and the H5 build of the mini-program at http://127.0.0.1:3000.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildAll, ROOT } from './lib/build-steps.mjs';

buildAll();

// Demo mode is asked for here, explicitly: the backend itself never falls back to it (DEMO_MODE=false still wins).
const env = { ...process.env, DEMO_MODE: process.env.DEMO_MODE ?? 'true' };
const child = spawn(process.execPath, [join(ROOT, 'backend/dist/main.js')], { cwd: ROOT, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
