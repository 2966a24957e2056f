#!/usr/bin/env node
// `npm start`: builds what is missing or older than its sources (server and web), then runs the
// server. A newcomer's first start therefore takes a minute longer than the next ones.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir, skip = /node_modules|dist/) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.test(entry.name)) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p, skip) : statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newestMtime(join(root, s)) > built);
}

function run(script) {
  console.log(`> npm run ${script}`);
  const r = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (needsBuild(join(root, 'dist/server/src/main.js'), ['server/src', 'shared'])) run('build:server');
if (needsBuild(join(root, 'web/dist/index.html'), ['web/src', 'web/index.html', 'shared'])) run('build:web');

const server = spawn(process.execPath, [join(root, 'dist/server/src/main.js')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
