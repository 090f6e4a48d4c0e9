#!/usr/bin/env node
// Builds the weapp (unless --no-build) and checks dist/weapp against WeChat's package limits:
// main package and each subpackage at most 2 MB, everything together at most 20 MB.
// The project's own budget for the main package is 1 MB; going over it warns but does not fail.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const MB = 1024 * KB;
const PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 20 * MB;
const MAIN_BUDGET = 1 * MB;

const miniappDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(miniappDir, 'dist', 'weapp');

function build() {
  const require = createRequire(import.meta.url);
  const taroBin = require.resolve('@tarojs/cli/bin/taro');
  const started = Date.now();
  const result = spawnSync(process.execPath, [taroBin, 'build', '--type', 'weapp'], {
    cwd: miniappDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  });
  if (result.status !== 0) {
    console.error(`taro build --type weapp failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`\nweapp build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

function subpackageRoots() {
  const appJsonPath = path.join(distDir, 'app.json');
  if (!existsSync(appJsonPath)) {
    console.error(`${path.relative(process.cwd(), appJsonPath)} not found; build the weapp first (drop --no-build).`);
    process.exit(1);
  }
  const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
  // WeChat accepts both spellings.
  const subpackages = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])];
  return subpackages.map((pkg) => pkg.root.replace(/^\/+|\/+$/g, ''));
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function measure() {
  const roots = subpackageRoots();
  const sizes = new Map(roots.map((root) => [root, 0]));
  let main = 0;
  let total = 0;
  for (const file of listFiles(distDir)) {
    const relative = path.relative(distDir, file).split(path.sep).join('/');
    const bytes = statSync(file).size;
    total += bytes;
    const root = roots.find((candidate) => relative === candidate || relative.startsWith(`${candidate}/`));
    if (root) sizes.set(root, sizes.get(root) + bytes);
    else main += bytes;
  }
  return { main, sizes, total };
}

if (!process.argv.includes('--no-build')) build();

const { main, sizes, total } = measure();
const failures = [];

console.log('\nWeChat package sizes (dist/weapp)');
console.log(`  main package        ${kb(main).padStart(12)}   limit ${kb(PACKAGE_LIMIT)}, budget ${kb(MAIN_BUDGET)}`);
if (main > PACKAGE_LIMIT) failures.push(`main package is ${kb(main)}, over the 2 MB limit`);
for (const [root, bytes] of sizes) {
  console.log(`  ${root.padEnd(20)}${kb(bytes).padStart(12)}   limit ${kb(PACKAGE_LIMIT)}`);
  if (bytes > PACKAGE_LIMIT) failures.push(`subpackage ${root} is ${kb(bytes)}, over the 2 MB limit`);
}
console.log(`  total               ${kb(total).padStart(12)}   limit ${kb(TOTAL_LIMIT)}`);
if (total > TOTAL_LIMIT) failures.push(`total is ${kb(total)}, over the 20 MB limit`);

if (failures.length > 0) {
  for (const failure of failures) console.error(`ERROR: ${failure}`);
  process.exit(1);
}
if (main > MAIN_BUDGET) {
  console.warn(`WARNING: main package is ${kb(main)}, over the project budget of ${kb(MAIN_BUDGET)}.`);
}
console.log('OK: within WeChat limits.');
