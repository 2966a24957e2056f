import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTimestampRecorder } from '../../server/src/modules/live/media/proof/timestamp-frames.js';
import { login, shot } from './support/browser.js';
import { portBlock, startDemoServer } from './support/demo-server.js';
import { apiAs, classroomContext, frames, icePairs, launchClassroomBrowser, median, startFrameClock } from './support/live.js';

/**
 * Issue 12 (live classes), acceptance 1, 5 and 6, through the real pages: ffmpeg is the lead
 * room's recorder (the media proof's test pattern: frame counter, 440 Hz tone, the wall-clock time
 * drawn as blocks) sending where GET /api/devices/live tells it; Chromium with fake camera and
 * microphone signs in through the login page as the lead teacher and as both receiving rooms'
 * teachers; the lead starts the session on its page. Each receiving page plays the lead room, the
 * lead's wall shows both receiving classes, a hand, a question and a poll go round through the
 * panels, and the attendance names both rooms with their join times. Then the same one way (HLS).
 *
 * Delay: measured on each receiving page from the drawn time (glass to glass) and printed. The
 * issue's targets (WebRTC ≤ 400 ms, HLS ≤ 4 s median) are not asserted here: on a shared two-core
 * machine with three browsers, Janus, ffmpeg and the server in one test, the measured median moves
 * with the load, and the house rule keeps speed targets in benchmarks (`npm run bench -- live`), not
 * in timed tests. This test asserts liveness instead — frames keep advancing and the delay stays
 * under a generous bound (5 s two-way, 12 s one way): measured here under a load average of 30–60
 * from parallel runs, a working two-way class showed 1.4–3.2 s (the proof recorder's ffmpeg-paced
 * tone drifts from its frames, and lip sync holds the video back: see the bench) and one way
 * 2.3–3.5 s; a frozen player fails the frames-advance check long before any bound.
 *
 * Acceptance 3, after the lead ends the class: its replay becomes a recorded lesson of the lead
 * school through the server's own job runner (Janus's recordings turned into files by janus-pp-rec
 * two-way, the packager's kept lead.ts one way), with the lead room's track and, two-way, a track per
 * receiving room; the lead teacher finds the hand, the question and the poll on its timeline.
 */
const LIVENESS_BOUND_MS = { webrtc: 5_000, hls: 12_000 } as const;
const LEAD_TEACHER = 'gxsy.teacher';
const SCHEDULER = 'gxsy.principal';
const DEMO_CLASS = '三年级英语专递课堂';

type Mode = 'webrtc' | 'hls';
interface RoomRef { roomId: number; roomName: string; schoolCode: string; schoolName: string }
interface LiveClass { id: number; title: string; lead: RoomRef; leadTeacherUserId: number; receiving: RoomRef[] }
interface SessionItem { id: number; liveClassId: number; status: string }
interface LiveRecord { rooms: Array<{ roomId: number; lead: boolean; joinedAt: string | null }> }
interface Replay {
  recordingId: number | null;
  rooms: Array<{ roomId: number; lead: boolean; schoolName: string; roomName: string; track: string | null }>;
  markers: Array<{ kind: string; atMs: number; roomId: number | null; text: string | null }>;
}
interface Lesson {
  id: number; groupId: string; status: string; schoolCode: string; roomId: number | null; schoolDay: string; durationSeconds: number | null;
  counts: boolean; countsReasonCode: string | null; countsReasonValues: Record<string, string | number> | null;
  tracks: Array<{ id: number; track: string; status: string }>;
}

let browser: Browser;
beforeAll(async () => { browser = await launchClassroomBrowser(); });
afterAll(async () => { await browser?.close(); });

