import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { demoSchools, recordDemoWeek } from './compliance.test-kit.js';
import { createComplianceService } from './compliance.service.js';

const RANGE = 'from=2018-04-02&to=2018-04-04';

interface SchoolJson { id: number; code: string; name: string; rate: number | null; missedDays: number; tracked: boolean; rank: number | null }

async function sheetRows(payload: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('compliance school list: worst first, 未考核 on request, and its Excel export as shown', () => {
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

  it('lists the worst school first and leaves out untracked schools when asked', async () => {
    const city = await t.login('city.admin');
    const res = await city.get(`/api/compliance/schools?${RANGE}&order=worst&untracked=false&pageSize=100`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: SchoolJson[]; total: number };
    expect(body.items.map((x) => x.code)).toEqual([s.sxsy.code, s.gx2.code, s.gxsy.code]);
    expect(body.total).toBe(3);
    expect(body.items.every((x) => x.tracked)).toBe(true);
    // Ranks count from the best whichever way the list runs: the worst school heads the page as 3rd.
    expect(body.items.map((x) => x.rank)).toEqual([3, 2, 1]);
    const best = (await city.get(`/api/compliance/schools?${RANGE}&order=best&untracked=false&pageSize=2&page=2`)).json() as { items: SchoolJson[] };
    expect(best.items.map((x) => [x.code, x.rank])).toEqual([[s.sxsy.code, 3]]);
    // Without the flag the untracked schools still follow, last.
    const all = (await city.get(`/api/compliance/schools?${RANGE}&order=worst&pageSize=100`)).json() as { items: SchoolJson[]; total: number };
    expect(all.total).toBeGreaterThan(3);
    expect(all.items.slice(0, 3).map((x) => x.code)).toEqual([s.sxsy.code, s.gx2.code, s.gxsy.code]);
    expect(all.items.slice(3).every((x) => !x.tracked)).toBe(true);
  });

  it('exports exactly the rows, order and columns of the list for the same filter', async () => {
    const city = await t.login('city.admin');
    const query = `${RANGE}&order=worst&untracked=false`;
    const list = (await city.get(`/api/compliance/schools?${query}&pageSize=100`)).json() as { items: SchoolJson[] };
    const res = await city.get(`/api/compliance/schools/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['排名', '学校', '学校标识码', '办学类型', '县区', '达标率', '上学日', '达标', '未达标', '连续达标 / 最长', '责任部门', '责任人']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(list.items.map((x) => x.code));
    expect(rows[1]).toEqual(expect.arrayContaining(['3', s.sxsy.code, '0.0%']));
    expect(rows[2]!.slice(5, 9)).toEqual(['66.7%', '3', '2', '1']);

    const audited = await t.db.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'compliance.export').execute();
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.detail)).toMatchObject({ rows: 3 });
  });

  it('keeps a county\'s staff to their county and refuses a bad range before any byte is sent', async () => {
    const research = await t.login('guanxian.research');
    const rows = await sheetRows((await research.get(`/api/compliance/schools/export.xlsx?${RANGE}&untracked=false`)).rawPayload);
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual([s.gxsy.code, s.gx2.code].sort());
    const foreign = await research.get(`/api/compliance/schools/export.xlsx?${RANGE}&countyId=${s.shenxian}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/json');
    const backwards = await research.get('/api/compliance/schools/export.xlsx?from=2018-04-04&to=2018-04-02');
    expect(backwards.statusCode).toBe(400);
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.get(`/api/compliance/schools/export.xlsx?${RANGE}`)).statusCode).toBe(403);
  });
});
