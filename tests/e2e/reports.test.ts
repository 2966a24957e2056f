import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { menuTexts, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
const { baseUrl } = session;

const status = (page: Page) => page.locator('.ant-card [data-status]').first().getAttribute('data-status');

/** Opens a workflow dialog by its button, writes the comment (if any) and confirms. */
async function act(page: Page, button: string, comment?: string) {
  await page.locator(`[data-testid=${button}]`).click();
  if (comment) await page.locator('.ant-modal [data-testid=comment-input]').fill(comment);
  await page.locator('.ant-modal .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
}

describe('reports up the hierarchy (上报)', () => {
  it('a county 电教馆 submits; the city returns it with a comment; it is revised, resubmitted and approved', async () => {
    const county = await session.loginAs('guanxian.edtech');
    expect(await menuTexts(county)).toContain('上报');
    await county.goto(`${baseUrl}/reports`);
    // The demo's March report of this 电教馆 is back from the city.
    const march = county.locator('.ant-table-row').filter({ hasText: '2018年3月' }).filter({ hasText: '电教馆' });
    await expect.poll(() => march.innerText()).toContain('已退回');
    await shot(county, 'reports-list');

    await county.locator('[data-testid=create-report]').click();
    await county.locator('.ant-modal .ant-btn-primary').click();
    await county.waitForURL(/\/reports\/\d+$/);
    const url = county.url();
    // Pre-filled from the data, read-only.
    await county.locator('[data-testid=figures-county] [data-testid=figure-rate]').waitFor();
    expect(await status(county)).toBe('draft');
    await county.locator('[data-testid=narrative-progress]').fill('全县中小学录播室均已投入使用，电教馆逐校明确专人负责。');
    await county.locator('[data-testid=narrative-problems]').fill('个别学校录播节次不足。');
    await county.locator('[data-testid=narrative-nextSteps]').fill('督促录播不足的学校按课表录播。');
    await act(county, 'submit-report');
    await expect.poll(() => status(county)).toBe('submitted');
    await expect(county.locator('[data-testid=submit-report]').count()).resolves.toBe(0);

    const city = await session.loginAs('city.admin');
    await city.goto(url);
    await city.locator('[data-testid=return-report]').waitFor();
    const comment = '请补充录播不足学校的名单、整改措施和完成时限';
    await act(city, 'return-report', comment);
    await expect.poll(() => status(city)).toBe('returned');

    await county.reload();
    await expect.poll(() => county.locator('[data-testid=returned-alert]').innerText()).toContain(comment);
    await county.locator('[data-testid=narrative-nextSteps]').fill('冠县第二实验小学等3所学校4月10日前提交整改计划，电教馆每周抽查。');
    await act(county, 'submit-report', '已补充整改计划');
    await expect.poll(() => status(county)).toBe('submitted');

    await city.reload();
    await act(city, 'approve-report', '同意');
    await expect.poll(() => status(city)).toBe('approved');
    const history = city.locator('[data-testid=history-item]');
    await expect.poll(() => history.evaluateAll((items) => items.map((i) => i.getAttribute('data-action')))).toEqual(['create', 'submit', 'return', 'submit', 'approve']);
    await expect.poll(() => city.locator('[data-testid=report-history]').innerText()).toContain(comment);
    await shot(city, 'report-approved');

    // Approved: the county reads it, and can no longer change or submit it.
    await county.reload();
    await expect.poll(() => status(county)).toBe('approved');
    expect(await county.locator('textarea').count()).toBe(0);
    expect(await county.locator('[data-testid=submit-report]').count()).toBe(0);
    await county.context().close();
    await city.context().close();
    // Two people and seven steps through the UI: more than one default test's time on a busy machine.
  }, 180_000);

  it('downloads the official compliance table', async () => {
    const city = await session.loginAs('city.admin');
    await city.goto(`${baseUrl}/reports`);
    await city.locator('[data-testid=export-compliance]').click();
    const download = city.waitForEvent('download');
    await city.locator('.ant-modal .ant-btn-primary').click();
    expect((await download).suggestedFilename()).toMatch(/^聊城市中小学录播课达标情况统计表_.*\.xlsx$/);
    await city.context().close();
  });
});
