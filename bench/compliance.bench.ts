import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type Insertable, Kysely, PostgresDialect, sql, type Compilable } from 'kysely';
import pg from 'pg';
import type { Scope } from '../server/src/access/actor.js';
import { regionInScope, schoolInScope } from '../server/src/access/scope-sql.js';
import { type Db, openDb } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import type { Database, RegionTable } from '../server/src/db/schema.js';
import { eachDay } from '../shared/dates.js';
import { upsertTerm } from '../server/src/modules/calendar/calendar.queries.js';
import { loadCalendar } from '../server/src/modules/calendar/calendar-view.js';
import {
  countyDaysInScope, DAY_SCOPE_COLUMNS, type Range, totalsByCounty, totalsByCountyFromSchoolDays, totalsBySchool,
} from '../server/src/modules/compliance/compliance.queries.js';
import { recountSchoolDay } from '../server/src/modules/compliance/compliance.recompute.js';
import { fmt } from './support.js';

/**
 * Acceptance 7 of issue 4, for the rollup alone: a province's compliance rollup (15,000 schools ×
 * a school year's school days ≈ 2.8 M rows) loaded straight into a temporary database, then the
 * p95 of a city's day view, a city's month view (per county, and per school for the ranking) and
 * the province's month per county, each beside a primary-key read of the same table measured in
 * the same run; and the cost of one recording becoming ready (the incremental recount). The
 * county views read the second level (county-days); the province's month is also measured from
 * the school-days alone, to show what that level saves.
 * SQLite always; PostgreSQL too when DATABASE_URL is set.
 */

const CITIES = 16;
const COUNTIES_PER_CITY = 9;
const SCHOOLS = 15_000;
const TERMS = [['2018—2019学年第一学期', '2018-09-01', '2019-01-20'], ['2017—2018学年第二学期', '2018-02-26', '2018-07-06']] as const;
const MONTHS = [['2018-03-01', '2018-03-31'], ['2018-04-01', '2018-04-30'], ['2018-05-01', '2018-05-31'], ['2018-06-01', '2018-06-30'],
  ['2018-09-01', '2018-09-30'], ['2018-10-01', '2018-10-31'], ['2018-11-01', '2018-11-30'], ['2018-12-01', '2018-12-31']] as const;
const RECORDING_SCHOOLS = 20;
const TODAY = '2019-06-30';
const KINDS = ['primary', 'primary', 'junior', 'kindergarten', 'nine_year'] as const;

type Handle = Db & { drop(): Promise<void> };

async function openSqlite(): Promise<Handle> {
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-bench-compliance-'));
  const h = openDb({ databaseUrl: null, dataDir: dir });
  // BENCH_KEEP=1 leaves the file for exploring plans by hand (sqlite3 <dir>/sunshine.sqlite).
  if (process.env.BENCH_KEEP === '1') console.log(`  keeping ${dir}`);
  return { ...h, drop: async () => { await h.close(); if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true }); } };
}

