import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, pressPlay, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
const { baseUrl } = session;
// The demo's clips are made once, in the background after the first start answers.
const CLIPS = { timeout: 120_000, interval: 2_000 };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

interface Listed { id: number; title: string; subject: string; status: string; hasVideo: boolean; track: string; schoolId: number; teacherUserId: number | null }

/** The API as the signed-in page (its cookies). */
async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${url}`);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

const GXSY = '1371525001';
const SXSY = '1371522001';

// The acceptance flow of issue 9 in the browser: the city research officer (city.research) sets up a
// 同课异构 across 冠县 and 莘县 through the form, 冠县实验小学's teacher attaches her own lesson, and
// a 莘县 teacher in the activity opens that lesson's research page, where the player plays it.
describe('教研活动: a city 同课异构 set up, a lesson attached, watched from the other county', () => {
  it('creates the activity through the form, attaches a lesson, and plays it on the research lesson page', async () => {
    const teacher = await session.loginAs('gxsy.teacher');
    // A lesson of hers that plays: the newest of the dialog's own list (her lessons at her school, on its subject).
    const me = await getJson<{ id: number }>(teacher, '/api/me');
    const all = await getJson<{ items: Listed[] }>(teacher, '/api/recordings?mine=true&status=ready&pageSize=100');
    const subject = all.items.find((r) => r.track === 'composite')?.subject ?? '数学';
    const gxId = all.items[0]!.schoolId;
    let lesson: Listed | undefined;
    await expect.poll(async () => {
      const page = await getJson<{ items: Listed[] }>(teacher, `/api/recordings?mine=true&schoolId=${gxId}&subject=${encodeURIComponent(subject)}&page=1&pageSize=50`);
      // One she taught (not one she only uploaded for a colleague): a member attaches her own lessons.
      lesson = page.items.find((r) => r.status === 'ready' && r.hasVideo && r.track === 'composite' && r.teacherUserId === me.id);
      return lesson !== undefined;
    }, CLIPS).toBe(true);

    const city = await session.loginAs('city.research');
    const schools = await getJson<{ items: { id: number; code: string; name: string }[] }>(city, `/api/schools?q=${encodeURIComponent('实验小学')}&pageSize=100`);
    const gx = schools.items.find((s) => s.code === GXSY)!;
    const sx = schools.items.find((s) => s.code === SXSY)!;
    const sxTeachers = await getJson<{ items: { username: string; name: string }[] }>(city, `/api/people?schoolId=${sx.id}&role=teacher&pageSize=5`);
    const sxTeacher = sxTeachers.items[0]!;

    // The city officer's form: kind, topic, subject, dates, schools of both counties, the two teachers.
    await city.goto(`${baseUrl}/research`);
    await city.locator('[data-testid=create-activity]').click();
    await city.waitForURL(/\/research\/activities\/new$/);
    const topic = `同课异构 ${Date.now().toString(36)}`;
    await city.locator('#topic').fill(topic);
    await city.locator('#subject').fill(subject);
    await city.locator('#dates').click();
    await city.locator('#dates').fill('2026-01-05');
    await city.keyboard.press('Enter');
    await city.locator('[data-testid=activity-form] .ant-picker-range input').nth(1).fill('2036-01-30');
    await city.keyboard.press('Enter');
    for (const school of [gx, sx]) {
      const picker = city.locator('[data-testid=add-school]');
      const option = city.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: school.name }).first();
      await expect.poll(async () => {
        if (await city.locator(`[data-testid=school-${school.id}]`).count()) return true;
        await picker.click();
        await city.keyboard.type(school.name);
        await option.click({ timeout: 5_000 }).catch(() => undefined);
        return (await city.locator(`[data-testid=school-${school.id}]`).count()) > 0;
      }, { timeout: 30_000, interval: 500 }).toBe(true);
    }
    const teachers = city.locator('[data-testid=member-teachers]');
    await chooseOption(city, teachers, '李晓燕', '李晓燕');
    await city.keyboard.press('Escape');
    await chooseOption(city, teachers, sxTeacher.name, sxTeacher.name);
    await city.keyboard.press('Escape');
    await shot(city, 'research-activity-form');
    await city.locator('[data-testid=save-activity]').click();
    await city.waitForURL(/\/research\/activities\/\d+$/);
    const activityId = Number(new URL(city.url()).pathname.split('/').pop());
    await poll(() => city.locator('[data-testid=activity-topic]').innerText()).toBe(topic);
    const created = await getJson<{ level: string; schools: { id: number }[]; members: { name: string }[] }>(city, `/api/research/activities/${activityId}`);
    expect(created.level).toBe('city');
    expect(created.schools.map((s) => s.id).sort()).toEqual([gx.id, sx.id].sort());
    expect(created.members.map((m) => m.name)).toEqual(expect.arrayContaining(['李晓燕', sxTeacher.name]));

    // 冠县's teacher attaches her lesson from the dialog (her own lessons, the activity's subject).
    await teacher.goto(`${baseUrl}/research/activities/${activityId}?tab=lessons`);
    await teacher.locator('[data-testid=attach-lesson]').click();
    const pick = teacher.locator(`[data-testid=attach-${lesson!.id}]`);
    await pick.waitFor();
    await pick.click();
    await poll(() => teacher.locator('[data-testid=lessons-table]').innerText()).toContain(lesson!.title);
    await shot(teacher, 'research-activity-lessons');

    // A 莘县 teacher in the activity finds it in their list and opens the 冠县 lesson: it plays.
    const other = await session.loginAs(sxTeacher.username);
    await other.goto(`${baseUrl}/research`);
    await other.locator('[data-testid=activities-table]').getByText(topic).click();
    await other.waitForURL(new RegExp(`/research/activities/${activityId}$`));
    await other.locator(`[data-testid=lesson-link-${lesson!.id}]`).click();
    await other.waitForURL(new RegExp(`/research/activities/${activityId}/lessons/${lesson!.id}$`));
    await poll(() => other.locator('[data-testid=lesson-title]').innerText()).toBe(lesson!.title);
    await other.locator('[data-testid=lesson-tools]').waitFor();
    const video = other.locator('[data-testid=player-video]');
    await video.waitFor();
    await pressPlay(video);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
    await shot(other, 'research-lesson-page');

    // A 冠县 teacher outside the activity is not shown it.
    const outsider = await session.loginAs('gx2.teacher');
    const denied = await outsider.request.get(`${baseUrl}/api/research/activities/${activityId}`);
    expect(denied.status()).toBe(404);
    await outsider.goto(`${baseUrl}/research/activities/${activityId}/lessons/${lesson!.id}`);
    await poll(() => outsider.locator('.ant-result-title').innerText()).toBeTruthy();
    for (const page of [teacher, city, other, outsider]) await page.context().close();
  }, 240_000);
});
