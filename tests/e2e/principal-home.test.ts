import { describe, expect, it } from 'vitest';
import { login, PHONE, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
// A busy machine renders slower than expect.poll's default second.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const { baseUrl } = session;
// The demo's figures live in April 2018 (its last school day with data is Wednesday 2018-04-04).
const AS_OF = '2018-04-04';

describe('a principal\'s home and rollout tab open on their own school', () => {
  it('shows the school\'s quota today and this month, its timetable and alerts, and no county table', async () => {
    const page = await session.newPage();
    await login(page, baseUrl, 'gxsy.principal', `/?asOf=${AS_OF}`);
    const home = page.locator('[data-testid=school-home]');
    await home.waitFor();
    await poll(() => page.locator('[data-testid=school-quota] h5').innerText()).toBe('冠县实验小学 · 录播达标');
    // Today's counted lessons against the quota ("2 / 2"), with the day's year since it is not this year's.
    await poll(() => page.locator('[data-testid=kpi-today] .ant-statistic-title').innerText()).toBe('2018-04-04 计入录播课 / 要求');
    await poll(() => page.locator('[data-testid=kpi-today] .ant-statistic-content').innerText()).toMatch(/^\d+ \/ \d+$/);
    await poll(() => page.locator('[data-testid=kpi-month] .ant-statistic-content').innerText()).toMatch(/^\d+(\.\d)?%$/);
    await poll(() => page.locator('[data-testid=kpi-monthLessons] .ant-statistic-content').innerText()).toMatch(/^[1-9]\d*$/);
    expect(await page.locator('[data-testid=kpi-today]').locator('xpath=ancestor::a').getAttribute('href'))
      .toMatch(/^\/recordings\?from=2018-04-04&to=2018-04-04&schoolId=\d+&countyId=\d+&counts=true&status=ready$/);
    await page.locator('[data-testid=next-lessons]').waitFor();
    await page.locator('[data-testid=school-alerts]').waitFor();
    await page.locator('[data-testid=my-lessons]').waitFor();

    // The city's county table is not what a principal opens on.
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('各县区学校概况');
    expect(await page.locator('[data-testid=summary-counties]').count()).toBe(0);
    await shot(page, 'home-principal');

    // The figure opens the day's counted lessons of the school.
    await page.locator('[data-testid=kpi-today]').click();
    await page.waitForURL(/\/recordings\?from=2018-04-04/);
    await poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const page = await session.newPage(PHONE);
    await login(page, baseUrl, 'gxsy.principal', `/?asOf=${AS_OF}`);
    await poll(() => page.locator('[data-testid=kpi-today] .ant-statistic-content').innerText()).toMatch(/^\d+ \/ \d+$/);
    await page.locator('[data-testid=my-lessons]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'home-principal-phone');
    await page.context().close();
  });

  it('opens the rollout tab on the school\'s own milestones, not the county\'s targets', async () => {
    const page = await session.newPage();
    await login(page, baseUrl, 'gxsy.principal', `/rollout?asOf=${AS_OF}`);
    await page.waitForURL(/\/rollout\/schools\/\d+\?asOf=2018-04-04$/);
    await page.locator('[data-testid=milestone-timeline]').waitFor();
    await poll(() => page.locator('h4').first().innerText()).toContain('冠县实验小学');
    for (const milestone of ['registered', 'installed', 'activated']) {
      await page.locator(`[data-testid=milestone-${milestone}]`).waitFor();
    }
    expect(await page.locator('body').innerText()).not.toMatch(/目标\s*0/);
    await shot(page, 'rollout-principal');
    await page.context().close();
  });
});
