import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

/**
 * Picks an option of an antd Select: opens it, types `search` when given (a server-searched
 * picker), clicks the option whose label is exactly `label` (or contains it, with `search`) and
 * waits until the select shows it. Under load a click can land while the dropdown still slides
 * in or re-renders, choosing nothing or a neighbour; a pick that did not take is tried again.
 */
export async function chooseOption(page: Page, select: Locator, label: string, search?: string): Promise<void> {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: search === undefined ? new RegExp(`^${escaped}$`) : label })
    .first();
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    if (search !== undefined) await page.keyboard.type(search);
    await option.click();
    const open = page.locator('.ant-select-dropdown:visible');
    try {
      await expect.poll(() => select.innerText(), { timeout: 3_000 }).toContain(label);
      // A multiple select stays open for the next pick; a single one closes before the next click.
      const multiple = await select.evaluate((element) => element.closest('.ant-select-multiple') !== null || element.querySelector('.ant-select-multiple') !== null);
      if (!multiple) await expect.poll(() => open.count(), { timeout: 3_000 }).toBe(0);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      // Escape closes an open dropdown; with none open it would close the dialog around it.
      if ((await open.count()) > 0) await page.keyboard.press('Escape');
    }
  }
}

/**
 * Presses play on a lesson's video as a viewer would, as soon as it is on the page, muted so that
 * the browser lets a script start it. The press may come before the player has loaded its source,
 * and the player keeps it; so the caller polls `currentTime` rather than awaiting the press.
 */
export async function pressPlay(video: Locator): Promise<void> {
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    void v.play().catch(() => undefined);
  });
}
