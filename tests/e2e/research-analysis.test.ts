import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
// A busy machine renders slower than expect.poll's default second.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const { baseUrl } = session;

/** An API answer as another person sees it (their own session), for figures other tests may have moved. */
async function apiJson<T>(_: Page, path: string, username: string): Promise<T> {
  const other = await session.loginAs(username);
  const answer = (await (await other.request.get(`${baseUrl}${path}`)).json()) as T;
  await other.context().close();
  return answer;
}

/** The rows of the first sheet of a downloaded export, by header. */
async function exported(page: Page, button: string): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), 'research-analysis-'));
  try {
    const download = page.waitForEvent('download');
    await page.locator(`[data-testid=${button}]`).click();
    const file = join(dir, 'export.xlsx');
    await (await download).saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]])));
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The demo seeds this term's research (seed/demo-research-analysis.ts): four activities in 冠县
// and 莘县, most other schools in nothing.
describe('教研分析: per county, school and teacher this term, and the schools that never took part', () => {
  it('shows a county its schools, the schools that took part in nothing with who answers for them, a school\'s teachers, and exports what it shows', async () => {
    const page = await session.loginAs('guanxian.research');
    await page.goto(`${baseUrl}/research/analysis`);
    const rows = page.locator('[data-testid=analysis-schools] tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(1);
    await poll(() => page.locator('[data-testid=analysis-term]').innerText()).toContain('本学期');
    await poll(async () => Number(await page.locator('[data-testid=analysis-school-bars]').getAttribute('data-points'))).toBeGreaterThan(0);
    const table = await page.locator('[data-testid=analysis-schools]').innerText();
    expect(table).toContain('冠县实验小学');
    expect(table).not.toContain('莘县实验小学');
    // A school's activities open the activities page filtered to it.
    const gxsyRow = rows.filter({ hasText: '冠县实验小学' });
    expect(await gxsyRow.locator('a[href^="/research?schoolId="]').first().getAttribute('href')).toMatch(/^\/research\?schoolId=\d+$/);

    // The schools that took part in nothing, in red, each with its principal and 冠县教科所's staff.
    const absent = page.locator('[data-testid=analysis-absent]');
    await poll(() => absent.locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    const absentText = await absent.innerText();
    expect(absentText).toContain('邢文军');
    expect(absentText).not.toContain('冠县实验小学');
    await shot(page, 'research-analysis-county');

    // A school's teachers: 李晓燕 took part in the city's 同课异构 and the school's 公开课.
    await gxsyRow.locator('[data-testid^=pick-school-]').click();
    await page.waitForURL(/schoolId=\d+/);
    const teachers = page.locator('[data-testid=analysis-teachers] tr.ant-table-row');
    await poll(() => teachers.filter({ hasText: '李晓燕' }).count()).toBe(1);
    await poll(() => page.locator('[data-testid=analysis-teachers-card] .ant-card-head-title').innerText()).toBe('冠县实验小学 · 教师教研情况');

    // The exports hold the rows as shown.
    // Every school of the county, not just the table's first page ("共 85 所" on the figure).
    const total = Number((await page.locator('[data-testid=kpi-schools]').innerText()).match(/共 (\d+) 所/)?.[1]);
    expect(total).toBeGreaterThan(await rows.count());
    const schools = await exported(page, 'export-analysis');
    expect(schools).toHaveLength(total);
    expect(schools.find((r) => r['学校'] === '冠县实验小学')).toMatchObject({ 本期参与: '是' });
    const absentRows = await exported(page, 'export-absent');
    const [missing, all] = (absentText.match(/(\d+) \/ (\d+) 所学校/) ?? []).slice(1).map(Number);
    expect(all).toBe(total);
    expect(absentRows).toHaveLength(missing!);
    expect(schools.filter((r) => r['本期参与'] === '否')).toHaveLength(missing!);
    const teacherRows = await exported(page, 'export-teachers');
    // The same count the API gives her now (other browser tests may have added activities with her).
    const mine = await apiJson<{ row: { activities: { total: number } } }>(page, '/api/research/analysis/me', 'gxsy.teacher');
    expect(mine.row.activities.total).toBeGreaterThanOrEqual(2);
    expect(teacherRows.find((r) => r['姓名'] === '李晓燕')).toMatchObject({ 参与活动: mine.row.activities.total });
    await page.context().close();
  });

  it('opens the city on its counties; a county opens its schools', async () => {
    const page = await session.loginAs('city.admin');
    await page.goto(`${baseUrl}/research/analysis`);
    const counties = page.locator('[data-testid=analysis-counties] tr.ant-table-row');
    await poll(() => counties.count()).toBe(8);
    await poll(async () => Number(await page.locator('[data-testid=analysis-county-bars]').getAttribute('data-points'))).toBeGreaterThan(0);
    await counties.filter({ hasText: '莘县' }).locator('[data-testid^=pick-county-]').click();
    await page.waitForURL(/level=school&countyId=\d+|countyId=\d+.*level=school/);
    await poll(() => page.locator('[data-testid=analysis-schools]').innerText()).toContain('莘县实验小学');
    await shot(page, 'research-analysis-city');
    await page.context().close();
  });

  it('shows a teacher their own figures, on the page and on their home', async () => {
    const page = await session.loginAs('gxsy.teacher');
    await page.locator('[data-testid=home-research]').waitFor();
    await poll(() => page.locator('[data-testid=home-research]').innerText()).toContain('我参与的活动');
    await page.locator('[data-testid=home-research] a[href="/research/analysis"]').click();
    await page.waitForURL(/\/research\/analysis$/);
    const mine = await (await page.request.get(`${baseUrl}/api/research/analysis/me`)).json() as { row: { activities: { total: number } } };
    expect(mine.row.activities.total).toBeGreaterThanOrEqual(2);
    await poll(() => page.locator('[data-testid=kpi-activities] .ant-statistic-content').innerText()).toBe(String(mine.row.activities.total));
    expect(await page.locator('body').innerText()).toContain('我的教研');
    await shot(page, 'research-analysis-teacher');
    await page.context().close();
  });
});
