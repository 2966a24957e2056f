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

async function fillPasswords(page: Page, password: string): Promise<void> {
  await page.locator('.ant-modal #password').fill(password);
  await page.locator('.ant-modal #confirm').fill(password);
}

describe('people and roles', () => {
  it('creates a teacher account, explaining a weak password in Chinese first', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'city.admin', '/people');
    await page.locator('.ant-table-row').first().waitFor();
    const username = `e2e.teacher${Date.now() % 100000}`;

    await page.locator('[data-testid=create-person]').click();
    await page.locator('.ant-modal #username').fill(username);
    await page.locator('.ant-modal #name').fill('测试教师');
    await fillPasswords(page, 'abcdefgh');
    await chooseOption(page, page.locator('[data-testid=assignment-role]'), '教师');
    const school = page.locator('.ant-modal .ant-form-item').filter({ hasText: '学校' }).locator('.ant-select');
    await chooseOption(page, school, '冠县实验小学', '冠县实验小学');

    await page.locator('.ant-modal .ant-btn-primary').click();
    await expect.poll(() => page.locator('.ant-modal [role=alert]').innerText()).toContain('密码需包含');
    await shot(page, 'people-password-error', false);

    await fillPasswords(page, 'Qingshui#Xiao7');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page.locator('[data-testid=person-drawer] .ant-descriptions').waitFor();
    await expect.poll(() => page.locator('[data-testid=person-drawer]').innerText()).toContain(username);
    await expect.poll(() => page.locator('[data-testid=person-drawer]').innerText()).toContain('教师 · 冠县实验小学');
    expect(new URL(page.url()).searchParams.get('person')).toMatch(/^\d+$/);
    await shot(page, 'people-created', false);
    await page.context().close();
  });
});
