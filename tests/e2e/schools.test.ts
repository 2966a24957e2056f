import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseOption, launchBrowser, login, newPage, PHONE, shot } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens an antd Select by its test id and picks the option with exactly this label. */
function choose(page: Page, testId: string, label: string): Promise<void> {
  return chooseOption(page, page.locator(`[data-testid=${testId}]`), label);
}

describe('school list', () => {
  it('filters by county and kind, and keeps the filter in the URL', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'city.admin', '/schools');
    await page.locator('.ant-table-row').first().waitFor();

    await choose(page, 'filter-county', '冠县');
    await page.waitForURL(/countyId=\d+/);
    const filtered = page.waitForResponse((response) => response.url().includes('/api/schools?') && response.url().includes('kind=primary'));
    await choose(page, 'filter-kind', '小学');
    const response = await filtered;
    const { total } = (await response.json()) as { total: number };
    await page.waitForURL(/kind=primary/);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('primary');
    expect(new URL(page.url()).searchParams.get('countyId')).toMatch(/^\d+$/);

    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const rows = await page.locator('.ant-table-tbody .ant-table-row').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
    );
    expect(rows.length).toBe(Math.min(total, 20));
    for (const cells of rows) {
      expect(cells[2]).toBe('小学');
      expect(cells[3]).toBe('冠县');
    }
    await shot(page, 'schools-desktop');

    // The URL alone restores the same list (a bookmark, a link sent to a colleague).
    await page.reload();
    await page.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => page.locator('[data-testid=filter-county]').innerText()).toContain('冠县');
    await expect.poll(() => page.locator('[data-testid=filter-kind]').innerText()).toContain('小学');

    await page.locator('.ant-table-row').first().click();
    await page.waitForURL(/\/schools\/\d+$/);
    await expect.poll(() => page.locator('body').innerText()).toContain('年级与班级');
    await shot(page, 'school-detail-desktop');
    await page.context().close();
  });

  it('is usable on a phone', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'city.admin', '/schools?kind=primary');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'schools-phone');
    await page.context().close();
  });
});