async function openPostgres(url: string): Promise<Handle> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db, dialect: 'postgres', close: () => db.destroy(),
    drop: async () => {
      await db.destroy();
      if (process.env.BENCH_KEEP === '1') return console.log(`  keeping schema ${schema}`);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

async function batches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Regions, schools, terms, tracking and the rollup itself, loaded with set-based inserts. */
async function build(h: Handle): Promise<string[]> {
  const { db } = h;
  const now = new Date().toISOString();
  const regions: Insertable<RegionTable>[] = [];
  for (let c = 1; c <= CITIES; c++) {
    regions.push({ id: c, code: `37${String(c).padStart(2, '0')}00`, name: `市${c}`, level: 'city', parent_id: null, bureau_name: `市${c}教育局` });
    for (let k = 1; k <= COUNTIES_PER_CITY; k++) {
      const id = 100 + (c - 1) * COUNTIES_PER_CITY + k;
      regions.push({ id, code: `37${String(c).padStart(2, '0')}${String(k).padStart(2, '0')}`, name: `县${id}`, level: 'county', parent_id: c, bureau_name: `县${id}教育局` });
    }
  }
  await batches(regions, 200, (b) => db.insertInto('regions').values(b).execute());
  const counties = CITIES * COUNTIES_PER_CITY;
  const schools = Array.from({ length: SCHOOLS }, (_, i) => {
    const county = 101 + (i % counties);
    return {
      id: i + 1, code: String(1_370_000_000 + i + 1), name: `学校${i + 1}`, kind: KINDS[i % KINDS.length]!, county_id: county,
      city_id: Math.floor((county - 101) / COUNTIES_PER_CITY) + 1, township: '镇', locality: 'rural' as const, poor_village: 0,
      student_count: 500, staff_count: 40, address: '', contact_name: '', contact_phone: '', batch: '2018-08', created_at: now, updated_at: now,
    };
  });
  await batches(schools, 500, (b) => db.insertInto('schools').values(b).execute());
  for (let c = 1; c <= CITIES; c++) for (const [name, a, b] of TERMS) await upsertTerm(db, { cityId: c, countyId: null, name, startsOn: a, endsOn: b }, now);

  const calendar = await loadCalendar(db, { schoolIds: [1], from: '2018-02-26', to: '2019-01-20' });
  const days = eachDay('2018-02-26', '2019-01-20').filter((d) => calendar.isSchoolDay(1, d));
  await sql`create table bench_days (n integer not null, day text not null)`.execute(db);
  await batches(days.map((day, n) => ({ n, day })), 500, (b) => sql`insert into bench_days (n, day) values ${sql.join(b.map((r) => sql`(${r.n}, ${r.day})`))}`.execute(db));
  await sql`insert into compliance_tracking (school_id, county_id, city_id, since, created_at)
    select id, county_id, city_id, ${days[0]!}, ${now} from schools`.execute(db);

  // Building the secondary indexes after the load is much faster than keeping them during it.
  const indexes = h.dialect === 'sqlite'
    ? (await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master where type = 'index' and tbl_name = 'compliance_days' and sql is not null`.execute(db)).rows
    : (await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes where tablename = 'compliance_days' and schemaname = current_schema() and indexname <> 'compliance_days_pk'`.execute(db)).rows;
  for (const ix of indexes) await sql`drop index ${sql.ref(ix.name)}`.execute(db);
  // A school-specific share of met days, varied by day; counts and met agree with the quota of 2.
  const h100 = sql`((s.id * 7919 + d.n * 104729 + s.id * d.n) % 100)`;
  const good = sql`(${h100} < 60 + s.id % 40)`;
  await sql`insert into compliance_days (school_id, county_id, city_id, school_kind, day, school_day, required, counted, met, reason, reason_name, computed_at)
    select s.id, s.county_id, s.city_id, s.kind, d.day, 1, 2,
      case when ${good} then 2 + ${h100} % 3 else ${h100} % 2 end, case when ${good} then 1 else 0 end, 'school_day', null, ${now}
    from schools s cross join bench_days d order by s.id, d.day`.execute(db);
  for (const ix of indexes) await sql.raw(ix.def).execute(db);
  await sql`insert into compliance_county_days (day, county_id, school_kind, city_id, school_days, met_days)
    select day, county_id, school_kind, city_id, sum(school_day), sum(met) from compliance_days group by day, county_id, school_kind, city_id`.execute(db);

  const recordings = [];
  for (let school = 1; school <= RECORDING_SCHOOLS; school++) {
    const s = schools[school - 1]!;
    for (const day of days) for (const g of [1, 2]) {
      recordings.push({
        school_id: school, county_id: s.county_id, city_id: s.city_id, group_id: `${school}-${day}-${g}`, track: 'composite' as const,
        title: '课', subject: '', grade: '', teacher_name: '', progress: 100, keep: 0, lesson_start: `${day}T01:00:00.000Z`, school_day: day, sha256: randomBytes(16).toString('hex'), size_bytes: 1,
        source_key: 'k', status: 'ready' as const, counts: 1, created_at: now,
      });
    }
  }
  await batches(recordings, 500, (b) => db.insertInto('recordings').values(b).execute());
  // PostgreSQL's autovacuum keeps statistics; the server never runs ANALYZE on SQLite, so the
  // SQLite plans here are the ones production gets.
  if (h.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  return days;
}

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

async function measure(h: Handle, days: string[], iterations: number) {
  const { db } = h;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const city = (): Scope => ({ all: false, cityIds: [1 + Math.floor(Math.random() * CITIES)], countyIds: [], schoolIds: [], guardianUserId: null });
  const province: Scope = { all: true, cityIds: [], countyIds: [], schoolIds: [], guardianUserId: null };
  const month = (): Range => { const [from, to] = pick(MONTHS); return { from, to, today: TODAY }; };
  const oneDay = (): Range => { const d = pick(days); return { from: d, to: d, today: TODAY }; };
  const where = (s: Scope) => schoolInScope(s, DAY_SCOPE_COLUMNS);
  const now = new Date();

  const views = {
    'primary-key read': () => db.selectFrom('compliance_days').selectAll().where('school_id', '=', 1 + Math.floor(Math.random() * SCHOOLS)).where('day', '=', pick(days)),
    'city day view (per county)': () => totalsByCounty(db, countyDaysInScope(city())!, oneDay()),
    'city month view (per county)': () => totalsByCounty(db, countyDaysInScope(city())!, month()),
    'city month view (per school, ranking)': () => totalsBySchool(db, where(city()), month()),
    'province month view (per county)': () => totalsByCounty(db, countyDaysInScope(province)!, month()),
    'province month from school-days alone': () => totalsByCountyFromSchoolDays(db, where(province), regionInScope(province), month()),
  };
  console.log(`  plans (${h.dialect}):`);
  for (const [name, make] of Object.entries(views)) console.log(`    ${name}:\n${await explain(h, make())}`);

  const OWN = 'recording ready: recount, own commit';
  const SHARED = 'recording ready: recount in the pipeline\'s transaction';
  const times = Object.fromEntries([...Object.keys(views), OWN, SHARED].map((k) => [k, [] as number[]]));
  const someSchoolDay = () => ({ schoolId: 1 + Math.floor(Math.random() * RECORDING_SCHOOLS), day: pick(days) });
  for (let i = 0; i < iterations + 20; i++) {
    for (const [name, make] of Object.entries(views)) {
      const t0 = performance.now();
      await make().execute();
      if (i >= 20) times[name]!.push(performance.now() - t0);
    }
    const t0 = performance.now();
    await recountSchoolDay(db, someSchoolDay(), now);
    if (i >= 20) times[OWN]!.push(performance.now() - t0);
    // The pipeline marks the recording ready and recounts in one transaction: one commit (one
    // fsync on SQLite) serves both, so the recount's own price is its two statements.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('recordings').set({ progress: 100 }).where('id', '=', 1 + (i % 100)).execute();
      const t1 = performance.now();
      await recountSchoolDay(trx, someSchoolDay(), now);
      if (i >= 20) times[SHARED]!.push(performance.now() - t1);
    });
  }
  const pk = p(times['primary-key read']!, 0.95);
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, xs] of Object.entries(times)) {
    out[name] = { p50: p(xs, 0.5), p95: p(xs, 0.95) };
    console.log(`  ${name.padEnd(56)} p50 ${fmt(p(xs, 0.5), 2).padStart(7)} ms  p95 ${fmt(p(xs, 0.95), 2).padStart(7)} ms  (${fmt(p(xs, 0.95) / pk, 0)}× the primary-key read)`);
  }
  return out;
}

/** Runs the rollup benchmark on SQLite, and on PostgreSQL when DATABASE_URL is set. */
export async function benchCompliance(iterations = Number(process.env.BENCH_ITERATIONS ?? 200)) {
  const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  const targets: [string, () => Promise<Handle>][] = [['sqlite', openSqlite]];
  if (process.env.DATABASE_URL) targets.push(['postgres', () => openPostgres(process.env.DATABASE_URL!)]);
  for (const [name, open] of targets) {
    const h = await open();
    try {
      await migrateToLatest(h);
      const t0 = performance.now();
      const days = await build(h);
      console.log(`compliance rollup on ${name}: ${SCHOOLS} schools × ${days.length} school days = ${(SCHOOLS * days.length).toLocaleString('en')} rows, built in ${fmt((performance.now() - t0) / 1000)} s`);
      results[name] = await measure(h, days, iterations);
      console.log('  targets: city day and month p95 ≤ 50 ms, province month p95 ≤ 100 ms, incremental update < 1 ms');
    } finally {
      await h.drop();
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
