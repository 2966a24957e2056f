import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { type Db, openDb } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import type { Database } from '../server/src/db/schema.js';
import { hashPassword } from '../server/src/modules/auth/passwords.js';
import { seedDemoBulletins } from '../server/src/seed/bulletins.demo-seed.js';
import { seedDemoCalendar } from '../server/src/modules/calendar/calendar.demo-seed.js';
import { seedDemoInspections } from '../server/src/seed/inspections.demo-seed.js';
import { seedDemoReports } from '../server/src/seed/reports.demo-seed.js';
import { seedDemoRollout } from '../server/src/seed/rollout.demo-seed.js';
import { DEMO_PASSWORD } from '../server/src/seed/demo-accounts.js';
import { seedDemoHistory } from '../server/src/seed/demo-history.js';
import { seedCity } from '../server/src/seed/seed-city.js';
import { ROOT } from './support.js';

/**
 * The province the list benchmark reads: `npm run seed -- --scale province` (16 cities, 15,000
 * schools, ~300,000 staff), the demo city's first start on top (calendar, rollout, a month of
 * lessons and their compliance, inspections, bulletins, reports: the accounts measured are the
 * demo city's), and the other cities' share of every list table made in set-based statements, so
 * each table has the province's rows around the ones a role reaches: rooms, recordings and
 * compliance for the month, inspections and follow-ups, notifications and the audit log. The other
 * cities' compliance rows follow a formula, not their recordings: the lists only read them.
 *
 * Built once into bench/out/ (gitignored) and reused while VERSION and the code building it stay;
 * BENCH_REBUILD=1 builds it again. PostgreSQL: a kept schema `bench_lists_v<VERSION>`.
 */
const VERSION = 1;
const NOW = '2018-04-04T10:00:00.000Z';

export type ListsDb = Db & { where: string };

export async function openListsProvince(log: (m: string) => void, databaseUrl?: string): Promise<ListsDb> {
  const rebuild = process.env.BENCH_REBUILD === '1';
  if (databaseUrl) return openPostgres(databaseUrl, rebuild, log);
  const dir = join(ROOT, 'bench', 'out', `lists-province-v${VERSION}`);
  const file = join(dir, 'sunshine.sqlite');
  if (rebuild || !existsSync(join(dir, 'complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const db = openDb({ databaseUrl: null, dataDir: dir });
    await build(db, log);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'complete'), new Date().toISOString());
    return { ...db, where: file };
  }
  const db = openDb({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(db); // a newer migration (an index) applies to the kept file
  log(`  reusing ${file} (BENCH_REBUILD=1 to build it again)`);
  return { ...db, where: file };
}

async function openPostgres(url: string, rebuild: boolean, log: (m: string) => void): Promise<ListsDb> {
  const pg = (await import('pg')).default;
  const { PostgresDialect, Kysely: K } = await import('kysely');
  const Cursor = (await import('pg-cursor')).default;
  const schema = `bench_lists_v${VERSION}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const kept = (await admin.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = 'bench_complete'`, [schema])).rowCount;
  if (rebuild || !kept) {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.query(`create schema ${schema}`);
  }
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  const kysely = new K<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  const db: Db = { db: kysely, dialect: 'postgres', close: () => kysely.destroy() };
  if (rebuild || !kept) {
    await build(db, log);
    await sql`create table bench_complete (at text)`.execute(kysely);
    await sql`vacuum analyze`.execute(kysely);
  } else {
    await migrateToLatest(db);
    log(`  reusing schema ${schema} (BENCH_REBUILD=1 to build it again)`);
  }
  return { ...db, where: `schema ${schema}` };
}

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function build(db: Db, log: (m: string) => void) {
  const t0 = performance.now();
  await migrateToLatest(db);
  const summary = await seedCity(db, { scale: 'province', passwordHash: await hashPassword(DEMO_PASSWORD) });
  log(`  province seeded: ${summary.counts.schools} schools, ${summary.counts.users} accounts (${seconds(t0)} s)`);
  const city = await db.db.selectFrom('regions').select('id').where('code', '=', '371500').executeTakeFirstOrThrow();
  await seedDemoCalendar(db.db, city.id);
  await seedDemoRollout(db.db, city.id);
  const history = await seedDemoHistory(db, city.id);
  await seedDemoInspections(db.db);
  await seedDemoBulletins(db, city.id);
  await seedDemoReports(db, city.id);
  log(`  demo city's first start: ${history.recordings} lessons (${seconds(t0)} s)`);
  await provinceVolume(db.db, log);
  log(`  built in ${seconds(t0)} s`);
}

