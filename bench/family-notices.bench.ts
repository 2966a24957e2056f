import { sql } from 'kysely';
import { ManualClock } from '../server/src/clock.js';
import { createNotificationsService } from '../server/src/modules/notifications/notifications.service.js';
import { fanOut } from '../server/src/modules/family/notices.queries.js';
import { openBenchDb } from './bench-db.js';
import { fmt } from './support.js';

/**
 * Acceptance 7 of issue 11, its notices part: a county's notice to 50,000 families (50 schools ×
 * 20 classes × 50 pupils; one family in twenty has a second child in another class, so the
 * one-delivery-per-family rule is at work), timed as the send does it — the children that bring
 * each guardian in, then one delivery per guardian, set-based — beside an insert-only baseline in
 * the same run: a plain INSERT … SELECT of as many rows (one per family) into a scratch table.
 * Then the push (notifications' notify for every family), for scale. SQLite always; PostgreSQL too
 * when DATABASE_URL is set (BENCH_DB=sqlite|postgres picks one).
 */

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 50_000);
const SCHOOLS = 50;
const CLASSES_PER_SCHOOL = 20;
const PER_CLASS = Math.ceil(FAMILIES / (SCHOOLS * CLASSES_PER_SCHOOL));

async function batches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

type H = Awaited<ReturnType<typeof openBenchDb>>;

async function seed(h: H) {
  const { db } = h;
  const now = new Date().toISOString();
  await db.insertInto('regions').values([
    { id: 1, code: '371500', name: '市', level: 'city', parent_id: null, bureau_name: '市教育局' },
    { id: 2, code: '371525', name: '县', level: 'county', parent_id: 1, bureau_name: '县教育局' },
  ]).execute();
  await db.insertInto('schools').values(Array.from({ length: SCHOOLS }, (_, i) => ({
    id: i + 1, code: String(3700000000 + i), name: `学校${i + 1}`, kind: 'primary' as const, county_id: 2, city_id: 1, township: '镇',
    locality: 'rural' as const, poor_village: 0, student_count: 1000, staff_count: 50, address: '', contact_name: '', contact_phone: '',
    batch: null, created_at: now, updated_at: now,
  }))).execute();
  await db.insertInto('grades').values(Array.from({ length: SCHOOLS }, (_, i) => ({ id: i + 1, school_id: i + 1, name: '一年级', level: 1 }))).execute();
  const classes = Array.from({ length: SCHOOLS * CLASSES_PER_SCHOOL }, (_, i) => ({
    id: i + 1, school_id: Math.floor(i / CLASSES_PER_SCHOOL) + 1, grade_id: Math.floor(i / CLASSES_PER_SCHOOL) + 1, name: `一年级(${(i % CLASSES_PER_SCHOOL) + 1})班`,
  }));
  await batches(classes, 500, (b) => db.insertInto('classes').values(b).execute());
  const user = (id: number, kind: 'staff' | 'guardian') => ({
    id, username: `u${id}`, name: `家长${id}`, phone: null, password_hash: 'x', kind, disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
  });
  await db.insertInto('users').values(user(FAMILIES + 1, 'staff')).execute();
  await batches(Array.from({ length: FAMILIES }, (_, i) => user(i + 1, 'guardian')), 1000, (b) => db.insertInto('users').values(b).execute());
  const students: { id: number; school_id: number; class_id: number; name: string; gender: 'm' | 'f'; birth_date: string; student_no: string }[] = [];
  const guardianships: { user_id: number; student_id: number; relation: string }[] = [];
  for (let f = 1; f <= FAMILIES; f++) {
    const classId = ((f - 1) % classes.length) + 1;
    const kids = f % 20 === 0 ? [classId, (classId % classes.length) + 1] : [classId];
    for (const c of kids) {
      const id = students.length + 1;
      students.push({ id, school_id: classes[c - 1]!.school_id, class_id: c, name: `学生${id}`, gender: 'm', birth_date: '2019-01-01', student_no: String(id) });
      guardianships.push({ user_id: f, student_id: id, relation: '母亲' });
    }
  }
  await batches(students, 1000, (b) => db.insertInto('students').values(b).execute());
  await batches(guardianships, 2000, (b) => db.insertInto('guardianships').values(b).execute());
  return { students: students.length, classIds: classes.map((c) => c.id) };
}

