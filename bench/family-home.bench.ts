import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/src/app.js';
import { ManualClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { createAppJobs } from '../server/src/composition/app-jobs.js';
import type { Db } from '../server/src/db/database.js';
import { createAppEventBus } from '../server/src/events/app-events.js';
import { hashPassword } from '../server/src/modules/auth/passwords.js';
import { addParent, classOfParent, nthClass, pupilsOf } from '../server/src/modules/family/family.test-kit.js';
import { DEMO_PASSWORD } from '../server/src/seed/demo-accounts.js';
import { seedCity } from '../server/src/seed/seed-city.js';
import { openObjectStore } from '../server/src/storage/storage-url.js';
import { fmt } from './support.js';
import { openBenchDb, percentile } from './bench-db.js';

/**
 * Acceptance 7 of issue 11, its server half: a parent's home in the family app (阳光少年) with three
 * children in three classes — GET /api/family/children through the whole app (session, access
 * gate, family reach, JSON) — p95 beside two baselines of the same app in the same run: GET
 * /api/health (one `select 1`, no session) and GET /api/me (the cheapest signed-in read).
 * SQLite always; PostgreSQL too when DATABASE_URL is set (BENCH_DB=sqlite|postgres to pick one).
 */
const WARM_UP = 20;

async function threeChildren(db: Db['db']) {
  const { schoolId } = await classOfParent(db, 'gxsy.parent');
  const children: { studentId: number; relation: string }[] = [];
  for (const n of [0, 1, 2]) {
    const [pupil] = await pupilsOf(db, await nthClass(db, schoolId, n));
    if (!pupil) throw new Error(`class ${n} of the school has no pupil`);
    children.push({ studentId: pupil.id, relation: '父亲' });
  }
  return addParent(db, { username: 'bench.parent3', name: '三孩家长', children });
}

async function measure(h: Db, rounds: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-bench-family-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, STORAGE_URL: '' });
  const storage = openObjectStore({ storageUrl: null, dataDir });
  const clock = new ManualClock(new Date('2026-12-07T08:00:00+08:00'));
  const events = createAppEventBus();
  const jobs = createAppJobs({ db: h, clock, config, storage, events });
  const { app } = await buildApp({ db: h, clock, sessionIdleMinutes: 600, sessionMaxHours: 24, webDir: null, config, storage, jobs: jobs.queue, events });
  await app.ready();
  try {
    const parent = await threeChildren(h.db);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: parent.username, password: DEMO_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const headers = { cookie: `sc_session=${login.cookies.find((c) => c.name === 'sc_session')!.value}` };
    const timed = async (url: string, signedIn: boolean) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: signedIn ? headers : {} });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { ms, body: res.body };
    };
    const shown = (JSON.parse((await timed('/api/family/children', true)).body) as { items: { label: string }[] }).items;
    if (shown.length !== 3) throw new Error(`the home shows ${shown.length} children, not 3`);
    for (let i = 0; i < WARM_UP; i++) {
      await timed('/api/health', false);
      await timed('/api/me', true);
      await timed('/api/family/children', true);
    }
    // Round after round, each request once a round, so load from elsewhere falls on all alike.
    const times = { health: [] as number[], me: [] as number[], home: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      times.health.push((await timed('/api/health', false)).ms);
      times.me.push((await timed('/api/me', true)).ms);
      times.home.push((await timed('/api/family/children', true)).ms);
    }
    return { times, labels: shown.map((c) => c.label) };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A parent's home with three children: p95 (and p50) of GET /api/family/children as multiples of the baselines'. */
export async function benchFamilyHome(rounds = Number(process.env.BENCH_ITERATIONS ?? 300)) {
  const targets: [string, string | undefined][] = [['sqlite', undefined]];
  if (process.env.DATABASE_URL) targets.push(['postgres', process.env.DATABASE_URL]);
  const only = process.env.BENCH_DB;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [name, url] of targets.filter(([n]) => !only || n === only)) {
    const started = performance.now();
    const h = await openBenchDb(url, 'family');
    try {
      await seedCity(h, { scale: 'test', passwordHash: hash });
      const { times, labels } = await measure(h, rounds);
      const health = percentile(times.health, 0.95);
      const me = percentile(times.me, 0.95);
      const home = percentile(times.home, 0.95);
      console.log(`family home on ${name}: ${rounds} rounds through the whole app, a parent with 3 children (${labels.join('、')})`);
      console.log(`  baseline GET /api/health: p50 ${fmt(percentile(times.health, 0.5), 2)} ms, p95 ${fmt(health, 2)} ms`);
      console.log(`  baseline GET /api/me:     p50 ${fmt(percentile(times.me, 0.5), 2)} ms, p95 ${fmt(me, 2)} ms`);
      console.log(`  GET /api/family/children: p50 ${fmt(percentile(times.home, 0.5), 2)} ms, p95 ${fmt(home, 2)} ms `
        + `= ${fmt(home / health, 1)}× /api/health's p95, ${fmt(home / me, 1)}× /api/me's p95`);
    } finally {
      await h.drop();
      console.log(`  ${name} done in ${fmt((performance.now() - started) / 1000)} s`);
    }
  }
}

// Run on its own: npx tsx bench/family-home.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  benchFamilyHome().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
