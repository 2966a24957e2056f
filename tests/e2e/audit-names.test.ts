import { describe, expect, it } from 'vitest';
import { shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
// A busy machine renders slower than expect.poll's default second.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const { baseUrl } = session;

// "2026-12-06 15:04:05" in Asia/Shanghai, as the page should show an instant.
function shanghai(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

describe('the audit page reads in names and Chinese words, in Beijing time', () => {
  it('names the school and the person a row points at, with the action and fields in Chinese', async () => {
    // A county admin edits a school's contact: an audit row with a school target and a changed field.
    const admin = await session.newPage();
    await admin.goto(`${baseUrl}/login`);
    const login = await admin.request.post(`${baseUrl}/api/auth/login`, { data: { username: 'guanxian.admin', password: 'Sunshine@2018' } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const schools = await admin.request.get(`${baseUrl}/api/schools?q=${encodeURIComponent('冠县实验小学')}&pageSize=5`);
    const school = ((await schools.json()) as { items: { id: number; name: string }[] }).items.find((s) => s.name === '冠县实验小学')!;
    const before = new Date();
    const patched = await admin.request.patch(`${baseUrl}/api/schools/${school.id}`, { data: { contactName: '王主任' }, headers: { 'x-csrf-token': csrfToken } });
    expect(patched.status()).toBe(200);
    await admin.context().close();

    const page = await session.loginAs('auditor');
    await page.goto(`${baseUrl}/audit?action=school.update`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    const row = rows.first();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[2]).toBe('修改学校');
    expect(cells[3]).toBe('学校：冠县实验小学');
    expect(cells[6]).toContain('修改的字段: 联系人');
    // The time in Beijing time, whatever the browser's zone, to the minute of the edit (or the next).
    const minutes = [shanghai(before), shanghai(new Date(before.getTime() + 60_000))];
    expect(minutes).toContain(cells[0]!.slice(0, 16));
    expect(await page.locator('.ant-table-thead').innerText()).toContain('时间（北京时间）');

    // Logins name the person signed in; nothing on the page reads "user #3" or a raw action key.
    await page.goto(`${baseUrl}/audit?action=auth.login`);
    await poll(() => rows.count()).toBeGreaterThan(0);
    await poll(() => rows.first().locator('td').nth(3).innerText()).toMatch(/^人员：\S+/);
    const body = await page.locator('.ant-table-tbody').innerText();
    expect(body).not.toMatch(/\b(user|school|recording) #\d+/);
    expect(body).not.toContain('auth.login');
    await shot(page, 'audit-names');
    await page.context().close();
  });
});
