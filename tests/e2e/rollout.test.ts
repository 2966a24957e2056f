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

// The demo's day: the article's meeting in 冠县. 冠县第三实验小学's registration was planned for
// 03-19 and is not done, so it is overdue for the 冠县电教馆.
const AS_OF = '2018-04-04';
// The machine may be busy: give the server's answers time.
const SLOW = { timeout: 15_000 };
const SCHOOL = '冠县第三实验小学';

describe('rollout', () => {
  it('lets a county 电教馆 officer record a milestone and see the overdue list update', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'guanxian.edtech', `/rollout?asOf=${AS_OF}`);
    expect(await menuTexts(page)).toContain('推进进度');

    // Progress per county: the 电教馆 sees 冠县's primary and junior schools only.
    const progress = page.locator('[data-testid=rollout-progress]');
    await progress.locator('.ant-table-row').first().waitFor();
    const progressText = await progress.innerText();
    expect(progressText).toContain('冠县');
    expect(progressText).toContain('中小学');
    expect(progressText).not.toContain('幼儿园');
    await shot(page, 'rollout-progress');

    // The overdue list names the school, the registration, and the 电教馆 answering for it.
    await page.goto(`${baseUrl}/rollout/overdue?asOf=${AS_OF}`);
    const overdue = page.locator('[data-testid=rollout-overdue]');
    const row = overdue.locator('.ant-table-row').filter({ hasText: SCHOOL });
    await row.waitFor();
    expect(await row.innerText()).toContain('注册');
    expect(await row.innerText()).toContain('电教馆');
    expect(await overdue.innerText()).not.toContain('幼儿园');

    // Open the school and record the registration with evidence.
    await row.getByRole('link', { name: SCHOOL }).click();
    await page.waitForURL(/\/rollout\/schools\/\d+/);
    const registered = page.locator('[data-testid=milestone-registered]');
    await expect.poll(() => registered.getAttribute('data-state'), SLOW).toBe('overdue');
    await page.locator('[data-testid=record-milestone-open]').click();
    const modal = page.locator('.ant-modal');
    await expect.poll(() => modal.locator('[data-testid=record-milestone]').innerText(), SLOW).toContain('注册');
    await modal.locator('[data-testid=record-evidence]').fill('平台注册完成，学校账号已开通（电教馆核验）');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => registered.getAttribute('data-state'), SLOW).toBe('done');
    expect(await registered.innerText()).toContain('平台注册完成，学校账号已开通（电教馆核验）');
    expect(await registered.innerText()).toContain('谢红梅');
    await shot(page, 'rollout-school');

    // Back on the overdue list, the school's registration is gone.
    await page.goto(`${baseUrl}/rollout/overdue?asOf=${AS_OF}`);
    await overdue.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => overdue.locator('.ant-table-row').filter({ hasText: SCHOOL }).count(), SLOW).toBe(0);
  });

  it('keeps the 电教馆 out of kindergartens: the 学前教研室 sees them', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'guanxian.preschool', `/rollout/schools?asOf=${AS_OF}`);
    const table = page.locator('[data-testid=rollout-schools]');
    await table.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => table.innerText(), SLOW).toContain('冠县第一幼儿园');
    expect(await table.innerText()).not.toContain('实验小学');
  });
});
