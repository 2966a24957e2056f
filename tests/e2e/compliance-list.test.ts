import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
// A busy machine renders slower than expect.poll's default second.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const { baseUrl } = session;

const rateOf = (text: string) => (text.trim() === '—' ? null : Number(text.replace('%', '')));

// The demo's April 2018 so far: 2018-04-01 to 2018-04-04 (explicit, so no "today" is involved).
describe('学校录播达标情况: worst first, 未考核 on request, exported as shown', () => {
  it('lists the lagging schools first, hides untracked ones until asked, and exports the same rows in the same order', async () => {
    const page = await session.loginAs('city.admin');
    await page.goto(`${baseUrl}/dashboard/compliance?from=2018-04-01&to=2018-04-04`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(1);
    await poll(() => page.locator('[data-testid=filter-order]').innerText()).toContain('达标率从低到高');

    // Worst first: the rates never fall down the page, and no 未考核 row pads the list.
    const rates = (await rows.locator('td:nth-child(4)').allInnerTexts()).map(rateOf).filter((r): r is number => r !== null);
    expect(rates.length).toBeGreaterThan(1);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(rates[0]).toBeLessThan(100);
    expect(await page.locator('.ant-table-tbody').innerText()).not.toContain('未考核');
    // Ranks still count from the best: the worst school heads the page without being called 1st.
    const ranks = (await rows.locator('td:nth-child(1)').allInnerTexts()).map(Number);
    expect(ranks[0]).toBeGreaterThan(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const trackedTotal = Number((await page.locator('body').innerText()).match(/共 (\d+) 所学校/)?.[1]);
    expect(trackedTotal).toBeGreaterThan(0);
    const shown = await rows.locator('td:nth-child(2) a').allInnerTexts();
    await shot(page, 'compliance-worst-first');

    // The export holds every row of the list as filtered and ordered, first page first.
    const dir = mkdtempSync(join(tmpdir(), 'compliance-export-'));
    try {
      const download = page.waitForEvent('download');
      await page.locator('[data-testid=export-compliance]').click();
      const file = join(dir, 'export.xlsx');
      await (await download).saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheet = wb.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header.slice(0, 2)).toEqual(['排名', '学校']);
      expect(header).toContain('达标率');
      const names: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) names.push(String(row.getCell(2).value));
      });
      expect(names).toHaveLength(trackedTotal);
      expect(names.slice(0, shown.length)).toEqual(shown);
      expect(names.join('\n')).not.toContain('未考核');
      const exportedRates: (number | null)[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) exportedRates.push(rateOf(String(row.getCell(header.indexOf('达标率') + 1).value)));
      });
      expect(exportedRates.slice(0, rates.length)).toEqual(rates);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Asked for, the untracked schools join the list (after the ranked ones).
    await page.getByRole('switch', { name: '显示未考核学校' }).click();
    await page.waitForURL(/untracked=true/);
    await poll(async () => Number((await page.locator('body').innerText()).match(/共 (\d+) 所学校/)?.[1])).toBeGreaterThan(trackedTotal);
    await page.context().close();
  });
});
