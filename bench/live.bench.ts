import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { launchClassroomBrowser, median, startMediaHarness } from '../server/src/modules/live/media/proof/harness.js';
import { startTimestampRecorder } from '../server/src/modules/live/media/proof/timestamp-frames.js';

/**
 * Issue 12, acceptance 2: a live class through Janus on this machine — 1 lead (recorder + the
 * lead's wall), 3 receiving rooms publishing their cameras, N viewers (default 30,
 * BENCH_LIVE_VIEWERS) — beside the same stream sent to one viewer, measured in the same run:
 * median glass-to-glass delay (from the time drawn into the frames), and Janus's CPU (from
 * /proc/<pid>/stat) per viewer.
 */
const TICKS = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const parts = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(parts[11]) + Number(parts[12])) / TICKS; // utime, stime
}

type Win = { receiving(j: unknown, r: number): Promise<void>; watcher(j: unknown): Promise<void>; lead(j: unknown): Promise<void>; delays(): number[] };

async function scenario(browser: Browser, viewers: number, receiving: number, seconds: number) {
  const step = (m: string) => { if (process.env.BENCH_VERBOSE) console.log(`  … ${m}`); };
  step('starting Janus');
  const h = await startMediaHarness({ LIVE_MEDIA: 'janus', JANUS_HTTP_PORT: '18588', JANUS_WS_PORT: '18688', JANUS_RTP_PORTS: '24000-24999', LIVE_RTP_PORTS: '25000-25099' });
  const pages: Page[] = [];
  try {
    const { mode, handles } = await h.engine.open({ id: 1, leadRoomId: 100, receivingRoomIds: [201, 202, 203].slice(0, receiving) });
    if (mode !== 'webrtc') throw new Error('Janus is not available: the live bench needs /usr/bin/janus');
    const session = { id: 1, mode, handles };
    step('session open');
    const t = h.engine.recorderTarget(session);
    const recorder = startTimestampRecorder({ host: t.rtp.host, videoPort: t.rtp.videoPort, audioPort: t.rtp.audioPort, videoPt: t.rtp.videoPayloadType, audioPt: t.rtp.audioPayloadType });
    const open = async (kind: 'receiving' | 'lead' | 'watcher', janus: unknown, roomId = 0) => {
      const p = await browser.newPage();
      pages.push(p);
      await p.goto(h.baseUrl);
      await p.waitForFunction(() => 'watcher' in window);
      await p.evaluate(([k, j, r]) => (window as unknown as Record<string, (j: unknown, r: number) => Promise<void>>)[k as string]!(j, r as number), [kind, janus, roomId] as const);
      return p;
    };
    try {
      const measured: Page[] = [];
      for (let r = 0; r < receiving; r++) {
        const view = h.engine.viewFor(session, { role: 'receiving', roomId: 201 + r, viewerToken: '' });
        measured.push(await open('receiving', view.janus, 201 + r));
      }
      if (receiving > 0) {
        const lead = h.engine.viewFor(session, { role: 'lead', roomId: 100, viewerToken: '' });
        await open('lead', lead.janus);
      }
      const watch = h.engine.viewFor(session, { role: 'watcher', roomId: null, viewerToken: '' });
      for (let v = 0; v < viewers; v++) {
        const p = await open('watcher', watch.janus);
        if (v < 3) measured.push(p);
      }
      step('pages open');
      await sleep(8000); // connections settle
      const pid = h.engine.janusPid()!;
      const before = cpuSeconds(pid);
      const marks = await Promise.all(measured.map((p) => p.evaluate(() => (window as unknown as Win).delays().length)));
      await sleep(seconds * 1000);
      const cpu = (cpuSeconds(pid) - before) / seconds;
      const delays = (await Promise.all(measured.map((p, i) => p.evaluate(() => (window as unknown as Win).delays()).then((d) => d.slice(marks[i]))))).flat();
      return { cpu, delay: median(delays), frames: delays.length };
    } finally {
      await recorder.stop();
      await h.engine.close(1, handles).catch(() => {});
    }
  } finally {
    for (const p of pages) await p.close().catch(() => {});
    await h.close();
  }
}

export async function benchLive(seconds = 10) {
  const viewers = Number(process.env.BENCH_LIVE_VIEWERS ?? 30);
  const fresh = async <T>(f: (b: Browser) => Promise<T>) => { const b = await launchClassroomBrowser(); try { return await f(b); } finally { await b.close(); } };
  {
    const one = await fresh((b) => scenario(b, 1, 0, seconds));
    const full = await fresh((b) => scenario(b, viewers, 3, seconds));
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(`baseline: the lead stream to 1 viewer — median delay ${one.delay} ms (${one.frames} frames), Janus CPU ${pct(one.cpu)} of a core`);
    console.log(`live class: 1 lead, 3 receiving rooms, ${viewers} viewers — median delay ${full.delay} ms (${full.frames} frames), Janus CPU ${pct(full.cpu)} of a core`);
    console.log(`ratio delay ${(full.delay / one.delay).toFixed(2)}×, Janus CPU ${(full.cpu / Math.max(one.cpu, 1e-6)).toFixed(2)}×; Janus CPU per viewer ${pct(full.cpu / viewers)} of a core (per page of the class: ${pct(full.cpu / (viewers + 4))})`);
    return { one, full, viewers };
  }
}
