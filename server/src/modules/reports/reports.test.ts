import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { seedDemoRollout } from '../../seed/rollout.demo-seed.js';

const MARCH = 'from=2018-03-01&to=2018-03-31';

interface Figures { schools: number; schoolDays: number; metDays: number; missedDays: number; pendingDays: number; rate: number | null }
interface SummaryRow extends Figures { id: number; name: string; departments: ({ department: string } & Figures)[] }
interface Summary { rows: SummaryRow[]; total: Figures }
interface Report {
  id: number; status: string; department: string; periodStart: string; periodEnd: string; periodLabel: string; returnComment: string | null;
  figures: {
    compliance: { county: Figures; department: Figures & { department: string }; lagging: { code: string; missedDays: number }[]; laggingTotal: number };
    rollout: { group: string }[] | null;
  };
  history: { action: string; fromStatus: string | null; toStatus: string; actorName: string; comment: string }[];
  can: { edit: boolean; submit: boolean; review: boolean };
}

type Client = Awaited<ReturnType<TestApp['login']>>;

async function readWorkbook(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** The header texts of a sheet's header rows mapped to column numbers, the leftmost (全部学校) where a text repeats. */
function columnsOf(ws: ExcelJS.Worksheet, headerRows: number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of headerRows) ws.getRow(r).eachCell((cell, col) => { if (typeof cell.value === 'string' && !out.has(cell.value)) out.set(cell.value, col); });
  return out;
}

function rowWhere(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => { if (!found && row.getCell(col).value === text) found = row; });
  return found;
}

