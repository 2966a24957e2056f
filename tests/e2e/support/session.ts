import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { DESKTOP, launchBrowser, login, newPage } from './browser.js';

export interface BrowserSession {
  /** The server this run tests (http://127.0.0.1:<port>). */
  baseUrl: string;
  /** A fresh, signed-out page (own cookies and localStorage), in Chinese. */
  newPage: (viewport?: typeof DESKTOP) => Promise<Page>;
  /** A fresh page signed in as `username` through the login form, on the home page. */
  loginAs: (username: string, viewport?: typeof DESKTOP) => Promise<Page>;
}

/**
 * The usual set-up of a browser test file: call once at the top of the file. Launches one
 * Chromium before the file's tests and closes it after them.
 */
export function useBrowserSession(): BrowserSession {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const openPage = (viewport = DESKTOP): Promise<Page> => {
    if (!browser) throw new Error('useBrowserSession: the browser starts in beforeAll; open pages inside tests');
    return newPage(browser, viewport);
  };
  return {
    baseUrl,
    newPage: openPage,
    async loginAs(username, viewport = DESKTOP) {
      const page = await openPage(viewport);
      await login(page, baseUrl, username);
      return page;
    },
  };
}
