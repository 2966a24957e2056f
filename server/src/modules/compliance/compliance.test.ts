import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { addRecording, demoSchools } from './compliance.test-kit.js';
import { createComplianceService, type ComplianceService } from './compliance.service.js';

const DAY = '2018-04-04';

describe('compliance: incremental rollup of the ≥ 2 lessons a school day quota', () => {
  let t: TestApp;
  let compliance: ComplianceService;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T18:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    compliance = createComplianceService({ db: t.db, clock: t.clock });
    await compliance.trackSchools([s.gxsy, s.gx2, s.sxsy, s.guanxianKindergarten].map((x) => ({ schoolId: x.id, since: '2018-04-02' })));
  });
  afterAll(async () => t.close());

  const row = (schoolId: number, day = DAY) =>
    t.db.db.selectFrom('compliance_days').selectAll().where('school_id', '=', schoolId).where('day', '=', day).executeTakeFirstOrThrow();
  const stamps = async () =>
    new Map((await t.db.db.selectFrom('compliance_days').select(['school_id', 'day', 'computed_at']).execute())
      .map((r) => [`${r.school_id}|${r.day}`, r.computed_at]));

  /** The second level of the rollup must always equal the totals of the first. */
  async function expectCountyDaysConsistent() {
    const fromDays = await t.db.db.selectFrom('compliance_days')
      .select(['day', 'county_id', 'school_kind', (eb) => eb.fn.sum<number>('school_day').as('school_days'), (eb) => eb.fn.sum<number>('met').as('met_days')])
      .groupBy(['day', 'county_id', 'school_kind']).orderBy('day').orderBy('county_id').orderBy('school_kind').execute();
    const kept = await t.db.db.selectFrom('compliance_county_days').select(['day', 'county_id', 'school_kind', 'school_days', 'met_days'])
      .orderBy('day').orderBy('county_id').orderBy('school_kind').execute();
    const norm = (rows: typeof kept) => rows.map((r) => ({ ...r, school_days: Number(r.school_days), met_days: Number(r.met_days) }));
    expect(norm(kept)).toEqual(norm(fromDays));
    expect(kept.length).toBeGreaterThan(0);
  }

  /** Runs the hook with the clock moved on, and returns the rows whose computed_at changed. */
  async function touched(fn: () => Promise<unknown>) {
    const before = await stamps();
    t.clock.advance(60_000);
    const result = await fn();
    const after = await stamps();
    const changed = [...after].filter(([k, at]) => before.get(k) !== at).map(([k]) => k);
    return { result, changed };
  }

  it('tracking a school computes its days from then: Monday to today, all missed so far', async () => {
    const r = await row(s.gxsy.id, '2018-04-02');
    expect(r).toMatchObject({ school_day: 1, required: 2, counted: 0, met: 0, reason: 'school_day' });
    const days = await t.db.db.selectFrom('compliance_days').select('day').where('school_id', '=', s.gxsy.id).orderBy('day').execute();
    expect(days.map((d) => d.day)).toEqual(['2018-04-02', '2018-04-03', '2018-04-04']);
  });

  it('one counted lesson (plus a 10-minute one and a duplicate track) misses the day; two meet it; deleting one flips it back — and only that school-day is recomputed', async () => {
    const key = `${s.gxsy.id}|${DAY}`;
    await addRecording(t.db.db, { schoolId: s.gxsy.id, day: DAY, group: 'g-math', counts: 1, track: 'composite' });
    await addRecording(t.db.db, { schoolId: s.gxsy.id, day: DAY, group: 'g-math', counts: 1, track: 'teacher' });
    await addRecording(t.db.db, { schoolId: s.gxsy.id, day: DAY, group: 'g-short', counts: 0, minutes: 10 });
    const first = await touched(() => compliance.onRecordingChanged({ schoolId: s.gxsy.id, day: DAY }));
    expect(first.result).toEqual([expect.objectContaining({ schoolId: s.gxsy.id, day: DAY, counted: 1, met: false, required: 2 })]);
    expect(first.changed).toEqual([key]);
    expect(await row(s.gxsy.id)).toMatchObject({ counted: 1, met: 0 });

    const second = await addRecording(t.db.db, { schoolId: s.gxsy.id, day: DAY, group: 'g-chinese', counts: 1 });
    const met = await touched(() => compliance.onRecordingChanged({ schoolId: s.gxsy.id, day: DAY }));
    expect(met.result).toEqual([expect.objectContaining({ counted: 2, met: true })]);
    expect(met.changed).toEqual([key]);
    expect(await row(s.gxsy.id)).toMatchObject({ counted: 2, met: 1 });

    await t.db.db.deleteFrom('recordings').where('id', '=', second).execute();
    const flipped = await touched(() => compliance.onRecordingChanged({ schoolId: s.gxsy.id, day: DAY }));
    expect(flipped.result).toEqual([expect.objectContaining({ counted: 1, met: false })]);
    expect(flipped.changed).toEqual([key]);
    expect(await row(s.gxsy.id)).toMatchObject({ counted: 1, met: 0 });
    await expectCountyDaysConsistent();
  });

  it('counts only ready recordings, and a lesson recorded at an untracked school or before tracking writes nothing', async () => {
    await addRecording(t.db.db, { schoolId: s.gx2.id, day: DAY, group: 'gx2-a', counts: 1, status: 'processing' });
    const r = await compliance.onRecordingChanged({ schoolId: s.gx2.id, day: DAY });
    expect(r).toEqual([expect.objectContaining({ counted: 0, met: false })]);
    const untracked = (await t.db.db.selectFrom('schools').select('id').where('county_id', '=', s.shenxian).where('id', '!=', s.sxsy.id).executeTakeFirstOrThrow()).id;
    await addRecording(t.db.db, { schoolId: untracked, day: DAY, group: 'u-a', counts: 1 });
    expect(await compliance.onRecordingChanged({ schoolId: untracked, day: DAY })).toEqual([]);
    expect(await compliance.onRecordingChanged({ schoolId: s.gxsy.id, day: '2018-03-30' })).toEqual([]);
    expect(await t.db.db.selectFrom('compliance_days').select('day').where('school_id', '=', untracked).execute()).toEqual([]);
  });

  it('a lesson on a Saturday keeps a row that is not a school day; removing it removes the row', async () => {
    const id = await addRecording(t.db.db, { schoolId: s.sxsy.id, day: '2018-03-31', group: 'sat', counts: 1 });
    await compliance.trackSchools([{ schoolId: s.sxsy.id, since: '2018-03-26' }]);
    expect(await row(s.sxsy.id, '2018-03-31')).toMatchObject({ school_day: 0, required: 0, counted: 1, met: 0, reason: 'weekend' });
    await t.db.db.deleteFrom('recordings').where('id', '=', id).execute();
    expect(await compliance.onRecordingChanged({ schoolId: s.sxsy.id, day: '2018-03-31' })).toEqual([expect.objectContaining({ removed: true })]);
    expect(await t.db.db.selectFrom('compliance_days').select('day').where('school_id', '=', s.sxsy.id).where('day', '=', '2018-03-31').execute()).toEqual([]);
    await expectCountyDaysConsistent();
  });

  it('a quota rule for a county\'s kindergartens recomputes their days', async () => {
    await addRecording(t.db.db, { schoolId: s.guanxianKindergarten.id, day: DAY, group: 'kg-a', counts: 1 });
    await compliance.onRecordingChanged({ schoolId: s.guanxianKindergarten.id, day: DAY });
    expect(await row(s.guanxianKindergarten.id)).toMatchObject({ required: 2, counted: 1, met: 0 });
    const added = await compliance.addQuotaRule({
      cityId: s.cityId, countyId: s.guanxian, schoolKind: 'kindergarten', minLessons: 1, effectiveFrom: '2018-04-03', effectiveTo: null,
    });
    expect(added.recomputed).toBe(3 * 2); // 冠县's three tracked schools, Tuesday and Wednesday
    expect(await row(s.guanxianKindergarten.id)).toMatchObject({ required: 1, counted: 1, met: 1 });
    expect(await row(s.guanxianKindergarten.id, '2018-04-02')).toMatchObject({ required: 2 });
    expect(await row(s.gxsy.id)).toMatchObject({ required: 2 });
    await expectCountyDaysConsistent();
  });

  it('the nightly pass recomputes the last days of every tracked school and changes nothing that was right', async () => {
    const before = await t.db.db.selectFrom('compliance_days').select(['school_id', 'day', 'counted', 'met', 'required']).orderBy('school_id').orderBy('day').execute();
    const n = await compliance.recomputeRecentDays(7);
    const after = await t.db.db.selectFrom('compliance_days').select(['school_id', 'day', 'counted', 'met', 'required']).orderBy('school_id').orderBy('day').execute();
    expect(n).toBeGreaterThanOrEqual(4 * 3);
    expect(after).toEqual(before);
    // gx2's recording becomes ready without the hook being called: the pass repairs the day.
    await t.db.db.updateTable('recordings').set({ status: 'ready' }).where('group_id', '=', 'gx2-a').execute();
    await compliance.recomputeRecentDays(7);
    expect(await row(s.gx2.id)).toMatchObject({ counted: 1 });
    await expectCountyDaysConsistent();
  });

  // Two processes' transactions: only PostgreSQL runs them at the same time (SQLite has one writer).
  it.runIf(process.env.DATABASE_URL)('counts both of two lessons of one school-day that turn ready at the same moment', async () => {
    const day = '2018-04-03';
    expect(await row(s.sxsy.id, day)).toMatchObject({ counted: 0, met: 0 });
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstRecounted!: () => void;
    const firstHoldsTheDay = new Promise<void>((resolve) => (firstRecounted = resolve));
    // The first lesson's transaction recounts the day (locking its row) and stays open.
    const first = t.db.db.transaction().execute(async (trx) => {
      await addRecording(trx, { schoolId: s.sxsy.id, day, group: 'same-moment-1', counts: 1 });
      await compliance.onRecordingChanged({ schoolId: s.sxsy.id, day }, trx);
      firstRecounted();
      await firstMayCommit;
    });
    await firstHoldsTheDay;
    // The second's recount starts before the first commits, so it must wait for the day's row.
    const second = t.db.db.transaction().execute(async (trx) => {
      await addRecording(trx, { schoolId: s.sxsy.id, day, group: 'same-moment-2', counts: 1 });
      return compliance.onRecordingChanged({ schoolId: s.sxsy.id, day }, trx);
    });
    await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from pg_locks where not granted`.execute(t.db.db)).rows[0]!.n).toBeGreaterThan(0);
    commitFirst();
    await first;
    expect(await second).toEqual([expect.objectContaining({ counted: 2, met: true })]);
    expect(await row(s.sxsy.id, day)).toMatchObject({ counted: 2, met: 1 });
    await expectCountyDaysConsistent();
  });

  it('heals a drifted county-day on the nightly pass', async () => {
    await t.db.db.updateTable('compliance_county_days').set({ met_days: 99 }).where('county_id', '=', s.guanxian).execute();
    await compliance.recomputeRecentDays(7);
    await expectCountyDaysConsistent();
  });
});