async function newNotice(h: H, classIds: number[]) {
  const now = new Date().toISOString();
  const n = await h.db.insertInto('notices').values({
    sender_user_id: FAMILIES + 1, sender_name: '县教育局', title: '寒潮预警', body: '明日停课', must_confirm: 1, urgent: 1, emergency: 1, include_staff: 0,
    audience_kind: 'counties', audience_ids: '[2]', audience_label: '县', recipients: 0, created_at: now, push_due_at: now, pushed_at: null, reminded_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  await batches(classIds, 500, (b) => h.db.insertInto('notice_classes').values(b.map((class_id) => ({ notice_id: n.id, class_id }))).execute());
  return n.id;
}

/** The fan-out of one notice to 50,000 families, beside an INSERT … SELECT of as many rows into a scratch table. */
export async function benchFamilyNotices() {
  const targets: [string, string | undefined][] = [['sqlite', undefined]];
  if (process.env.DATABASE_URL) targets.push(['postgres', process.env.DATABASE_URL]);
  const only = process.env.BENCH_DB;
  for (const [name, url] of targets.filter(([n]) => !only || n === only)) {
    const started = performance.now();
    const h = await openBenchDb(url, 'notices');
    try {
      const seeded = await seed(h);
      console.log(`family notices on ${name}: one county notice to ${FAMILIES.toLocaleString('en')} families (${seeded.students.toLocaleString('en')} pupils in ${seeded.classIds.length} classes; one family in 20 with two children), seeded in ${fmt((performance.now() - started) / 1000)} s`);
      await sql`create table bench_scratch (notice_id integer not null, user_id integer not null, staff integer not null)`.execute(h.db);

      // Baseline: a plain INSERT … SELECT of one row per family (no join, no distinct).
      let t0 = performance.now();
      const base = await sql`insert into bench_scratch (notice_id, user_id, staff) select 1, id, 0 from users where kind = 'guardian'`.execute(h.db);
      const baseMs = performance.now() - t0;

      const noticeId = await newNotice(h, seeded.classIds);
      if (process.env.BENCH_ANALYZE) await sql`analyze`.execute(h.db);
      t0 = performance.now();
      const fan = await h.db.transaction().execute((trx) => fanOut(trx, noticeId, null));
      const fanMs = performance.now() - t0;
      const children = Number((await h.db.selectFrom('notice_delivery_children').select((eb) => eb.fn.countAll<number>().as('n')).where('notice_id', '=', noticeId).executeTakeFirstOrThrow()).n);

      const notifications = createNotificationsService({ db: h, clock: new ManualClock(new Date()) });
      const users = (await h.db.selectFrom('notice_deliveries').select('user_id').where('notice_id', '=', noticeId).execute()).map((r) => r.user_id);
      t0 = performance.now();
      const pushed = await notifications.notify(users, { kind: 'family_notice', title: '【紧急通知】寒潮预警', body: '明日停课', link: `/family/notices/${noticeId}`, dedupeKey: `notice:${noticeId}` });
      const pushMs = performance.now() - t0;

      console.log(`  baseline: INSERT … SELECT of ${Number(base.numAffectedRows ?? 0).toLocaleString('en')} rows into a scratch table   ${fmt(baseMs, 0)} ms`);
      console.log(`  fan-out: ${fan.families.toLocaleString('en')} deliveries (one per family) + ${children.toLocaleString('en')} child rows          ${fmt(fanMs, 0)} ms (${fmt(fanMs / baseMs, 1)}× the baseline)`);
      console.log(`  push: ${pushed.toLocaleString('en')} in-app notifications (notify)                              ${fmt(pushMs, 0)} ms (${fmt(pushMs / baseMs, 1)}× the baseline)`);
      if (fan.families !== FAMILIES) throw new Error(`expected ${FAMILIES} deliveries, made ${fan.families}`);
    } finally {
      await h.drop();
      console.log(`  ${name} done in ${fmt((performance.now() - started) / 1000)} s`);
    }
  }
}

// Run on its own: npx tsx bench/family-notices.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  benchFamilyNotices().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
