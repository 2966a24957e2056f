import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
const { baseUrl } = session;
const SLOW = { timeout: 20_000 };

const SPRING = '2017—2018学年第二学期';

/** Opens the term's edit dialog on the calendar page, types the new last day and saves. */
async function setSpringEnd(page: Page, endsOn: string) {
  const row = page.locator('[data-testid=terms-card] tr', { hasText: SPRING }).filter({ hasText: '全部学段' }).first();
  await row.getByRole('button', { name: '编辑' }).click();
  const dialog = page.locator('.ant-modal', { hasText: '修改学期' });
  await dialog.waitFor();
  // antd puts the data-testid on the picker's input itself.
  const input = dialog.locator('input[data-testid=term-ends], [data-testid=term-ends] input').first();
  await input.click();
  await input.fill(endsOn);
  await input.press('Enter');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.locator('.ant-message', { hasText: '学期已保存' }).waitFor(SLOW);
  await expect.poll(() => row.innerText(), SLOW).toContain(endsOn);
}

/** The city dashboard as of a day, once its figures are drawn; answers the day's headline figure. */
async function dayKpi(page: Page, asOf: string): Promise<string> {
  await page.goto(`${baseUrl}/dashboard?asOf=${asOf}`);
  await page.locator('[data-testid=city-dashboard]').waitFor();
  await expect.poll(() => page.locator('[data-testid=city-dashboard]').innerText(), SLOW).toContain(`数据截至 ${asOf}`);
  const value = page.locator('[data-testid=kpi-day] .ant-statistic-content');
  await expect.poll(() => value.innerText(), SLOW).not.toBe('');
  return value.innerText();
}

// The demo city's calendar holds the 2018 terms; the test moves the spring term's end before
// 2018-04-04 (a school day with figures) and back, so later files see the calendar as it was.
describe('the school calendar page (校历与录播规则)', () => {
  it('edits a term and the dashboard follows; a day outside every term says so, with the way to the calendar', async () => {
    const page = await session.loginAs('city.admin');
    const before = await dayKpi(page, '2018-04-04');
    expect(before).toMatch(/\d+(\.\d)?%/);
    expect(await page.locator('[data-testid=day-status]').count()).toBe(0);

    await page.locator('[data-testid=side-menu] .ant-menu-item', { hasText: '校历与录播规则' }).click();
    await page.locator('[data-testid=calendar-page]').waitFor();
    // A school year the holiday dataset does not reach yet: the page warns and offers the city's own entry.
    await page.goto(`${baseUrl}/calendar?year=2030`);
    const warning = page.locator('[data-testid=dataset-warning]');
    await expect.poll(() => warning.innerText(), SLOW).toContain('2030、2031 年的法定节假日和调休尚未收录');
    await page.locator('[data-testid=enter-holidays-2030]').waitFor();
    await page.goto(`${baseUrl}/calendar?year=2017`);
    await page.locator('[data-testid=terms-card] tr', { hasText: SPRING }).first().waitFor(SLOW);
    // The 2017—2018 school year's holidays from the dataset: Qingming, and the Sunday worked for it.
    const holidays = page.locator('[data-testid=holidays-card]');
    await expect.poll(() => holidays.innerText(), SLOW).toContain('清明');
    expect(await holidays.innerText()).toContain('调休上班');
    await expect.poll(() => page.locator('[data-testid=rules-card]').innerText(), SLOW).toContain('每校每日不少于 2 节');
    await shot(page, 'calendar-page');

    try {
      await setSpringEnd(page, '2018-04-03');
      expect(await dayKpi(page, '2018-04-04')).toBe('不在学期内');
      const notice = page.locator('[data-testid=day-status]');
      await expect.poll(() => notice.innerText(), SLOW).toContain('2018-04-04 不在任何学期内（学期间隔/假期），不考核录播课');
      expect(await notice.getAttribute('data-status')).toBe('no-term');
      await shot(page, 'dashboard-no-term');
      // The list behind the figure says the same.
      await page.goto(`${baseUrl}/dashboard/compliance?from=2018-04-04&to=2018-04-04`);
      await expect.poll(() => page.locator('[data-testid=day-status]').innerText(), SLOW).toContain('2018-04-04 不在任何学期内');
    } finally {
      await page.goto(`${baseUrl}/calendar?year=2017`);
      await page.locator('[data-testid=terms-card] tr', { hasText: SPRING }).first().waitFor(SLOW);
      await setSpringEnd(page, '2018-07-06');
    }
    expect(await dayKpi(page, '2018-04-04')).toBe(before);
    expect(await page.locator('[data-testid=day-status]').count()).toBe(0);

    // Summer break: outside every term, in words, with the link to the calendar page.
    expect(await dayKpi(page, '2018-08-06')).toBe('不在学期内');
    const notice = page.locator('[data-testid=day-status]');
    await expect.poll(() => notice.innerText(), SLOW).toContain('2018-08-06 不在任何学期内');
    await notice.locator('[data-testid=day-status-link]').click();
    await page.waitForURL(/\/calendar$/);
    await page.locator('[data-testid=calendar-page]').waitFor();
    await page.context().close();
    // Each term edit recomputes some 9,000 school-days of the demo's 95 tracked schools.
  }, 240_000);
});
