import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
// Pages load ECharts in their own chunk; on a busy machine that takes longer than expect.poll's default second.
const SLOW = { timeout: 15_000 };

/**
 * Waits until the chart has drawn data: its SVG is there and its series hold values
 * (`data-points`, set by the chart wrapper after each setOption). Returns the SVG's text.
 */
async function chartWithData(page: Page, name: string): Promise<string> {
  const chart = page.locator(`[data-chart=${name}]`);
  await chart.locator('svg').first().waitFor();
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), SLOW).toBeGreaterThan(0);
  return chart.locator('svg').first().textContent().then((text) => text ?? '');
}

// The demo city's spring term (server/src/seed/demo-history.ts) ends on Wednesday 2018-04-04; the
// dashboard opens on the last school day with figures (the demo's recent weeks), so this test asks
// for 2018-04-04, whose figures it knows.
describe('dashboards (数据看板): the city, a county, the 大屏', () => {
  it('draws the city dashboard with data, drills down to a county, and opens the big screen', async () => {
    const page = await session.loginAs('city.admin');
    await page.locator('[data-testid=side-menu] .ant-menu-item', { hasText: '数据看板' }).click();
    await page.locator('[data-testid=city-dashboard]').waitFor();
    await page.goto(`${session.baseUrl}/dashboard?asOf=2018-04-04`);
    await page.locator('[data-testid=city-dashboard]').waitFor();
    await expect.poll(() => page.locator('[data-testid=city-dashboard] h4').first().innerText(), SLOW).toBe('数据看板');
    await expect.poll(() => page.locator('[data-testid=city-dashboard]').innerText(), SLOW).toContain('数据截至 2018-04-04');

    // Headline figures, each a link to the list behind it.
    for (const kpi of ['day', 'month', 'lagging']) {
      await expect.poll(() => page.locator(`[data-testid=kpi-${kpi}] .ant-statistic-content`).innerText(), SLOW).toMatch(/\d/);
    }
    expect(await page.locator('[data-testid=kpi-lagging]').locator('xpath=ancestor::a').getAttribute('href'))
      .toBe('/dashboard/compliance?from=2018-04-01&to=2018-04-04&met=false');

    // The charts hold the demo's figures: rates per county (all eight counties on the axis), the
    // 30-day trend, rollout against the targets, lessons by subject, the lagging schools' days.
    const rates = await chartWithData(page, 'chart-rates');
    for (const county of ['东昌府区', '临清市', '阳谷县', '莘县', '茌平县', '东阿县', '冠县', '高唐县']) expect(rates).toContain(county);
    expect(rates).toMatch(/\d+(\.\d)?%/);
    expect(await page.locator('[data-chart=chart-trend]').getAttribute('data-points')).toBe('60');
    await chartWithData(page, 'chart-trend');
    await chartWithData(page, 'chart-heatmap');
    await chartWithData(page, 'chart-subjects');
    if (await page.locator('[data-chart=chart-rollout]').count()) await chartWithData(page, 'chart-rollout');
    // ECharts' aria description reads the figures out for a screen reader.
    expect(await page.locator('[data-chart=chart-rates]').getAttribute('aria-label')).toContain('冠县');
    await shot(page, 'dashboard-city');

    // A click on a county (its axis label) opens that county's dashboard, school by school.
    await page.locator('[data-chart=chart-rates] svg text', { hasText: /^冠县$/ }).click();
    await page.waitForURL(/\/dashboard\/counties\/\d+\?asOf=2018-04-04$/);
    await page.locator('[data-testid=county-dashboard]').waitFor();
    await expect.poll(() => page.locator('[data-testid=county-dashboard] h4').first().innerText(), SLOW).toBe('冠县 数据看板');
    const schools = await chartWithData(page, 'chart-rates');
    expect(schools).toContain('冠县');
    expect(schools).not.toContain('东昌府区');
    await page.locator('[data-testid=department-research]').waitFor();
    await shot(page, 'dashboard-county');

    // Back up, then the 大屏: dark, large figures, the Fullscreen API behind its button.
    await page.getByRole('button', { name: '返回全市' }).click();
    await page.locator('[data-testid=city-dashboard]').waitFor();
    await page.locator('[data-testid=open-big-screen]').click();
    await page.waitForURL(/\/dashboard\/big-screen\?asOf=2018-04-04$/);
    const big = page.locator('[data-testid=big-screen]');
    await big.waitFor();
    await expect.poll(() => page.locator('[data-testid=big-month] .big-screen-value').innerText(), SLOW).toMatch(/^\d+(\.\d)?%$/);
    expect(await big.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await chartWithData(page, 'big-rates');
    await chartWithData(page, 'big-trend');
    await page.locator('[data-testid=toggle-fullscreen]').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null), SLOW).toBe('big-screen');
    await expect.poll(() => big.getAttribute('data-fullscreen'), SLOW).toBe('true');
    await shot(page, 'dashboard-big-screen', false);
    await page.locator('[data-testid=toggle-fullscreen]').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null), SLOW).toBe(true);
    await page.context().close();
  });

  it('opens a county\'s own dashboard for its staff, and a principal\'s on their school', async () => {
    const research = await session.loginAs('guanxian.research');
    await research.goto(`${session.baseUrl}/dashboard`);
    await research.waitForURL(/\/dashboard\/counties\/\d+$/);
    await expect.poll(() => research.locator('[data-testid=county-dashboard] h4').first().innerText(), SLOW).toBe('冠县 数据看板');
    await chartWithData(research, 'chart-rates');
    await research.context().close();

    const principal = await session.loginAs('gxsy.principal');
    await principal.goto(`${session.baseUrl}/dashboard`);
    await principal.waitForURL(/\/dashboard\/schools\/\d+$/);
    await expect.poll(() => principal.locator('[data-testid=school-dashboard] h4').first().innerText(), SLOW).toBe('冠县实验小学 数据看板');
    await chartWithData(principal, 'chart-days');
    await principal.context().close();
  });
});
