import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The monorepo root: relative paths in configuration (the SQLite default, the H5 build) are resolved from here,
 * so `npm start` at the root and `npm run … -w backend` agree on where the data lives.
 */
export function repoRoot(start: string = process.cwd()): string {
  if (process.env.PIONEER_ROOT) return resolve(process.env.PIONEER_ROOT);
  let dir = resolve(start);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const parsed = JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown };
        if (parsed.workspaces) return dir;
      } catch {
        // an unreadable package.json is not the root; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}
