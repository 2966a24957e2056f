import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, shot } from './support/browser.js';

/**
 * The family app (阳光少年) on a phone: a parent signs in through the staff login page and lands
 * in the family app at /family, sees their child's card ("一年级(1)班 name", the school), the
 * bottom tab bar of real links, no sideways scrolling, the web app manifest; switches to English
 * and back; opens the app again offline and sees the last home with the 离线 banner. Staff who
 * open /family are sent to the staff app.
 */
const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function signIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
}

const tabTexts = (page: Page) => page.locator('.adm-tab-bar a').allInnerTexts().then((xs) => xs.map((x) => x.trim()));

describe('family app shell on a phone', () => {
  it('sends a parent from the staff login to /family and shows their child, the tabs and the manifest', async () => {
    const page = await phonePage();
    await signIn(page, 'gxsy.parent');
    await page.waitForURL((url) => url.pathname === '/family');
    const card = page.locator('[data-testid=child-card]').first();
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toMatch(/一年级\(1\)班 \S+/);
    expect(await card.innerText()).toContain('冠县实验小学');

    const hrefs = await page.locator('.adm-tab-bar a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs[0]).toBe('/family');
    expect(hrefs).toContain('/family/me');
    expect(await tabTexts(page)).toEqual(expect.arrayContaining(['首页', '我的']));

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe('/family.webmanifest');
    const manifest = await page.evaluate(async () => (await fetch('/family.webmanifest')).json() as Promise<{ name: string; icons: unknown[] }>);
    expect(manifest.name).toBe('阳光少年');
    expect(manifest.icons.length).toBeGreaterThan(0);
    // Parents never get the staff desktop shell.
    expect(await page.locator('.ant-layout-header').count()).toBe(0);
    await shot(page, 'family-home', false);

    // 我的: English and back; the tab bar follows.
    await page.locator('.adm-tab-bar a[href="/family/me"]').click();
    await page.waitForURL((url) => url.pathname === '/family/me');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => tabTexts(page)).toEqual(expect.arrayContaining(['Home', 'Me']));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, 'family-me-english', false);
    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => tabTexts(page)).toEqual(expect.arrayContaining(['首页', '我的']));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // Offline: the service worker serves the shell, the home shows its last children and 离线.
    await page.locator('.adm-tab-bar a[href="/family"]').click();
    await expect.poll(() => page.locator('[data-testid=child-card]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
    await page.context().setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=offline-banner]').innerText(), { timeout: 20_000 }).toContain('离线');
    expect(await page.locator('[data-testid=child-card]').first().innerText()).toMatch(/一年级\(1\)班 \S+/);
    await shot(page, 'family-offline', false);
    await page.context().setOffline(false);
    await page.context().close();
  });

  it('has its own phone login: /family sends a signed-out parent there and back home after', async () => {
    const page = await phonePage();
    await page.goto(`${baseUrl}/family/me`);
    await page.waitForURL((url) => url.pathname === '/family/login');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('家长登录');
    await page.locator('#username').fill('gxsy.parent2');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/family/me');
    await page.locator('.adm-tab-bar a[href="/family"]').click();
    await expect.poll(() => page.locator('[data-testid=child-card]').first().innerText(), { timeout: 20_000 }).toMatch(/一年级\(2\)班 \S+/);
    await shot(page, 'family-login-parent2', false);
    await page.context().close();
  });

  it('sends staff who open /family to the staff app', async () => {
    const page = await phonePage();
    await signIn(page, 'gxsy.teacher');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/family`);
    await page.waitForURL((url) => url.pathname === '/');
    await page.context().close();
  });
});