/** The other cities' rows of every list table, made from the schools and the demo city's school days. */
async function provinceVolume(db: Kysely<Database>, log: (m: string) => void) {
  let t0 = performance.now();
  const days = (await db.selectFrom('compliance_days').select('day').distinct().where('school_day', '=', 1).orderBy('day').execute()).map((r) => r.day);
  await sql`create table bench_days (n integer primary key, day text not null)`.execute(db);
  await sql`insert into bench_days (n, day) values ${sql.join(days.map((d, n) => sql`(${n}, ${d})`))}`.execute(db);
  // Schools the demo history does not track: the other cities', and the demo city's not yet activated.
  await sql`create table bench_untracked (id integer primary key)`.execute(db);
  await sql`insert into bench_untracked (id) select id from schools where id not in (select school_id from compliance_tracking)`.execute(db);
  const others = sql`s.id in (select id from bench_untracked)`;

  await sql`insert into rooms (school_id, county_id, city_id, name, location, vendor, model, tracks, status, planned_on, installed_on, activated_on, in_use_on, created_at, updated_at)
    select s.id, s.county_id, s.city_id, '录播教室', '教学楼', '厂商', 'R1', '["composite"]',
      case when s.id % 4 = 0 then 'installed' else 'in_use' end, '2018-01-10', '2018-02-10', '2018-02-20', '2018-03-01', ${NOW}, ${NOW}
    from schools s where not exists (select 1 from rooms r where r.school_id = s.id)`.execute(db);
  await sql`insert into room_alerts (school_id, county_id, city_id, room_id, kind, lesson_start, message, created_at, resolved_at)
    select r.school_id, r.county_id, r.city_id, r.id, 'offline_before_lesson', d.day || 'T00:30:00.000Z', '录播设备离线', d.day || 'T00:20:00.000Z', null
    from rooms r cross join bench_days d where (r.id + d.n) % 9 = 0`.execute(db);
  log(`  rooms and alerts (${seconds(t0)} s)`);

  t0 = performance.now();
  await sql`insert into compliance_tracking (school_id, county_id, city_id, since, created_at)
    select s.id, s.county_id, s.city_id, ${days[0]!}, ${NOW} from schools s where ${others}`.execute(db);
  const h100 = sql`((s.id * 7919 + d.n * 104729 + s.id * d.n) % 100)`;
  const counted = sql`(case when ${h100} < 60 + s.id % 40 then 2 + ${h100} % 2 else ${h100} % 2 end)`;
  await sql`insert into compliance_days (school_id, county_id, city_id, school_kind, day, school_day, required, counted, met, reason, reason_name, computed_at)
    select s.id, s.county_id, s.city_id, s.kind, d.day, 1, 2, ${counted}, case when ${counted} >= 2 then 1 else 0 end, 'school_day', null, ${NOW}
    from schools s cross join bench_days d where ${others}`.execute(db);
  await sql`delete from compliance_county_days`.execute(db);
  await sql`insert into compliance_county_days (day, county_id, school_kind, city_id, school_days, met_days)
    select day, county_id, school_kind, city_id, sum(school_day), sum(met) from compliance_days
    group by day, county_id, school_kind, city_id`.execute(db);
  log(`  compliance: ${days.length} school days at every school (${seconds(t0)} s)`);

  t0 = performance.now();
  await sql`insert into recordings (school_id, county_id, city_id, room_id, group_id, track, title, subject, grade, teacher_name,
      lesson_start, lesson_end, school_day, sha256, size_bytes, source_key, status, progress, duration_seconds,
      packaging, has_audio, counts, counts_reason, keep, created_at, ready_at)
    select s.id, s.county_id, s.city_id, null, s.code || '-' || d.day || '-' || g.n, 'composite', '课', '语文', '三年级', '李老师',
      d.day || 'T0' || g.n || ':00:00.000Z', d.day || 'T0' || g.n || ':40:00.000Z', d.day, 'bench-' || s.code || '-' || d.day || '-' || g.n,
      1000000, 'bench', 'ready', 100, 2400, 'copy', 1, 1, null, 1, d.day || 'T05:00:00.000Z', d.day || 'T05:00:00.000Z'
    from schools s cross join bench_days d cross join (select 1 as n union all select 2) g
    where ${others} and g.n <= ${counted}`.execute(db);
  log(`  recordings (${seconds(t0)} s)`);

  t0 = performance.now();
  const creator = sql`(select min(id) from users)`;
  await sql`insert into inspections (school_id, county_id, city_id, visited_on, inspectors, items, findings, rating, created_by_user_id, created_at)
    select s.id, s.county_id, s.city_id, d.day, '["督学"]', '[]', '设备运行正常', 'good', ${creator}, ${NOW}
    from schools s cross join bench_days d where (s.id + d.n) % 11 = 0`.execute(db);
  await sql`insert into inspection_follow_ups (inspection_id, school_id, county_id, city_id, description, due_on, status, created_at, updated_at)
    select i.id, i.school_id, i.county_id, i.city_id, '整改录播设备', '2018-04-30', 'open', ${NOW}, ${NOW}
    from inspections i where i.id % 3 = 0 and i.findings = '设备运行正常'`.execute(db);
  log(`  inspections and follow-ups (${seconds(t0)} s)`);

  t0 = performance.now();
  // Every account has a few notices; the demo city's named accounts a long inbox.
  await sql`insert into notifications (user_id, kind, title, body, link, dedupe_key, created_at, read_at)
    select u.id, 'quota_reminder', '今日录播课未达标', '请尽快补录', null, null, ${NOW}, null from users u`.execute(db);
  await sql`insert into notifications (user_id, kind, title, body, link, dedupe_key, created_at, read_at)
    select u.id, 'quota_reminder', '今日录播课未达标', '请尽快补录', null, null, d.day || 'T09:00:00.000Z', case when d.n % 2 = 0 then ${NOW} else null end
    from users u cross join bench_days d where u.id <= 100`.execute(db);
  // The audit log of a busy installation: reads and writes by the province's staff (hashes are stand-ins: the list does not verify).
  await sql`insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, result, ip, detail, prev_hash, hash)
    select d.day || 'T0' || (u.id % 10) || ':00:00.000Z', u.id, u.name, 'person.read', 'user', cast(u.id as text), 'success', '127.0.0.1', '{}', 'x', 'x'
    from users u cross join bench_days d where (u.id + d.n) % 15 = 0`.execute(db);
  // New entries append after these (the chain's head names the last id).
  await sql`update audit_chain set last_hash = 'x', last_id = (select max(id) from audit_log) where id = 1`.execute(db);
  log(`  notifications and audit log (${seconds(t0)} s)`);
}
