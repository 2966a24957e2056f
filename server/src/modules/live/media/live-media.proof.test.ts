import { existsSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClassroomBrowser, median, startMediaHarness } from './proof/harness.js';
import { startTimestampRecorder } from './proof/timestamp-frames.js';

/**
 * Acceptance 1, 2 and 5 of issue 12 with real parts: ffmpeg as the lead room's recorder (frame
 * counter, tone, wall-clock time drawn as blocks), Janus started and supervised by the engine,
 * Chromium with fake devices as two receiving rooms and the lead teacher. Each receiving page
 * plays the lead video and reads the time back from it (glass-to-glass delay); the lead's wall
 * shows both receiving classes; the recordings come back as tracks. Then the same one way (HLS).
 * The thresholds are the issue's; they are asserted because the issue demands them.
 */
const JANUS = existsSync('/usr/bin/janus');
let browser: Browser;

beforeAll(async () => { browser = await launchClassroomBrowser(); });
afterAll(async () => { await browser?.close(); });

async function until<T>(what: string, f: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(300);
  }
}
const delaysOf = (p: Page) => p.evaluate(() => (window as unknown as { delays(): number[] }).delays());

describe.runIf(JANUS)('live media through Janus (WebRTC)', () => {
  it('plays the lead room in both receiving rooms within 400 ms, shows both on the lead wall, and keeps the tracks', { timeout: 120_000 }, async () => {
    const h = await startMediaHarness({ LIVE_MEDIA: 'janus', JANUS_HTTP_PORT: '18388', JANUS_WS_PORT: '18488', JANUS_RTP_PORTS: '23000-23499', LIVE_RTP_PORTS: '23500-23599' });
    try {
      expect(h.engine.status()).toEqual({ mode: 'webrtc', reason: null });
      const { mode, handles } = await h.engine.open({ id: 7, leadRoomId: 100, receivingRoomIds: [201, 202] });
      expect(mode).toBe('webrtc');
      const session = { id: 7, mode, handles };
      const target = h.engine.recorderTarget(session);
      const recorder = startTimestampRecorder({ host: target.rtp.host, videoPort: target.rtp.videoPort, audioPort: target.rtp.audioPort, videoPt: target.rtp.videoPayloadType, audioPt: target.rtp.audioPayloadType });
      const pages: Page[] = [];
      const medians: number[] = [];
      try {
        for (const roomId of [201, 202]) {
          const view = h.engine.viewFor(session, { role: 'receiving', roomId, viewerToken: '' });
          const p = await browser.newPage();
          pages.push(p);
          await p.goto(h.baseUrl);
          await p.waitForFunction(() => 'receiving' in window);
          await p.evaluate(([j, r]) => (window as unknown as { receiving(j: unknown, r: number): Promise<void> }).receiving({ ...(j as object), server: '/api/live/janus' }, r as number), [view.janus, roomId] as const);
        }
        const leadView = h.engine.viewFor(session, { role: 'lead', roomId: 100, viewerToken: '' });
        const lead = await browser.newPage();
        pages.push(lead);
        await lead.goto(h.baseUrl);
        await lead.waitForFunction(() => 'lead' in window);
        await lead.evaluate((j) => (window as unknown as { lead(j: unknown): Promise<void> }).lead(j), leadView.janus);

        const wall = await until('both receiving rooms on the lead wall', () => lead.evaluate(() => (window as unknown as { wall(): Array<{ roomId: number; width: number; playing: boolean }> }).wall()),
          (w) => w.length === 2 && w.every((f) => f.width > 0 && f.playing));
        expect(wall.map((f) => f.roomId).sort()).toEqual([201, 202]);

        for (const p of pages.slice(0, 2)) await until('lead video frames', () => delaysOf(p), (d) => d.length >= 60, 60_000);
        await sleep(10_000);
        for (const p of pages.slice(0, 2)) {
          const d = (await delaysOf(p)).slice(-250);
          medians.push(median(d));
        }
        console.log(`live media (WebRTC via Janus): median glass-to-glass delay per receiving room ${medians.map((m) => `${m} ms`).join(', ')}`);
      } finally {
        for (const p of pages) await p.close();
        await recorder.stop();
      }
      const { tracks } = await h.engine.close(7, handles);
      expect(tracks.find((t) => t.lead)?.roomId).toBe(100);
      expect(tracks.filter((t) => !t.lead).map((t) => t.roomId).sort()).toEqual([201, 202]);
      for (const t of tracks) expect(existsSync(t.path)).toBe(true);
      for (const m of medians) expect(m).toBeLessThanOrEqual(400);
    } finally {
      await h.close();
    }
  });
});

describe('live media one way (HLS, as without Janus)', () => {
  it('plays the lead room through low-latency HLS within 4 s, says why, and keeps the lead track', { timeout: 120_000 }, async () => {
    const h = await startMediaHarness({ LIVE_MEDIA: 'hls', LIVE_RTP_PORTS: '23600-23699' });
    try {
      expect(h.engine.status()).toEqual({ mode: 'hls', reason: 'forced_hls' });
      expect(h.logs.join('\n')).toContain('单向直播');
      const { mode, handles } = await h.engine.open({ id: 8, leadRoomId: 100, receivingRoomIds: [201] });
      expect(mode).toBe('hls');
      const session = { id: 8, mode, handles };
      const target = h.engine.recorderTarget(session);
      const recorder = startTimestampRecorder({ host: target.rtp.host, videoPort: target.rtp.videoPort, audioPort: target.rtp.audioPort, videoPt: target.rtp.videoPayloadType, audioPt: target.rtp.audioPayloadType });
      const view = h.engine.viewFor(session, { role: 'receiving', roomId: 201, viewerToken: h.engine.mediaToken(8, 1) });
      expect(view).toMatchObject({ mode: 'hls', reason: 'forced_hls', janus: null });
      const refused = await fetch(`${h.baseUrl}/api/live/hls/8.1.99.${'x'.repeat(43)}/index.m3u8`);
      expect(refused.status).toBe(403);
      const page = await browser.newPage();
      try {
        await page.goto(h.baseUrl);
        await page.waitForFunction(() => 'hls' in window);
        await page.evaluate((u) => (window as unknown as { hls(u: string): Promise<void> }).hls(u), view.hls!.playlistUrl);
        await until('HLS frames', () => delaysOf(page), (d) => d.length >= 100, 60_000);
        await sleep(3000);
        const m = median((await delaysOf(page)).slice(-100));
        console.log(`live media (one-way LL-HLS): median glass-to-glass delay ${m} ms`);
        expect(m).toBeLessThanOrEqual(4000);
      } finally {
        await page.close();
        await recorder.stop();
      }
      const { tracks } = await h.engine.close(8, handles);
      expect(tracks).toHaveLength(1);
      expect(tracks[0]).toMatchObject({ roomId: 100, lead: true });
      expect(statSync(tracks[0]!.path).size).toBeGreaterThan(50_000);
    } finally {
      await h.close();
    }
  });
});
