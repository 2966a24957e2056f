import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { upload, xlsxFile } from '../imports/import-test-kit.js';
import { seedDemoCalendar } from './calendar.demo-seed.js';

const HEADERS = ['学期名称', '学段', '县(市、区)', '开学日期', '结束日期'];

describe('importing a term calendar from Excel: every row checked, then all or nothing', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;
  let guanxian: string;
  let shenxian: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-12T18:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    for (const g of ['a', 'b']) await addRecording(t.db.db, { schoolId: s.gxsy.id, day: '2018-04-10', group: `gxsy-${g}`, counts: 1 });
    await createComplianceService({ db: t.db, clock: t.clock }).trackSchools([{ schoolId: s.gxsy.id, since: '2018-04-02' }]);
    const name = async (id: number) => (await t.db.db.selectFrom('regions').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
    guanxian = await name(s.guanxian);
    shenxian = await name(s.shenxian);
  });
  afterAll(async () => t.close());

  const termNames = async () => (await t.db.db.selectFrom('school_terms').select(['name', 'county_id', 'stage', 'starts_on', 'ends_on']).orderBy('id').execute());

  it('offers a template whose first sheet holds the header row and a 说明 sheet', async () => {
    const city = await t.login('city.admin');
    const res = await city.get('/api/calendar/terms/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学期', '说明']);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
  });

  it('refuses a file with errors whole, naming each row and column in Chinese', async () => {
    const city = await t.login('city.admin');
    const before = await termNames();
    const file = await xlsxFile(HEADERS, [
      ['2018—2019学年第一学期', '全部', null, '2018-09-01', '2019-01-20'],
      ['2019—2020学年第一学期', null, null, '2019-09-01', '2019-08-01'],
      ['2019—2020学年第一学期', '小学', '不存在县', '2019-09-01', '2020-01-17'],
      ['2019—2020学年第二学期', '大学', null, '2020-02-17', '2020-07-10'],
      ['2020—2021学年第一学期', null, null, '2020-02-30', '2021-01-20'],
      ['2018—2019学年第一学期', '全部', null, '2018-09-03', '2019-01-20'],
      [null, null, null, '2020-09-01', '2021-01-20'],
    ]);
    const res = await upload(t, city, `/api/calendar/terms/import?cityId=${s.cityId}`, '校历.xlsx', file);
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; message: string; details: { errors: { row: number; column: string; message: string }[]; errorCount: number } };
    expect(body.code).toBe('TERM_IMPORT_INVALID');
    expect(body.message).toBe('校历文件有 6 处错误，未导入任何学期');
    expect(body.details.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '结束日期'], [4, '县(市、区)'], [5, '学段'], [6, '开学日期'], [7, '学期名称'], [8, '学期名称'],
    ]);
    expect(body.details.errors[0]!.message).toContain('开学日期 2019-09-01 晚于结束日期 2019-08-01');
    expect(body.details.errors[1]!.message).toContain('不存在县');
    expect(body.details.errors[3]!.message).toContain('真实日期');
    expect(body.details.errors[4]!.message).toContain('第 7 行与第 2 行');
    expect(await termNames()).toEqual(before);
  });

  it('imports every row of a good file, updates a term of the same name, and recomputes the days it moved', async () => {
    const city = await t.login('city.admin');
    const file = await xlsxFile(HEADERS, [
      ['2017—2018学年第二学期', '全部', null, '2018-03-05', '2018-04-09'],
      ['2026—2027学年第一学期', null, null, '2026-09-01', '2027-01-22'],
      ['2026—2027学年第一学期', '幼儿园', null, '2026-09-01', '2027-01-15'],
      ['2026—2027学年第一学期', null, guanxian, '2026/9/7', '2027-01-22'],
    ]);
    const res = await upload(t, city, `/api/calendar/terms/import?cityId=${s.cityId}`, '校历.xlsx', file);
    expect(res.statusCode).toBe(200);
    // 04-10 to 04-12 left the spring term for the one tracked school.
    expect(res.json()).toEqual({ imported: 4, recomputed: 3 });
    const terms = await termNames();
    expect(terms).toContainEqual({ name: '2017—2018学年第二学期', county_id: null, stage: null, starts_on: '2018-03-05', ends_on: '2018-04-09' });
    expect(terms).toContainEqual({ name: '2026—2027学年第一学期', county_id: null, stage: 'kindergarten', starts_on: '2026-09-01', ends_on: '2027-01-15' });
    expect(terms).toContainEqual({ name: '2026—2027学年第一学期', county_id: s.guanxian, stage: null, starts_on: '2026-09-07', ends_on: '2027-01-22' });
    const row = await t.db.db.selectFrom('compliance_days').select(['school_day', 'reason']).where('school_id', '=', s.gxsy.id).where('day', '=', '2018-04-10').executeTakeFirstOrThrow();
    expect(row).toEqual({ school_day: 0, reason: 'term_break' });
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'result']).where('action', '=', 'calendar.term.import').execute();
    expect(audit).toEqual([{ action: 'calendar.term.import', result: 'failure' }, { action: 'calendar.term.import', result: 'success' }]);
  });

  it('lets a county import its own terms only', async () => {
    const county = await t.login('guanxian.admin');
    const other = await xlsxFile(HEADERS, [['2027—2028学年第一学期', null, shenxian, '2027-09-01', '2028-01-20']]);
    const res = await upload(t, county, `/api/calendar/terms/import?countyId=${s.guanxian}`, 't.xlsx', other);
    expect(res.statusCode).toBe(422);
    expect((res.json() as { details: { errors: { row: number; column: string }[] } }).details.errors).toEqual([expect.objectContaining({ row: 2, column: '县(市、区)' })]);
    const own = await xlsxFile(HEADERS, [['2027—2028学年第一学期', null, null, '2027-09-01', '2028-01-20']]);
    expect((await upload(t, county, `/api/calendar/terms/import?countyId=${s.guanxian}`, 't.xlsx', own)).json()).toEqual({ imported: 1, recomputed: 0 });
    expect(await termNames()).toContainEqual(expect.objectContaining({ name: '2027—2028学年第一学期', county_id: s.guanxian }));
    expect((await upload(t, county, `/api/calendar/terms/import?cityId=${s.cityId}`, 't.xlsx', own)).statusCode).toBe(404);
    expect((await upload(t, county, `/api/calendar/terms/import?countyId=${s.shenxian}`, 't.xlsx', own)).statusCode).toBe(404);
  });
});
