import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../server/src/db/database.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from '../../server/src/modules/research/research.test-kit.js';
import { launchBrowser, login, newPage, shot } from './support/browser.js';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('observation rubrics', () => {
  it('a city research officer defines a rubric in the editor, publishes it and copies it to a new version', { timeout: 120_000 }, async () => {
    const name = `聊城市数学课堂观察量表（E2E ${Date.now() % 100000}）`;
    const page = await newPage(browser);
    await login(page, baseUrl, 'city.research', '/research/rubrics');
    // The demo's rubrics are listed: the city's and 冠县's.
    await page.locator('.ant-table-row').filter({ hasText: '聊城市中小学课堂观察量表' }).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '冠县小学语文课堂观察量表' }).waitFor();

    await page.locator('[data-testid=create-rubric]').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('[data-testid=rubric-name]').fill(name);
    // The starter item, then a second item with its four levels.
    await drawer.locator('input[id$="items_0_text"]').fill('目标明确具体');
    await drawer.locator('[data-testid=rubric-add-item]').click();
    await drawer.locator('input[id$="items_1_text"]').fill('问题设计有层次');
    // A weight of 0 is refused by the server, naming the item.
    await drawer.locator('input[id$="items_1_weight"]').fill('0');
    await drawer.locator('[data-testid=rubric-save]').click();
    await drawer.locator('[data-testid=rubric-error]').filter({ hasText: '问题设计有层次' }).waitFor();
    await drawer.locator('input[id$="items_1_weight"]').fill('2');
    await drawer.locator('[data-testid=rubric-save]').click();
    await drawer.locator('.ant-tag').filter({ hasText: '草稿' }).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: name }).waitFor();
    await shot(page, 'rubric-editor', false);

    await drawer.locator('[data-testid=rubric-publish]').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await drawer.locator('.ant-tag').filter({ hasText: '已发布' }).waitFor();
    await drawer.locator('[data-testid=rubric-copy]').click();
    await drawer.locator('.ant-tag').filter({ hasText: '第 2 版' }).waitFor();
    await drawer.locator('.ant-tag').filter({ hasText: '草稿' }).waitFor();
    await page.keyboard.press('Escape');
    const rows = page.locator('.ant-table-row').filter({ hasText: name });
    await expect.poll(() => rows.count()).toBe(2);
    await shot(page, 'rubrics-page');
  });

  it('an officer reads an activity\'s results — observers × items, means, agreement — and exports the 评课记录', { timeout: 120_000 }, async () => {
    // An activity observing on the demo's city rubric with three observers' scores, written
    // straight into the server's database (activities have their own pages and tests).
    const db = openDb({ databaseUrl: null, dataDir });
    let activityId: number;
    try {
      const gxsy = await schoolIdOf(db.db, '1371525001');
      const city = (await db.db.selectFrom('schools').select('city_id').where('id', '=', gxsy).executeTakeFirstOrThrow()).city_id;
      const rubric = await db.db.selectFrom('observation_rubrics').select(['id', 'definition']).where('name', '=', '聊城市中小学课堂观察量表').executeTakeFirstOrThrow();
      const lesson = await addLesson(db.db, { schoolId: gxsy, title: '分数的初步认识', teacherName: '李晓燕' });
      ({ activityId } = await addActivity(db.db, {
        organiserUserId: await userIdOf(db.db, 'city.research'), owner: { cityId: city }, schoolIds: [gxsy], rubricId: rubric.id,
        lessons: [{ recordingId: lesson.recordingId }], topic: '三年级数学同课异构（E2E）',
      }));
      const items = (JSON.parse(rubric.definition) as { dimensions: { items: { key: string }[] }[] }).dimensions.flatMap((d) => d.items);
      const observers = ['gx2.teacher', 'guanxian.research', 'city.research'];
      const levels = [[4, 4, 3, 3, 3, 4, 3, 4, 3], [4, 3, 3, 2, 3, 4, 2, 4, 3], [3, 4, 3, 4, 3, 1, 3, 3, 3]];
      for (const [o, username] of observers.entries()) {
        const observer = await userIdOf(db.db, username);
        for (const [i, item] of items.entries()) {
          await db.db.insertInto('observation_scores').values({
            activity_id: activityId, rubric_id: rubric.id, school_id: gxsy, group_id: lesson.groupId, observer_user_id: observer,
            item_key: item.key, score: levels[o]![i]!, note: '', updated_at: new Date().toISOString(),
          }).execute();
        }
      }
    } finally {
      await db.close();
    }

    const page = await newPage(browser);
    await login(page, baseUrl, 'guanxian.research', `/research/activities/${activityId!}/rubric-results`);
    const results = page.locator('[data-testid=rubric-results]');
    await results.waitFor();
    const table = results.locator('.ant-table');
    for (const name of ['张志强', '邢文军', '高文静']) await table.locator('th').filter({ hasText: name }).waitFor();
    expect(await results.locator('[data-testid=rubric-agreement]').innerText()).toContain('3 位观察者');
    // The item the observers are three levels apart on is flagged.
    await table.locator('.ant-table-row').filter({ hasText: '参与面广' }).locator('.ant-tag').filter({ hasText: '分歧' }).waitFor();
    await shot(page, 'rubric-results');

    const [excel] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-xlsx]').click()]);
    expect(excel.suggestedFilename()).toMatch(/^评课记录-三年级数学同课异构（E2E）-.*\.xlsx$/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-pdf]').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  });
});
