import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { addRecording, demoSchools, recordDemoWeek } from '../compliance/compliance.test-kit.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { createRecordingStats } from '../recordings/recordings.stats.js';
import { createDashboardsService, type RolloutCountyRow } from './dashboards.service.js';

interface Figures { schoolDays: number; metDays: number; missedDays: number; pendingDays: number; rate: number | null }
interface RegionalJson {
  level: string;
  asOf: string;
  periods: { day: { from: string; to: string }; month: { from: string; to: string }; trend: { from: string; to: string } };
  kpis: { day: Figures & { schools: number }; month: Figures & { schools: number }; laggingSchools: number; rollout: unknown };
  day: { rows: ({ id: number; name: string } & Figures)[]; total: Figures };
  month: { level: string; rows: ({ id: number; code: string; name: string } & Figures)[]; total: Figures };
  trend: { days: ({ day: string } & Figures)[] };
  heatmap: { days: string[]; total: number; rows: { id: number; code: string; missedDays: number; cells: (string | null)[] }[] };
  recordings: { rows: { subject: string; grade: string; lessons: number }[] } | null;
  county?: { id: number; name: string; departments: { department: string; schools: number }[] };
}

describe('dashboards: city, county and school views, within the caller\'s scope', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp();
    // Saturday of the Qingming break: the last school day with figures is Wednesday 04-04.
    t.clock.set(new Date('2018-04-07T10:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    const compliance = createComplianceService({ db: t.db, clock: t.clock });
    await recordDemoWeek(t.db.db, s);
    // A second track of a counted lesson, and a 10-minute lesson: neither adds to the subject bars.
    await addRecording(t.db.db, { schoolId: s.gxsy.id, day: '2018-04-02', group: 'gxsy-2018-04-02-a', counts: 1, track: 'teacher' });
    await addRecording(t.db.db, { schoolId: s.gxsy.id, day: '2018-04-02', group: 'gxsy-short', counts: 0, minutes: 10 });
    await compliance.trackSchools([s.gxsy, s.gx2, s.sxsy].map((x) => ({ schoolId: x.id, since: '2018-04-02' })));
  });
  afterAll(async () => t.close());

  it('opens on the latest school day with figures in the caller\'s scope, or today when there is none', async () => {
    expect((await (await t.login('city.admin')).get('/api/compliance/latest-day')).json()).toEqual({ day: '2018-04-04' });
    expect((await (await t.login('gxsy.principal')).get('/api/compliance/latest-day')).json()).toEqual({ day: '2018-04-04' });
    // 临清 tracks no school yet.
    expect((await (await t.login('linqing.admin')).get('/api/compliance/latest-day')).json()).toEqual({ day: '2018-04-07' });
    expect((await (await t.login('gxsy.teacher')).get('/api/compliance/latest-day')).statusCode).toBe(403);
  });

  it('gives the city today, the month, the trend, the lagging schools and the lessons — totals equal to the summary\'s', async () => {
    const city = await t.login('city.admin');
    const res = await city.get('/api/dashboards/city?asOf=2018-04-04');
    expect(res.statusCode).toBe(200);
    const body = res.json() as RegionalJson;
    expect(body.periods).toEqual({
      day: { from: '2018-04-04', to: '2018-04-04' }, month: { from: '2018-04-01', to: '2018-04-04' }, trend: { from: '2018-03-06', to: '2018-04-04' },
    });
    // The reports' Excel reads the same summary: the figures must be the summary's own.
    const summary = (await city.get('/api/compliance/summary?from=2018-04-01&to=2018-04-04')).json() as { total: Figures; rows: unknown[] };
    expect(body.month.total).toEqual(summary.total);
    expect(body.month.rows).toEqual(summary.rows);
    expect(body.kpis.month).toMatchObject({ schools: 3, schoolDays: 9, metDays: 5, missedDays: 4, rate: 5 / 9 });
    expect(body.kpis.day).toMatchObject({ schoolDays: 3, metDays: 2, missedDays: 1 });
    expect(body.month.rows.find((r) => r.id === s.guanxian)).toMatchObject({ schoolDays: 6, metDays: 5 });

    expect(body.trend.days).toHaveLength(30);
    const byDay = Object.fromEntries(body.trend.days.map((d) => [d.day, d]));
    expect(byDay['2018-04-03']).toMatchObject({ schoolDays: 3, metDays: 1, rate: 1 / 3 });
    expect(byDay['2018-03-30']).toMatchObject({ schoolDays: 0, rate: null });

    expect(body.kpis.laggingSchools).toBe(2);
    // The heatmap spans the trend's 30 days; the schools tracked from 04-02 have no rows before.
    expect(body.heatmap.days).toHaveLength(30);
    expect(body.heatmap.days.slice(-4)).toEqual(['2018-04-01', '2018-04-02', '2018-04-03', '2018-04-04']);
    expect(body.heatmap.rows.map((r) => r.code)).toEqual([s.sxsy.code, s.gx2.code]);
    expect(body.heatmap.rows[0]!.cells.slice(-4)).toEqual([null, 'missed', 'missed', 'missed']);
    expect(body.heatmap.rows[1]!.cells.slice(-4)).toEqual([null, 'met', 'missed', 'met']);
    expect(body.heatmap.rows[1]!.cells.slice(0, -3).every((c) => c === null)).toBe(true);

    // Counted lessons: 6 of 冠县实验小学 and 4 of 冠县第二实验小学; the extra track and the short lesson do not add.
    expect(body.recordings?.rows).toEqual([{ subject: '语文', grade: '三年级', lessons: 10 }]);
  });

  it('gives a county its schools, and answers 404 for another county — as for a missing one', async () => {
    const research = await t.login('guanxian.research');
    const res = await research.get(`/api/dashboards/counties/${s.guanxian}?asOf=2018-04-04`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as RegionalJson;
    expect(body.county).toMatchObject({ id: s.guanxian, name: '冠县' });
    expect(body.county!.departments.map((d) => d.department).sort()).toEqual(['edtech', 'preschool', 'research']);
    expect(body.month.level).toBe('school');
    expect(body.month.rows.filter((r) => r.schoolDays > 0).map((r) => r.code).sort()).toEqual([s.gxsy.code, s.gx2.code].sort());
    expect(body.kpis.month).toMatchObject({ schoolDays: 6, metDays: 5, missedDays: 1 });
    expect(body.heatmap.rows.map((r) => r.code)).toEqual([s.gx2.code]);
    expect(body.recordings?.rows).toEqual([{ subject: '语文', grade: '三年级', lessons: 10 }]);
    expect(JSON.stringify(body)).not.toContain(s.sxsy.code);

    expect((await research.get(`/api/dashboards/counties/${s.shenxian}?asOf=2018-04-04`)).statusCode).toBe(404);
    expect((await research.get('/api/dashboards/counties/999999?asOf=2018-04-04')).statusCode).toBe(404);
    // Their "city" view is their county alone.
    const city = (await research.get('/api/dashboards/city?asOf=2018-04-04')).json() as RegionalJson;
    expect(city.month.rows.map((r) => r.id)).toEqual([s.guanxian]);
    expect(city.heatmap.rows.map((r) => r.code)).toEqual([s.gx2.code]);
  });

  it('shows a principal their own school only: another school is 404, and county views hold their school alone', async () => {
    const principal = await t.login('gxsy.principal');
    const res = await principal.get(`/api/dashboards/schools/${s.gxsy.id}?asOf=2018-04-04`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { school: { id: number }; kpis: { day: Figures; month: Figures }; days: { days: { day: string; met: boolean | null }[] }; trend: { days: ({ day: string } & Figures)[] }; recordings: { rows: { lessons: number }[] } };
    expect(body.school.id).toBe(s.gxsy.id);
    expect(body.kpis.month).toMatchObject({ schoolDays: 3, metDays: 3, missedDays: 0, rate: 1 });
    expect(body.kpis.day).toMatchObject({ schoolDays: 1, metDays: 1 });
    expect(body.days.days).toHaveLength(30);
    expect(body.days.days.slice(-4).map((d) => [d.day, d.met])).toEqual([['2018-04-01', null], ['2018-04-02', true], ['2018-04-03', true], ['2018-04-04', true]]);
    expect(body.trend.days.find((d) => d.day === '2018-04-03')).toMatchObject({ schoolDays: 1, metDays: 1 });
    expect(body.recordings.rows).toEqual([expect.objectContaining({ lessons: 6 })]);

    expect((await principal.get(`/api/dashboards/schools/${s.gx2.id}?asOf=2018-04-04`)).statusCode).toBe(404);
    expect((await principal.get(`/api/dashboards/schools/${s.sxsy.id}?asOf=2018-04-04`)).statusCode).toBe(404);
    const county = (await principal.get(`/api/dashboards/counties/${s.guanxian}?asOf=2018-04-04`)).json() as RegionalJson;
    expect(county.kpis.month).toMatchObject({ schoolDays: 3, metDays: 3 });
    expect(county.heatmap.rows).toEqual([]);
    expect(county.recordings?.rows).toEqual([expect.objectContaining({ lessons: 6 })]);
    expect(JSON.stringify(county)).not.toContain(s.gx2.code);
    expect((await principal.get(`/api/dashboards/counties/${s.shenxian}?asOf=2018-04-04`)).statusCode).toBe(404);
  });

  it('leaves out the panels a role does not open, refuses roles without compliance:read, and bad days', async () => {
    const sysadmin = (await (await t.login('sysadmin')).get('/api/dashboards/city?asOf=2018-04-04')).json() as RegionalJson;
    expect(sysadmin.recordings).toBeNull();
    expect(sysadmin.kpis.month.schoolDays).toBe(9);
    for (const who of ['gxsy.teacher', 'gxsy.parent', 'auditor']) {
      expect((await (await t.login(who)).get('/api/dashboards/city')).statusCode).toBe(403);
    }
    const city = await t.login('city.admin');
    expect((await city.get('/api/dashboards/city?asOf=2018-02-30')).json()).toMatchObject({ code: 'DATE_INVALID', details: { field: '/asOf' } });
    expect((await city.get('/api/dashboards/city?asOf=yesterday')).statusCode).toBe(400);
    // Without asOf: today (Saturday 04-07), a day of the Qingming break.
    expect((await city.get('/api/dashboards/city')).json()).toMatchObject({ asOf: '2018-04-07', kpis: { day: { schoolDays: 0, rate: null } } });
  });

  it('shows the rollout per county against the targets, for the county\'s own rows only', async () => {
    const row = (countyId: number, target: number, activated: number): RolloutCountyRow => ({
      countyId, countyName: '', countyCode: '', batch: '2018-08', group: 'primaryAndJunior', target, schools: target,
      registered: activated, installed: activated, activated, inRegularUse: 0, overdue: target - activated,
    });
    const asked: unknown[] = [];
    const dashboards = createDashboardsService({
      clock: t.clock, compliance: createComplianceService({ db: t.db, clock: t.clock }), recordingStats: createRecordingStats({ db: t.db }),
      rollout: { countyProgress: async (_actor, query) => (asked.push(query), [row(s.guanxian, 20, 15), row(s.shenxian, 10, 1)]) },
    });
    const actor = await actorOf(t, 'city.admin');
    const city = await dashboards.city(actor, { asOf: '2018-04-04' });
    expect(asked).toEqual([{ asOf: '2018-04-04' }]);
    expect(city.rollout).toHaveLength(2);
    expect(city.kpis.rollout).toEqual({ target: 30, activated: 16, overdue: 14, rate: 16 / 30 });
    const county = await dashboards.county(actor, s.guanxian, { asOf: '2018-04-04' });
    expect(county.rollout?.map((r) => r.countyId)).toEqual([s.guanxian]);
    expect(county.kpis.rollout).toMatchObject({ target: 20, activated: 15, rate: 0.75 });
    // A role without rollout:read gets no panel, and the rollout is not asked.
    const withoutRollout = { ...actor, permissions: new Set([...actor.permissions].filter((p) => p !== 'rollout:read')) } as Actor;
    expect((await dashboards.city(withoutRollout, { asOf: '2018-04-04' })).rollout).toBeNull();
    expect(asked).toHaveLength(2);
  });
});

/** The actor behind a demo account, as the access hooks build it for a request. */
async function actorOf(t: TestApp, username: string): Promise<Actor> {
  const client = await t.login(username);
  const session = await t.services.auth.actorFromToken(client.token);
  if (!session) throw new Error(`no session for ${username}`);
  return session;
}
