import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { demoSchools } from '../compliance/compliance.test-kit.js';
import { writeScores } from '../patrol/patrol.form.js';
import { userIdOf } from '../research/research.test-kit.js';

interface PatrolFigures { patrols: number; lessons: number; schools: number; patrollers: number; meanScore: number | null }

/** Class patrol feeds the county report: its figures for the period, and a sheet of the official table. */
describe('reports: the period\'s class patrols (巡课)', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T20:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    const principal = await userIdOf(t.db.db, 'gxsy.principal');
    const inspector = await userIdOf(t.db.db, 'guanxian.inspector');
    const sxsyPrincipal = await userIdOf(t.db.db, 'sxsy.principal');
    // March: two lessons of 冠县实验小学 (one patrolled twice), one of 冠县第二实验小学, one of 莘县实验小学; one in April.
    const patrols: [typeof s.gxsy, string, string, number, number][] = [
      [s.gxsy, 'g1', '2018-03-20', principal, 5],
      [s.gxsy, 'g1', '2018-03-20', inspector, 4],
      [s.gxsy, 'g2', '2018-03-21', principal, 4],
      [s.gx2, 'g3', '2018-03-22', inspector, 3],
      [s.sxsy, 'g4', '2018-03-22', sxsyPrincipal, 5],
      [s.gxsy, 'g5', '2018-04-02', principal, 1],
    ];
    for (const [school, group, day, patroller, score] of patrols) {
      const place = await t.db.db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', school.id).executeTakeFirstOrThrow();
      await t.db.db.insertInto('patrols').values({
        school_id: school.id, county_id: place.county_id, city_id: place.city_id, recording_id: 1, group_id: group, teacher_user_id: null,
        teacher_name: '', subject: '数学', grade: '三年级', patrol_day: day, patroller_user_id: patroller,
        scores: writeScores({ order: score, organisation: score, engagement: score, technology: score }), total: score, note: '',
        created_at: new Date().toISOString(), updated_at: null,
      }).execute();
    }
  });
  afterAll(async () => t.close());

  it('pre-fills a county report with the county\'s patrols of the period, every school of the county whichever department reports', async () => {
    const edtech = await t.login('guanxian.edtech');
    const res = await edtech.request('POST', '/api/reports', { day: '2018-03-15' });
    expect(res.statusCode, res.body).toBe(201);
    const patrol = res.json().figures.patrol as PatrolFigures;
    expect(patrol).toEqual({ patrols: 4, lessons: 3, schools: 2, patrollers: 2, meanScore: 4 });
    // 莘县's report counts 莘县's patrol only.
    const shenxian = await t.login('shenxian.research');
    const other = (await shenxian.request('POST', '/api/reports', { day: '2018-03-15' })).json();
    expect(other.figures.patrol).toEqual({ patrols: 1, lessons: 1, schools: 1, patrollers: 1, meanScore: 5 });
  });

  it('adds a 巡课情况 sheet to the official table whose figures equal the reports\'', async () => {
    const city = await t.login('city.admin');
    const res = await city.get('/api/reports/exports/compliance.xlsx?from=2018-03-01&to=2018-03-31');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('巡课情况')!;
    expect(ws.getCell('A1').value).toBe('聊城市巡课情况统计表');
    const row = (county: string) => {
      let found: unknown[] | undefined;
      ws.eachRow((r) => { if (!found && r.getCell(2).value === county) found = (r.values as unknown[]).slice(3, 7); });
      return found;
    };
    expect(row('冠县')).toEqual([4, 3, 2, 4]);
    expect(row('莘县')).toEqual([1, 1, 1, 5]);
    let total: unknown[] | undefined;
    ws.eachRow((r) => { if (r.getCell(1).value === '全市合计') total = (r.values as unknown[]).slice(3, 7); });
    expect(total).toEqual([5, 4, 3, 4.2]);
  });
});
