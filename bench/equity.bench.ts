import { type Insertable, sql } from 'kysely';
import { type Actor, type Grant, permissionsOf } from '../server/src/access/actor.js';
import { ManualClock } from '../server/src/clock.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import type { RegionTable } from '../server/src/db/schema.js';
import { createEquityService } from '../server/src/modules/equity/equity.service.js';
import { refreshUseRollup } from '../server/src/modules/resources/equity-rollup.js';
import { type Handle, openPostgres, openSqlite } from './compliance-province.js';
import { fmt } from './support.js';
import { percentile } from './bench-db.js';

/**
 * Acceptance 6 of issue 10, its equity half: the equity page (均衡分析) for the province's month —
 * 16 cities × 9 counties, 15,000 schools (a tenth of them 贫困村), 20,000 resources published over
 * six months by a fifth of the schools and 150,000 uses a month (900,000 over the page's six-month
 * trend) — as a provincial reader sees it (every city), p95 beside a primary-key read of a school
 * measured in the same run. Target: ≤ 100 ms. SQLite always; PostgreSQL too when DATABASE_URL is set.
 */

const CITIES = 16;
const COUNTIES_PER_CITY = 9;
const SCHOOLS = 15_000;
const RESOURCES = 20_000;
const USES_PER_MONTH = 150_000;
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
const KINDS = ['primary', 'primary', 'junior', 'kindergarten', 'nine_year'] as const;
const RUNS = 30;
const WARM_UP = 5;

