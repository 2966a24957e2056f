import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Insertable, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type Db, openDb } from '../server/src/db/database.js';
import type { Database, RegionTable } from '../server/src/db/schema.js';
import { eachDay } from '../shared/dates.js';
import { upsertTerm } from '../server/src/modules/calendar/calendar.queries.js';
import { loadCalendar } from '../server/src/modules/calendar/calendar-view.js';
import { countedLessons } from '../server/src/modules/recordings/recordings.counting-queries.js';

/**
 * The province of acceptance 7 (issue 4), loaded straight into a temporary database with
 * set-based inserts: 16 cities × 9 counties, 15,000 schools, a school year of school days, about
 * 7 million recordings and the two-level compliance rollup that agrees with them. Both the
 * recordings and the rollup follow one formula per school-day, so the rollup is what the counting
 * query would compute (checked on a sample after the load) without recounting 2.8 M school-days.
 */

export const CITIES = 16;
export const COUNTIES_PER_CITY = 9;
export const SCHOOLS = 15_000;
const TERMS = [['2018—2019学年第一学期', '2018-09-01', '2019-01-20'], ['2017—2018学年第二学期', '2018-02-26', '2018-07-06']] as const;
const KINDS = ['primary', 'primary', 'junior', 'kindergarten', 'nine_year'] as const;
/** Lesson slots per school-day: up to four counted lessons, and slot 5 for a short one that does not count. */
const SLOTS = 5;

export type Handle = Db & { drop(): Promise<void> };

// BENCH_KEEP=1 leaves the database for exploring plans by hand (sqlite3 <dir>/sunshine.sqlite,
// or psql with search_path set to the schema); BENCH_REUSE=<that dir or schema> measures it again
// without building (it must have been kept by the same dialect).
const keep = () => process.env.BENCH_KEEP === '1' || Boolean(process.env.BENCH_REUSE);

export function openSqlite(reuse?: string): Handle {
  const dir = reuse ?? mkdtempSync(join(tmpdir(), 'sunshine-bench-compliance-'));
  const h = openDb({ databaseUrl: null, dataDir: dir });
  if (keep()) console.log(`  keeping ${dir}`);
  return { ...h, drop: async () => { await h.close(); if (!keep()) rmSync(dir, { recursive: true, force: true }); } };
}

