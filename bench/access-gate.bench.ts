import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { hashPassword } from '../server/src/modules/auth/passwords.js';
import { DEMO_PASSWORD } from '../server/src/seed/demo-accounts.js';
import { seedCity } from '../server/src/seed/seed-city.js';
import { fmt, load, ROOT, startServer } from './support.js';

const PROVINCE_DIR = join(ROOT, 'bench/out/province');

/** Seeds the province once and keeps it for later runs (delete bench/out to reseed). */
async function provinceDataDir(): Promise<string> {
  const marker = join(PROVINCE_DIR, 'seeded');
  if (existsSync(marker)) return PROVINCE_DIR;
  rmSync(PROVINCE_DIR, { recursive: true, force: true });
  mkdirSync(PROVINCE_DIR, { recursive: true });
  const db = openDb({ databaseUrl: null, dataDir: PROVINCE_DIR });
  await migrateToLatest(db);
  console.log('seeding the province (15,000 schools, ~300,000 staff) once into bench/out/province …');
  const summary = await seedCity(db, { scale: 'province', passwordHash: await hashPassword(DEMO_PASSWORD) });
  console.log(`  seeded in ${fmt(summary.ms / 1000)} s`);
  await db.close();
  const { writeFileSync } = await import('node:fs');
  writeFileSync(marker, new Date().toISOString());
  return PROVINCE_DIR;
}

/**
 * The price of the access gate: a signed-in city administrator's scoped page of 50 schools,
 * against the same 50 rows from an unauthenticated, unscoped baseline route, in the same run.
 */
export async function benchAccessGate(seconds: number) {
  const dataDir = await provinceDataDir();
  const server = await startServer({ DATA_DIR: dataDir, BENCH_ROUTES: '1' });
  try {
    const res = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city.admin', password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`bench login failed: ${res.status}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await res.json()) as { assignments: { cityId: number | null }[] };
    const cityId = me.assignments[0]!.cityId!;
    const pages = Array.from({ length: 10 }, (_, i) => i + 1);
    const gated = pages.map((p) => `${server.base}/api/schools?page=${p}&pageSize=50`);
    const bare = pages.map((p) => `${server.base}/api/bench/schools?cityId=${cityId}&page=${p}&pageSize=50`);

    const sanity = (await (await fetch(gated[0]!, { headers: { cookie } })).json()) as { items: unknown[]; total: number };
    console.log(`  city.admin sees ${sanity.total} schools of the province's 15,000; a page holds ${sanity.items.length}`);

    // Warm both paths, then measure each twice, interleaved, and keep the better run of each.
    await load({ urls: bare, seconds: 2, connections: 10 });
    await load({ urls: gated, headers: { cookie }, seconds: 2, connections: 10 });
    const runs = { bare: [] as Awaited<ReturnType<typeof load>>[], gated: [] as Awaited<ReturnType<typeof load>>[] };
    for (let i = 0; i < 2; i++) {
      runs.bare.push(await load({ urls: bare, seconds, connections: 10 }));
      runs.gated.push(await load({ urls: gated, headers: { cookie }, seconds, connections: 10 }));
    }
    const best = (xs: typeof runs.bare) => xs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const b = best(runs.bare);
    const g = best(runs.gated);
    if (g.non2xx || b.non2xx) throw new Error(`non-2xx answers during the bench: gated ${g.non2xx}, baseline ${b.non2xx}`);
    console.log('access gate — 50-school page at province scale, 10 connections:');
    console.log(`  baseline (no session, no scope):  ${fmt(b.rps, 0)} req/s  p50 ${fmt(b.p50)} ms  p99 ${fmt(b.p99)} ms`);
    console.log(`  city.admin, scoped:               ${fmt(g.rps, 0)} req/s  p50 ${fmt(g.p50)} ms  p99 ${fmt(g.p99)} ms`);
    console.log(`  price of the gate: ${fmt(g.rps / b.rps, 2)}× baseline throughput (target ≥ 0.6×); p99 ${fmt(g.p99)} ms (target < 10 ms)`);
    return { ratio: g.rps / b.rps, p99: g.p99 };
  } finally {
    await server.stop();
  }
}
