import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';
import { createComplianceService } from '../compliance/compliance.service.js';

/**
 * How many SQL statements one dashboard request runs, the session check included: a county
 * dashboard used to run 27 (regions read 7 times, schools 8), each a round trip that waits on
 * the one SQLite connection. The budgets hold what the dashboards read once each.
 */
describe('dashboards: a request runs a bounded number of SQL statements', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp({ countStatements: true });
    t.clock.set(new Date('2018-04-07T10:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    for (const day of ['2018-04-02', '2018-04-03', '2018-04-04']) {
      for (const g of ['a', 'b']) await addRecording(t.db.db, { schoolId: s.gxsy.id, day, group: `gxsy-${day}-${g}`, counts: 1 });
      if (day !== '2018-04-03') await addRecording(t.db.db, { schoolId: s.gx2.id, day, group: `gx2-${day}-a`, counts: 1 });
    }
    await createComplianceService({ db: t.db, clock: t.clock }).trackSchools([s.gxsy, s.gx2, s.sxsy].map((x) => ({ schoolId: x.id, since: '2018-04-02' })));
  });
  afterAll(async () => t.close());

  async function statementsOf(username: string, url: string) {
    const client = await t.login(username);
    await client.get(url); // the first request of a session may refresh it; count a later one
    t.statements!.reset();
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    return [...t.statements!.statements];
  }

  it('county dashboard: at most 8 statements, for county staff, the city and a county admin', async () => {
    for (const who of ['guanxian.research', 'guanxian.admin', 'city.admin']) {
      const ran = await statementsOf(who, `/api/dashboards/counties/${s.guanxian}?asOf=2018-04-04`);
      expect(ran.length, `${who}: ${ran.map((x) => x.table).join(', ')}`).toBeLessThanOrEqual(8);
    }
  });

  it('city dashboard: at most 12 statements; school dashboard: at most 8', async () => {
    for (const who of ['city.admin', 'guanxian.research']) {
      const ran = await statementsOf(who, '/api/dashboards/city?asOf=2018-04-04');
      expect(ran.length, `${who}: ${ran.map((x) => x.table).join(', ')}`).toBeLessThanOrEqual(12);
    }
    for (const who of ['gxsy.principal', 'guanxian.research']) {
      // The school's calendar also reads the city's own entry of national days (public_days).
      const ran = await statementsOf(who, `/api/dashboards/schools/${s.gxsy.id}?asOf=2018-04-04`);
      expect(ran.length, `${who}: ${ran.map((x) => x.table).join(', ')}`).toBeLessThanOrEqual(8);
    }
  });

  it('reads less but says the same: the dashboards\' day, month and lagging schools are the compliance pages\' figures', async () => {
    const month = 'from=2018-04-01&to=2018-04-04';
    for (const who of ['guanxian.research', 'city.admin', 'gxsy.principal']) {
      const client = await t.login(who);
      const county = (await client.get(`/api/dashboards/counties/${s.guanxian}?asOf=2018-04-04`)).json();
      expect(county.month, who).toEqual((await client.get(`/api/compliance/summary?${month}&countyId=${s.guanxian}`)).json());
      expect(county.day, who).toEqual((await client.get(`/api/compliance/summary?from=2018-04-04&to=2018-04-04&countyId=${s.guanxian}`)).json());
      expect(county.kpis.laggingSchools, who).toBe((await client.get(`/api/compliance/schools?${month}&countyId=${s.guanxian}&met=false&page=1&pageSize=5`)).json().total);
      const city = (await client.get('/api/dashboards/city?asOf=2018-04-04')).json();
      expect(city.month, who).toEqual((await client.get(`/api/compliance/summary?${month}`)).json());
      expect(city.day, who).toEqual((await client.get('/api/compliance/summary?from=2018-04-04&to=2018-04-04')).json());
      expect(city.kpis.laggingSchools, who).toBe((await client.get(`/api/compliance/schools?${month}&met=false&page=1&pageSize=5`)).json().total);
      // The county's trend is the city's trend where the city is that county alone (county staff).
      if (who === 'guanxian.research') expect(county.trend).toEqual(city.trend);
      expect(county.heatmap.rows.map((r: { code: string }) => r.code)).toEqual([s.gx2.code].filter(() => who !== 'gxsy.principal'));
    }
  });
});
