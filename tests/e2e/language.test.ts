import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, menuTexts, newPage, shot } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('language switch', () => {
  it('switches the menu to English and back, and remembers the choice', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'city.admin');
    expect(await menuTexts(page)).toContain('首页');

    await page.locator('[data-testid=language-toggle]').click();
    await expect.poll(() => menuTexts(page)).toEqual(['Home', 'Organisation', 'Schools', 'People & roles', 'Data import', 'Recording rooms', 'Recorded lessons']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('body').innerText()).toContain('Schools by county');
    await shot(page, 'home-english');

    await page.reload();
    await expect.poll(() => menuTexts(page)).toContain('Home');

    await page.locator('[data-testid=language-toggle]').click();
    await expect.poll(() => menuTexts(page)).toEqual(['首页', '组织机构', '学校', '人员与角色', '数据导入', '录播室', '录播课']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.context().close();
  });
});
