import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/src/app.js';
import { ManualClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { createAppJobs } from '../server/src/composition/app-jobs.js';
import { createAppEventBus } from '../server/src/events/app-events.js';
import { openObjectStore } from '../server/src/storage/storage-url.js';
import { openBenchDb, percentile } from './bench-db.js';
import { fmt } from './support.js';

/**
 * Issue 11, acceptance 7, its attendance part: the 07:30 surge. One school of 10,000 pupils (200
 * classes of 50) whose gate sends every pupil's arrival within one simulated minute: 10,000
 * check-ins through the real path (app.inject: the gate-token check, validation, the pupil and
 * school-day lookups, the day's row written), one after another. p95 per check-in beside two
 * baselines measured in the same run: an insert of a row of the same size straight into the
 * table, and a primary-key read of it. SQLite always; PostgreSQL too when DATABASE_URL is set.
 */

const DAY = '2026-12-07'; // a Monday in term
const CLASSES = 200;
const PER_CLASS = 50;
const PUPILS = CLASSES * PER_CLASS;
const TOKEN = `scg_${'b'.repeat(43)}`;

async function build(db: Awaited<ReturnType<typeof openBenchDb>>) {
  const k = db.db;
  const now = new Date().toISOString();
  await k.insertInto('regions').values([
    { id: 1, code: '371500', name: '聊城市', level: 'city', parent_id: null, bureau_name: '聊城市教育局' },
    { id: 2, code: '371525', name: '冠县', level: 'county', parent_id: 1, bureau_name: '冠县教育局' },
  ]).execute();
  await k.insertInto('schools').values({
    id: 1, code: '1371500001', name: '测试实验小学', kind: 'primary', county_id: 2, city_id: 1, township: '镇', locality: 'urban',
    poor_village: 0, student_count: PUPILS, staff_count: 400, address: '', contact_name: '', contact_phone: '', batch: null, created_at: now, updated_at: now,
  }).execute();
  await k.insertInto('school_terms').values({ scope_key: 'city:1', city_id: 1, county_id: null, name: '2026—2027学年第一学期', starts_on: '2026-09-01', ends_on: '2027-01-20', created_at: now }).execute();
  await k.insertInto('users').values({ id: 1, username: 'bench.principal', name: '校长', phone: null, password_hash: 'x', kind: 'staff', disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now }).execute();
  for (let g = 1; g <= 6; g++) await k.insertInto('grades').values({ id: g, school_id: 1, name: `${g}年级`, level: g }).execute();
  const classes = Array.from({ length: CLASSES }, (_, i) => ({ id: i + 1, school_id: 1, grade_id: 1 + (i % 6), name: `${1 + (i % 6)}年级(${1 + Math.floor(i / 6)})班` }));
  for (let i = 0; i < classes.length; i += 200) await k.insertInto('classes').values(classes.slice(i, i + 200)).execute();
  const pupils = Array.from({ length: PUPILS }, (_, i) => ({
    id: i + 1, school_id: 1, class_id: 1 + Math.floor(i / PER_CLASS), name: `学生${i + 1}`, gender: (i % 2 ? 'm' : 'f') as 'm' | 'f',
    birth_date: '2018-05-01', student_no: `2026${String(i + 1).padStart(6, '0')}`,
  }));
  for (let i = 0; i < pupils.length; i += 500) await k.insertInto('students').values(pupils.slice(i, i + 500)).execute();
  await k.insertInto('attendance_gates').values({
    school_id: 1, name: '东门闸机', token_hash: createHash('sha256').update(TOKEN).digest('hex'), token_hint: 'bbbb', created_by: 1, created_at: now, revoked_at: null,
  }).execute();
  return pupils;
}

async function measure(name: string, url: string | undefined) {
  const started = performance.now();
  const db = await openBenchDb(url, 'attendance');
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-bench-attendance-'));
  try {
    const pupils = await build(db);
    const config = loadConfig({ DATA_DIR: dataDir, STORAGE_URL: '' });
    const storage = openObjectStore({ storageUrl: null, dataDir });
    // The minute from 07:30 to 07:31; the clock stands at its end, as check-ins arrive just after the passage.
    const start = new Date(`${DAY}T07:30:00+08:00`).getTime();
    const clock = new ManualClock(new Date(start + 60_000));
    const events = createAppEventBus();
    const jobs = createAppJobs({ db, clock, config, storage, events });
    const { app } = await buildApp({ db, clock, sessionIdleMinutes: 600, sessionMaxHours: 24, webDir: null, config, storage, jobs: jobs.queue, events });
    await app.ready();
    const headers = { authorization: `Bearer ${TOKEN}` };
    const checkIn = async (studentNo: string, at: Date) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/attendance/check-ins', headers, payload: { studentNo, direction: 'in', at: at.toISOString() } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`check-in ${studentNo}: ${res.statusCode} ${res.body}`);
      return ms;
    };
    // Warm-up on a day before, so the surge's rows are all new.
    for (let i = 0; i < 50; i++) await checkIn(pupils[i]!.student_no, new Date(start - 3 * 86_400_000 + i * 1000));
    const wall0 = performance.now();
    const times: number[] = [];
    for (let i = 0; i < PUPILS; i++) times.push(await checkIn(pupils[i]!.student_no, new Date(start + Math.floor((i * 60_000) / PUPILS))));
    const wall = (performance.now() - wall0) / 1000;
    const written = await db.db.selectFrom('attendance_days').select((eb) => eb.fn.countAll<number | string>().as('n')).where('day', '=', DAY).executeTakeFirstOrThrow();
    if (Number(written.n) !== PUPILS) throw new Error(`expected ${PUPILS} rows of ${DAY}, found ${written.n}`);

    // Baselines: the same row written straight into the table (another day), and read back by its key.
    const inserts: number[] = [];
    const reads: number[] = [];
    const iso = new Date(start).toISOString();
    for (let i = 0; i < 2_000; i++) {
      const p = pupils[i]!;
      let t0 = performance.now();
      await db.db.insertInto('attendance_days').values({
        student_id: p.id, day: '2026-12-08', school_id: 1, class_id: p.class_id, status: 'present', arrived_at: iso, left_at: null, source: 'gate', marked_by: null, updated_at: iso,
      }).execute();
      inserts.push(performance.now() - t0);
      t0 = performance.now();
      await db.db.selectFrom('attendance_days').selectAll().where('student_id', '=', p.id).where('day', '=', '2026-12-08').executeTakeFirstOrThrow();
      reads.push(performance.now() - t0);
    }
    await app.close();
    const p95 = percentile(times, 0.95);
    const ins = percentile(inserts, 0.95);
    const read = percentile(reads, 0.95);
    console.log(`attendance surge on ${name}: ${PUPILS} check-ins of one school's ${PUPILS} pupils, one after another`);
    console.log(`  check-in p50 ${fmt(percentile(times, 0.5))} ms, p95 ${fmt(p95)} ms, p99 ${fmt(percentile(times, 0.99))} ms; all ${PUPILS} in ${fmt(wall)} s (${fmt(PUPILS / wall)} a second; the surge needs ${fmt(PUPILS / 60)})`);
    console.log(`  baseline insert of the same row p95 ${fmt(ins)} ms → check-in ${fmt(p95 / ins)}× it`);
    console.log(`  baseline primary-key read p95 ${fmt(read)} ms → check-in ${fmt(p95 / read)}× it`);
    console.log(`  ${name} done in ${fmt((performance.now() - started) / 1000)} s`);
    return { p95, insertP95: ins, readP95: read, perSecond: PUPILS / wall, fitsInAMinute: wall <= 60 };
  } finally {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The 07:30 surge: 10,000 check-ins within a simulated minute, p95 per check-in beside an insert and a key read. */
export async function benchFamilyAttendance() {
  const targets: [string, string | undefined][] = [['sqlite', undefined]];
  if (process.env.DATABASE_URL) targets.push(['postgres', process.env.DATABASE_URL]);
  const only = process.env.BENCH_DB;
  const out: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  for (const [name, url] of targets.filter(([n]) => !only || n === only)) out[name] = await measure(name, url);
  return out;
}

// Run on its own: npx tsx bench/family-attendance.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  benchFamilyAttendance().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
