import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The backend reads top-down: each folder imports only from folders below it. `database/` is the registry (every
 * entity, the migrations, the seeds) and so sits above the feature modules; the helpers that entities and services
 * share live in `common/`, below them.
 */
const LAYERS = ['config', 'common', 'wechat', 'modules', 'database', 'app'] as const;

const SRC = __dirname;

const topFolder = (file: string): string => relative(SRC, file).split('/')[0]!;

function layerOf(file: string): number {
  const index = LAYERS.indexOf(topFolder(file) as (typeof LAYERS)[number]);
  return index === -1 ? LAYERS.indexOf('app') : index;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('backend layout', () => {
  it('has no import from a lower folder into a higher one', () => {
    const upward: string[] = [];
    let between = 0;
    for (const file of sources(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = normalize(join(dirname(file), match[1]!));
        if (topFolder(file) === topFolder(target)) continue;
        between += 1;
        if (layerOf(target) > layerOf(file)) upward.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(between).toBeGreaterThan(100);
    expect(upward).toEqual([]);
  });
});
