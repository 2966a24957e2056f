import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Scope } from '../server/src/access/actor.js';
import { regionInScope, schoolInScope } from '../server/src/access/scope-sql.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import type { Database } from '../server/src/db/schema.js';
import {
  countyDaysInScope, DAY_SCOPE_COLUMNS, type Range, totalsByCounty, totalsByCountyFromSchoolDays, totalsBySchool,
} from '../server/src/modules/compliance/compliance.queries.js';
import { recountSchoolDay, recountStatement, type SchoolDayKey } from '../server/src/modules/compliance/compliance.recompute.js';
import { countedLessons, countedLessonsQuery } from '../server/src/modules/recordings/recordings.counting-queries.js';
import { buildProvince, CITIES, type Handle, keptProvince, openPostgres, openSqlite, SCHOOLS } from './compliance-province.js';
import { fmt } from './support.js';

/**
 * Acceptance 7 of issue 4: a province (15,000 schools, a school year, ~7 million recordings and
 * the compliance rollup that agrees with them; compliance-province.ts) in a temporary database,
 * then the p95 of a city's day view, a city's month view (per county, and per school for the
 * ranking) and the province's month per county, each beside a primary-key read of the rollup
 * measured in the same run; and the cost of one recording becoming ready — the incremental
 * recount of its school-day against the 7 million rows — with its own commit, as the pipeline
 * runs it, and inside a caller's transaction (its statements alone). The county views read the second level
 * (county-days); the province's month is also measured from the school-days alone, to show what
 * that level saves. SQLite always; PostgreSQL too when DATABASE_URL is set.
 */

const MONTHS = [['2018-03-01', '2018-03-31'], ['2018-04-01', '2018-04-30'], ['2018-05-01', '2018-05-31'], ['2018-06-01', '2018-06-30'],
  ['2018-09-01', '2018-09-30'], ['2018-10-01', '2018-10-31'], ['2018-11-01', '2018-11-30'], ['2018-12-01', '2018-12-31']] as const;
const TODAY = '2019-06-30';
const WARM_UP = 20;

function p(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function explain(h: Handle, query: Compilable): Promise<string> {
  const c = query.compile();
  const prefix = h.dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
  const res = await h.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + c.sql, [...c.parameters]));
  return res.rows.map((r) => `      ${String(r.detail ?? r['QUERY PLAN'])}`).join('\n');
}

interface Pending extends SchoolDayKey {
  id: number;
}

/**
 * Recordings to make ready during the measurement: counted lessons of the last school week (a
 * lesson becomes ready minutes after it ends, or when a recorder catches up on a late upload), put
 * back to `processing` and their days recounted, so the rollup is right before each becomes ready.
 */
async function pendingRecordings(db: Kysely<Database>, n: number, days: string[]): Promise<Pending[]> {
  const lastWeek = days.slice(-5);
  const out: Pending[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const schools = Array.from({ length: 100 }, () => 1 + Math.floor(Math.random() * SCHOOLS));
    const rows = await db.selectFrom('recordings').select(['id', 'school_id', 'school_day'])
      .where('school_id', 'in', schools).where('school_day', 'in', lastWeek).where('counts', '=', 1).where('status', '=', 'ready').execute();
    for (const r of rows) {
      const k = `${r.school_id}|${r.school_day}`;
      if (out.length < n && !seen.has(k)) out.push({ id: r.id, schoolId: r.school_id, day: r.school_day }), seen.add(k);
    }
  }
  const now = new Date();
  for (const r of out) {
    await db.updateTable('recordings').set({ status: 'processing' }).where('id', '=', r.id).execute();
    await recountSchoolDay(db, r, now);
  }
  return out;
}

/** After the measurement: the touched school-days say what the recordings say, and their county-days what the school-days say. */
async function checkRollup(db: Kysely<Database>, touched: Pending[]): Promise<string> {
  let flips = 0;
  for (const t of touched) {
    const [row, counted] = await Promise.all([
      db.selectFrom('compliance_days').select(['counted', 'county_id', 'school_kind']).where('school_id', '=', t.schoolId).where('day', '=', t.day).executeTakeFirstOrThrow(),
      countedLessons(db, [t.schoolId], t.day, t.day),
    ]);
    if (row.counted !== (counted[0]?.lessons ?? 0)) throw new Error(`recount left school ${t.schoolId} on ${t.day} at ${row.counted}, the recordings say ${counted[0]?.lessons}`);
    const [kept, sum] = await Promise.all([
      db.selectFrom('compliance_county_days').select(['school_days', 'met_days'])
        .where('day', '=', t.day).where('county_id', '=', row.county_id).where('school_kind', '=', row.school_kind).executeTakeFirstOrThrow(),
      db.selectFrom('compliance_days').select((eb) => [eb.fn.sum<number>('school_day').as('school_days'), eb.fn.sum<number>('met').as('met_days')])
        .where('day', '=', t.day).where('county_id', '=', row.county_id).where('school_kind', '=', row.school_kind).executeTakeFirstOrThrow(),
    ]);
    if (Number(kept.met_days) !== Number(sum.met_days) || Number(kept.school_days) !== Number(sum.school_days)) {
      throw new Error(`county-day ${row.county_id} ${row.school_kind} ${t.day} drifted: ${JSON.stringify(kept)} vs ${JSON.stringify(sum)}`);
    }
    if (row.counted === 2) flips++;
  }
  return `${touched.length} recounted school-days agree with their recordings and county-days (${flips} of them flipped to met)`;
}

