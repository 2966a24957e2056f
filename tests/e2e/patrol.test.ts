import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

// Issue 9, acceptance 6: a principal patrols three lessons on today's wall; the statistics page counts them.
// Today's lessons are uploaded by the test itself (tus, as a recorder or the upload page sends
// them), so it holds on a weekend or holiday too: the wall is "recorded today", whatever the day.

const session = useBrowserSession();
const SOON = { timeout: 20_000 };
const PROCESSED = { timeout: 180_000, interval: 2_000 };
const RUN = `${Date.now()}`;
const LESSONS = [
  { title: `E2E 巡课 数学 ${RUN}`, subject: '数学', teacher: '李晓燕', at: '08:05', scores: [5, 4, 4, 5], note: '课堂有序，学生参与积极。' },
  { title: `E2E 巡课 语文 ${RUN}`, subject: '语文', teacher: '王海燕', at: '08:55', scores: [4, 4, 3, 4], note: '建议增加学生朗读展示。' },
  { title: `E2E 巡课 科学 ${RUN}`, subject: '科学', teacher: '刘建国', at: '09:45', scores: [3, 4, 4, 5], note: '实验演示清楚。' },
] as const;
const ITEMS = ['order', 'organisation', 'engagement', 'technology'] as const;

let dir: string;
const files: string[] = [];

