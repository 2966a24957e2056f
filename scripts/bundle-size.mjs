#!/usr/bin/env node
// Guards the login page's JavaScript budget. A teacher on a slow rural connection downloads the
// login page first, so everything it loads — the entry chunk, the login route's lazy chunk, and
// every chunk those import statically — must stay under LIMIT_KB gzipped.
// Reads the Vite manifest of `vite build --config web/vite.config.ts`; exits 1 when over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 300;
const LOGIN_ROUTE = 'src/features/auth/pages/LoginPage.tsx';
// Libraries that belong to later pages (dashboards) and must never reach the login page.
const FORBIDDEN_ON_LOGIN = ['echarts', 'zrender'];

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) fail('no entry chunk in the manifest');
if (!manifest[LOGIN_ROUTE]) fail(`the manifest has no chunk for ${LOGIN_ROUTE}`);

/** The chunk keys a start chunk loads at once: itself and its static imports, transitively. */
function staticClosure(start, seen = new Set()) {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const imported of manifest[start]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const loginKeys = new Set([...staticClosure(entryKey), ...staticClosure(LOGIN_ROUTE)]);
const gzipKB = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

let loginKB = 0;
const rows = [];
for (const key of loginKeys) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  const size = gzipKB(file);
  loginKB += size;
  rows.push([file, size]);
  const offender = FORBIDDEN_ON_LOGIN.find((name) => key.includes(name) || (manifest[key].src ?? '').includes(name));
  if (offender) fail(`${offender} is in the login page's JS (${key}); import it only from the pages that draw charts`);
}

const assets = join(dist, 'assets');
let totalKB = 0;
let totalFiles = 0;
for (const file of readdirSync(assets)) {
  if (!file.endsWith('.js')) continue;
  totalKB += gzipKB(join('assets', file));
  totalFiles += 1;
}

rows.sort((a, b) => b[1] - a[1]);
for (const [file, size] of rows) console.log(`  ${size.toFixed(1).padStart(7)} KB  ${file}`);
console.log(`login page JS: ${loginKB.toFixed(1)} KB gzipped (limit ${LIMIT_KB} KB)`);
console.log(`all JS: ${totalKB.toFixed(1)} KB gzipped in ${totalFiles} files`);
if (loginKB > LIMIT_KB) fail(`the login page's JS is ${(loginKB - LIMIT_KB).toFixed(1)} KB over budget`);

function fail(message) {
  console.error(`bundle-size: ${message}`);
  process.exit(1);
}