async function measure(h: Handle, days: string[], iterations: number) {
  const { db } = h;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const city = (): Scope => ({ all: false, cityIds: [1 + Math.floor(Math.random() * CITIES)], countyIds: [], schoolIds: [], guardianUserId: null });
  const province: Scope = { all: true, cityIds: [], countyIds: [], schoolIds: [], guardianUserId: null };
  const month = (): Range => { const [from, to] = pick(MONTHS); return { from, to, today: TODAY }; };
  const oneDay = (): Range => { const d = pick(days); return { from: d, to: d, today: TODAY }; };
  const where = (s: Scope) => schoolInScope(s, DAY_SCOPE_COLUMNS);

  const views = {
    'primary-key read': () => db.selectFrom('compliance_days').selectAll().where('school_id', '=', 1 + Math.floor(Math.random() * SCHOOLS)).where('day', '=', pick(days)),
    'city day view (per county)': () => totalsByCounty(db, countyDaysInScope(city())!, oneDay()),
    'city month view (per county)': () => totalsByCounty(db, countyDaysInScope(city())!, month()),
    'city month view (per school, ranking)': () => totalsBySchool(db, where(city()), month()),
    'province month view (per county)': () => totalsByCounty(db, countyDaysInScope(province)!, month()),
    'province month from school-days alone': () => totalsByCountyFromSchoolDays(db, where(province), regionInScope(province), month()),
  };
  const sample = { schoolId: 1 + Math.floor(Math.random() * SCHOOLS), day: pick(days) };
  console.log(`  plans (${h.dialect}):`);
  for (const [name, make] of Object.entries(views)) console.log(`    ${name}:\n${await explain(h, make())}`);
  console.log(h.dialect === 'postgres'
    ? `    recount (one statement):\n${await explain(h, { compile: () => recountStatement(db, sample, new Date(), { ownCommit: true }).compile(db) })}`
    : `    recount (its count of the school-day's lessons):\n${await explain(h, countedLessonsQuery(db, sample.schoolId, sample.day))}`);

  const pending = await pendingRecordings(db, 2 * (iterations + WARM_UP), days);
  // The pipeline commits "ready", then calls the recount on its own (a rerun repeats it), so the
  // recount pays its own commit; inside a caller's transaction it costs its statements alone.
  const OWN = 'recording ready: recount, own commit (as the pipeline)';
  const SHARED = 'recording ready: recount in a caller\'s transaction';
  const times = Object.fromEntries([...Object.keys(views), OWN, SHARED].map((k) => [k, [] as number[]]));
  const ready = (conn: Kysely<Database>, r: Pending) => conn.updateTable('recordings').set({ status: 'ready' }).where('id', '=', r.id).execute();
  for (let i = 0; i < iterations + WARM_UP; i++) {
    for (const [name, make] of Object.entries(views)) {
      const t0 = performance.now();
      await make().execute();
      if (i >= WARM_UP) times[name]!.push(performance.now() - t0);
    }
    const own = pending[2 * i]!;
    await ready(db, own);
    const t0 = performance.now();
    await recountSchoolDay(db, own, new Date());
    if (i >= WARM_UP) times[OWN]!.push(performance.now() - t0);
    const shared = pending[2 * i + 1]!;
    await db.transaction().execute(async (trx) => {
      await ready(trx, shared);
      const t1 = performance.now();
      await recountSchoolDay(trx, shared, new Date());
      if (i >= WARM_UP) times[SHARED]!.push(performance.now() - t1);
    });
  }
  const pk = p(times['primary-key read']!, 0.95);
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, xs] of Object.entries(times)) {
    out[name] = { p50: p(xs, 0.5), p95: p(xs, 0.95) };
    console.log(`  ${name.padEnd(56)} p50 ${fmt(p(xs, 0.5), 2).padStart(7)} ms  p95 ${fmt(p(xs, 0.95), 2).padStart(7)} ms  (${fmt(p(xs, 0.95) / pk, 1)}× the primary-key read)`);
  }
  console.log(`  check: ${await checkRollup(db, pending)}`);
  return out;
}

/**
 * Runs the province benchmark on SQLite, and on PostgreSQL when DATABASE_URL is set (BENCH_DB=sqlite
 * or postgres for one; BENCH_KEEP and BENCH_REUSE: see compliance-province.ts).
 */
export async function benchCompliance(iterations = Number(process.env.BENCH_ITERATIONS ?? 200)) {
  const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  const reuse = process.env.BENCH_REUSE;
  const targets: [string, () => Promise<Handle>][] = [['sqlite', async () => openSqlite(reuse)]];
  if (process.env.DATABASE_URL) targets.push(['postgres', () => openPostgres(process.env.DATABASE_URL!, reuse)]);
  const only = process.env.BENCH_DB ?? (reuse ? (reuse.startsWith('bench_') ? 'postgres' : 'sqlite') : undefined);
  for (const [name, open] of targets.filter(([n]) => !only || n === only)) {
    const started = performance.now();
    const h = await open();
    try {
      await migrateToLatest(h);
      console.log(`compliance at province scale on ${name}: ${reuse ? 'reusing' : 'building'}…`);
      const { days, recordings } = reuse ? await keptProvince(h) : await buildProvince(h, console.log);
      console.log(`  ${SCHOOLS.toLocaleString('en')} schools × ${days.length} school days, ${recordings.toLocaleString('en')} recordings, built in ${fmt((performance.now() - started) / 1000)} s`);
      results[name] = await measure(h, days, iterations);
      console.log('  targets: city day and month p95 ≤ 50 ms, province month p95 ≤ 100 ms, incremental update < 1 ms');
    } finally {
      await h.drop();
      console.log(`  ${name} done in ${fmt((performance.now() - started) / 1000)} s`);
    }
  }
  return results;
}

// Run on its own: npx tsx bench/compliance.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  benchCompliance().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
