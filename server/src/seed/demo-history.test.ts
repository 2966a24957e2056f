import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachDay, shanghaiDate } from '../../../shared/dates.js';
import { loadCalendar } from '../modules/calendar/calendar-view.js';
import { seedDemoCalendar } from '../modules/calendar/calendar.demo-seed.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { seedDemoRollout } from './rollout.demo-seed.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { createTestDb } from '../test-support/test-db.js';
import { DEMO_PASSWORD, DEMO_SCHOOLS } from './demo-accounts.js';
import { HISTORY_FROM, HISTORY_TO, LAGGING_COUNTIES, seedDemoHistory } from './demo-history.js';
import { seedCity } from './seed-city.js';

type TestDb = Awaited<ReturnType<typeof createTestDb>>;

describe('the demo city\'s spring term so far (2018-03-05 … 2018-04-04)', () => {
  let db: TestDb;
  let cityId: number;
  let written: Awaited<ReturnType<typeof seedDemoHistory>>;
  const gxsyId = () => db.db.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirstOrThrow();

  beforeAll(async () => {
    db = await createTestDb();
    await seedCity(db, { scale: 'demo', passwordHash: await hashPassword(DEMO_PASSWORD) });
    cityId = (await db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow()).id;
    await seedDemoCalendar(db.db, cityId);
    await seedDemoRollout(db.db, cityId);
    written = await seedDemoHistory(db, cityId);
  }, 180_000);
  afterAll(() => db?.dropAll());

  it('has the schools the rollout activated record lessons, tracked from their activation or the term\'s start', async () => {
    expect(written.schools).toBeGreaterThan(50);
    expect(written.recordings).toBeGreaterThan(written.schools * 20);
    const tracked = await db.db.selectFrom('compliance_tracking').innerJoin('schools', 'schools.id', 'compliance_tracking.school_id')
      .select(['schools.batch', 'compliance_tracking.since']).execute();
    expect(tracked).toHaveLength(written.schools);
    expect(tracked.every((t) => t.batch !== null && t.since >= HISTORY_FROM && t.since <= HISTORY_TO)).toBe(true);
  });

  it('冠县实验小学 meets the quota on every school day of the term, Monday 03-05 to Wednesday 04-04', async () => {
    const { id } = await gxsyId();
    const days = await db.db.selectFrom('compliance_days').select(['day', 'school_day', 'counted', 'met']).where('school_id', '=', id).orderBy('day').execute();
    expect(days).toHaveLength(23); // four weeks of March and 04-02 … 04-04
    expect(days[0]?.day).toBe('2018-03-05');
    expect(days.at(-1)?.day).toBe('2018-04-04');
    expect(days.every((d) => d.school_day === 1 && d.met === 1 && d.counted >= 3)).toBe(true);
  });

  it('some schools miss days, and 莘县 and 东阿县 lag behind the other counties', async () => {
    const rows = await db.db.selectFrom('compliance_days').innerJoin('regions', 'regions.id', 'compliance_days.county_id')
      .select(['regions.code', 'compliance_days.school_id', 'compliance_days.met']).where('compliance_days.school_day', '=', 1).execute();
    const missers = new Set(rows.filter((r) => r.met === 0).map((r) => r.school_id));
    expect(missers.size).toBeGreaterThan(10);
    const rate = (codes: (c: string) => boolean) => {
      const mine = rows.filter((r) => codes(r.code));
      return mine.filter((r) => r.met === 1).length / mine.length;
    };
    const lagging = (c: string) => (LAGGING_COUNTIES as readonly string[]).includes(c);
    for (const code of LAGGING_COUNTIES) expect(rate((c) => c === code)).toBeLessThan(rate((c) => !lagging(c)) - 0.1);
    expect(rate(() => true)).toBeGreaterThan(0.6);
  });

  it('puts lessons only on school days: none on weekends or at 清明 (04-05 … 04-07), each starting on its school day', async () => {
    const recordings = await db.db.selectFrom('recordings')
      .select(['school_id', 'school_day', 'lesson_start', 'counts', 'status', 'keep', 'teacher_user_id', 'grade', 'subject']).execute();
    const calendar = await loadCalendar(db.db, { from: HISTORY_FROM, to: '2018-04-08' });
    expect(['2018-04-05', '2018-04-06', '2018-04-07'].some((d) => calendar.isSchoolDay(recordings[0]!.school_id, d))).toBe(false);
    expect(recordings.every((r) => calendar.isSchoolDay(r.school_id, r.school_day))).toBe(true);
    expect(recordings.every((r) => shanghaiDate(new Date(r.lesson_start)) === r.school_day && r.school_day <= HISTORY_TO)).toBe(true);
    expect(recordings.every((r) => r.counts === 1 && r.status === 'ready' && r.keep === 1 && r.subject !== '')).toBe(true);
    const days = await db.db.selectFrom('compliance_days').select(['school_id', 'day', 'school_day']).execute();
    expect(days.every((d) => d.school_day === 1 && calendar.isSchoolDay(d.school_id, d.day))).toBe(true);
    expect(days.some((d) => d.day >= '2018-04-05')).toBe(false);
    const weekends = eachDay(HISTORY_FROM, HISTORY_TO).filter((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    expect(recordings.some((r) => weekends.includes(r.school_day))).toBe(false);
  });

  it('gives each lesson a teacher, a grade and a class of its own school', async () => {
    const wrong = await db.db.selectFrom('recordings')
      .leftJoin('role_assignments as ra', (j) => j.onRef('ra.user_id', '=', 'recordings.teacher_user_id').onRef('ra.school_id', '=', 'recordings.school_id'))
      .leftJoin('classes', (j) => j.onRef('classes.id', '=', 'recordings.class_id').onRef('classes.school_id', '=', 'recordings.school_id'))
      .select('recordings.id')
      .where((eb) => eb.or([eb('ra.role', 'is', null), eb('ra.role', '!=', 'teacher'), eb('classes.id', 'is', null)]))
      .execute();
    expect(wrong).toEqual([]);
  });
});

describe('history lessons in the app: kept, and honest about having no video', () => {
  let t: TestApp;
  let lessonId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const cityId = (await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow()).id;
    await seedDemoCalendar(t.db.db, cityId);
    await seedDemoRollout(t.db.db, cityId);
    await seedDemoHistory(t.db, cityId);
    const school = await t.db.db.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirstOrThrow();
    lessonId = (await t.db.db.selectFrom('recordings').select('id').where('school_id', '=', school.id).orderBy('id').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('survives the retention purge although, by the real clock, the lessons are years past RETENTION_DAYS', async () => {
    t.clock.set(new Date());
    const before = await t.db.db.selectFrom('recordings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBeGreaterThan(20);
    const purged = await t.services.recordings!.purgeExpired();
    expect(purged.recordingsPurged).toBe(0);
    const after = await t.db.db.selectFrom('recordings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lists as a ready, counted lesson without video (until the demo clips exist), and answers a request to play it with RECORDING_NO_MEDIA', async () => {
    const principal = await t.login('gxsy.principal');
    const detail = await principal.get(`/api/recordings/${lessonId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'ready', counts: true, keep: true, schoolDay: HISTORY_FROM, hasVideo: false });
    const play = await principal.request('POST', `/api/recordings/${lessonId}/playback`);
    expect(play.statusCode).toBe(409);
    expect(play.json()).toMatchObject({ code: 'RECORDING_NO_MEDIA' });
    expect(play.json().message).toContain('没有视频文件');
  });
});
