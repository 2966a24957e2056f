import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with everything that would phone home switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 375, height: 812 };

export const DEMO_PASSWORD = 'Sunshine@2018';

/** A fresh page (own cookies and localStorage) at the given viewport, in Chinese unless told. */
export async function newPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Signs in through the login form and waits for the signed-in layout. */
export async function login(page: Page, baseUrl: string, username: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}/login${path === '/' ? '' : `?next=${encodeURIComponent(path)}`}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('.ant-layout-header').waitFor();
}

/** The texts of the side menu (desktop layout). */
export async function menuTexts(page: Page): Promise<string[]> {
  const items = page.locator('[data-testid=side-menu] .ant-menu-item');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((text) => text.trim());
}

/**
 * Saves a screenshot as /tmp/e2e-<name>.png for a person to look at: the whole page, or only
 * the viewport when a drawer or dialog is open (a full-page shot would tear fixed layers).
 */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `/tmp/e2e-${name}.png`, fullPage });
}
