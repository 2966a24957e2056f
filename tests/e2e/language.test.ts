import { describe, expect, it } from 'vitest';
import { menuTexts, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();

describe('language switch', () => {
  it('switches the menu to English and back, and remembers the choice', async () => {
    const page = await session.loginAs('city.admin');
    expect(await menuTexts(page)).toContain('首页');

    await page.locator('[data-testid=language-toggle]').click();
    await expect.poll(() => menuTexts(page)).toEqual([
      'Home', 'Dashboard', 'Organisation', 'Schools', 'People & roles', 'Data import', 'Recording rooms', 'Recorded lessons', 'Teaching research', 'Class patrol', 'Quality resources', 'Equity analysis',
      'Family notices', 'Homework and timetable', 'Safe campus', 'Attendance and leave', 'Live classes', 'School calendar', 'Rollout', 'Inspections', 'Bulletins', 'Reports',
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('body').innerText()).toContain('Schools by county');
    await shot(page, 'home-english');

    await page.reload();
    await expect.poll(() => menuTexts(page)).toContain('Home');

    // The server's reasons come as codes with their numbers: English words them itself.
    await page.goto(`${new URL(page.url()).origin}/recordings?counts=false`);
    // The city's not-counted lessons (which reasons the newest page holds depends on the hour the demo
    // was seeded): a reason with its number, worded in English.
    await expect.poll(() => page.locator('.ant-table-tbody').innerText(), { timeout: 30_000 }).toMatch(/The recording is \d+ minutes long, shorter than the 30 minutes|\(peak -?[\d.]+ dB\)|for \d+% of the recording|started on \d{4}-\d{2}-\d{2}/);
    expect(await page.locator('.ant-table-tbody').innerText()).not.toContain('录像时长');

    await page.locator('[data-testid=language-toggle]').click();
    await expect.poll(() => menuTexts(page)).toEqual(['首页', '数据看板', '组织机构', '学校', '人员与角色', '数据导入', '录播室', '录播课', '在线教研', '巡课', '优质资源', '均衡分析', '家校通知', '作业与课程表', '平安校园', '考勤与请假', '互动课堂', '校历与录播规则', '推进进度', '督导检查', '通报', '上报']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.context().close();
  });
});
