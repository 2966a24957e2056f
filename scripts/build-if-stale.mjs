#!/usr/bin/env node
// Builds the server (dist/) and the web app (web/dist/) when they are missing or older than their
// sources. Used by `npm start` and by the browser tests, so neither runs a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir, skip = /^(node_modules|dist)$/) {
  if (!existsSync(dir)) return 0;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.test(entry.name)) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p, skip) : statSync(p).mtimeMs);
  }
  return newest;
}

function stale(output, sources) {
  if (!existsSync(join(root, output))) return true;
  const built = statSync(join(root, output)).mtimeMs;
  return sources.some((s) => newestMtime(join(root, s)) > built);
}

function run(script) {
  console.log(`> npm run ${script}`);
  // A test runner's NODE_ENV=test would make Vite bundle React's development build.
  const r = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function buildIfStale() {
  if (stale('dist/server/src/main.js', ['server/src', 'shared', 'tsconfig.json', 'tsconfig.build.json'])) run('build:server');
  if (stale('web/dist/index.html', ['web/src', 'web/index.html', 'web/family.html', 'web/public', 'web/vite.config.ts', 'shared'])) run('build:web');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildIfStale();
