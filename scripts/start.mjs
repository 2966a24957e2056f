#!/usr/bin/env node
// `npm start`: builds what is missing or older than its sources (server and web), then runs the
// server. A newcomer's first start therefore takes a minute longer than the next ones.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
buildIfStale();

const server = spawn(process.execPath, [join(root, 'dist/server/src/main.js')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
