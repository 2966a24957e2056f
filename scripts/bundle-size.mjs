#!/usr/bin/env node
// Guards two first loads' JavaScript budgets, read from the Vite manifest of
// `vite build --config web/vite.config.ts`; exits 1 when either is over budget.
// - The staff login page: a teacher on a slow rural connection downloads it first, so everything
//   it loads — the entry chunk, the login route's lazy chunk, and every chunk those import
//   statically — must stay under LOGIN_LIMIT_KB gzipped.
// - The family app (阳光少年, family.html): a parent on a low-end Android phone opens it to the
//   home, so family.html's entry and its static imports must stay under FAMILY_LIMIT_KB gzipped,
//   and must never carry the staff app's antd or charts.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LOGIN_LIMIT_KB = 300;
const FAMILY_LIMIT_KB = 200;
const STAFF_ENTRY = 'index.html';
const FAMILY_ENTRY = 'family.html';
const LOGIN_ROUTE = 'src/features/auth/pages/LoginPage.tsx';
// Libraries that belong to later pages (dashboards) and must never reach the login page.
const FORBIDDEN_ON_LOGIN = ['echarts', 'zrender'];
// The staff app's desktop kit and charts: never in the parents' phone app.
const FORBIDDEN_IN_FAMILY = ['echarts', 'zrender', 'node_modules/antd/', '@ant-design/'];

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const entryKey = manifest[STAFF_ENTRY]?.isEntry ? STAFF_ENTRY : Object.keys(manifest).find((key) => manifest[key].isEntry && key !== FAMILY_ENTRY);
if (!entryKey) fail('no entry chunk in the manifest');
if (!manifest[LOGIN_ROUTE]) fail(`the manifest has no chunk for ${LOGIN_ROUTE}`);
if (!manifest[FAMILY_ENTRY]?.isEntry) fail(`the manifest has no entry for ${FAMILY_ENTRY} (web/vite.config.ts lists it as an input)`);

/** The chunk keys a start chunk loads at once: itself and its static imports, transitively. */
function staticClosure(start, seen = new Set()) {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const imported of manifest[start]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const gzipKB = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** The gzipped JS of some chunk keys, printed biggest first; fails on a forbidden library. */
function measure(label, keys, forbidden, advice) {
  let kb = 0;
  const rows = [];
  for (const key of keys) {
    const file = manifest[key].file;
    if (!file.endsWith('.js')) continue;
    const size = gzipKB(file);
    kb += size;
    rows.push([file, size]);
    const offender = forbidden.find((name) => key.includes(name) || (manifest[key].src ?? '').includes(name));
    if (offender) fail(`${offender} is in ${label} (${key}); ${advice}`);
  }
  rows.sort((a, b) => b[1] - a[1]);
  console.log(`${label}:`);
  for (const [file, size] of rows) console.log(`  ${size.toFixed(1).padStart(7)} KB  ${file}`);
  return kb;
}

const loginKB = measure('the login page\'s JS', new Set([...staticClosure(entryKey), ...staticClosure(LOGIN_ROUTE)]), FORBIDDEN_ON_LOGIN,
  'import it only from the pages that draw charts');
const familyKB = measure('the family app\'s first load', staticClosure(FAMILY_ENTRY), FORBIDDEN_IN_FAMILY,
  'family pages use antd-mobile, never the staff app\'s antd, icons or charts');

const assets = join(dist, 'assets');
let totalKB = 0;
let totalFiles = 0;
for (const file of readdirSync(assets)) {
  if (!file.endsWith('.js')) continue;
  totalKB += gzipKB(join('assets', file));
  totalFiles += 1;
}

console.log(`login page JS: ${loginKB.toFixed(1)} KB gzipped (limit ${LOGIN_LIMIT_KB} KB)`);
console.log(`family app first load JS: ${familyKB.toFixed(1)} KB gzipped (limit ${FAMILY_LIMIT_KB} KB)`);
console.log(`all JS: ${totalKB.toFixed(1)} KB gzipped in ${totalFiles} files`);
if (loginKB > LOGIN_LIMIT_KB) fail(`the login page's JS is ${(loginKB - LOGIN_LIMIT_KB).toFixed(1)} KB over budget`);
if (familyKB > FAMILY_LIMIT_KB) fail(`the family app's first load is ${(familyKB - FAMILY_LIMIT_KB).toFixed(1)} KB over budget`);

function fail(message) {
  console.error(`bundle-size: ${message}`);
  process.exit(1);
}
