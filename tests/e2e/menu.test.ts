import { describe, expect, it } from 'vitest';
import { menuTexts, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
const { baseUrl } = session;

describe('the menu follows the roles', () => {
  it('gives the city admin the dashboard, org, people, import, rooms, lessons, teaching research, patrol, quality resources, the equity picture, family notices, the homework, safety and attendance figures, live classes and the supervision work but not the audit log', async () => {
    const page = await session.loginAs('city.admin');
    const menu = await menuTexts(page);
    expect(menu).toEqual(['首页', '数据看板', '组织机构', '学校', '人员与角色', '数据导入', '录播室', '录播课', '在线教研', '巡课', '优质资源', '均衡分析', '家校通知', '作业与课程表', '平安校园', '考勤与请假', '互动课堂', '校历与录播规则', '推进进度', '督导检查', '通报', '上报']);
    // Uploading is for the school's own staff.
    expect(menu).not.toContain('上传录像');
    expect(menu).not.toContain('审计日志');

    await page.goto(`${baseUrl}/audit`);
    await expect.poll(() => page.locator('.ant-result-title').innerText()).toBe('无权访问');
    await page.context().close();
  });

  it('gives the auditor only home and the audit log', async () => {
    const page = await session.loginAs('auditor');
    expect(await menuTexts(page)).toEqual(['首页', '审计日志']);
    await page.locator('[data-testid=auditor-card]').waitFor();
    await shot(page, 'home-auditor');

    await page.goto(`${baseUrl}/schools`);
    await expect.poll(() => page.locator('.ant-result-title').innerText()).toBe('无权访问');
    await shot(page, 'forbidden');

    await page.goto(`${baseUrl}/audit`);
    await page.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('人员：安全审计员');
    await shot(page, 'audit-desktop');
    await page.context().close();
  });
});
