import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseOption, launchBrowser, login, newPage, shot } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a form's school picker, types part of the name and takes the first match. */
function pickSchool(page: Page, field: string, name: string): Promise<void> {
  return chooseOption(page, page.locator(`.ant-modal [data-testid=${field}]`), name, name);
}

describe('supervision work', () => {
  it('the city publishes a commendation; the principal of the school it names sees it in the bell, the list and on the school page', { timeout: 120_000 }, async () => {
    const title = `关于表彰录播常态化应用先进学校的通报（${Date.now() % 100000}）`;
    const city = await newPage(browser);
    await login(city, baseUrl, 'city.admin', '/bulletins');
    // The demo's 2018-04-04 commendation of 8 schools is there already.
    await city.locator('.ant-table-row').filter({ hasText: '关于表彰阳光放心校园项目先进学校的通报' }).waitFor();
    await city.locator('[data-testid=create-bulletin]').click();
    await city.locator('.ant-modal [data-testid=bulletin-title]').fill(title);
    await city.locator('.ant-modal [data-testid=bulletin-body]').fill('冠县实验小学坚持每个上课日录播两节以上，特予表彰。');
    await pickSchool(city, 'bulletin-schools', '冠县实验小学');
    await city.keyboard.press('Escape');
    await city.locator('.ant-modal .ant-btn-primary').click();
    await city.waitForURL(/\/bulletins\/\d+$/);
    await city.locator('[data-testid=bulletin-heading]').filter({ hasText: title }).waitFor();
    expect(await city.locator('[data-testid=bulletin-subjects]').innerText()).toContain('冠县实验小学');
    await shot(city, 'bulletin-detail');

    const principal = await newPage(browser);
    await login(principal, baseUrl, 'gxsy.principal');
    await principal.locator('[data-testid=bell-count] .ant-badge-count').waitFor();
    await principal.locator('[data-testid=notification-bell]').click();
    await principal.waitForURL(/\/notifications$/);
    await principal.locator('[data-testid=notification]').filter({ hasText: title }).click();
    await principal.waitForURL(/\/bulletins\/\d+$/);
    await principal.locator('[data-testid=bulletin-heading]').filter({ hasText: title }).waitFor();

    await principal.goto(`${baseUrl}/bulletins`);
    await principal.locator('.ant-table a').filter({ hasText: title }).click();
    await principal.locator('[data-testid=bulletin-subjects] a').filter({ hasText: '冠县实验小学' }).click();
    await principal.waitForURL(/\/schools\/\d+$/);
    await principal.locator('[data-testid=school-commendations] a').filter({ hasText: title }).waitFor();
    await shot(principal, 'school-commendations');
  });

  it('a county officer records a visit with a follow-up; the principal writes the rectification note', { timeout: 120_000 }, async () => {
    const task = `每个上课日至少录播两节课（E2E ${Date.now() % 100000}）`;
    const officer = await newPage(browser);
    await login(officer, baseUrl, 'guanxian.research', '/inspections');
    await officer.locator('[data-testid=create-inspection]').click();
    await pickSchool(officer, 'inspection-school', '冠县实验小学');
    await officer.locator('.ant-modal [data-testid=inspection-inspectors]').fill('邢文军');
    await officer.locator('.ant-modal [data-testid=inspection-findings]').fill('每日录课不足两节');
    await officer.locator('.ant-modal [data-testid=add-follow-up]').click();
    await officer.locator('.ant-modal [data-testid=follow-up-0]').fill(task);
    await officer.locator('.ant-modal .ant-btn-primary').click();
    await officer.waitForURL(/\/inspections\/\d+$/);
    const visitUrl = officer.url();
    const created = officer.locator('.ant-table-row').filter({ hasText: task });
    await created.waitFor();
    expect(await created.innerText()).toContain('待整改');
    await shot(officer, 'inspection-detail');

    const principal = await newPage(browser);
    await login(principal, baseUrl, 'gxsy.principal', new URL(visitUrl).pathname);
    const row = principal.locator('.ant-table-row').filter({ hasText: task });
    await row.locator('[data-testid^=rectify-]').click();
    await principal.locator('.ant-modal [data-testid=rectification-note]').fill('已排定录课表，每天两节');
    await principal.locator('.ant-modal .ant-btn-primary').click();
    await row.filter({ hasText: '已整改待验收' }).filter({ hasText: '已排定录课表，每天两节' }).waitFor();

    // The follow-ups list of the county shows it with the school's note.
    await officer.goto(`${baseUrl}/inspections/follow-ups?status=rectified`);
    await officer.locator('.ant-table-row').filter({ hasText: task }).filter({ hasText: '已排定录课表' }).waitFor();
  });
});