/** A 61-second lesson (a recording must last a minute), tiny and new bytes every run. */
function makeClip(path: string, tone: number): void {
  execFileSync('/usr/bin/ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=10', '-f', 'lavfi', '-i', `sine=frequency=${tone}`,
    '-t', '61', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '20', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k', '-shortest',
    '-metadata', `comment=e2e patrol ${RUN} ${tone} ${Math.random()}`, path,
  ]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sunshine-e2e-patrol-'));
  LESSONS.forEach((_, i) => {
    files[i] = join(dir, `lesson-${i}.mp4`);
    makeClip(files[i]!, 330 + i * 110);
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Today in Liaocheng (Asia/Shanghai), whatever the machine's zone. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The signed-in page's session, for calls the test makes from Node (its cookie and CSRF token). */
async function sessionOf(page: Page) {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const me = (await (await fetch(`${session.baseUrl}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`${session.baseUrl}${url}`);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** Uploads one lesson track with tus 1.0.0, as the principal (their school is the lesson's). */
async function upload(page: Page, file: string, meta: Record<string, string>): Promise<void> {
  const { cookie, csrf } = await sessionOf(page);
  const bytes = readFileSync(file);
  const metadata = Object.entries(meta).map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`).join(',');
  const tus = { cookie, 'x-csrf-token': csrf, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${session.baseUrl}/api/uploads`, {
    method: 'POST', headers: { ...tus, 'upload-length': String(bytes.length), 'upload-metadata': metadata },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const location = new URL(created.headers.get('location')!, session.baseUrl).toString();
  const patched = await fetch(location, {
    method: 'PATCH', headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: bytes,
  });
  expect(patched.status, await patched.clone().text()).toBe(204);
}

interface WallItem { recordingId: number; title: string; state: string; mine: { score: number } | null }
interface Stats { totals: { patrols: number; lessons: number } }

describe('class patrol (巡课): a principal patrols today\'s lessons and the statistics count them', () => {
  it('patrols three lessons on today\'s wall, each from the player with the form beside it; the statistics count them', async () => {
    const page = await session.loginAs('gxsy.principal');
    const day = shanghaiToday();
    const before = await getJson<Stats>(page, '/api/patrol/stats');

    // Three lessons of today at the principal's school, through the real upload and processing.
    for (const [i, lesson] of LESSONS.entries()) {
      await upload(page, files[i]!, {
        filename: `patrol-${i}.mp4`, lessonStart: `${day}T${lesson.at}:00+08:00`, track: 'composite', groupId: `e2e-patrol-${RUN}-${i}`,
        subject: lesson.subject, grade: '四年级', teacher: lesson.teacher, title: lesson.title,
      });
    }
    const ours = async () => (await getJson<{ items: WallItem[] }>(page, '/api/patrol/wall?pageSize=100')).items
      .filter((item) => LESSONS.some((l) => l.title === item.title));
    await expect.poll(async () => (await ours()).filter((item) => item.state === 'ready').length, PROCESSED).toBe(3);
    const ids = new Map((await ours()).map((item) => [item.title, item.recordingId]));

    // The wall, in the menu: the three cards, ready to watch, not yet patrolled; the note on live classes.
    await page.locator('[data-testid=side-menu] .ant-menu-item', { hasText: '巡课' }).click();
    await page.waitForURL(/\/patrol$/);
    await page.locator('[data-testid=patrol-live-note]').waitFor();
    for (const lesson of LESSONS) {
      const card = page.locator(`[data-testid=patrol-card][data-recording-id="${ids.get(lesson.title)}"]`);
      await card.waitFor(SOON);
      expect(await card.getAttribute('data-state')).toBe('ready');
      expect(await card.getAttribute('data-patrolled')).toBe('no');
    }
    await shot(page, 'patrol-wall');

    for (const lesson of LESSONS) {
      const id = ids.get(lesson.title)!;
      await page.locator(`[data-testid=patrol-card][data-recording-id="${id}"]`).click();
      await page.waitForURL(new RegExp(`/patrol/lessons/${id}$`));
      // The player beside the form.
      await page.locator('[data-testid=player-video]').waitFor(SOON);
      const form = page.locator('[data-testid=patrol-form]');
      await form.waitFor();
      for (const [n, item] of ITEMS.entries()) {
        await form.locator(`[data-testid=patrol-item-${item}] .ant-radio-button-wrapper`, { hasText: String(lesson.scores[n]) }).click();
      }
      await form.locator('[data-testid=patrol-note]').fill(lesson.note);
      const mean = Math.round((lesson.scores.reduce((a, b) => a + b, 0) / 4) * 10) / 10;
      await expect.poll(() => form.locator('[data-testid=patrol-score]').innerText()).toContain(String(mean));
      await form.locator('[data-testid=patrol-save]').click();
      await expect.poll(() => page.locator('body').innerText(), SOON).toContain('巡课记录已保存');
      await expect.poll(() => form.locator('[data-testid=patrol-save]').innerText(), SOON).toContain('修改巡课记录');
      if (lesson === LESSONS[0]) await shot(page, 'patrol-lesson');
      await page.locator('.ant-breadcrumb a', { hasText: '巡课' }).click();
      await page.waitForURL(/\/patrol$/);
      await expect.poll(() => page.locator(`[data-testid=patrol-card][data-recording-id="${id}"]`).getAttribute('data-patrolled'), SOON).toBe('yes');
    }
    expect((await ours()).every((item) => item.mine !== null)).toBe(true);

    // The statistics page counts the three patrols (of three lessons) on top of the term's earlier ones.
    await page.getByRole('tab', { name: '巡课统计' }).click();
    await page.waitForURL(/\/patrol\/stats$/);
    await expect.poll(() => page.locator('[data-testid=patrol-total-patrols] .ant-statistic-content').innerText(), SOON)
      .toBe(String(before.totals.patrols + 3));
    expect(await page.locator('[data-testid=patrol-total-lessons] .ant-statistic-content').innerText()).toBe(String(before.totals.lessons + 3));
    expect(await page.locator('[data-testid=patrol-schools]').innerText()).toContain('冠县实验小学');
    await page.locator('[data-testid=patrol-view]').getByText('巡课记录').click();
    for (const lesson of LESSONS) await expect.poll(() => page.locator('.ant-table-tbody').innerText(), SOON).toContain(lesson.note);
    await shot(page, 'patrol-stats');
  }, 300_000);
});
