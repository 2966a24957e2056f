import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseOption, launchBrowser, login, menuTexts, newPage, shot } from './support/browser.js';

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

  it('lets the city bureau add a batch with county shares, move a deadline, add one and delete it; a county officer only reads them', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'city.admin', '/rollout/batches');
    const batches = page.locator('[data-testid=rollout-batches]');
    await batches.locator('.ant-table-row').filter({ hasText: '2019-02' }).waitFor();
    expect(await page.locator('.ant-tabs-tab-active').innerText()).toBe('批次与时间节点');

    // A third batch: 16 kindergartens and 8 primary and junior schools, shared by hand over two counties.
    await page.locator('[data-testid=create-batch]').click();
    const modal = page.locator('.ant-modal');
    await inputOf(modal, 'batch-code').fill('2019-08');
    await inputOf(modal, 'batch-name').fill('第三批（2019年8月）');
    await pickDay(page, inputOf(modal, 'batch-due-on'), '2019-08-31');
    await inputOf(modal, 'batch-target-kindergarten').fill('16');
    await inputOf(modal, 'batch-target-primaryAndJunior').fill('8');
    await inputOf(modal, 'share-371525-kindergarten').fill('10');
    // The sums show live: 10 of 16 kindergartens so far.
    const kgSum = modal.locator('[data-testid=batch-sum-kindergarten]');
    await expect.poll(() => kgSum.innerText(), SLOW).toContain('10 / 16');
    expect(await kgSum.getAttribute('data-matches')).toBe('no');
    await shot(page, 'rollout-batch-form', false);
    // Saved as it is, the server refuses and says why; the dialog stays open.
    await modal.locator('.ant-btn-primary').click();
    await expect.poll(() => modal.locator('[role=alert]').innerText(), SLOW).toContain('与全市目标 16 不一致');
    await inputOf(modal, 'share-371522-kindergarten').fill('6');
    await inputOf(modal, 'share-371525-primaryAndJunior').fill('8');
    await expect.poll(() => kgSum.getAttribute('data-matches'), SLOW).toBe('yes');
    expect(await modal.locator('[data-testid=batch-sum-primaryAndJunior]').getAttribute('data-matches')).toBe('yes');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });

    // Listed with its targets; the expanded row shows each county's share.
    const row = batches.locator('.ant-table-row').filter({ hasText: '2019-08' });
    await row.waitFor();
    expect(await row.innerText()).toContain('第三批（2019年8月）');
    expect(await row.innerText()).toContain('2019-08-31');
    await row.locator('.ant-table-row-expand-icon').click();
    const shares = page.locator('[data-testid=batch-counties-2019-08]');
    await expect.poll(() => shares.locator('.ant-table-row').filter({ hasText: '冠县' }).innerText(), SLOW).toMatch(/冠县\s+10\s+8/);
    expect(await shares.locator('.ant-table-row').filter({ hasText: '莘县' }).innerText()).toMatch(/莘县\s+6\s+0/);
    // Editing it opens on its shares; its code stays as it was made.
    await page.locator('[data-testid=edit-batch-2019-08]').click();
    await expect.poll(() => inputOf(modal, 'share-371525-kindergarten').inputValue(), SLOW).toBe('10');
    expect(await inputOf(modal, 'batch-code').isDisabled()).toBe(true);
    await modal.getByRole('button', { name: /取\s*消/ }).click();
    await modal.waitFor({ state: 'hidden' });

    // The new schools' deadline moves from 05-31 to 06-15.
    const deadlines = page.locator('[data-testid=rollout-deadlines]');
    const deadline = deadlines.locator('.ant-table-row').filter({ hasText: '未实施项目学校' });
    expect(await deadline.innerText()).toContain('2018-05-31');
    await deadline.getByRole('button', { name: /编辑/ }).click();
    await pickDay(page, inputOf(modal, 'deadline-due-on'), '2018-06-15');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => deadline.innerText(), SLOW).toContain('2018-06-15');
    await shot(page, 'rollout-batches');

    // A deadline of the second batch's own, then deleted again: the confirmation says what follows.
    const NEW_DEADLINE = '第二批项目学校明确专人负责';
    await page.locator('[data-testid=create-deadline]').click();
    await inputOf(modal, 'deadline-name').fill(NEW_DEADLINE);
    await pickDay(page, inputOf(modal, 'deadline-due-on'), '2018-09-30');
    await chooseOption(page, modal.locator('[data-testid=deadline-batch]'), '2019-02 第二批（2019年2月）');
    await modal.locator('[data-testid=deadline-requires]').getByText('专人负责').click();
    await expect.poll(() => modal.locator('[data-testid=deadline-requires] .ant-checkbox-wrapper-checked').innerText(), SLOW).toBe('专人负责');
    await shot(page, 'rollout-deadline-form', false);
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    const added = deadlines.locator('.ant-table-row').filter({ hasText: NEW_DEADLINE });
    await expect.poll(() => added.innerText(), SLOW).toContain('2018-09-30');
    expect(await added.innerText()).toMatch(/新实施的项目学校（仅 2019-02 批次）[\s\S]*专人负责/);
    await added.getByRole('button', { name: /删\s*除/ }).click();
    const confirm = page.locator('.ant-popover:visible');
    await expect.poll(() => confirm.innerText(), SLOW).toContain('最后一个时间节点');
    await shot(page, 'rollout-deadline-delete');
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => added.count(), SLOW).toBe(0);

    // A county officer sees the same lists, their own county's shares only, and nothing to edit.
    const county = await newPage(browser);
    await login(county, baseUrl, 'guanxian.edtech', '/rollout/batches');
    const theirs = county.locator('[data-testid=rollout-batches]');
    await theirs.locator('.ant-table-row').filter({ hasText: '2019-08' }).waitFor();
    await county.locator('[data-testid=rollout-deadlines] .ant-table-row').filter({ hasText: '2018-06-15' }).waitFor();
    expect(await county.locator('[data-testid=create-batch]').count()).toBe(0);
    expect(await county.getByRole('button', { name: /编辑/ }).count()).toBe(0);
    expect(await county.locator('[data-testid=create-deadline]').count()).toBe(0);
    expect(await county.getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
    await theirs.locator('.ant-table-row').filter({ hasText: '2019-08' }).locator('.ant-table-row-expand-icon').click();
    const own = county.locator('[data-testid=batch-counties-2019-08] .ant-table-row');
    await expect.poll(() => own.allInnerTexts(), SLOW).toEqual([expect.stringMatching(/^冠县\s+10\s+8$/)]);
  });

  it('lets the 电教馆 mark a school as already built, after a confirmation naming the deadline it then answers to', async () => {
    const page = await newPage(browser);
    // 冠县第二实验小学 (2018-08, its installation overdue) is new: held to the new schools' deadline, not 04-30's.
    await login(page, baseUrl, 'guanxian.edtech', `/rollout/schools?asOf=${AS_OF}&batch=2018-08&overdue=true`);
    await page.locator('[data-testid=rollout-schools] .ant-table-row').filter({ hasText: '冠县第二实验小学' }).click();
    const flag = page.locator('[data-testid=built-flag]');
    await expect.poll(() => flag.getAttribute('data-built'), SLOW).toBe('false');
    expect(await flag.innerText()).toContain('新建');

    await page.locator('[data-testid=built-change]').click();
    const modal = page.locator('.ant-modal');
    const confirm = modal.locator('[data-testid=built-confirm]');
    await expect.poll(() => confirm.innerText(), SLOW).toContain('2018-04-30 已建成项目学校全面激活使用、专人负责');
    await modal.locator('[data-testid=built-note]').fill('2017年已建成录播室（电教馆核验）');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => flag.getAttribute('data-built'), SLOW).toBe('true');
    expect(await flag.innerText()).toContain('已建成录播室');

    // And back: the new schools' deadline (whatever day the city has moved it to) holds it again.
    await page.locator('[data-testid=built-change]').click();
    await expect.poll(() => confirm.innerText(), SLOW).toContain('未实施项目学校完成注册激活使用和设备安装');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => flag.getAttribute('data-built'), SLOW).toBe('false');
  });
});

/** The input of a form control, whether its test id sits on the input or on a wrapper around it. */
function inputOf(scope: Locator, testId: string): Locator {
  return scope.locator(`[data-testid=${testId}]`).locator('xpath=descendant-or-self::input').first();
}

/** Types a day into a date picker and confirms it. */
async function pickDay(page: Page, input: Locator, day: string): Promise<void> {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), SLOW).toBe(day);
  await page.keyboard.press('Tab');
}

