import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, newPage, PHONE, shot } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A recorder's call to the device API with its token, as docs/devices.md describes it. */
function device(token: string, path: 'register' | 'heartbeat', body: object): Promise<Response> {
  return fetch(`${baseUrl}/api/devices/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Reads the token out of the show-once dialog and closes it after ticking "copied". */
async function takeToken(page: Page): Promise<string> {
  const dialog = page.locator('[data-testid=device-token-modal]');
  await dialog.locator('[data-testid=device-token]').waitFor();
  const token = (await dialog.locator('[data-testid=device-token]').innerText()).trim();
  expect(token).toMatch(/^scd_[A-Za-z0-9_-]{43}$/);
  await expect.poll(() => dialog.innerText()).toContain('只显示这一次');
  await expect(dialog.locator('[data-testid=close-token]').isDisabled()).resolves.toBe(true);
  await dialog.locator('[data-testid=token-saved]').click();
  await dialog.locator('[data-testid=close-token]').click();
  await dialog.waitFor({ state: 'hidden' });
  return token;
}

describe('recording rooms', () => {
  it('adds a room and a recorder whose token is shown once; the room goes online with its heartbeat', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'gxsy.principal', '/rooms');
    const name = `录播室${Date.now() % 100000}`;

    await page.locator('[data-testid=create-room]').click();
    // A principal's own school is filled in.
    await expect.poll(() => page.locator('.ant-modal [data-testid=room-school]').innerText()).toContain('冠县实验小学');
    await page.locator('.ant-modal #name').fill(name);
    await page.locator('.ant-modal .ant-checkbox-wrapper').filter({ hasText: '教师特写' }).click();
    await page.locator('.ant-modal .ant-checkbox-wrapper').filter({ hasText: '板书' }).click();
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page.waitForURL(/\/rooms\/\d+$/);
    await expect.poll(() => page.locator('[data-testid=room-connectivity]').innerText()).toBe('无录播主机');

    await page.locator('[data-testid=add-device]').click();
    await page.locator('.ant-modal .ant-btn-primary').click();
    const token = await takeToken(page);

    expect((await device(token, 'register', { serial: 'E2E-REC-1', firmware: '3.2.1', vendor: '奥威亚', model: 'AVA-R8' })).status).toBe(200);
    expect((await device(token, 'heartbeat', { state: 'recording', diskFreeBytes: 412316860416 })).status).toBe(200);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=room-connectivity]').innerText()).toBe('在线');
    await expect.poll(() => page.locator('body').innerText()).toContain('E2E-REC-1');

    // A weekly timetable: one lesson on Monday.
    await page.locator('[data-testid=edit-timetable]').click();
    await page.locator('[data-testid=add-lesson]').click();
    await page.locator('[data-testid=timetable-editor] input[placeholder=学科]').fill('数学');
    await page.locator('[data-testid=save-timetable]').click();
    await expect.poll(() => page.locator('[data-testid=timetable-week]').innerText()).toContain('08:00–08:40');
    await shot(page, 'room-detail-desktop');

    // Rotating stops the old token at once.
    await page.locator('.ant-table-row').filter({ hasText: 'E2E-REC-1' }).getByRole('button', { name: '重新生成令牌' }).click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    const rotated = await takeToken(page);
    expect(rotated).not.toBe(token);
    expect((await device(token, 'heartbeat', { state: 'idle', diskFreeBytes: 1 })).status).toBe(401);

    // The list shows the room online with its last heartbeat.
    await page.goto(`${baseUrl}/rooms`);
    const row = page.locator('.ant-table-row').filter({ hasText: name });
    await expect.poll(() => row.innerText()).toContain('在线');
    await expect.poll(() => row.innerText()).toContain('计划建设');
    await shot(page, 'rooms-desktop');
    await page.context().close();
  });

  it('gives the county research office rooms by status, per school, with open alerts', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'guanxian.research', '/rooms/overview');
    await expect.poll(() => page.locator('[data-testid=rooms-stat-total]').innerText()).toMatch(/\d/);
    await expect.poll(() => page.locator('body').innerText()).toContain('各学校录播室');
    await expect.poll(() => page.locator('.ant-table-tbody').first().innerText()).toContain('冠县实验小学');
    await shot(page, 'rooms-overview-desktop');
    await page.context().close();
  });

  it('is usable on a phone', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'gxsy.principal', '/rooms');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'rooms-phone');
    await page.locator('.ant-table-row').first().click();
    await page.locator('[data-testid=room-connectivity]').waitFor();
    await shot(page, 'room-detail-phone');
    await page.context().close();
  });
});
