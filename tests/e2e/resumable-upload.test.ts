import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, newPage, pressPlay, shot } from './support/browser.js';

// Issue 3, acceptance 1: a 10-minute 720p H.264/AAC lesson sent from the upload page with
// tus-js-client, cut three times on its way and resumed each time, arrives byte for byte and plays.

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
let browser: Browser;

// Made once and kept between runs (a minute of ffmpeg on a small machine). Each run's server
// starts from an empty DATA_DIR, so the same bytes are new to it.
const lesson = join(tmpdir(), 'sunshine-e2e-lesson-720p-600s.mp4');
// ~1.8 MB/s: the ~83 MB file takes about 50 s with the reloads, long enough to cut it at a
// quarter, half and three quarters of the way.
const UPLOAD_BYTES_PER_SECOND = 1.8 * 1024 * 1024;

// The page works on a busy machine (the server is taking the upload): wait longer than poll's 1 s.
const SOON = { timeout: 15_000 };

function makeLongLesson(): void {
  if (existsSync(lesson)) return;
  const part = `${lesson}.${process.pid}.part`;
  execFileSync('/usr/bin/ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', '600', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-pix_fmt', 'yuv420p', '-b:v', '1M', '-maxrate', '1M', '-bufsize', '2M',
    '-c:a', 'aac', '-b:a', '96k', '-shortest', '-f', 'mp4', part,
  ]);
  // Renamed only when whole, so an interrupted run never leaves a truncated file to reuse.
  renameSync(part, lesson);
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

beforeAll(async () => {
  makeLongLesson();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Upload bandwidth of the page, in bytes a second; set again after each reload. */
async function throttleUploads(cdp: CDPSession, bytesPerSecond: number): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

/** The percentage shown by the visible upload progress bar. */
async function shownPercent(page: Page, scope: string): Promise<number> {
  return Number((await page.locator(`${scope} [data-testid=upload-progress]`).innerText()).replace('%', ''));
}

/** The upload URLs tus-js-client keeps in this page's localStorage. */
function storedUploadUrls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('tus::')).map((key) => (JSON.parse(localStorage.getItem(key)!) as { uploadUrl: string }).uploadUrl));
}

