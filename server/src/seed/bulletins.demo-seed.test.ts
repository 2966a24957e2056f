import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { seedDemoCalendar } from '../modules/calendar/calendar.demo-seed.js';
import { addRecording, demoSchools } from '../modules/compliance/compliance.test-kit.js';
import { createComplianceService } from '../modules/compliance/compliance.service.js';
import { eachDay } from '../../../shared/dates.js';
import { seedDemoInspections } from './inspections.demo-seed.js';
import { seedDemoBulletins } from './bulletins.demo-seed.js';

describe('demo seed: the 2018-04-04 commendation, the March notice and three visits', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-03-05T08:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    const compliance = createComplianceService({ db: t.db, clock: t.clock });
    await compliance.trackSchools([s.gxsy, s.sxsy].map((x) => ({ schoolId: x.id, since: '2018-03-05' })));
    // 冠县实验小学 records two lessons every weekday of March; 莘县实验小学 nothing.
    for (const day of eachDay('2018-03-05', '2018-03-30')) {
      for (const group of ['a', 'b']) await addRecording(t.db.db, { schoolId: s.gxsy.id, day, group: `${day}${group}`, counts: 1 });
    }
    t.clock.set(new Date('2018-04-04T18:00:00+08:00'));
    await compliance.recomputeRecentDays(40);
    await seedDemoInspections(t.db.db);
    await seedDemoBulletins(t.db, s.cityId);
  });
  afterAll(async () => t.close());

  it('commends 8 schools, one per county, 冠县实验小学 among them; its principal sees it on the school page', async () => {
    const principal = await t.login('gxsy.principal');
    const list = (await principal.get('/api/bulletins?kind=commendation')).json();
    expect(list.total).toBe(1);
    const subjects = list.items[0].subjects as { kind: string; code: string; countyName: string }[];
    expect(subjects).toHaveLength(8);
    expect(subjects.map((x) => x.code)).toContain(DEMO_SCHOOLS.guanxianShiyan.code);
    expect(new Set(subjects.map((x) => x.countyName)).size).toBe(8);
    expect((await principal.get(`/api/bulletins/schools/${s.gxsy.id}/commendations`)).json().items[0].issuedOn).toBe('2018-04-04');
  });

  it('the March notice names the county below the city\'s rate', async () => {
    const county = await t.login('shenxian.admin');
    const notice = (await county.get('/api/bulletins?kind=notice')).json().items[0];
    expect(notice.subjects.map((x: { name: string }) => x.name)).toEqual(['莘县']);
    expect(notice.body).toContain('冠县：应录播学校日 20 个，达标 20 个，达标率 100.0%');
  });

  it('seeds visits with open follow-ups; one is overdue on 2018-04-04', async () => {
    const city = await t.login('city.admin');
    expect((await city.get('/api/inspections')).json().total).toBe(3);
    const overdue = (await city.get('/api/inspections/follow-ups?overdue=true&asOf=2018-04-04')).json();
    expect(overdue.items.map((f: { schoolName: string }) => f.schoolName)).toEqual(['莘县实验小学']);
    const sxsy = await t.login('sxsy.principal');
    expect((await sxsy.get('/api/inspections/follow-ups?status=open')).json().total).toBe(2);
  });
});
