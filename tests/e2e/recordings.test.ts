import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseOption, DESKTOP, launchBrowser, login, newPage, PHONE, pressPlay, shot } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;
const files = { teacher: '', blackboard: '' };

/**
 * A 70-second H.264/AAC lesson from one of ffmpeg's test sources. The comment makes each run's
 * file new to the server, which would otherwise recognise a file it holds (same SHA-256) and
 * answer with the earlier recording.
 */
function makeLesson(path: string, source: string, tone: number): void {
  execFileSync('/usr/bin/ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `${source}=size=640x360:rate=25`, '-f', 'lavfi', '-i', `sine=frequency=${tone}`,
    '-t', '70', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-c:a', 'aac', '-shortest',
    '-metadata', `comment=e2e ${Date.now()} ${Math.random()}`, path,
  ]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sunshine-e2e-media-'));
  files.teacher = join(dir, 'lesson-teacher.mp4');
  files.blackboard = join(dir, 'lesson-blackboard.mp4');
  makeLesson(files.teacher, 'testsrc2', 440);
  makeLesson(files.blackboard, 'smptehdbars', 523);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens an antd Select inside `scope` and picks the option with exactly this label. */
function choose(page: Page, scope: string, label: string): Promise<void> {
  return chooseOption(page, page.locator(scope), label);
}

/** Upload bandwidth of the page, in bytes a second (-1: unlimited). */
async function throttleUploads(cdp: CDPSession, bytesPerSecond: number): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

/** Seconds played by the page's n-th video. */
const playedAt = (page: Page, n = 0) => page.locator('video').nth(n).evaluate((video: HTMLVideoElement) => video.currentTime);

let recordingId = 0;

describe('lesson upload and playback', () => {
  it('uploads two tracks of a lesson, survives a reload mid-way by resuming, and follows processing to ready', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'gxsy.teacher', '/recordings/upload');
    await expect.poll(() => page.locator('[data-testid=resume-help]').innerText()).toContain('断点续传');

    await page.locator('#lessonStart').click();
    await page.locator('#lessonStart').fill('2026-11-27 08:00');
    await page.keyboard.press('Enter');
    await page.locator('#title').fill('E2E 分数的初步认识');
    await page.locator('#subject').fill('数学');
    await choose(page, '[data-testid=track-row-0] [data-testid=upload-track]', '教师特写');
    await page.getByRole('button', { name: '添加机位' }).click();
    await choose(page, '[data-testid=track-row-1] [data-testid=upload-track]', '板书');
    await page.locator('[data-testid=track-row-0] input[type=file]').setInputFiles(files.teacher);
    await page.locator('[data-testid=track-row-1] input[type=file]').setInputFiles(files.blackboard);

    // A slow village link: the page is reloaded while the teacher track is on its way (the
    // blackboard's colour bars make a small file, which is through by then).
    const cdp = await page.context().newCDPSession(page);
    await throttleUploads(cdp, 1024 * 1024);
    await page.locator('[data-testid=start-upload]').click();
    const progress = page.locator('[data-testid=track-row-0] [data-testid=upload-progress]');
    await expect.poll(async () => Number((await progress.innerText()).replace('%', '')), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'upload-progress-desktop');
    await page.reload();
    await throttleUploads(cdp, -1);

    // After the reload: the unfinished upload is listed; choosing the same file continues it.
    const pending = page.locator('[data-testid=pending-uploads]');
    // The reloaded page may take a while on a server still packaging its demo lessons.
    await pending.waitFor();
    await expect.poll(() => pending.locator('.ant-list-item').count()).toBe(1);
    await expect.poll(() => pending.innerText()).toContain('lesson-teacher.mp4');
    await expect.poll(() => pending.innerText()).toMatch(/已上传 [1-9]\d*%/);
    const creations: string[] = [];
    const offsets: number[] = [];
    page.on('request', (request) => {
      if (!request.url().includes('/api/uploads')) return;
      if (request.method() === 'POST') creations.push(request.url());
      if (request.method() === 'PATCH') offsets.push(Number(request.headers()['upload-offset']));
    });
    await pending.locator('input[type=file]').setInputFiles(files.teacher);
    await expect.poll(() => pending.innerText()).toContain('从上次中断处继续');
    await shot(page, 'upload-resumed-desktop');

    await pending.locator('[data-testid=processing-status]').waitFor({ timeout: 60_000 });
    await pending.locator('[data-testid=processing-status][data-status=ready]').waitFor({ timeout: 90_000 });
    // The same upload went on from where the server had stopped: no new upload, no byte sent twice.
    expect(creations).toEqual([]);
    expect(offsets[0]).toBeGreaterThan(0);
    await shot(page, 'upload-ready-desktop');

    await pending.locator('[data-testid=watch-recording]').click();
    await page.waitForURL(/\/recordings\/\d+$/);
    recordingId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.context().close();
  });

  it('plays the lesson with the viewer watermark, renews its media token, and shows two tracks in a grid in step', async () => {
    expect(recordingId).toBeGreaterThan(0);
    const page = await newPage(browser);
    // Grants that seem to expire in a minute make the player renew within seconds.
    const grants: string[] = [];
    await page.route('**/api/recordings/*/playback', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { token: string; expiresAt: string };
      grants.push(body.token);
      await route.fulfill({ response, json: { ...body, expiresAt: new Date(Date.now() + 62_000).toISOString() } });
    });
    const mediaUrls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/media/')) mediaUrls.push(request.url());
    });
    await login(page, baseUrl, 'gxsy.principal', `/recordings/${recordingId}`);
    await page.locator('[data-testid=player-video]').waitFor();
    await expect.poll(() => page.locator('[data-testid=watermark]').innerText()).toContain('gxsy.principal');

    await pressPlay(page.locator('[data-testid=player-video]'));
    await expect.poll(() => playedAt(page), { timeout: 20_000 }).toBeGreaterThan(2);
    await shot(page, 'player-desktop');

    // Renewed: segments fetched afterwards carry the new token, and the video plays on.
    await expect.poll(() => grants.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await page.locator('[data-testid=player-video]').evaluate((video: HTMLVideoElement) => {
      video.currentTime = 50;
    });
    await expect.poll(() => mediaUrls.some((url) => url.includes(grants[1]!) && url.endsWith('.ts')), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => playedAt(page), { timeout: 20_000 }).toBeGreaterThan(51);
    await page.locator('[data-testid=player-video]').evaluate((video: HTMLVideoElement) => {
      video.currentTime = 0;
    });

    await page.locator('[data-testid=player-layout]').getByText('多画面').click();
    await expect.poll(() => page.locator('video').count()).toBe(2);
    await pressPlay(page.locator('[data-testid=player-video]'));
    await expect.poll(() => playedAt(page, 1), { timeout: 20_000 }).toBeGreaterThan(3);
    await expect.poll(async () => Math.abs((await playedAt(page, 0)) - (await playedAt(page, 1))), { timeout: 10_000 }).toBeLessThan(0.5);
    await shot(page, 'player-side-by-side-desktop');

    // Back later, the lesson resumes where it was left.
    await expect.poll(() => playedAt(page), { timeout: 20_000 }).toBeGreaterThan(6);
    await page.locator('[data-testid=player-video]').evaluate((video: HTMLVideoElement) => video.pause());
    await page.reload();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('已从上次观看的位置');
    await page.context().close();
  });

  it('lists the lesson as not counting, with the reason, and plays on a phone when play was pressed before the player loaded', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'gxsy.principal', '/recordings?counts=false');
    const row = page.locator('.ant-table-row').filter({ hasText: 'E2E 分数的初步认识' }).first();
    await expect.poll(() => row.innerText()).toContain('不计入');
    await shot(page, 'recordings-phone');
    // On a slow link the player's code arrives after the viewer pressed play: the press counts.
    await page.route('**/assets/hls.light-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await page.goto(`${baseUrl}/recordings/${recordingId}`);
    const video = page.locator('[data-testid=player-video]');
    expect(await video.evaluate((element: HTMLVideoElement) => element.currentSrc)).toBe('');
    await pressPlay(video);
    await expect.poll(() => playedAt(page), { timeout: 20_000 }).toBeGreaterThan(1);
    await shot(page, 'player-phone');
    await page.context().close();

    const desk = await newPage(browser);
    await login(desk, baseUrl, 'guanxian.research', '/recordings');
    await desk.locator('.ant-table-row').first().waitFor();
    await shot(desk, 'recordings-desktop');
    await desk.context().close();
  });
});