/** The bytes the server holds of an upload, asked with tus HEAD from the page (its session). */
function serverOffset(page: Page, url: string): Promise<number> {
  return page.evaluate(async (target) => {
    const response = await fetch(target, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' }, credentials: 'same-origin' });
    return Number(response.headers.get('Upload-Offset'));
  }, url);
}

const playedAt = (page: Page) => page.locator('[data-testid=player-video]').evaluate((video: HTMLVideoElement) => video.currentTime);

describe('a long lesson over a weak link', () => {
  it('survives three cuts mid-way, resuming from the server\'s offset each time, and plays with the source\'s SHA-256', async () => {
    const size = statSync(lesson).size;
    const page = await newPage(browser);
    const creations: string[] = [];
    const patches: { url: string; offset: number }[] = [];
    const heads: { url: string; offset: number }[] = [];
    page.on('request', (request) => {
      if (!new URL(request.url()).pathname.startsWith('/api/uploads')) return;
      if (request.method() === 'POST') creations.push(request.url());
      if (request.method() === 'PATCH') patches.push({ url: request.url(), offset: Number(request.headers()['upload-offset']) });
    });
    // Every tus exchange, to tell on a failure where the upload stopped.
    const trail: string[] = [];
    const note = (what: string) => trail.push(`${((Date.now() - t0) / 1000).toFixed(1)}s ${what}`);
    const t0 = Date.now();
    page.on('response', (response) => {
      const request = response.request();
      if (!new URL(request.url()).pathname.startsWith('/api/uploads')) return;
      note(`${request.method()} ${request.headers()['upload-offset'] ?? ''} → ${response.status()} offset ${response.headers()['upload-offset'] ?? ''}`);
      if (request.method() === 'HEAD') heads.push({ url: request.url(), offset: Number(response.headers()['upload-offset']) });
    });
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/uploads')) note(`${request.method()} failed: ${request.failure()?.errorText}`);
    });

    await login(page, baseUrl, 'gxsy.teacher', '/recordings/upload');
    await page.locator('#lessonStart').click();
    await page.locator('#lessonStart').fill('2026-11-26 09:00');
    await page.keyboard.press('Enter');
    await page.locator('#title').fill('E2E 十分钟长课 断点续传');
    await page.locator('#subject').fill('语文');
    await page.locator('[data-testid=track-row-0] input[type=file]').setInputFiles(lesson);

    const cdp = await page.context().newCDPSession(page);
    await throttleUploads(cdp, UPLOAD_BYTES_PER_SECOND);
    const started = Date.now();
    await page.locator('[data-testid=start-upload]').click();
    await expect.poll(() => creations.length, SOON).toBe(1);
    await expect.poll(async () => (await storedUploadUrls(page)).length, SOON).toBe(1);
    const [uploadUrl] = await storedUploadUrls(page);
    const uploadPath = new URL(uploadUrl!, baseUrl).pathname;

    let scope = '[data-testid=track-row-0]';
    let held = 0;
    const resumedFrom: number[] = [];
    for (const cutAt of [25, 50, 75]) {
      await expect.poll(() => shownPercent(page, scope), { timeout: 40_000 }).toBeGreaterThanOrEqual(cutAt);
      // The cut: the page goes away in the middle of a PATCH.
      await page.reload();
      await throttleUploads(cdp, UPLOAD_BYTES_PER_SECOND);

      // Still the one upload, which the server holds a part of: more than before the cut, not all.
      const pending = page.locator('[data-testid=pending-uploads]');
      await expect.poll(() => pending.locator('.ant-list-item').count(), SOON).toBe(1);
      expect(await storedUploadUrls(page)).toEqual([uploadUrl]);
      const before = held;
      await expect.poll(() => serverOffset(page, uploadUrl!), SOON).toBeGreaterThan(before);
      held = await serverOffset(page, uploadUrl!);
      expect(held).toBeLessThan(size);
      // The page shows what the server holds, which is about where the cut fell.
      const shownHeld = async () => Number(/已上传 (\d+)%/.exec(await pending.innerText())?.[1] ?? -1);
      await expect.poll(shownHeld, SOON).toBeGreaterThanOrEqual(cutAt - 5);
      expect(await shownHeld()).toBeLessThanOrEqual(Math.floor((held / size) * 100));
      if (cutAt === 50) await shot(page, 'long-upload-cut');

      // Choosing the same file again goes on from the byte the server reports.
      const patchesBefore = patches.length;
      const headsBefore = heads.length;
      await pending.locator('input[type=file]').setInputFiles(lesson);
      await expect.poll(() => pending.innerText(), SOON).toContain('从上次中断处继续');
      await expect.poll(() => patches.length, SOON).toBeGreaterThan(patchesBefore);
      const asked = heads.slice(headsBefore).filter((head) => new URL(head.url).pathname === uploadPath);
      expect(asked.length).toBeGreaterThan(0);
      const resumedAt = patches[patchesBefore]!;
      expect(new URL(resumedAt.url).pathname).toBe(uploadPath);
      expect(resumedAt.offset).toBe(asked.at(-1)!.offset);
      expect(resumedAt.offset).toBeGreaterThanOrEqual(held);
      resumedFrom.push(resumedAt.offset);
      scope = '[data-testid=pending-uploads]';
    }

    const pending = page.locator('[data-testid=pending-uploads]');
    await pending.locator('[data-testid=processing-status]').waitFor({ timeout: 60_000 }).catch(async (error: Error) => {
      await shot(page, 'long-upload-stuck');
      throw new Error(`${error.message}\n${trail.join('\n')}\n${await pending.innerText()}`);
    });
    const uploadSeconds = (Date.now() - started) / 1000;
    // One upload from first byte to last: never created again, every PATCH to the same URL.
    expect(creations).toHaveLength(1);
    expect(patches.every((patch) => new URL(patch.url).pathname === uploadPath)).toBe(true);
    await pending.locator('[data-testid=processing-status][data-status=ready]').waitFor({ timeout: 120_000 });
    await pending.locator('[data-testid=watch-recording]').click();
    await page.waitForURL(/\/recordings\/\d+$/);
    const recordingId = Number(new URL(page.url()).pathname.split('/').pop());

    // The upload's own status names the recording, and the recording keeps the source's hash.
    // (An upload's status wants the session's CSRF header, as tus requests do.)
    const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/me`)).json()) as { csrfToken: string };
    const status = (await (await page.request.get(`${baseUrl}${uploadPath}`, { headers: { 'x-csrf-token': csrfToken } })).json()) as {
      status: string; receivedBytes: number; recordingId: number;
    };
    expect(status).toMatchObject({ status: 'complete', receivedBytes: size, recordingId });
    const recording = (await (await page.request.get(`${baseUrl}/api/recordings/${recordingId}`)).json()) as { sha256: string; sizeBytes: number; status: string };
    const sourceHash = await sha256Of(lesson);
    expect(recording).toMatchObject({ status: 'ready', sizeBytes: size, sha256: sourceHash });
    // On disk storage, the stored file itself is hashed too (not only the hash the server noted).
    const stored = join(dataDir, 'objects', 'recordings', String(recordingId), 'source.mp4');
    if (dataDir && !process.env.STORAGE_URL) expect(await sha256Of(stored)).toBe(sourceHash);

    // It plays in Chromium, the whole ten minutes, including past the places where it was cut.
    const video = page.locator('[data-testid=player-video]');
    await pressPlay(video);
    await expect.poll(() => playedAt(page), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(595);
    await video.evaluate((element: HTMLVideoElement) => {
      element.currentTime = 450;
    });
    await expect.poll(() => playedAt(page), { timeout: 20_000 }).toBeGreaterThan(452);
    await shot(page, 'long-upload-player');
    console.info(`long upload: ${(size / 1024 ** 2).toFixed(1)} MB in ${uploadSeconds.toFixed(0)} s with three cuts (resumed at ${resumedFrom.map((at) => `${((at / size) * 100).toFixed(1)}%`).join(', ')}), recording ${recordingId}`);
    await page.context().close();
  }, 240_000);
});