describe('reports up the hierarchy (上报)', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;
  let edtech: Client;
  let city: Client;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T20:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    await seedDemoRollout(t.db.db, s.cityId);
    // The last week of March: 冠县实验小学 meets every day, 冠县第二实验小学 misses Tuesday, 莘县实验小学 records nothing.
    for (const day of ['2018-03-26', '2018-03-27', '2018-03-28', '2018-03-29', '2018-03-30']) {
      for (const g of ['a', 'b']) await addRecording(t.db.db, { schoolId: s.gxsy.id, day, group: `gxsy-${day}-${g}`, counts: 1 });
      if (day !== '2018-03-27') for (const g of ['a', 'b']) await addRecording(t.db.db, { schoolId: s.gx2.id, day, group: `gx2-${day}-${g}`, counts: 1 });
    }
    const compliance = createComplianceService({ db: t.db, clock: t.clock });
    await compliance.trackSchools([s.gxsy, s.gx2, s.sxsy].map((x) => ({ schoolId: x.id, since: '2018-03-26' })));
    edtech = await t.login('guanxian.edtech');
    city = await t.login('city.admin');
  });
  afterAll(async () => t.close());

  async function summary(): Promise<Summary> {
    const res = await city.get(`/api/compliance/summary?${MARCH}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Summary;
  }

  it('takes a county department through pre-fill, submit, return with a comment, resubmit and approval, keeping every step', async () => {
    const created = await edtech.request('POST', '/api/reports', { day: '2018-03-15' });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as Report;
    expect(draft).toMatchObject({ status: 'draft', department: 'edtech', periodStart: '2018-03-01', periodEnd: '2018-03-31', periodLabel: '2018年3月' });

    // Pre-filled with what the compliance summary (the dashboard's figures) says for 冠县 and its 电教馆's schools.
    const guanxian = (await summary()).rows.find((r) => r.id === s.guanxian)!;
    const pick = ({ schools, schoolDays, metDays, missedDays, pendingDays, rate }: Figures) => ({ schools, schoolDays, metDays, missedDays, pendingDays, rate });
    expect(draft.figures.compliance.county).toEqual(pick(guanxian));
    expect(draft.figures.compliance.department).toEqual({ department: 'edtech', ...pick(guanxian.departments.find((d) => d.department === 'edtech')!) });
    expect(draft.figures.compliance.county).toMatchObject({ schools: 2, schoolDays: 10, metDays: 9, missedDays: 1 });
    expect(draft.figures.compliance.lagging.map((l) => l.code)).toEqual([s.gx2.code]);
    expect(draft.can).toEqual({ edit: true, submit: true, review: false });
    // And with the rollout of the programme in 冠县's primary and junior schools, the 电教馆's part.
    const progress = (await edtech.get('/api/rollout/progress?asOf=2018-03-31')).json() as { rows: { group: string }[] };
    expect(draft.figures.rollout).toEqual(progress.rows.filter((r) => r.group === 'primaryAndJunior'));
    expect(draft.figures.rollout!.length).toBeGreaterThan(0);

    const again = await edtech.request('POST', '/api/reports', { day: '2018-03-31' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'REPORT_EXISTS', details: { id: draft.id } });

    const early = await edtech.request('POST', `/api/reports/${draft.id}/submit`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'REPORT_INCOMPLETE' });

    const filled = await edtech.request('PATCH', `/api/reports/${draft.id}`, {
      progress: '全县中小学录播室均已投入使用。', problems: '冠县第二实验小学3月27日录播不足2节。', nextSteps: '督促该校按时录播。',
    });
    expect(filled.statusCode, filled.body).toBe(200);
    const submitted = await edtech.request('POST', `/api/reports/${draft.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', can: { edit: false, submit: false, review: false } });

    const locked = await edtech.request('PATCH', `/api/reports/${draft.id}`, { problems: '改一下' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'REPORT_UNDER_REVIEW' });

    // A county-level researcher holds report:review but is refused with the reason.
    const countyResearcher = await t.login('guanxian.researcher');
    const refused = await countyResearcher.request('POST', `/api/reports/${draft.id}/approve`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'REPORT_REVIEW_CITY_ONLY' });
    expect((refused.json() as { message: string }).message).toContain('县级教研员');

    expect((await city.get(`/api/reports/${draft.id}`)).json()).toMatchObject({ can: { review: true } });
    const blank = await city.request('POST', `/api/reports/${draft.id}/return`, { comment: '   ' });
    expect(blank.json()).toMatchObject({ code: 'TEXT_BLANK', details: { field: '/comment' } });
    const comment = '请补充滞后学校的整改计划和完成时限';
    const returned = await city.request('POST', `/api/reports/${draft.id}/return`, { comment });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnComment: comment });
    const listed = (await edtech.get('/api/reports')).json() as { items: Report[] };
    expect(listed.items.find((r) => r.id === draft.id)).toMatchObject({ status: 'returned', returnComment: comment });

    const edited = await edtech.request('PATCH', `/api/reports/${draft.id}`, { nextSteps: '冠县第二实验小学4月10日前提交整改计划，县电教馆每周抽查。' });
    expect(edited.statusCode).toBe(200);
    const resubmitted = await edtech.request('POST', `/api/reports/${draft.id}/submit`, { comment: '已补充整改计划' });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted' });

    const cityResearch = await t.login('city.research');
    const approved = await cityResearch.request('POST', `/api/reports/${draft.id}/approve`, { comment: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    const final = approved.json() as Report;
    expect(final.status).toBe('approved');
    expect(final.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['create', null, 'draft'], ['submit', 'draft', 'submitted'], ['return', 'submitted', 'returned'],
      ['submit', 'returned', 'submitted'], ['approve', 'submitted', 'approved'],
    ]);
    expect(final.history.map((h) => h.actorName)).toEqual(['谢红梅', '谢红梅', '孙立新', '谢红梅', '高文静']);
    expect(final.history[2]!.comment).toBe(comment);
    expect(final.history[3]!.comment).toBe('已补充整改计划');

    // Approved reports are read-only.
    expect((await edtech.request('PATCH', `/api/reports/${draft.id}`, { problems: 'x' })).json()).toMatchObject({ code: 'REPORT_APPROVED' });
    expect((await edtech.request('POST', `/api/reports/${draft.id}/submit`, {})).statusCode).toBe(409);
    expect((await city.request('POST', `/api/reports/${draft.id}/return`, { comment: '再改' })).json()).toMatchObject({ code: 'REPORT_NOT_SUBMITTED' });

    const events = await t.db.db.selectFrom('report_events').select('action').where('report_id', '=', draft.id).execute();
    expect(events).toHaveLength(5);
    const audited = await t.db.db.selectFrom('audit_log').select('action').where('target_type', '=', 'report').where('target_id', '=', String(draft.id)).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['report.create', 'report.submit', 'report.return', 'report.approve']));
    const inbox = await t.db.db.selectFrom('notifications').select(['user_id', 'kind']).where('link', '=', `/reports/${draft.id}`).execute();
    expect(inbox.filter((n) => n.user_id === edtech.me.id).map((n) => n.kind).sort()).toEqual(['report_approved', 'report_returned']);
    expect(inbox.filter((n) => n.user_id === city.me.id).map((n) => n.kind)).toEqual(['report_submitted', 'report_submitted']);
  });

  it('keeps a county to its own reports, a department to its own, and review to the city', async () => {
    const mine = (await edtech.request('POST', '/api/reports', { day: '2018-02-10' })).json() as Report;
    const shenxian = await t.login('shenxian.edtech');
    expect((await shenxian.get(`/api/reports/${mine.id}`)).statusCode).toBe(404);
    expect((await shenxian.request('PATCH', `/api/reports/${mine.id}`, { problems: '无' })).statusCode).toBe(404);
    expect((await shenxian.request('POST', `/api/reports/${mine.id}/submit`, {})).statusCode).toBe(404);
    expect(((await shenxian.get('/api/reports')).json() as { items: Report[] }).items).toEqual([]);
    const foreignCounty = await (await t.login('shenxian.admin')).request('POST', '/api/reports', { day: '2018-02-10', countyId: s.guanxian, department: 'edtech' });
    expect(foreignCounty.statusCode).toBe(404);

    // The same county's 教科所 reads the 电教馆's report but may not write it.
    const research = await t.login('guanxian.research');
    expect((await research.get(`/api/reports/${mine.id}`)).statusCode).toBe(200);
    const other = await research.request('PATCH', `/api/reports/${mine.id}`, { problems: '无' });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'REPORT_OTHER_DEPARTMENT' });
    expect((await research.request('POST', '/api/reports', { day: '2018-02-10', department: 'edtech' })).json()).toMatchObject({ code: 'REPORT_OTHER_DEPARTMENT' });

    // A county admin reports for any of the county's departments, and must say which.
    const admin = await t.login('guanxian.admin');
    expect((await admin.request('POST', '/api/reports', { day: '2018-02-10' })).json()).toMatchObject({ code: 'REPORT_DEPARTMENT_REQUIRED' });
    expect((await admin.request('POST', '/api/reports', { day: '2018-02-10', department: 'preschool' })).statusCode).toBe(201);
    expect((await admin.request('POST', '/api/reports', { day: '2018-05-02', department: 'preschool' })).json()).toMatchObject({ code: 'REPORT_PERIOD_NOT_STARTED' });

    expect((await (await t.login('gxsy.principal')).get('/api/reports')).statusCode).toBe(403);
    expect((await (await t.login('guanxian.researcher')).request('PUT', '/api/reports/settings', { period: 'weekly' })).statusCode).toBe(403);
  });

  it('reports weekly once the city bureau chooses so', async () => {
    const set = await city.request('PUT', '/api/reports/settings', { period: 'weekly' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ period: 'weekly', current: { start: '2018-04-02', end: '2018-04-08' } });
    expect((await edtech.get('/api/reports/settings?asOf=2018-03-28')).json()).toMatchObject({ current: { start: '2018-03-26', label: '2018年第13周（3月26日—4月1日）' } });
    const week = (await edtech.request('POST', '/api/reports', { day: '2018-03-28' })).json() as Report;
    expect(week).toMatchObject({ periodStart: '2018-03-26', periodEnd: '2018-04-01', periodLabel: '2018年第13周（3月26日—4月1日）' });
    expect(week.figures.compliance.department).toMatchObject({ schoolDays: 10, metDays: 9 });
    await city.request('PUT', '/api/reports/settings', { period: 'monthly' });
  });

  it('exports the official compliance table whose county subtotals and city total equal the summary', async () => {
    const res = await city.get(`/api/reports/exports/compliance.xlsx?${MARCH}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await readWorkbook(res);
    const sum = await summary();

    const counties = wb.getWorksheet('分县汇总')!;
    expect(counties.getCell('A1').value).toBe('聊城市中小学录播课达标情况统计表');
    expect(counties.getCell('A1').isMerged).toBe(true);
    expect(String(counties.getCell('A2').value)).toContain('2018年3月1日—2018年3月31日');
    expect(counties.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 2 });
    expect(counties.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    expect(counties.getCell('C3').value).toBe('全部学校');
    expect(counties.getCell('C3').isMerged).toBe(true);
    const cols = columnsOf(counties, [4]);
    const figuresIn = (row: ExcelJS.Row) => ({
      schoolDays: row.getCell(cols.get('应录播校日')!).value, metDays: row.getCell(cols.get('达标校日')!).value,
      missedDays: row.getCell(cols.get('未达标校日')!).value, rate: row.getCell(cols.get('达标率')!).value,
    });
    const expected = (f: Figures) => ({ schoolDays: f.schoolDays, metDays: f.metDays, missedDays: f.missedDays, rate: f.rate ?? '—' });
    for (const c of sum.rows) expect(figuresIn(rowWhere(counties, 2, c.name)!), c.name).toEqual(expected(c));
    expect(figuresIn(rowWhere(counties, 1, '全市合计')!)).toEqual(expected(sum.total));
    expect(counties.getCell(rowWhere(counties, 2, '冠县')!.number, cols.get('达标率')!).numFmt).toBe('0.0%');
    // Each department's city total adds up its counties.
    const edtechCol = columnsOf(counties, [3]).get('中小学（电教馆）')!;
    const edtechParts = sum.rows.map((c) => c.departments.find((d) => d.department === 'edtech')!);
    const total = rowWhere(counties, 1, '全市合计')!;
    expect(total.getCell(edtechCol).value).toBe(edtechParts.reduce((n, d) => n + d.schools, 0));
    expect(total.getCell(edtechCol + 1).value).toBe(edtechParts.reduce((n, d) => n + d.missedDays, 0));

    const schools = wb.getWorksheet('分校明细')!;
    const scols = columnsOf(schools, [4]);
    const schoolFigures = (row: ExcelJS.Row) => ({
      schoolDays: row.getCell(scols.get('应录播校日')!).value, metDays: row.getCell(scols.get('达标校日')!).value,
      missedDays: row.getCell(scols.get('未达标校日')!).value, rate: row.getCell(scols.get('达标率')!).value,
    });
    for (const c of sum.rows) expect(schoolFigures(rowWhere(schools, 1, `${c.name}小计（${c.schools}所）`)!), c.name).toEqual(expected(c));
    expect(schoolFigures(rowWhere(schools, 1, `全市合计（${sum.total.schools}所）`)!)).toEqual(expected(sum.total));
    expect(schoolFigures(rowWhere(schools, 4, s.gx2.code)!)).toEqual({ schoolDays: 5, metDays: 4, missedDays: 1, rate: 0.8 });

    // A county gets its own county and its subtotal, nothing of the others and no city total.
    const own = await readWorkbook(await (await t.login('guanxian.admin')).get(`/api/reports/exports/compliance.xlsx?${MARCH}`));
    const ownSchools = own.getWorksheet('分校明细')!;
    expect(own.getWorksheet('分县汇总')!.getCell('A1').value).toBe('冠县中小学录播课达标情况统计表');
    expect(rowWhere(ownSchools, 1, '冠县小计（2所）')).toBeDefined();
    expect(rowWhere(ownSchools, 2, '莘县')).toBeUndefined();
    expect(rowWhere(ownSchools, 4, s.sxsy.code)).toBeUndefined();
    expect(rowWhere(ownSchools, 1, `全市合计（${sum.total.schools}所）`)).toBeUndefined();
  });

  it('exports the official rollout table with one row per county and the city total', async () => {
    const res = await city.get('/api/reports/exports/rollout.xlsx?asOf=2018-04-04');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const ws = (await readWorkbook(res)).getWorksheet('实施进度')!;
    expect(ws.getCell('A1').value).toBe('聊城市阳光放心校园项目实施进度统计表');
    const progress = (await city.get('/api/rollout/progress?asOf=2018-04-04')).json() as { rows: { countyName: string; target: number; activated: number }[] };
    expect(progress.rows.length).toBeGreaterThan(0);
    const total = rowWhere(ws, 1, '全市合计')!;
    expect(total).toBeDefined();
    // The 目标数 columns of the total row add up to every county's targets.
    const headerRow = ws.views[0] && 'ySplit' in ws.views[0] ? Number(ws.views[0].ySplit) : 5;
    let targets = 0;
    ws.getRow(headerRow).eachCell((cell, col) => { if (cell.value === '目标数') targets += Number(total.getCell(col).value); });
    expect(targets).toBe(progress.rows.reduce((n, r) => n + r.target, 0));
    for (const name of new Set(progress.rows.map((r) => r.countyName))) expect(rowWhere(ws, 2, name), name).toBeDefined();
  });
});
