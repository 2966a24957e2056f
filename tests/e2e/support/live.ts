import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { FRAME } from '../../../server/src/modules/live/media/proof/timestamp-frames.js';
import { DEMO_PASSWORD } from './browser.js';

/**
 * Chromium as classrooms: fake camera and microphone (no permission prompt), sound allowed to
 * start without a click, and WebRTC on loopback (Janus offers 127.0.0.1 only; without these two
 * switches Chromium would neither pair with a loopback candidate nor show its own addresses).
 * No STUN/TURN anywhere: the pages pass `iceServers: []`.
 */
export function launchClassroomBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required',
      '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns',
    ],
  });
}

/**
 * A classroom's browser context: every RTCPeerConnection the page makes is kept in
 * `window.__pcs`, so the test can ask which addresses the connected ICE pair uses.
 */
export async function classroomContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(`(() => {
    const Native = window.RTCPeerConnection;
    const pcs = [];
    window.__pcs = pcs;
    window.RTCPeerConnection = new Proxy(Native, { construct(target, args, newTarget) { const pc = Reflect.construct(target, args, newTarget); pcs.push(pc); return pc; } });
  })()`);
  return context;
}

/** The local and remote candidate (type and address) of each connected PeerConnection's selected ICE pair, and all its candidates. */
export function icePairs(page: Page): Promise<Array<{ local: string; remote: string; candidates: string[] }>> {
  return page.evaluate(`(async () => {
    const out = [];
    for (const pc of window.__pcs || []) {
      if (pc.connectionState !== 'connected') continue;
      const stats = [...(await pc.getStats()).values()];
      const byId = new Map(stats.map((s) => [s.id, s]));
      for (const t of stats.filter((s) => s.type === 'transport' && s.selectedCandidatePairId)) {
        const pair = byId.get(t.selectedCandidatePairId);
        const local = pair && byId.get(pair.localCandidateId);
        const remote = pair && byId.get(pair.remoteCandidateId);
        out.push({
          local: local ? local.candidateType + ' ' + local.address : '?', remote: remote ? remote.candidateType + ' ' + remote.address : '?',
          candidates: stats.filter((s) => s.type.endsWith('candidate')).map((c) => c.type + ' ' + c.candidateType + ' ' + c.address + ':' + c.port),
        });
      }
    }
    return out;
  })()`);
}

/**
 * Reads the wall-clock time the proof recorder (timestamp-frames.ts) draws as 8×4 black/white
 * blocks from every frame the page's lead video presents: the decoding of the media proof's page
 * (web/src/features/live/media/proof-page.ts, readDelays), run on the real session page's
 * `live-lead-video`. Each block shrinks to 2×2 pixels of a tiny canvas; delay = Date.now() − drawn time.
 */
export function startFrameClock(page: Page): Promise<void> {
  const { cols, rows, block, width } = FRAME;
  return page.evaluate(`(() => {
    const video = document.querySelector('[data-testid=live-lead-video]');
    if (!video) throw new Error('the page shows no lead video');
    const out = { delays: [], stamps: [] };
    window.__frames = out;
    const canvas = document.createElement('canvas');
    canvas.width = ${cols} * 2; canvas.height = ${rows} * 2;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const step = () => {
      const now = Date.now();
      if (video.videoWidth > 0) {
        const sx = video.videoWidth / ${width};
        ctx.drawImage(video, 0, 0, ${cols * block} * sx, ${rows * block} * sx, 0, 0, canvas.width, canvas.height);
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let bits = 0;
        for (let i = 0; i < ${cols * rows}; i++) {
          const x = (i % ${cols}) * 2; const y = Math.floor(i / ${cols}) * 2;
          let sum = 0;
          for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) sum += px[((y + dy) * canvas.width + x + dx) * 4];
          bits = (bits << 1) | (sum / 4 > 128 ? 1 : 0);
        }
        const d = ((now >>> 0) - (bits >>> 0)) >>> 0;
        if (d < 30000) { out.delays.push(d); out.stamps.push(bits >>> 0); }
      }
      video.requestVideoFrameCallback(step);
    };
    video.requestVideoFrameCallback(step);
  })()`);
}

/** What the frame clock read so far: per presented frame, the delay and the drawn time (ms, low 32 bits). */
export function frames(page: Page): Promise<{ delays: number[]; stamps: number[]; video: string }> {
  return page.evaluate(`(() => {
    const v = document.querySelector('[data-testid=live-lead-video]');
    const ranges = [];
    for (let i = 0; v && i < v.buffered.length; i++) ranges.push(v.buffered.start(i).toFixed(2) + '-' + v.buffered.end(i).toFixed(2));
    const video = v ? 'currentTime ' + v.currentTime.toFixed(2) + ', readyState ' + v.readyState + ', paused ' + v.paused + ', buffered ' + ranges.join(' ') : 'no video';
    return { delays: window.__frames.delays.slice(), stamps: window.__frames.stamps.slice(), video };
  })()`);
}

export const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };

/** A user's API session from Node (login, then the CSRF token every write carries), for the set-up the test does not click. */
export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return async <T = unknown>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}

