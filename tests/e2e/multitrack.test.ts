import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseOption, launchBrowser, login, newPage, pressPlay, shot } from './support/browser.js';

// Issue 8, acceptance 5: a 3-track lesson whose cameras started apart plays in step.

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;

/** Three cameras of one lesson: 70 s each (a recording must last a minute) from different test sources, new files every run. */
const TRACKS = [
  { track: 'composite', label: '电影模式', source: 'testsrc', tone: 330, offsetMs: 800 },
  { track: 'teacher', label: '教师特写', source: 'testsrc2', tone: 440, offsetMs: 0 },
  { track: 'blackboard', label: '板书', source: 'smptehdbars', tone: 523, offsetMs: 2000 },
] as const;
const files: Record<string, string> = {};

function makeTrack(path: string, source: string, tone: number): void {
  execFileSync('/usr/bin/ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `${source}=size=480x270:rate=25`, '-f', 'lavfi', '-i', `sine=frequency=${tone}`,
    '-t', '70', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    '-metadata', `comment=e2e multitrack ${Date.now()} ${Math.random()}`, path,
  ]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sunshine-e2e-multitrack-'));
  for (const t of TRACKS) {
    files[t.track] = join(dir, `lesson-${t.track}.mp4`);
    makeTrack(files[t.track]!, t.source, t.tone);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A JSON call from the page, with its session cookie and CSRF header, as the web app makes it. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(async ({ method, path, body }) => {
    const me = (await (await fetch('/api/me', { credentials: 'same-origin' })).json()) as { csrfToken: string };
    const response = await fetch(path, {
      method, credentials: 'same-origin',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-csrf-token': me.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json().catch(() => null)) as T };
  }, { method, path, body });
}

/** Each shown track's lesson time (its video's time plus its start offset), whether it plays. */
function lessonTimes(page: Page) {
  return page.locator('[data-testid=player-stage] [data-track]').evaluateAll((tiles) => tiles.map((tile) => {
    const video = tile.querySelector('video')!;
    return { track: tile.getAttribute('data-track')!, lessonAt: video.currentTime + Number(tile.getAttribute('data-offset-ms')) / 1000, paused: video.paused };
  }));
}

let teacherId = 0;

describe('a lesson of three cameras that started apart', () => {
  it('is uploaded from the upload page and processed, and its start offsets are set by the principal', async () => {
    const page = await newPage(browser);
    await login(page, baseUrl, 'gxsy.teacher', '/recordings/upload');
    await page.locator('#lessonStart').click();
    // Older than the other upload tests' lessons, so theirs stay first in the lists they check.
    await page.locator('#lessonStart').fill('2026-11-16 10:00');
    await page.keyboard.press('Enter');
    await page.locator('#title').fill('E2E 三机位 同步播放');
    await page.locator('#subject').fill('语文');
    for (const [index, t] of TRACKS.entries()) {
      if (index > 0) await page.getByRole('button', { name: '添加机位' }).click();
      await chooseOption(page, page.locator(`[data-testid=track-row-${index}] [data-testid=upload-track]`), t.label);
      await page.locator(`[data-testid=track-row-${index}] input[type=file]`).setInputFiles(files[t.track]!);
    }
    await page.locator('[data-testid=start-upload]').click();
    for (const index of TRACKS.keys()) {
      await page.locator(`[data-testid=track-row-${index}] [data-testid=processing-status][data-status=ready]`).waitFor({ timeout: 180_000 });
    }
    await page.locator('[data-testid=track-row-1] [data-testid=watch-recording]').click();
    await page.waitForURL(/\/recordings\/\d+$/);
    teacherId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('[data-testid=player-video]').waitFor();
    expect(await page.locator('[data-testid=track-offsets]').count()).toBe(0);
    await page.context().close();

    // The principal manages the school's lessons (the teacher does not see the control): the
    // blackboard camera began 2 s late, the wide one 0.8 s.
    const principal = await newPage(browser);
    await login(principal, baseUrl, 'gxsy.principal', `/recordings/${teacherId}`);
    await principal.locator('[data-testid=track-offsets]').click();
    for (const t of TRACKS) {
      const input = principal.locator(`input[data-testid=offset-${t.track}], [data-testid=offset-${t.track}] input`).first();
      await input.fill(String(t.offsetMs / 1000));
      await input.press('Tab');
    }
    await principal.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => principal.locator('body').innerText()).toContain('机位同步已保存');
    await expect.poll(() => principal.locator('body').innerText()).toContain('板书 · 可观看 · 起点 2.0 秒');
    const detail = await api<{ track: string; tracks: { track: string; startOffsetMs: number }[] }>(principal, 'GET', `/api/recordings/${teacherId}`);
    expect(detail.json.track).toBe('teacher');
    expect(Object.fromEntries(detail.json.tracks.map((x) => [x.track, x.startOffsetMs]))).toEqual({ composite: 800, teacher: 0, blackboard: 2000 });
    // The scrub thumbnails are made right after a lesson is ready; wait for the main track's.
    await expect.poll(async () => {
      const grant = await api<{ tracks: { track: string; thumbnails: string }[] }>(principal, 'POST', `/api/recordings/${teacherId}/playback`);
      const vtt = grant.json.tracks.find((x) => x.track === 'teacher')!.thumbnails;
      return principal.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, vtt);
    }, { timeout: 60_000, interval: 1_000 }).toBe(200);
    await principal.context().close();
  }, 300_000);

  it('plays the three tracks in a grid in step on the lesson clock (drift < 0.2 s), and as picture in picture', async () => {
    expect(teacherId).toBeGreaterThan(0);
    const page = await newPage(browser);
    await login(page, baseUrl, 'gxsy.principal', `/recordings/${teacherId}`);
    await page.locator('[data-testid=player-video]').waitFor();
    await page.locator('[data-testid=player-layout]').getByText('多画面').click();
    await expect.poll(() => page.locator('[data-testid=player-stage] video').count()).toBe(3);
    expect(await page.locator('[data-testid=player-stage] [data-track]').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-offset-ms'))))
      .toEqual(['800', '0', '2000']);

    await pressPlay(page.locator('[data-testid=player-video]'));
    // Past the blackboard camera's start (2 s): every track is playing.
    await expect.poll(async () => (await lessonTimes(page)).every((x) => !x.paused && x.lessonAt > 4), { timeout: 30_000 }).toBe(true);

    // Sampled every 250 ms over 4 s: the tracks' lesson times stay within 0.2 s of each other.
    const drifts: number[] = [];
    for (let i = 0; i < 16; i++) {
      const times = await lessonTimes(page);
      expect(times.map((x) => x.paused)).toEqual([false, false, false]);
      const at = times.map((x) => x.lessonAt);
      drifts.push(Math.max(...at) - Math.min(...at));
      await page.waitForTimeout(250);
    }
    expect(Math.max(...drifts), `drifts ${drifts.map((d) => d.toFixed(3)).join(' ')}`).toBeLessThan(0.2);
    await shot(page, 'player-multitrack-grid-desktop');

    // A seek on the main picture moves the others with it, each by its own offset.
    await page.locator('[data-testid=player-video]').evaluate((video: HTMLVideoElement) => {
      video.currentTime = 15;
    });
    await expect.poll(async () => {
      const at = (await lessonTimes(page)).map((x) => x.lessonAt);
      return Math.max(...at) - Math.min(...at) < 0.2 && Math.min(...at) > 15;
    }, { timeout: 20_000 }).toBe(true);

    // The seek bar shows the scrub thumbnail of the moment under the pointer.
    const bar = page.locator('[data-testid=scrub-bar]');
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.locator('[data-testid=scrub-picture]').waitFor();
    expect(await page.locator('[data-testid=scrub-picture]').evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('/thumbs/sprite.jpg');
    await expect.poll(() => page.locator('[data-testid=scrub-preview]').innerText()).toMatch(/^0:2[0-2]$/); // 30 % of 70 s
    await shot(page, 'player-multitrack-scrub-desktop', false);
    await page.mouse.move(0, 0);

    // Picture in picture: the main picture large, the other two small over it, still in step.
    await page.locator('[data-testid=player-layout]').getByText('画中画').click();
    await expect.poll(() => page.locator('[data-testid=player-stage] [data-role=other]').count()).toBe(2);
    await expect.poll(async () => {
      const times = await lessonTimes(page);
      const at = times.map((x) => x.lessonAt);
      return times.every((x) => !x.paused) && Math.max(...at) - Math.min(...at) < 0.2;
    }, { timeout: 10_000 }).toBe(true);
    await shot(page, 'player-multitrack-pip-desktop');
    await page.context().close();
  }, 120_000);
});