async function batches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function build(h: Handle, log: (m: string) => void) {
  const { db } = h;
  const t0 = performance.now();
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
      city_id: Math.floor((county - 101) / COUNTIES_PER_CITY) + 1, township: '镇', locality: (i % 3 === 0 ? 'urban' : 'rural') as 'urban' | 'rural',
      poor_village: i % 10 === 1 ? 1 : 0, student_count: 500, staff_count: 40, address: '', contact_name: '', contact_phone: '', batch: null, created_at: now, updated_at: now,
    };
  });
  await batches(schools, 500, (b) => db.insertInto('schools').values(b).execute());
  await db.insertInto('users').values({ id: 1, username: 'bench', name: '测试', phone: null, password_hash: 'x', kind: 'staff', disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now }).execute();
  // Resources: a fifth of the schools publish (the urban ones most), a tenth of them featured.
  const resources = Array.from({ length: RESOURCES }, (_, i) => {
    const s = schools[(i * 15) % SCHOOLS]!;
    const month = MONTHS[i % MONTHS.length]!;
    const at = new Date(`${month}-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00+08:00`).toISOString();
    return {
      id: i + 1, kind: 'courseware' as const, title: `资源${i + 1}`, description: '', stage: 'primary' as const, subject: '数学', grade: '三年级', edition: '人教版',
      volume: '', unit: '', lesson: '', tags: '[]', city_id: s.city_id, county_id: s.county_id, school_id: s.id, publisher_user_id: 1,
      recording_group_id: null, class_id: null, requested_scope: 'city' as const, visible_scope: 'city' as const, consent_cap: null, review_stage: 'done' as const,
      feature: i % 10 === 0 ? ('quality' as const) : null, featured_at: i % 10 === 0 ? at : null, published_at: at, created_at: at, updated_at: at,
    };
  });
  await batches(resources, 300, (b) => db.insertInto('resources').values(b).execute());
  // Uses, set-based: n = 1…900,000 spread over the schools, resources and the six months' days.
  await sql`create table bench_days (n integer primary key, day text not null)`.execute(db);
  const days = MONTHS.flatMap((m) => Array.from({ length: 28 }, (_, d) => `${m}-${String(d + 1).padStart(2, '0')}`));
  await sql`insert into bench_days (n, day) values ${sql.join(days.map((day, n) => sql`(${n}, ${day})`))}`.execute(db);
  await sql`create table bench_n (n integer primary key)`.execute(db);
  await sql`insert into bench_n (n) select n from (with recursive c(n) as (select 1 union all select n + 1 from c where n < 1000) select n from c) x`.execute(db);
  const total = USES_PER_MONTH * MONTHS.length;
  await sql`insert into resource_uses (resource_id, kind, user_id, school_id, county_id, city_id, activity_id, day, at)
    select 1 + (u.n * 104729) % ${RESOURCES}, 'view', 1, s.id, s.county_id, s.city_id, null, d.day, d.day || 'T02:00:00.000Z'
    from (select a.n * 1000 + b.n as n from bench_n a cross join bench_n b where a.n <= ${total / 1000}) u
    join schools s on s.id = 1 + (u.n * 7919) % ${SCHOOLS}
    join bench_days d on d.n = u.n % ${days.length}`.execute(db);
  if (h.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  log(`  province: ${SCHOOLS.toLocaleString('en')} schools, ${RESOURCES.toLocaleString('en')} resources, ${total.toLocaleString('en')} uses in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function measure(run: () => Promise<unknown>, n: number): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchEquity() {
  // BENCH_KEEP=1 keeps the province; BENCH_REUSE=<its dir or schema> measures it again without building.
  const reuse = process.env.BENCH_REUSE;
  const targets: [string, () => Promise<Handle>][] = [];
  if (process.env.BENCH_DB !== 'postgres') targets.push(['sqlite', async () => openSqlite(reuse)]);
  if (process.env.DATABASE_URL && process.env.BENCH_DB !== 'sqlite') targets.push(['postgres', () => openPostgres(process.env.DATABASE_URL!, reuse)]);
  for (const [name, open] of targets) {
    const h = await open();
    try {
      console.log(`\n### ${name}`);
      await migrateToLatest(h);
      if (!reuse) await build(h, console.log);
      // The rollup of the six months' uses is built by the first read (as on a server's first
      // page after an upgrade) and timed apart; the measured reads then find it current.
      const t0 = performance.now();
      const rolled = await refreshUseRollup(h.db, h.dialect);
      console.log(`  first read's rollup of ${rolled.toLocaleString('en')} uses: ${fmt((performance.now() - t0) / 1000)} s`);
      const equity = createEquityService({ db: h, clock: new ManualClock(new Date('2026-12-20T10:00:00+08:00')) });
      const grants: Grant[] = Array.from({ length: CITIES }, (_, i) => ({ assignmentId: i, role: 'city_admin', department: null, cityId: i + 1, countyId: null, schoolId: null }));
      const province: Actor = { userId: 1, username: 'bench', name: '测试', kind: 'staff', sessionId: 0, csrfToken: '', grants, permissions: permissionsOf(grants) };
      const county: Actor = { ...province, grants: [{ ...grants[0]!, role: 'county_admin', countyId: 101 }], permissions: permissionsOf([{ ...grants[0]!, role: 'county_admin', countyId: 101 }]) };
      const pk = await measure(() => h.db.selectFrom('schools').selectAll().where('id', '=', 1 + Math.floor(Math.random() * SCHOOLS)).executeTakeFirst(), 300);
      const basis = percentile(pk, 0.95);
      const check = await equity.overview(province, { month: '2026-12' });
      console.log(`  province month: ${check.regions.length} regions, ${check.total.schools} schools, ${check.total.users} users, Gini of use ${check.total.useGini?.toFixed(3)}, ${check.flows.length} flows`);
      const rows: [string, number[]][] = [
        ['province month (every city and county)', await measure(() => equity.overview(province, { month: '2026-12' }), RUNS)],
        ['one county\'s month', await measure(() => equity.overview(county, { month: '2026-12' }), RUNS)],
        ['idle-school list, first page (province)', await measure(() => equity.schools(province, { month: '2026-12', filter: 'idle', page: 1, pageSize: 50 }), RUNS)],
      ];
      console.log(`  primary-key read of a school: p95 ${fmt(basis, 3)} ms`);
      for (const [label, xs] of rows) {
        const p95 = percentile(xs, 0.95);
        console.log(`  ${label}: p50 ${fmt(percentile(xs, 0.5))} ms, p95 ${fmt(p95)} ms (${fmt(p95 / basis, 0)}× the primary-key read)${label.startsWith('province') ? (p95 <= 100 ? ' — within 100 ms' : ' — OVER 100 ms') : ''}`);
      }
    } finally {
      await h.drop();
    }
  }
}
