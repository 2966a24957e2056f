import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, login, shot } from './support/browser.js';

/**
 * Issue 11, acceptance 1, at 390×844: gxsy.parent binds a second child (a class of 莘县实验小学,
 * whose 班主任 issues the code and confirms) through the family app's bind page, sees both
 * children labelled with class and name, reads and confirms class A's notice; gxsy.teacher's
 * receipt list shows the confirmation; the principal's reminder of an urgent notice reaches only
 * the class's guardian who has not read it. Urgent, so it is the same at any hour (a non-urgent
 * reminder waits for the end of quiet hours, 21:30–07:00; the integration tests move the clock).
 * What the test binds, it unbinds at the end, so the demo's parents stay as they were.
 */
const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
// 莘县实验小学's first class is headed by its first generated teacher (the seed's turn).
const SHENXIAN_HEAD = 't1371522001_01';
let browser: Browser;
const apis: APIRequestContext[] = [];

interface Api { get<T>(url: string): Promise<T>; post<T>(url: string, data?: unknown): Promise<T>; del(url: string): Promise<void> }

async function api(username: string): Promise<Api> {
  const ctx = await request.newContext({ baseURL: baseUrl });
  apis.push(ctx);
  const res = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), `login ${username}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const check = async (r: Awaited<ReturnType<APIRequestContext['get']>>, what: string) => {
    if (!r.ok()) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
    return r;
  };
  return {
    get: async <T>(url: string) => (await (await check(await ctx.get(url), `GET ${url}`)).json()) as T,
    post: async <T>(url: string, data?: unknown) => (await (await check(await ctx.post(url, { data: data ?? {}, headers: { 'x-csrf-token': csrfToken } }), `POST ${url}`)).json()) as T,
    del: async (url) => { await check(await ctx.delete(url, { headers: { 'x-csrf-token': csrfToken } }), `DELETE ${url}`); },
  };
}

async function phonePage(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/family');
  return page;
}

type StaffClasses = { items: { id: number; name: string; schoolName: string }[] };
type Roster = { items: { studentId: number; name: string; studentNo: string; label: string; guardians: { userId: number }[] }[] };

async function codeFor(staff: Api): Promise<{ classId: number; code: string; roster: Roster }> {
  const classId = (await staff.get<StaffClasses>('/api/family/binding/classes')).items[0]!.id;
  const { code } = await staff.post<{ code: string }>(`/api/family/binding/classes/${classId}/codes`, {});
  return { classId, code, roster: await staff.get<Roster>(`/api/family/binding/classes/${classId}/roster`) };
}

async function confirmPending(staff: Api, classId: number, studentId: number): Promise<void> {
  const { items } = await staff.get<{ items: { id: number; studentId: number }[] }>(`/api/family/binding/classes/${classId}/requests?status=pending`);
  const request = items.find((r) => r.studentId === studentId);
  expect(request, 'the pending request reached the class teacher').toBeTruthy();
  await staff.post(`/api/family/binding/requests/${request!.id}/confirm`);
}

const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const undo of cleanup.reverse()) await undo().catch(() => {});
  await Promise.all(apis.map((a) => a.dispose()));
  await browser?.close();
});

describe('family app: binding, notices with receipts and reminders', () => {
  it('binds a second child with the class code, reads and confirms a notice, and the teacher sees it; a reminder reaches only non-readers', async () => {
    // The 班主任 of a 莘县 class issues a code; gxsy.parent binds a child of it on the phone.
    const shenxian = await api(SHENXIAN_HEAD);
    const sx = await codeFor(shenxian);
    const child = sx.roster.items.find((c) => c.guardians.length === 0)!;
    const parent = await phonePage('gxsy.parent');
    const parentApi = await api('gxsy.parent');
    await parent.goto(`${baseUrl}/family/bind?code=${sx.code}`);
    expect(await parent.locator('#fb-code').inputValue()).toBe(sx.code);
    await parent.locator('#fb-name').fill(child.name);
    await parent.locator('#fb-digits').fill(child.studentNo.slice(-4));
    await parent.locator('.fb-chip', { hasText: '母亲' }).click();
    await parent.locator('button[type=submit]').click();
    await expect.poll(() => parent.locator('[data-testid=binding-sent]').innerText()).toContain('待老师确认');
    await shot(parent, 'family-bind-sent', false);
    await confirmPending(shenxian, sx.classId, child.studentId);
    cleanup.push(() => parentApi.del(`/api/family/binding/mine/${child.studentId}`));

    // Two children, each labelled with class and name (and school).
    await parent.goto(`${baseUrl}/family`);
    const home = parent.locator('body');
    await expect.poll(() => home.innerText()).toContain(child.label);
    expect(await home.innerText()).toMatch(/一年级\(1\)班 \S+/);
    expect(await home.innerText()).toContain('莘县实验小学');
    await shot(parent, 'family-two-children', false);

    // A second guardian in class A (gxsy.parent2 binds a class-A child with gxsy.teacher's code), who will not read.
    const teacher = await api('gxsy.teacher');
    const a = await codeFor(teacher);
    const other = a.roster.items.find((c) => c.guardians.length === 0)!;
    const parent2 = await api('gxsy.parent2');
    await parent2.post('/api/family/binding/redeem', { code: a.code, childName: other.name, studentNoLast4: other.studentNo.slice(-4), relation: '父亲' });
    await confirmPending(teacher, a.classId, other.studentId);
    cleanup.push(() => parent2.del(`/api/family/binding/mine/${other.studentId}`));

    // The class teacher's must-confirm notice to class A; the parent reads and confirms it on the phone.
    const title = `春游安全须知 ${Date.now() % 100000}`;
    const sent = await teacher.post<{ id: number; families: number }>('/api/notices', { title, body: '请家长提醒孩子带好水和帽子。', mustConfirm: true, audience: { kind: 'classes', ids: [a.classId] } });
    expect(sent.families).toBeGreaterThanOrEqual(2);
    const desk = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await login(desk, baseUrl, 'gxsy.teacher', `/notices/${sent.id}`);
    await expect.poll(() => desk.locator('.ant-table-tbody').innerText()).toContain('0 / ');

    await parent.goto(`${baseUrl}/family/notices`);
    await parent.getByText(title).click();
    await parent.waitForURL((url) => url.pathname === `/family/notices/${sent.id}`);
    await parent.getByRole('button', { name: '确认收到' }).click();
    await expect.poll(() => parent.locator('body').innerText()).toMatch(/已于 .+ 确认收到/);
    expect(await parent.getByRole('button', { name: '确认收到' }).count()).toBe(0);
    await shot(parent, 'family-notice-confirmed', false);

    await desk.reload();
    await expect.poll(() => desk.locator('.ant-table-tbody').innerText()).toMatch(/1 \/ \d+[\s\S]*1 \/ \d+/);
    await desk.locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => desk.locator('.ant-collapse').innerText()).toContain(`(1)`);
    await shot(desk, 'family-notice-receipts');

    // The principal's urgent notice: gxsy.parent reads it, the reminder goes to gxsy.parent2 alone.
    const principal = await api('gxsy.principal');
    const urgentTitle = `紧急：明日停课 ${Date.now() % 100000}`;
    const urgent = await principal.post<{ id: number }>('/api/notices', { title: urgentTitle, body: '因暴雨预警，明日停课一天。', urgent: true, audience: { kind: 'classes', ids: [a.classId] } });
    await parentApi.get(`/api/family/notices/${urgent.id}`);
    const boss = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await login(boss, baseUrl, 'gxsy.principal', `/notices/${urgent.id}`);
    await boss.getByRole('button', { name: /提醒未读/ }).click();
    await expect.poll(() => boss.locator('.ant-message').innerText()).toMatch(/\d/);
    type Inbox = { items: { title: string }[] };
    const reminders = (inbox: Inbox) => inbox.items.filter((n) => n.title === `【提醒】${urgentTitle}`).length;
    expect(reminders(await parent2.get<Inbox>('/api/notifications?pageSize=50'))).toBe(1);
    expect(reminders(await parentApi.get<Inbox>('/api/notifications?pageSize=50'))).toBe(0);
    await shot(boss, 'family-notice-reminded');
    await Promise.all([parent.context().close(), desk.context().close(), boss.context().close()]);
  }, 240_000);
});