describe('date pickers in a browser set to another time zone', () => {
  it('show and take Asia/Shanghai days and times in a New York browser', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // 20:00 UTC: 15:00 of the 27th in New York, already 04:00 of the 28th in Liaocheng.
    await page.clock.setFixedTime(new Date('2026-11-27T20:00:00Z'));

    // "Today" among the school-day presets is Liaocheng's.
    await login(page, baseUrl, 'gxsy.principal', '/recordings');
    await page.locator('.ant-picker-range').click();
    await page.locator('.ant-picker-presets li').filter({ hasText: '今天' }).click();
    await page.waitForURL(/from=2026-11-28/);
    expect(new URL(page.url()).searchParams.get('to')).toBe('2026-11-28');

    // A new room's status date defaults to Liaocheng's today.
    await page.goto(`${baseUrl}/rooms`);
    await page.locator('[data-testid=create-room]').click();
    await expect.poll(() => page.locator('.ant-modal #statusDate').inputValue()).toBe('2026-11-28');
    await page.keyboard.press('Escape');

    // A lesson typed as 08:00 is 08:00 in Liaocheng (+08:00), not in New York; "now" is Liaocheng's.
    await page.goto(`${baseUrl}/recordings/upload`);
    await page.locator('#lessonStart').click();
    await page.locator('.ant-picker-dropdown:visible .ant-picker-now-btn').click();
    await expect.poll(() => page.locator('#lessonStart').inputValue()).toBe('2026-11-28 04:00');
    await page.locator('#lessonStart').click();
    await page.locator('#lessonStart').fill('2026-11-27 08:00');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#lessonStart').inputValue()).toBe('2026-11-27 08:00');
    // Filled in from "now" + 40 minutes when the start was first chosen.
    await expect.poll(() => page.locator('#lessonEnd').inputValue()).toBe('2026-11-28 04:40');
    const metadata = new Promise<Record<string, string>>((resolve) => {
      void page.route('**/api/uploads', async (route) => {
        const header = route.request().headers()['upload-metadata'] ?? '';
        resolve(Object.fromEntries(header.split(',').map((pair) => {
          const [key, value] = pair.trim().split(' ');
          return [key!, Buffer.from(value ?? '', 'base64').toString('utf8')];
        })));
        await route.abort();
      });
    });
    await page.locator('[data-testid=track-row-0] input[type=file]').setInputFiles(files.blackboard);
    await page.locator('[data-testid=start-upload]').click();
    const sent = await metadata;
    expect(sent).toMatchObject({ lessonStart: '2026-11-27T08:00:00+08:00', lessonEnd: '2026-11-28T04:40:00+08:00' });
    await context.close();
  });
});
