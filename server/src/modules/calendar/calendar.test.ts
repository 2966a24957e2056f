import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { seedDemoCalendar } from './calendar.demo-seed.js';
import { loadCalendar } from './calendar-view.js';

interface DayJson { day: string; schoolDay: boolean; reason: string; name: string | null; level: string | null }

describe('school calendar: terms, national holidays, 调休 and local exceptions', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-12T09:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    const compliance = createComplianceService({ db: t.db, clock: t.clock });
    await compliance.trackSchools([s.gxsy, s.gx2].map((x) => ({ schoolId: x.id, since: '2018-04-02' })));
  });
  afterAll(async () => t.close());

  it('decides every school\'s days from one view: Qingming off, Sunday 04-08 on, nothing between terms', async () => {
    const view = await loadCalendar(t.db.db, { from: '2018-03-01', to: '2018-09-03' });
    expect(view.schools().length).toBeGreaterThan(20);
    for (const school of view.schools()) {
      expect(['2018-04-05', '2018-04-06', '2018-04-07'].map((d) => view.isSchoolDay(school.id, d))).toEqual([false, false, false]);
      expect(view.isSchoolDay(school.id, '2018-04-08')).toBe(true);
    }
    expect(view.dayOf(s.gxsy.id, '2018-03-02')).toMatchObject({ schoolDay: false, reason: 'term_break' });
    expect(view.dayOf(s.gxsy.id, '2018-03-05')).toMatchObject({ schoolDay: true, reason: 'school_day' });
    expect(view.dayOf(s.gxsy.id, '2018-07-09')).toMatchObject({ schoolDay: false, reason: 'term_break' });
    expect(view.dayOf(s.gxsy.id, '2018-09-03')).toMatchObject({ schoolDay: true, reason: 'school_day' });
    expect(() => view.dayOf(s.gxsy.id, '2018-10-01')).toThrow(RangeError);
  });

  it('excludes a school\'s own closure day for that school only, and recomputes only its compliance', async () => {
    const principal = await t.login('gxsy.principal');
    const res = await principal.request('POST', '/api/calendar/exceptions', { schoolId: s.gxsy.id, days: [{ day: '2018-04-10', kind: 'holiday', name: '校庆放假' }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ saved: 1, recomputed: 1 });
    const view = await loadCalendar(t.db.db, { schoolIds: [s.gxsy.id, s.gx2.id], from: '2018-04-10', to: '2018-04-10' });
    expect(view.dayOf(s.gxsy.id, '2018-04-10')).toEqual({ schoolDay: false, reason: 'exception_closed', name: '校庆放假', level: 'school' });
    expect(view.isSchoolDay(s.gx2.id, '2018-04-10')).toBe(true);
    // No school and nothing counted: the missed day is gone from the rollup.
    const row = () => t.db.db.selectFrom('compliance_days').select(['school_day', 'reason']).where('school_id', '=', s.gxsy.id).where('day', '=', '2018-04-10').executeTakeFirst();
    expect(await row()).toBeUndefined();

    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'calendar.exception.save').execute();
    expect(audit).toContainEqual({ action: 'calendar.exception.save', target_id: String(s.gxsy.id) });

    const removed = await principal.request('DELETE', `/api/calendar/exceptions?schoolId=${s.gxsy.id}&day=2018-04-10`);
    expect(removed.json()).toEqual({ deleted: 1, recomputed: 1 });
    expect(await row()).toEqual({ school_day: 1, reason: 'school_day' });
  });

  it('shows a school\'s calendar with each day\'s reason, terms and exceptions', async () => {
    const research = await t.login('guanxian.research');
    expect((await research.request('POST', '/api/calendar/exceptions', { countyId: s.guanxian, days: [{ day: '2018-04-11', kind: 'holiday', name: '期中考试' }] })).json())
      .toEqual({ saved: 1, recomputed: 2 });
    const res = await research.get(`/api/calendar?schoolId=${s.gx2.id}&from=2018-04-04&to=2018-04-11`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { days: DayJson[]; terms: { name: string; level: string }[]; exceptions: { day: string; level: string; name: string }[] };
    const by = Object.fromEntries(body.days.map((d) => [d.day, d]));
    expect(by['2018-04-05']).toMatchObject({ schoolDay: false, reason: 'public_holiday', name: '清明' });
    expect(by['2018-04-08']).toMatchObject({ schoolDay: true, reason: 'makeup_workday' });
    expect(by['2018-04-11']).toEqual({ day: '2018-04-11', schoolDay: false, reason: 'exception_closed', name: '期中考试', level: 'county', publicDay: null });
    expect(body.terms.map((x) => x.name)).toEqual(['2017—2018学年第二学期', '2018—2019学年第一学期']);
    expect(body.exceptions).toEqual([expect.objectContaining({ day: '2018-04-11', level: 'county', name: '期中考试' })]);
    const county = (await research.get(`/api/calendar?countyId=${s.guanxian}&from=2018-04-11&to=2018-04-11`)).json() as { days: DayJson[] };
    expect(county.days[0]).toMatchObject({ schoolDay: false, level: 'county' });
  });

  it('lets the city correct the national dataset for every school, recomputing their days', async () => {
    await addRecording(t.db.db, { schoolId: s.gx2.id, day: '2018-04-09', group: 'gx2-mon', counts: 1 });
    const city = await t.login('city.admin');
    const res = await city.request('POST', '/api/calendar/exceptions', { cityId: s.cityId, days: [{ day: '2018-04-09', kind: 'holiday', name: '清明(补)' }] });
    expect(res.json()).toEqual({ saved: 1, recomputed: 2 });
    const row = await t.db.db.selectFrom('compliance_days').select(['school_day', 'counted', 'reason', 'reason_name'])
      .where('school_id', '=', s.gx2.id).where('day', '=', '2018-04-09').executeTakeFirst();
    expect(row).toEqual({ school_day: 0, counted: 1, reason: 'public_holiday', reason_name: '清明(补)' });
    const shenxian = (await city.get(`/api/calendar?schoolId=${s.sxsy.id}&from=2018-04-09&to=2018-04-09`)).json() as { days: DayJson[] };
    expect(shenxian.days[0]).toMatchObject({ schoolDay: false, level: 'city' });
    // Future days are saved but nothing is computed for them yet.
    expect((await city.request('POST', '/api/calendar/exceptions', { cityId: s.cityId, days: [{ day: '2018-05-02', kind: 'holiday', name: '劳动节(延长)' }] })).json())
      .toEqual({ saved: 1, recomputed: 0 });
  });

  it('keeps writers to their own node: a principal to the school, a county to the county', async () => {
    const day = [{ day: '2018-04-13', kind: 'holiday', name: '停课' }];
    const principal = await t.login('gxsy.principal');
    expect((await principal.request('POST', '/api/calendar/exceptions', { schoolId: s.gx2.id, days: day })).statusCode).toBe(404);
    expect((await principal.request('POST', '/api/calendar/exceptions', { countyId: s.guanxian, days: day })).statusCode).toBe(404);
    expect((await principal.request('DELETE', `/api/calendar/exceptions?countyId=${s.guanxian}&day=2018-04-11`)).statusCode).toBe(404);
    const research = await t.login('guanxian.research');
    expect((await research.request('POST', '/api/calendar/exceptions', { schoolId: s.sxsy.id, days: day })).statusCode).toBe(404);
    expect((await research.request('POST', '/api/calendar/exceptions', { countyId: s.shenxian, days: day })).statusCode).toBe(404);
    expect((await research.request('POST', '/api/calendar/exceptions', { cityId: s.cityId, days: day })).statusCode).toBe(404);
    expect((await research.get(`/api/calendar?schoolId=${s.sxsy.id}&from=2018-04-01&to=2018-04-02`)).statusCode).toBe(404);
    expect((await (await t.login('gxsy.teacher')).request('POST', '/api/calendar/exceptions', { schoolId: s.gxsy.id, days: day })).statusCode).toBe(403);
    expect((await (await t.login('gxsy.parent')).get(`/api/calendar?schoolId=${s.gxsy.id}&from=2018-04-01&to=2018-04-02`)).statusCode).toBe(403);
    const none = await research.request('POST', '/api/calendar/exceptions', { days: day });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'CALENDAR_PLACE_REQUIRED' });
    const bad = await research.request('POST', '/api/calendar/exceptions', { countyId: s.guanxian, days: [{ day: '2018-02-30', kind: 'holiday', name: 'x' }] });
    expect(bad.json()).toMatchObject({ code: 'DATE_INVALID' });
  });
});