export async function openPostgres(url: string, reuse?: string): Promise<Handle> {
  const schema = reuse ?? `bench_${randomBytes(4).toString('hex')}`;
  if (!/^bench_[0-9a-f]{8}$/.test(schema)) throw new Error(`BENCH_REUSE: ${schema} is not a kept bench schema (bench_xxxxxxxx)`);
  if (!reuse) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db, dialect: 'postgres', close: () => db.destroy(),
    drop: async () => {
      await db.destroy();
      if (keep()) return console.log(`  keeping schema ${schema}`);
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

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

// Per school (s) and school day (d, numbered n): a school-specific share of good days, varied by
// day. On a good day 2–4 lessons count, else 0–1; every eighth school-day also has a 10-minute
// recording that does not count. Integer arithmetic stays below 2^31 for PostgreSQL's int.
const h100 = sql`((s.id * 7919 + d.n * 104729 + s.id * d.n) % 100)`;
const good = sql`(${h100} < 60 + s.id % 40)`;
const counted = sql`(case when ${good} then 2 + ${h100} % 3 else ${h100} % 2 end)`;
const shortOne = sql`((s.id * 31 + d.n * 17) % 8 = 0)`;

export interface Province {
  days: string[];
  recordings: number;
}

/** Regions, schools, terms, tracking, recordings and the rollup. */
export async function buildProvince(h: Handle, log: (m: string) => void): Promise<Province> {
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
  await sql`create table bench_days (n integer primary key, day text not null)`.execute(db);
  await batches(days.map((day, n) => ({ n, day })), 500, (b) => sql`insert into bench_days (n, day) values ${sql.join(b.map((r) => sql`(${r.n}, ${r.day})`))}`.execute(db));
  await sql`create table bench_slots (n integer primary key)`.execute(db);
  await sql`insert into bench_slots (n) values ${sql.join(Array.from({ length: SLOTS }, (_, i) => sql`(${i + 1})`))}`.execute(db);
  await sql`insert into compliance_tracking (school_id, county_id, city_id, since, created_at)
    select id, county_id, city_id, ${days[0]!}, ${now} from schools`.execute(db);

  let t0 = performance.now();
  await withoutSecondaryIndexes(h, 'compliance_days', (conn) => sql`
    insert into compliance_days (school_id, county_id, city_id, school_kind, day, school_day, required, counted, met, reason, reason_name, computed_at)
    select s.id, s.county_id, s.city_id, s.kind, d.day, 1, 2, ${counted}, case when ${good} then 1 else 0 end, 'school_day', null, ${now}
    from schools s cross join bench_days d`.execute(conn), log);
  await sql`insert into compliance_county_days (day, county_id, school_kind, city_id, school_days, met_days)
    select day, county_id, school_kind, city_id, sum(school_day), sum(met) from compliance_days group by day, county_id, school_kind, city_id`.execute(db);
  log(`  rollup: ${(SCHOOLS * days.length).toLocaleString('en')} school-days and their county-days in ${seconds(t0)} s`);

  t0 = performance.now();
  const recordings = await loadRecordings(h, now, log);
  log(`  recordings: ${recordings.toLocaleString('en')} rows in all, in ${seconds(t0)} s`);
  // PostgreSQL's autovacuum keeps statistics and the visibility map (index-only scans); do now
  // what it would have done. The server never runs ANALYZE on SQLite, so the SQLite plans here
  // are the ones production gets.
  if (h.dialect === 'postgres') {
    t0 = performance.now();
    await sql`vacuum analyze`.execute(db);
    log(`  vacuum analyze in ${seconds(t0)} s`);
  }
  await checkAgreement(db, days);
  return { days, recordings };
}

/** A province built and kept by an earlier run (BENCH_REUSE). */
export async function keptProvince(h: Handle): Promise<Province> {
  const days = (await sql<{ day: string }>`select day from bench_days order by n`.execute(h.db)).rows.map((r) => r.day);
  const row = await h.db.selectFrom('recordings').select((eb) => eb.fn.max('id').as('n')).executeTakeFirstOrThrow();
  return { days, recordings: Number(row.n) };
}

/**
 * One row per lesson, all in one statement, in the order they would arrive (day by day). Group
 * ids and the stand-in SHA-256 sort in that order too, so its unique index (which SQLite cannot
 * drop) only ever appends.
 */
async function loadRecordings(h: Handle, now: string, log: (m: string) => void): Promise<number> {
  const { db } = h;
  const id = sql`(s.code || '-' || d.day || '-' || g.n)`;
  const insert = (conn: Kysely<Database>) => sql`
    insert into recordings (school_id, county_id, city_id, room_id, group_id, track, title, subject, grade, teacher_name,
      lesson_start, lesson_end, school_day, sha256, size_bytes, source_key, status, progress, duration_seconds,
      packaging, has_audio, counts, counts_reason, keep, created_at, ready_at)
    select s.id, s.county_id, s.city_id, null, ${id}, 'composite', '课', '语文', '三年级', '李老师',
      d.day || 'T0' || g.n || ':00:00.000Z', d.day || 'T0' || g.n || ':40:00.000Z', d.day, 'b' || d.day || '-' || s.code || '-' || g.n,
      1000000, 'k', 'ready', 100, case when g.n = ${SLOTS} then 600 else 2400 end,
      'copy', 1, case when g.n = ${SLOTS} then 0 else 1 end, case when g.n = ${SLOTS} then '录像时长 10 分钟' else null end, 0,
      d.day || 'T05:00:00.000Z', d.day || 'T05:00:00.000Z'
    from bench_days d cross join schools s cross join bench_slots g
    where g.n <= ${counted} or (g.n = ${SLOTS} and ${shortOne})`.execute(conn);
  await withoutSecondaryIndexes(h, 'recordings', insert, log);
  const row = await db.selectFrom('recordings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Runs a bulk load with a table's secondary indexes dropped and builds them again after, which is
 * much faster than keeping them during it. On PostgreSQL foreign keys are not checked during the
 * load (the rows are made from the referenced tables) and index builds get more memory; on SQLite
 * foreign keys are switched off for it.
 */
async function withoutSecondaryIndexes(
  h: Handle, table: 'compliance_days' | 'recordings', load: (conn: Kysely<Database>) => Promise<unknown>, log: (m: string) => void,
) {
  const { db } = h;
  let t0 = 0;
  const loaded = () => { log(`  ${table}: rows in ${seconds(t0)} s`); t0 = performance.now(); };
  const indexed = () => log(`  ${table}: indexes in ${seconds(t0)} s`);
  if (h.dialect === 'sqlite') {
    const indexes = (await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
      where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db)).rows;
    for (const ix of indexes) await sql`drop index ${sql.ref(ix.name)}`.execute(db);
    await sql`pragma foreign_keys = off`.execute(db);
    await sql`pragma cache_size = -262144`.execute(db);
    t0 = performance.now();
    await load(db);
    loaded();
    for (const ix of indexes) await sql.raw(ix.def).execute(db);
    indexed();
    await sql`pragma cache_size = -2000`.execute(db);
    await sql`pragma foreign_keys = on`.execute(db);
    return;
  }
  await db.connection().execute(async (c) => {
    const constraints = (await sql<{ name: string; def: string }>`select conname as name, pg_get_constraintdef(oid) as def
      from pg_constraint where conrelid = ${table}::regclass and contype = 'u'`.execute(c)).rows;
    const indexes = (await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
      where tablename = ${table} and schemaname = current_schema()
        and indexname not in (select conname from pg_constraint where conrelid = ${table}::regclass)`.execute(c)).rows;
    for (const k of constraints) await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(k.name)}`.execute(c);
    for (const ix of indexes) await sql`drop index ${sql.ref(ix.name)}`.execute(c);
    await sql`set session_replication_role = replica`.execute(c);
    await sql`set maintenance_work_mem = '1GB'`.execute(c);
    await sql`set work_mem = '256MB'`.execute(c);
    t0 = performance.now();
    try {
      await load(c);
    } finally {
      await sql`set session_replication_role = default`.execute(c);
    }
    loaded();
    for (const k of constraints) await sql`alter table ${sql.table(table)} add constraint ${sql.ref(k.name)} ${sql.raw(k.def)}`.execute(c);
    for (const ix of indexes) await sql.raw(ix.def).execute(c);
    indexed();
    await sql`reset maintenance_work_mem`.execute(c);
    await sql`reset work_mem`.execute(c);
  });
}

/** The rollup must say what the counting query says: compared on 2,000 random school-days. */
async function checkAgreement(db: Kysely<Database>, days: string[]): Promise<void> {
  let compared = 0;
  for (let i = 0; i < 20; i++) {
    const day = days[Math.floor(Math.random() * days.length)]!;
    const ids = Array.from({ length: 100 }, () => 1 + Math.floor(Math.random() * SCHOOLS));
    const counts = new Map((await countedLessons(db, ids, day, day)).map((c) => [c.schoolId, c.lessons]));
    const rows = await db.selectFrom('compliance_days').select(['school_id', 'counted']).where('day', '=', day).where('school_id', 'in', ids).execute();
    for (const r of rows) {
      if ((counts.get(r.school_id) ?? 0) !== r.counted) throw new Error(`bench data: school ${r.school_id} on ${day} has ${counts.get(r.school_id)} counted lessons, the rollup says ${r.counted}`);
      compared++;
    }
  }
  if (compared < 1000) throw new Error(`bench data: only ${compared} school-days compared`);
}
