import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { demoSchools, recordDemoWeek } from './compliance.test-kit.js';
import { createComplianceService } from './compliance.service.js';

const RANGE = 'from=2018-04-02&to=2018-04-04';

interface SummaryRowJson { id: number; name: string; code: string; schools: number; schoolDays: number; metDays: number; missedDays: number; rate: number | null; rank: number | null; departments?: { department: string; schools: number; schoolDays: number }[] }
interface SchoolJson { id: number; code: string; rate: number | null; missedDays: number; metDays: number; currentStreak: number; longestStreak: number; tracked: boolean; responsible: { departmentName: string | null; people: { name: string }[] } }

describe('compliance routes: figures, rankings and who may see them', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T20:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    const compliance = createComplianceService({ db: t.db, clock: t.clock });
    await recordDemoWeek(t.db.db, s);
    await compliance.trackSchools([s.gxsy, s.gx2, s.sxsy].map((x) => ({ schoolId: x.id, since: '2018-04-02' })));
  });
  afterAll(async () => t.close());

  it('gives the city each county\'s rate, ranked, with the 教科所 answering for every school', async () => {
    const city = await t.login('city.admin');
    const res = await city.get(`/api/compliance/summary?${RANGE}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { rows: SummaryRowJson[]; total: { schoolDays: number; metDays: number; missedDays: number } };
    expect(body.rows).toHaveLength(8);
    const guanxian = body.rows.find((r) => r.id === s.guanxian)!;
    const shenxian = body.rows.find((r) => r.id === s.shenxian)!;
    expect(guanxian).toMatchObject({ schools: 2, schoolDays: 6, metDays: 5, missedDays: 1, rank: 1 });
    expect(guanxian.rate).toBeCloseTo(5 / 6);
    // Today (Wednesday, 20:00) is not over: 莘县实验小学's empty Wednesday is pending, not yet missed.
    expect(shenxian).toMatchObject({ schools: 1, schoolDays: 3, metDays: 0, missedDays: 2, pendingDays: 1, rate: 0, rank: 2 });
    expect(guanxian.departments).toEqual(expect.arrayContaining([
      expect.objectContaining({ department: 'research', schools: 2, schoolDays: 6 }),
      expect.objectContaining({ department: 'edtech', schools: 2, schoolDays: 6 }),
      expect.objectContaining({ department: 'preschool', schools: 0, schoolDays: 0 }),
    ]));
    expect(body.rows.filter((r) => r.rate === null)).toHaveLength(6);
    expect(body.total).toMatchObject({ schoolDays: 9, metDays: 5, missedDays: 3, pendingDays: 1 });
  });

  it('shows today as pending, not missed, until the day is over', async () => {
    const city = await t.login('city.admin');
    const today = (await city.get(`/api/compliance/summary?from=2018-04-04&to=2018-04-04`)).json() as { rows: SummaryRowJson[] };
    expect(today.rows.find((r) => r.id === s.shenxian)).toMatchObject({ schoolDays: 1, metDays: 0, missedDays: 0, rate: null });
  });

  it('lists the schools that missed a day, worst first, with streaks and the named person responsible', async () => {
    const city = await t.login('city.admin');
    const res = await city.get(`/api/compliance/schools?${RANGE}&met=false`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: SchoolJson[]; total: number };
    expect(body.total).toBe(2);
    expect(body.items.map((x) => x.code)).toEqual([s.sxsy.code, s.gx2.code]);
    const gx2 = body.items[1]!;
    expect(gx2).toMatchObject({ missedDays: 1, metDays: 2, currentStreak: 1, longestStreak: 1, tracked: true });
    expect(gx2.responsible.departmentName).toContain('教科所');
    expect(gx2.responsible.people.map((p) => p.name)).toEqual(['邢文军']);
    const all = (await city.get(`/api/compliance/schools?${RANGE}&pageSize=100`)).json() as { items: SchoolJson[]; total: number };
    expect(all.items[0]).toMatchObject({ code: s.gxsy.code, rate: 1, currentStreak: 3, longestStreak: 3 });
    expect(all.items.filter((x) => !x.tracked).every((x) => x.rate === null)).toBe(true);
    expect(all.total).toBe((await t.db.db.selectFrom('schools').select('id').where('city_id', '=', s.cityId).execute()).length);
  });

  it('gives a school\'s days one by one, with the calendar\'s reasons where nothing is due', async () => {
    const research = await t.login('guanxian.research');
    const res = await research.get(`/api/compliance/schools/${s.gx2.id}/days?from=2018-03-31&to=2018-04-08`);
    expect(res.statusCode).toBe(200);
    const days = (res.json() as { days: { day: string; schoolDay: boolean; reason: string; reasonName: string | null; met: boolean | null; counted: number | null }[] }).days;
    const by = Object.fromEntries(days.map((d) => [d.day, d]));
    expect(by['2018-03-31']).toMatchObject({ schoolDay: false, reason: 'weekend', met: null });
    expect(by['2018-04-03']).toMatchObject({ schoolDay: true, met: false, counted: 0 });
    expect(by['2018-04-04']).toMatchObject({ schoolDay: true, met: true, counted: 2 });
    expect(by['2018-04-05']).toMatchObject({ schoolDay: false, reason: 'public_holiday', reasonName: '清明' });
    expect(by['2018-04-08']).toMatchObject({ schoolDay: true, reason: 'makeup_workday', met: null });
  });

  it('keeps 冠县\'s 教科所 inside 冠县: 莘县 is absent from figures and lists, and its pages are 404', async () => {
    const research = await t.login('guanxian.research');
    const summary = (await research.get(`/api/compliance/summary?${RANGE}`)).json() as { rows: SummaryRowJson[]; total: { schoolDays: number } };
    expect(summary.rows.map((r) => r.id)).toEqual([s.guanxian]);
    expect(summary.total.schoolDays).toBe(6);
    const list = (await research.get(`/api/compliance/schools?${RANGE}&pageSize=100`)).json() as { items: SchoolJson[]; total: number };
    expect(list.items.map((x) => x.code)).not.toContain(s.sxsy.code);
    expect(list.total).toBe(list.items.length);
    expect(list.items.every((x) => x.code.startsWith('1371525'))).toBe(true);
    expect((await research.get(`/api/compliance/schools?${RANGE}&countyId=${s.shenxian}`)).statusCode).toBe(404);
    expect((await research.get(`/api/compliance/summary?${RANGE}&countyId=${s.shenxian}`)).statusCode).toBe(404);
    expect((await research.get(`/api/compliance/schools/${s.sxsy.id}/days?${RANGE}`)).statusCode).toBe(404);
    expect((await research.get(`/api/compliance/schools/999999/days?${RANGE}`)).statusCode).toBe(404);
  });

  it('shows a principal only their own school, even within their county', async () => {
    const principal = await t.login('gxsy.principal');
    const perSchool = (await principal.get(`/api/compliance/summary?${RANGE}&countyId=${s.guanxian}`)).json() as { rows: SummaryRowJson[] };
    expect(perSchool.rows.map((r) => r.id)).toEqual([s.gxsy.id]);
    // The county line holds their school alone, not the county's totals (6 school days, 1 missed).
    const perCounty = (await principal.get(`/api/compliance/summary?${RANGE}`)).json() as { rows: SummaryRowJson[]; total: { schoolDays: number } };
    expect(perCounty.rows).toEqual([expect.objectContaining({ id: s.guanxian, schools: 1, schoolDays: 3, metDays: 3, missedDays: 0 })]);
    expect(perCounty.total.schoolDays).toBe(3);
    const list = (await principal.get(`/api/compliance/schools?${RANGE}`)).json() as { items: SchoolJson[]; total: number };
    expect(list.items.map((x) => x.code)).toEqual([s.gxsy.code]);
    expect(list.total).toBe(1);
    expect((await principal.get(`/api/compliance/schools/${s.gx2.id}/days?${RANGE}`)).statusCode).toBe(404);
    expect((await principal.get(`/api/compliance/schools/${s.gxsy.id}/days?${RANGE}`)).statusCode).toBe(200);
    expect((await principal.get(`/api/compliance/summary?${RANGE}&countyId=${s.shenxian}`)).statusCode).toBe(404);
  });

  it('refuses roles without the permission, and bad date ranges with a reason', async () => {
    for (const who of ['gxsy.teacher', 'gxsy.parent', 'auditor', 'secadmin']) {
      expect((await (await t.login(who)).get(`/api/compliance/summary?${RANGE}`)).statusCode).toBe(403);
    }
    const city = await t.login('city.admin');
    const backwards = await city.get('/api/compliance/summary?from=2018-04-04&to=2018-04-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'DATE_RANGE_INVALID' });
    expect((await city.get('/api/compliance/schools?from=2017-01-01&to=2018-04-04')).json()).toMatchObject({ code: 'DATE_RANGE_TOO_LONG' });
    expect((await city.get('/api/compliance/summary?from=2018-02-30&to=2018-04-04')).statusCode).toBe(400);
  });
});
