import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, newPage, shot } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HEADERS = ['学校标识码', '学校名称', '县(市、区)', '办学类型', '乡镇(街道)', '城乡', '贫困村学校', '学生数', '教职工数'];

/** A school import file whose three rows each have exactly one mistake. */
async function badSchoolsFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学校');
  sheet.addRow(HEADERS);
  sheet.addRow(['12345', '冠县测试小学甲', '冠县', '小学', '清泉街道', '城区', '否', 300, 20]); // code not 10 digits
  sheet.addRow(['9371525902', '冠县测试小学乙', '冠县', '大学', '清泉街道', '城区', '否', 300, 20]); // unknown kind
  sheet.addRow(['9371525903', '冠县测试小学丙', '不存在县', '小学', '清泉街道', '农村', '否', 300, 20]); // unknown county
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('data import', () => {
  it('lists every error in Chinese and keeps the import button disabled', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'city.admin', '/imports');
    await page.locator('.ant-upload-drag').waitFor();

    await page.locator('input[type=file][data-testid=import-upload]').setInputFiles({
      name: '学校导入.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await badSchoolsFile(),
    });
    await page.locator('[data-testid=import-errors]').waitFor();

    const rows = await page.locator('[data-testid=import-errors] .ant-table-row').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
    );
    expect(rows).toHaveLength(3);
    expect(rows.map((cells) => cells[0])).toEqual(['2', '3', '4']);
    expect(rows.map((cells) => cells[1])).toEqual(['学校标识码', '办学类型', '县(市、区)']);
    for (const cells of rows) expect(cells[2]).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('[data-testid=import-preview]').innerText()).toContain('发现 3 处错误');
    expect(await page.locator('[data-testid=confirm-import]').isDisabled()).toBe(true);
    await shot(page, 'import-errors-desktop');
    await page.context().close();
  });
});