/** A UI expectation with room for a loaded machine (other runs share its two cores): up to 30 s. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Today in Asia/Shanghai, and the minute of the day there (China keeps no summer time). */
function shanghaiNow() {
  const local = new Date(Date.now() + 8 * 3600_000);
  return { day: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The principal schedules a one-off live class of the demo's rooms and teacher for now (via the
 * API, as the /live page does), and gives the lead room's recorder a device token. When the demo's
 * weekly class holds these rooms right now, the test uses today's session of that class instead.
 */
async function scheduleNow(baseUrl: string, mode: Mode) {
  const api = await apiAs(baseUrl, SCHEDULER);
  const classes = await api<{ items: LiveClass[] }>('GET', '/api/live/classes?page=1&pageSize=100');
  expect(classes.status).toBe(200);
  const demo = classes.body.items.find((c) => c.title === DEMO_CLASS);
  expect(demo, 'the demo seed has the weekly 专递课堂').toBeDefined();
  const { day, minute } = shanghaiNow();
  // Started a minute ago (a lead may go on air early, never after the end), 20 minutes, before midnight.
  const start = Math.max(0, Math.min(minute - 1, 24 * 60 - 20));
  const created = await api<LiveClass & { code?: string; details?: { liveClassId?: number } }>('POST', '/api/live/classes', {
    title: `e2e 专递课堂（${mode}）`, subject: '英语', grade: 3, leadRoomId: demo!.lead.roomId, leadTeacherUserId: demo!.leadTeacherUserId,
    receivingRoomIds: demo!.receiving.map((r) => r.roomId), startsOn: day, startTime: hhmm(start), minutes: 20,
  });
  let classId: number;
  let cancel = async () => {};
  if (created.status === 201 || created.status === 200) {
    classId = created.body.id;
    cancel = async () => { await api('POST', `/api/live/classes/${classId}/cancel`); };
  } else {
    expect(created.status, JSON.stringify(created.body)).toBe(409);
    classId = demo!.id;
  }
  const sessions = await api<{ items: SessionItem[] }>('GET', `/api/live/sessions?day=${day}`);
  const session = sessions.body.items.find((s) => s.liveClassId === classId);
  expect(session, `today's session of live class ${classId}`).toBeDefined();
  expect(session!.status).toBe('scheduled');
  const device = await api<{ token: string }>('POST', `/api/rooms/${demo!.lead.roomId}/devices`, { name: 'e2e 直播推流' });
  expect(device.status).toBe(201);
  return { sessionId: session!.id, lead: demo!.lead, receiving: demo!.receiving, recorderToken: device.body.token, cancel };
}

/** Where the lead room's recorder sends its stream now, asked with its own device token. */
async function recorderTarget(baseUrl: string, token: string) {
  const response = await fetch(`${baseUrl}/api/devices/live`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { sessionId: number; mode: Mode; rtp: { host: string; videoPort: number; videoPayloadType: number; audioPort: number; audioPayloadType: number } };
}

async function openAs(context: BrowserContext, baseUrl: string, username: string, path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await login(page, baseUrl, username, path);
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

/** How far a receiving page's frame clock got: frames read, the last delays, the player's state. */
const progress = async (page: Page) => { const f = await frames(page); return { count: f.stamps.length, lastDelays: f.delays.slice(-5), video: f.video }; };

const rowOf = (page: Page, roomId: number) => page.locator(`[data-testid=interaction-rooms] tr[data-row-key="${roomId}"]`);

/**
 * The ended class's replay as the lead teacher relies on it, through the API and on the lesson's
 * page: a ready lesson of the lead school and room, today, judged by the ordinary counting rules;
 * the lead room's track and (two-way) each receiving room's; the hand, the call, the question and
 * the poll as markers on its timeline.
 */
async function checkReplay(
  lead: Page, baseUrl: string, plan: { sessionId: number; lead: RoomRef; receiving: RoomRef[]; question: string }, mode: Mode, diagnose: () => string,
) {
  const started = Date.now();
  const get = async <T>(path: string) => {
    const response = await lead.request.get(`${baseUrl}${path}`);
    expect(response.status(), path).toBe(200);
    return (await response.json()) as T;
  };
  const fail = (error: Error) => { throw new Error(`${error.message}\n${diagnose()}`); };
  // Ending queues the live.replay job; the server's job runner (WORKERS=1) ingests the files, then processes each track.
  const replay = await until(`the replay of session ${plan.sessionId} (${mode})`, () => get<Replay>(`/api/live/sessions/${plan.sessionId}/replay`),
    (r) => r.recordingId !== null, 120_000).catch(fail);
  const lesson = await until(`the replay's tracks processed (${mode})`, () => get<Lesson>(`/api/recordings/${replay.recordingId}`),
    (l) => l.tracks.every((t) => t.status === 'ready' || t.status === 'failed'), 240_000).catch(fail);
  console.log(`live class replay (${mode}): lesson ${lesson.id} ready ${Math.round((Date.now() - started) / 1000)} s after the end, ${lesson.durationSeconds} s long, tracks ${lesson.tracks.map((t) => t.track).join(', ')}`);

  // A normal lesson of the lead school, its lead room and today, with every track processed.
  expect(lesson).toMatchObject({ groupId: `live-${plan.sessionId}`, status: 'ready', schoolCode: plan.lead.schoolCode, roomId: plan.lead.roomId, schoolDay: shanghaiNow().day });
  expect(lesson.tracks.map((t) => [t.track, t.status])).toEqual(lesson.tracks.map((t) => [t.track, 'ready']));
  // Judged like any lesson of that school's day: a class of a minute or two is too short to count (30 min).
  expect(lesson).toMatchObject({ counts: false, countsReasonCode: 'too_short', countsReasonValues: expect.objectContaining({ minMinutes: 30 }) });

  // The lead room is the main track; two-way each receiving room's camera is one more, one way there is none.
  const leadRoom = replay.rooms.find((r) => r.lead)!;
  expect(leadRoom).toMatchObject({ roomId: plan.lead.roomId, track: 'composite' });
  const receiving = replay.rooms.filter((r) => !r.lead);
  expect(receiving.map((r) => r.roomId).sort()).toEqual(plan.receiving.map((r) => r.roomId).sort());
  if (mode === 'webrtc') {
    expect(receiving.every((r) => r.track !== null), JSON.stringify(receiving)).toBe(true);
    expect(lesson.tracks.length).toBeGreaterThanOrEqual(2);
  } else {
    expect(receiving.map((r) => r.track)).toEqual([null, null]);
  }
  expect(lesson.tracks.map((t) => t.track).sort()).toEqual(replay.rooms.flatMap((r) => (r.track ? [r.track] : [])).sort());
  // Every room's track carries its sound (two-way: the room's microphone beside its camera).
  for (const t of lesson.tracks) expect((await get<{ hasAudio: boolean | null }>(`/api/recordings/${t.id}`)).hasAudio, t.track).toBe(true);

  // The hand of room 1, its call, room 2's question and the poll, in order on the lesson's clock.
  const [r1, r2] = plan.receiving as [RoomRef, RoomRef];
  const kinds = replay.markers.map((m) => m.kind);
  for (const kind of ['hand.raise', 'hand.call', 'question', 'poll.open']) expect(kinds, JSON.stringify(replay.markers)).toContain(kind);
  expect(replay.markers.find((m) => m.kind === 'hand.raise')!.roomId).toBe(r1.roomId);
  expect(replay.markers.find((m) => m.kind === 'question')).toMatchObject({ roomId: r2.roomId, text: plan.question });
  expect(replay.markers.find((m) => m.kind === 'poll.open')!.text).toBe('Which word rhymes with "cat"?');
  const at = replay.markers.map((m) => m.atMs);
  expect(at).toEqual([...at].sort((a, b) => a - b));

  // The lesson's page: the 专递课堂 tag, a track per classroom named by its school and room, and the
  // hand and poll as markers on the seek bar.
  const serverErrors: string[] = [];
  lead.on('response', (r) => { if (r.status() >= 500) serverErrors.push(`${r.status()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`); });
  await lead.goto(`${baseUrl}/recordings/${lesson.id}`);
  await lead.locator('[data-testid=live-replay-tag]').waitFor();
  await lead.locator('[data-testid=player-video]').waitFor();
  const roomLabel = (r: { schoolName: string; roomName: string }) => `${r.schoolName} · ${r.roomName}`;
  const named = replay.rooms.filter((r) => r.track).map(roomLabel);
  expect(named).toContain(roomLabel(plan.lead));
  if (named.length > 1) {
    await eventually(() => lead.locator('[data-testid=track-switch] .ant-segmented-item-label').allInnerTexts()).toEqual(expect.arrayContaining(named));
    expect(await lead.locator('[data-testid=track-switch] .ant-segmented-item').count()).toBe(lesson.tracks.length);
  } else {
    await eventually(() => lead.locator('[data-testid=player-stage]').locator('..').innerText()).toContain(roomLabel(plan.lead));
  }
  for (const kind of ['hand.raise', 'poll.open']) {
    const marker = replay.markers.find((m) => m.kind === kind)!;
    await lead.locator(`[data-testid=player-marker][data-at-ms="${marker.atMs}"]`).waitFor();
  }
  await eventually(() => lead.locator('[data-testid=live-replay-markers]').innerText()).toContain(plan.question);
  // The panels under the player load as on any lesson (the S-T panel once failed on a replay's fractional length).
  await lead.locator('[data-testid=st-coding]').waitFor();
  expect(serverErrors).toEqual([]);
  await shot(lead, `live-${mode}-replay`);
}

async function runLiveClass(baseUrl: string, mode: Mode, diagnose?: (sessionId: number) => string) {
  const plan = await scheduleNow(baseUrl, mode);
  const path = `/live/sessions/${plan.sessionId}`;
  const [r1, r2] = plan.receiving as [RoomRef, RoomRef];
  const contexts: BrowserContext[] = [];
  const context = async () => { const c = await classroomContext(browser); contexts.push(c); return c; };
  let recorder: ReturnType<typeof startTimestampRecorder> | null = null;
  // What the receiving pages said (errors, failed requests), shown when their picture does not come.
  const pageLog: string[] = [];
  try {
    // The lead teacher goes on air from the session page.
    const lead = await openAs(await context(), baseUrl, LEAD_TEACHER, path);
    await lead.locator('[data-testid=live-start]').click();
    await eventually(() => lead.locator('[data-testid=live-session-status]').innerText()).toBe('直播中');
    await lead.locator(`[data-testid=live-stage][data-role=lead][data-mode=${mode}]`).waitFor();

    const target = await recorderTarget(baseUrl, plan.recorderToken);
    expect(target).toMatchObject({ sessionId: plan.sessionId, mode });
    expect(target.rtp.host).toBe('127.0.0.1');
    recorder = startTimestampRecorder({
      host: target.rtp.host, videoPort: target.rtp.videoPort, audioPort: target.rtp.audioPort, videoPt: target.rtp.videoPayloadType, audioPt: target.rtp.audioPayloadType,
    });

    // Each receiving room's teacher opens the live class (a school's own teacher: role receiving).
    const rooms: Page[] = [];
    for (const room of [r1, r2]) {
      const page = await openAs(await context(), baseUrl, `t${room.schoolCode}_01`, path);
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') pageLog.push(`${room.roomId} console ${m.type()}: ${m.text().slice(0, 200)}`); });
      page.on('response', (r) => { if (r.status() >= 400) pageLog.push(`${room.roomId} ${r.status()} ${new URL(r.url()).pathname}`); });
      await page.locator(`[data-testid=live-stage][data-role=receiving][data-mode=${mode}]`).waitFor();
      rooms.push(page);
    }
    const [p1, p2] = rooms as [Page, Page];
    // The replay's tracks are processed like any upload, and a file shorter than RECORDING_MIN_SECONDS
    // (60 s) is refused: the class stays on air at least that long after the last room came in.
    const joinedAt = Date.now();

    // Which way the class runs, in words, on every page; one way says why.
    for (const page of [lead, p1, p2]) {
      const banner = page.locator('[data-testid=live-mode]');
      if (mode === 'webrtc') await eventually(() => banner.innerText()).toContain('双向互动直播');
      else {
        await eventually(() => banner.innerText()).toContain('单向直播');
        await eventually(() => banner.innerText()).toContain('原因：服务器设置为只使用 HLS 单向直播（LIVE_MEDIA=hls）');
      }
    }

    // Each receiving page plays the lead room: the drawn clock advances frame after frame.
    for (const page of rooms) await startFrameClock(page);
    for (const page of rooms) {
      await until(`lead video frames on a receiving page (${mode})`, () => progress(page), (f) => f.count >= 25, 90_000)
        .catch(async (error: Error) => {
          const stage = await page.locator('[data-testid=live-stage]').innerText();
          throw new Error(`${error.message}\nstage: ${stage}\n${pageLog.slice(-30).join('\n')}\n${recorder?.errors() ?? ''}\n${diagnose?.(plan.sessionId) ?? ''}`);
        });
    }

    if (mode === 'webrtc') {
      // The lead's wall shows both receiving classes' cameras, playing.
      const wall = await until('both receiving classes on the lead wall', () => lead.locator('[data-testid=live-wall-feed]').evaluateAll((tiles) => tiles.map((t) => {
        const v = t.querySelector('video')!;
        return { roomId: Number(t.getAttribute('data-room-id')), width: v.videoWidth, time: v.currentTime };
      })), (w) => w.length === 2 && w.every((f) => f.width > 0 && f.time > 0), 45_000);
      expect(wall.map((f) => f.roomId).sort()).toEqual([r1.roomId, r2.roomId].sort());
    } else {
      // One way: no picture comes back, the lead's page says so.
      await eventually(() => lead.locator('[data-testid=live-stage]').innerText()).toContain('单向直播');
    }

    // A hand goes up in room 1 and is seen on the lead's page; the lead calls the room on.
    await eventually(() => p1.locator('[data-testid=interaction-connection]').innerText()).toBe('互动已连接');
    await p1.locator('[data-testid=hand-raise]').click();
    await eventually(() => rowOf(lead, r1.roomId).innerText()).toContain('已举手');
    await lead.locator(`[data-testid=call-${r1.roomId}]`).click();
    await p1.locator('[data-testid=interaction-on-stage]').waitFor();
    await eventually(() => rowOf(lead, r1.roomId).innerText()).toContain('正在发言');
    if (mode === 'webrtc') {
      // Its sound is up on the wall, every other room stays muted.
      const tile = lead.locator(`[data-testid=live-wall-feed][data-room-id="${r1.roomId}"]`);
      await eventually(() => tile.innerText()).toContain('正在发言');
      expect(await tile.locator('video').evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
      expect(await lead.locator(`[data-testid=live-wall-feed][data-room-id="${r2.roomId}"] video`).evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    }

    // Room 2 asks a question; the lead reads it with the room's name.
    const question = `第三段的 "because" 怎么读？（${mode}）`;
    await p2.locator('[data-testid=question-input]').fill(question);
    await p2.locator('[data-testid=question-send]').click();
    const asked = lead.locator(`[data-testid=interaction-question][data-room-id="${r2.roomId}"]`).filter({ hasText: question });
    await asked.waitFor();
    expect(await asked.innerText()).toContain(r2.schoolName);

    // The lead opens a poll; both rooms answer; the lead sees each room's answer.
    await lead.locator('[data-testid=poll-question]').fill('Which word rhymes with "cat"?');
    await lead.locator('[data-testid=poll-option-0]').fill('hat');
    await lead.locator('[data-testid=poll-option-1]').fill('dog');
    await lead.locator('[data-testid=poll-open]').click();
    for (const [page, option] of [[p1, 'hat'], [p2, 'dog']] as const) {
      const card = page.locator('[data-testid=poll-answer]');
      await card.waitFor();
      await card.locator('.ant-radio-wrapper').filter({ hasText: new RegExp(`^${option}$`) }).click();
      await card.locator('[data-testid=poll-submit]').click();
      await eventually(() => card.innerText()).toContain(option);
    }
    const result = (roomId: number) => lead.locator(`[data-testid=poll-result][data-room-id="${roomId}"]`).innerText();
    await eventually(() => result(r1.roomId)).toBe(`${r1.schoolName} ${r1.roomName}：hat`);
    await eventually(() => result(r2.roomId)).toBe(`${r2.schoolName} ${r2.roomName}：dog`);

    // Attendance: both rooms online with their join time on the lead's page, and in the record.
    for (const room of [r1, r2]) {
      await eventually(() => rowOf(lead, room.roomId).innerText()).toMatch(/在线/);
      expect(await rowOf(lead, room.roomId).innerText()).toMatch(/\d{2}:\d{2}:\d{2}/);
    }
    const record = await lead.request.get(`${baseUrl}/api/live/sessions/${plan.sessionId}/record`);
    expect(record.status()).toBe(200);
    const attendance = ((await record.json()) as LiveRecord).rooms.filter((r) => !r.lead);
    expect(attendance.map((r) => r.roomId).sort()).toEqual([r1.roomId, r2.roomId].sort());
    for (const r of attendance) expect(Date.parse(r.joinedAt ?? '')).toBeGreaterThan(Date.now() - 10 * 60_000);

    if (mode === 'webrtc') {
      // Every packet stays on this machine: each connected PeerConnection pairs host candidates, and
      // both ends are this machine's own addresses (no STUN, no TURN, no other host). Not 127.0.0.1:
      // Janus 1.1 never gathers on a loopback interface (it skips IFF_LOOPBACK; ice_enforce_list = "lo"
      // then matches nothing and it offers every other interface), so the pair runs between the host's
      // own eth0 addresses, which the kernel delivers locally as it does 127.0.0.1.
      const own = new Set(Object.values(networkInterfaces()).flat().map((a) => `host ${a!.address}`));
      for (const page of [lead, p1, p2]) {
        const pairs = await icePairs(page);
        expect(pairs.length).toBeGreaterThan(0);
        for (const pair of pairs) {
          expect(own.has(pair.local) && own.has(pair.remote), `${pair.local} ↔ ${pair.remote} (${pair.candidates.join(', ')})`).toBe(true);
          expect(pair.candidates.filter((c) => / (srflx|relay) /.test(c))).toEqual([]);
        }
      }
    }
    await shot(lead, `live-${mode}-lead`);
    await shot(p1, `live-${mode}-receiving`);

    // Glass to glass: the last frames of each receiving page (the interaction above took a while, so
    // the player has settled); the drawn clock keeps advancing.
    const medians: number[] = [];
    for (const page of rooms) {
      const before = (await progress(page)).count;
      await until(`more lead video frames (${mode})`, () => progress(page), (f) => f.count >= before + 50, 60_000);
      const f = await frames(page);
      const recent = f.stamps.slice(-50);
      // New pictures, later than the earlier ones (a player catching up may show a frame twice).
      expect(new Set(recent).size).toBeGreaterThan(10);
      expect(recent.at(-1)!).toBeGreaterThan(recent[0]!);
      medians.push(median(f.delays.slice(-150)));
    }
    console.log(`live class through the pages (${mode === 'webrtc' ? 'WebRTC via Janus' : 'one-way LL-HLS'}): median glass-to-glass delay per receiving room ${medians.map((m) => `${m} ms`).join(', ')}`);
    for (const m of medians) expect(m).toBeLessThanOrEqual(LIVENESS_BOUND_MS[mode]);

    // The lead ends the class (on air at least 75 s after the rooms joined, see joinedAt).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, joinedAt + 75_000 - Date.now())));
    await lead.locator('[data-testid=live-end]').click();
    await lead.locator('.ant-popconfirm .ant-btn-primary').click();
    await eventually(() => lead.locator('[data-testid=live-session-status]').innerText()).toBe('已结束');

    await checkReplay(lead, baseUrl, { sessionId: plan.sessionId, lead: plan.lead, receiving: [r1, r2], question }, mode, () => diagnose?.(plan.sessionId) ?? '');
    return plan.sessionId;
  } finally {
    await recorder?.stop();
    for (const c of contexts) await c.close();
    await plan.cancel();
  }
}

describe.runIf(existsSync('/usr/bin/janus'))('a live class two-way (WebRTC through the Janus the e2e server started)', () => {
  it('plays the lead room in both receiving rooms, shows both on the lead wall, carries hands, questions, polls and attendance, and leaves a replay', { timeout: 600_000 }, async () => {
    // When the picture or the replay does not come: what Janus recorded for the session.
    const dataDir = inject('dataDir');
    const diagnose = (sessionId: number) => {
      const dir = join(dataDir, 'janus', 'rec', String(sessionId));
      return dataDir ? `${dir}: ${existsSync(dir) ? readdirSync(dir).join(' ') : 'missing'}` : '';
    };
    const sessionId = await runLiveClass(inject('baseUrl'), 'webrtc', diagnose);
    // The replay holds its own copies: nothing of the session's Janus recordings stays on disk.
    const dir = join(dataDir, 'janus', 'rec', String(sessionId));
    if (dataDir && existsSync(dir)) expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a live class one way (单向直播, a server set to LIVE_MEDIA=hls)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>> | null = null;
  beforeAll(async () => {
    server = await startDemoServer({ LIVE_MEDIA: 'hls', LIVE_RTP_PORTS: portBlock(47000, 52000, 100) });
  });
  afterAll(async () => { await server?.stop(); });

  it('plays the lead room through HLS in both receiving rooms, says why it is one way, carries the interaction, and leaves a replay of the lead room', { timeout: 600_000 }, async () => {
    // When the picture does not come, what the packager wrote and what the server said.
    const diagnose = (sessionId: number) => {
      const dir = join(server!.dataDir, 'live', String(sessionId));
      const playlist = join(dir, 'index.m3u8');
      return `${dir}: ${existsSync(dir) ? readdirSync(dir).join(' ') : 'missing'}\n${existsSync(playlist) ? readFileSync(playlist, 'utf8') : ''}\n${server!.logs().slice(-3000)}`;
    };
    await runLiveClass(server!.baseUrl, 'hls', diagnose);
  });
});
