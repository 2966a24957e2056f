import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { seedDemoCalendar } from './calendar.demo-seed.js';

interface TermJson { id: number; level: string; countyId: number | null; stage: string | null; schoolYear: number; name: string; startsOn: string; endsOn: string; editable: boolean }
interface DayJson { day: string; schoolDay: boolean; reason: string; name: string | null }
interface Figures { schoolDays: number; metDays: number }
interface DashboardJson { dayStatus: string | null; dayName: string | null; kpis: { day: Figures; month: Figures } }

const SPRING = '2017—2018学年第二学期';

describe('calendar page API: terms, quota rules and a city\'s own national days', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;
  let city: Awaited<ReturnType<TestApp['login']>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-12T18:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    // 冠县实验小学 meets 04-09 and 04-10; 冠县第二实验小学 records nothing.
    for (const day of ['2018-04-09', '2018-04-10']) {
      for (const g of ['a', 'b']) await addRecording(t.db.db, { schoolId: s.gxsy.id, day, group: `gxsy-${day}-${g}`, counts: 1 });
    }
    const compliance = createComplianceService({ db: t.db, clock: t.clock });
    await compliance.trackSchools([s.gxsy, s.gx2].map((x) => ({ schoolId: x.id, since: '2018-04-02' })));
    city = await t.login('city.admin');
  });
  afterAll(async () => t.close());

  const terms = async (client = city, query = `cityId=${s.cityId}`) => ((await client.get(`/api/calendar/terms?${query}`)).json() as { terms: TermJson[] }).terms;
  const countyDashboard = async (asOf: string) =>
    (await city.get(`/api/dashboards/counties/${s.guanxian}?asOf=${asOf}`)).json() as DashboardJson;
  const days = async (schoolId: number, from: string, to: string) =>
    Object.fromEntries(((await city.get(`/api/calendar?schoolId=${schoolId}&from=${from}&to=${to}`)).json() as { days: DayJson[] }).days.map((d) => [d.day, d]));

  it('lists the city\'s terms by school year, and says what a dashboard day is', async () => {
    const list = await terms();
    expect(list.map((x) => [x.name, x.schoolYear, x.level, x.stage, x.editable])).toEqual([
      ['2018—2019学年第一学期', 2018, 'city', null, true],
      [SPRING, 2017, 'city', null, true],
    ]);
    expect((await terms(await t.login('guanxian.admin'), `countyId=${s.guanxian}`)).every((x) => !x.editable)).toBe(true);
    expect(await countyDashboard('2018-04-10')).toMatchObject({ dayStatus: 'school-day', dayName: null });
    expect(await countyDashboard('2018-04-05')).toMatchObject({ dayStatus: 'holiday', dayName: '清明' });
    expect(await countyDashboard('2018-04-14')).toMatchObject({ dayStatus: 'weekend' });
    expect(await countyDashboard('2018-08-06')).toMatchObject({ dayStatus: 'no-term', kpis: { day: { schoolDays: 0 } } });
  });

  it('ending a term earlier takes the days after it out of compliance, on the dashboards and the list; moving it back restores them', async () => {
    const before = await countyDashboard('2018-04-10');
    expect(before.kpis.day).toMatchObject({ schoolDays: 2, metDays: 1 });
    const monthBefore = before.kpis.month.schoolDays;
    const spring = (await terms()).find((x) => x.name === SPRING)!;

    const res = await city.request('PATCH', `/api/calendar/terms/${spring.id}`, { endsOn: '2018-04-09' });
    expect(res.statusCode).toBe(200);
    // 04-10, 04-11 and 04-12 (today; later days are not computed yet) for two tracked schools.
    expect(res.json()).toEqual({ id: spring.id, recomputed: 6 });

    const after = await countyDashboard('2018-04-10');
    expect(after).toMatchObject({ dayStatus: 'no-term', kpis: { day: { schoolDays: 0, metDays: 0 } } });
    expect(after.kpis.month.schoolDays).toBe(monthBefore - 2);
    const citywide = (await city.get('/api/dashboards/city?asOf=2018-04-10')).json() as DashboardJson;
    expect(citywide.dayStatus).toBe('no-term');
    const list = (await city.get('/api/compliance/schools?from=2018-04-10&to=2018-04-10')).json() as { dayStatus: string };
    expect(list.dayStatus).toBe('no-term');
    const month = (await city.get('/api/compliance/schools?from=2018-04-10&to=2018-04-30')).json() as { dayStatus: string | null };
    expect(month.dayStatus).toBe('no-term');
    expect((await city.get('/api/compliance/schools?from=2018-04-02&to=2018-04-30')).json()).toMatchObject({ dayStatus: null });
    const school = (await city.get(`/api/dashboards/schools/${s.gxsy.id}?asOf=2018-04-10`)).json() as DashboardJson;
    expect(school.dayStatus).toBe('no-term');

    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'target_type', 'target_id']).where('action', '=', 'calendar.term.update').execute();
    expect(audit).toEqual([{ action: 'calendar.term.update', target_type: 'school_term', target_id: String(spring.id) }]);

    expect((await city.request('PATCH', `/api/calendar/terms/${spring.id}`, { endsOn: '2018-07-06' })).json()).toEqual({ id: spring.id, recomputed: 6 });
    expect((await countyDashboard('2018-04-10')).kpis.day).toMatchObject({ schoolDays: 2, metDays: 1 });
  });

  it('gives a stage its own term: the kindergarten\'s term ends before the schools\'', async () => {
    const res = await city.request('POST', '/api/calendar/terms', { cityId: s.cityId, name: SPRING, stage: 'kindergarten', startsOn: '2018-03-05', endsOn: '2018-04-06' });
    expect(res.statusCode).toBe(201);
    expect((await days(s.guanxianKindergarten.id, '2018-04-09', '2018-04-09'))['2018-04-09']).toMatchObject({ schoolDay: false, reason: 'term_break' });
    expect((await days(s.gxsy.id, '2018-04-09', '2018-04-09'))['2018-04-09']).toMatchObject({ schoolDay: true, reason: 'school_day' });
    expect((await terms()).find((x) => x.stage === 'kindergarten')).toMatchObject({ name: SPRING, schoolYear: 2017, endsOn: '2018-04-06' });
    const again = await city.request('POST', '/api/calendar/terms', { cityId: s.cityId, name: SPRING, stage: 'kindergarten', startsOn: '2018-03-05', endsOn: '2018-04-06' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TERM_NAME_TAKEN' });
    const id = (res.json() as { id: number }).id;
    expect((await city.request('DELETE', `/api/calendar/terms/${id}`)).json()).toMatchObject({ deleted: 1 });
    expect((await days(s.guanxianKindergarten.id, '2018-04-09', '2018-04-09'))['2018-04-09']).toMatchObject({ schoolDay: true });
  });

  it('keeps each county to its own terms: another county\'s or the city\'s term is not found', async () => {
    const shenxianTerm = (await city.request('POST', '/api/calendar/terms', { countyId: s.shenxian, name: SPRING, stage: null, startsOn: '2018-03-12', endsOn: '2018-07-06' })).json() as { id: number };
    const spring = (await terms()).find((x) => x.name === SPRING && x.level === 'city')!;
    const county = await t.login('guanxian.admin');
    const own = await county.request('POST', '/api/calendar/terms', { countyId: s.guanxian, name: SPRING, stage: null, startsOn: '2018-03-05', endsOn: '2018-07-06' });
    expect(own.statusCode).toBe(201);
    for (const [method, url, body] of [
      ['PATCH', `/api/calendar/terms/${shenxianTerm.id}`, { endsOn: '2018-04-01' }],
      ['DELETE', `/api/calendar/terms/${shenxianTerm.id}`, undefined],
      ['PATCH', `/api/calendar/terms/${spring.id}`, { endsOn: '2018-04-01' }],
      ['POST', '/api/calendar/terms', { countyId: s.shenxian, name: '越权学期', stage: null, startsOn: '2018-03-05', endsOn: '2018-07-06' }],
      ['POST', '/api/calendar/terms', { cityId: s.cityId, name: '越权学期', stage: null, startsOn: '2018-03-05', endsOn: '2018-07-06' }],
      ['POST', '/api/calendar/exceptions', { countyId: s.shenxian, days: [{ day: '2018-04-20', kind: 'holiday', name: '越权停课' }] }],
      ['PATCH', '/api/calendar/terms/3000000000', { endsOn: '2018-04-01' }],
    ] as const) {
      const res = await county.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Another county's term is not even listed to them.
    expect((await terms(county, `countyId=${s.guanxian}`)).some((x) => x.id === shenxianTerm.id)).toBe(false);
    expect((await t.db.db.selectFrom('school_terms').select('ends_on').where('id', '=', shenxianTerm.id).executeTakeFirst())?.ends_on).toBe('2018-07-06');

    const principal = await t.login('gxsy.principal');
    expect((await principal.request('POST', '/api/calendar/terms', { countyId: s.guanxian, name: 'x', stage: null, startsOn: '2018-03-05', endsOn: '2018-07-06' })).statusCode).toBe(404);
    const atSchool = await principal.request('POST', '/api/calendar/terms', { schoolId: s.gxsy.id, name: 'x', stage: null, startsOn: '2018-03-05', endsOn: '2018-07-06' });
    expect(atSchool.json()).toMatchObject({ code: 'CALENDAR_REGION_REQUIRED' });
    expect((await (await t.login('gxsy.teacher')).request('PATCH', `/api/calendar/terms/${spring.id}`, { endsOn: '2018-04-01' })).statusCode).toBe(403);
  });

  it('refuses bad term and rule bodies with a clear 400, writing nothing', async () => {
    const base = { cityId: s.cityId, name: '坏学期', stage: null, startsOn: '2018-09-01', endsOn: '2019-01-20' };
    const cases: [unknown, string | null][] = [
      [{ ...base, isAdmin: true }, 'FIELD_NOT_ALLOWED'],
      [{ ...base, name: 12345 }, 'VALIDATION_FAILED'],
      [{ ...base, stage: 'university' }, null],
      [{ ...base, cityId: 3000000000 }, null],
      [null, null],
      [{ ...base, name: '   ' }, 'TEXT_BLANK'],
      [{ ...base, endsOn: '2018-08-01' }, 'TERM_DATES_REVERSED'],
      [{ ...base, endsOn: '2019-12-31' }, 'TERM_TOO_LONG'],
      [{ ...base, startsOn: '2018-02-30' }, 'DATE_INVALID'],
    ];
    for (const [body, code] of cases) {
      const res = await city.request('POST', '/api/calendar/terms', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (code) expect(res.json()).toMatchObject({ code });
    }
    const rule = { cityId: s.cityId, schoolKind: null, minLessons: 2, effectiveFrom: '2018-09-01', effectiveTo: null };
    for (const body of [{ ...rule, minLessons: 21 }, { ...rule, minLessons: 1.5 }, { ...rule, extra: 1 }, { ...rule, effectiveTo: '2018-08-01' }]) {
      expect((await city.request('POST', '/api/calendar/quota-rules', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await t.db.db.selectFrom('school_terms').select('id').where('name', '=', '坏学期').execute()).toEqual([]);
    expect(await t.db.db.selectFrom('quota_rules').select('id').execute()).toEqual([]);
  });

  it('a quota rule from a date raises the bar for the days it decides, and changing it recounts them', async () => {
    const row = () => t.db.db.selectFrom('compliance_days').select(['required', 'met']).where('school_id', '=', s.gxsy.id).where('day', '=', '2018-04-10').executeTakeFirstOrThrow();
    const res = await city.request('POST', '/api/calendar/quota-rules', { cityId: s.cityId, schoolKind: null, minLessons: 3, effectiveFrom: '2018-04-10', effectiveTo: null });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: number };
    expect(await row()).toEqual({ required: 3, met: 0 });
    expect((await city.request('PATCH', `/api/calendar/quota-rules/${id}`, { minLessons: 2 })).statusCode).toBe(200);
    expect(await row()).toEqual({ required: 2, met: 1 });
    const list = (await city.get(`/api/calendar/quota-rules?countyId=${s.guanxian}`)).json() as { defaultMinLessons: number; rules: { id: number; minLessons: number; effectiveFrom: string; editable: boolean }[] };
    expect(list).toMatchObject({ defaultMinLessons: 2, rules: [{ id, minLessons: 2, effectiveFrom: '2018-04-10', editable: true }] });
    const county = await t.login('guanxian.admin');
    expect((await county.get(`/api/calendar/quota-rules?countyId=${s.guanxian}`)).json()).toMatchObject({ rules: [{ id, editable: false }] });
    expect((await county.request('PATCH', `/api/calendar/quota-rules/${id}`, { minLessons: 0 })).statusCode).toBe(404);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('action', 'like', 'calendar.rule.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.rule.create', 'calendar.rule.update']);
  });

  it('takes a city\'s entry of the holidays and 调休 of a year the dataset does not cover', async () => {
    const year = (await city.get(`/api/calendar/public-days?cityId=${s.cityId}&year=2027`)).json();
    expect(year).toEqual({ year: 2027, datasetCovers: false, datasetLastYear: 2026, editable: true, days: [] });
    expect((await city.get(`/api/calendar/public-days?cityId=${s.cityId}&year=2026`)).json()).toMatchObject({ datasetCovers: true });
    await city.request('POST', '/api/calendar/terms', { cityId: s.cityId, name: '2026—2027学年第二学期', stage: null, startsOn: '2027-03-01', endsOn: '2027-07-09' });
    // Without an entry: Monday 04-05 is an ordinary school day, Sunday 04-11 a weekend.
    let week = await days(s.gxsy.id, '2027-04-05', '2027-04-11');
    expect([week['2027-04-05']!.reason, week['2027-04-11']!.reason]).toEqual(['school_day', 'weekend']);

    const saved = await city.request('PUT', '/api/calendar/public-days', {
      cityId: s.cityId, year: 2027, days: [{ day: '2027-04-05', kind: 'holiday', name: '清明节' }, { day: '2027-04-11', kind: 'makeup_workday', name: '清明节' }],
    });
    expect(saved.json()).toEqual({ saved: 2, recomputed: 0 });
    week = await days(s.gxsy.id, '2027-04-05', '2027-04-11');
    expect(week['2027-04-05']).toMatchObject({ schoolDay: false, reason: 'public_holiday', name: '清明节' });
    expect(week['2027-04-11']).toMatchObject({ schoolDay: true, reason: 'makeup_workday', name: '清明节' });
    expect((await city.get(`/api/calendar/public-days?cityId=${s.cityId}&year=2027`)).json()).toMatchObject({ days: [{ day: '2027-04-05' }, { day: '2027-04-11' }] });

    const other = await city.request('PUT', '/api/calendar/public-days', { cityId: s.cityId, year: 2027, days: [{ day: '2028-01-01', kind: 'holiday', name: '元旦' }] });
    expect(other.json()).toMatchObject({ code: 'PUBLIC_DAY_OTHER_YEAR' });
    const county = await t.login('guanxian.admin');
    expect((await county.get(`/api/calendar/public-days?cityId=${s.cityId}&year=2027`)).json()).toMatchObject({ editable: false, days: [{}, {}] });
    expect((await county.request('PUT', '/api/calendar/public-days', { cityId: s.cityId, year: 2027, days: [] })).statusCode).toBe(404);
    expect((await city.get(`/api/calendar/public-days?cityId=${s.cityId}&year=2027`)).json()).toMatchObject({ days: [{}, {}] });
  });
});
