import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import * as tus from 'tus-js-client';
import { openDb } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { defaultFfmpegBinaries } from '../server/src/media/ffmpeg-binaries.js';
import { buildGuessedCopyArgs } from '../server/src/media/hls-args.js';
import { hashPassword } from '../server/src/modules/auth/passwords.js';
import { newDeviceToken } from '../server/src/modules/rooms/device-auth.js';
import { DEMO_PASSWORD, DEMO_SCHOOLS } from '../server/src/seed/demo-accounts.js';
import { seedCity } from '../server/src/seed/seed-city.js';
import { ROOT } from './support.js';

const execFileAsync = promisify(execFile);
export const OUT = join(ROOT, 'bench/out');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const mb = (bytes: number) => bytes / 1024 ** 2;

/**
 * The 10-minute 720p H.264/AAC lesson (testsrc2 + a tone, 2 s keyframes, ultrafast) and a
 * 50-minute one (the same looped by stream copy, ~2.3 GiB) for the memory measurement. Made once
 * and kept in bench/out (git-ignored): the first run spends about a minute on them.
 */
export async function benchFiles(): Promise<{ tenMinutes: string; long: string }> {
  mkdirSync(OUT, { recursive: true });
  const { ffmpeg } = await defaultFfmpegBinaries();
  const tenMinutes = join(OUT, 'lesson-720p-10min.mp4');
  const long = join(OUT, 'lesson-720p-50min.mp4');
  const make = async (path: string, args: string[]) => {
    if (existsSync(path)) return;
    console.log(`  generating ${path.slice(ROOT.length)} once …`);
    const tmp = `${path}.tmp.mp4`;
    await execFileAsync(ffmpeg, ['-hide_banner', '-v', 'error', '-nostdin', '-y', ...args, '-f', 'mp4', tmp], { timeout: 600_000 });
    renameSync(tmp, path);
  };
  await make(tenMinutes, [
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=600',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=600',
    '-map', '0:v', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '50', '-keyint_min', '50', '-sc_threshold', '0',
    '-map', '1:a', '-c:a', 'aac', '-b:a', '64k', '-t', '600',
  ]);
  await make(long, ['-stream_loop', '4', '-i', tenMinutes, '-c', 'copy']);
  return { tenMinutes, long };
}

/**
 * A fresh DATA_DIR with the test city and a recording room of 冠县实验小学 with a recorder, seeded
 * here (the server then starts with SEED=none) so no demo lessons compete for the two cores. The
 * caller removes it.
 */
export async function freshDataDir(): Promise<{ dataDir: string; deviceToken: string }> {
  // Outside bench/: tsconfig takes bench/**/*.ts, and HLS segments end in .ts too.
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-video-bench-'));
  const db = openDb({ databaseUrl: null, dataDir });
  try {
    await migrateToLatest(db);
    await seedCity(db, { scale: 'test', passwordHash: await hashPassword(DEMO_PASSWORD) });
    const s = await db.db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const room = await db.db.insertInto('rooms').values({
      school_id: s.id, county_id: s.county_id, city_id: s.city_id, name: '基准录播室', location: '', vendor: '', model: '',
      tracks: JSON.stringify(['composite', 'teacher', 'blackboard']), status: 'in_use', planned_on: null, installed_on: null,
      activated_on: null, in_use_on: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const { token, hash, hint } = newDeviceToken();
    await db.db.insertInto('devices').values({
      room_id: room.id, school_id: s.id, name: '基准主机', serial: '', token_hash: hash, token_hint: hint, created_at: now, rotated_at: null,
      revoked_at: null, last_heartbeat_at: null, last_state: null, disk_free_bytes: null, firmware: null, last_ip: null,
    }).execute();
    return { dataDir, deviceToken: token };
  } finally {
    await db.close();
  }
}

/**
 * Writes back what earlier steps left dirty in the page cache and waits for the disk to finish:
 * a copy of 2.3 GiB ran anywhere from 4 to 12 s here depending on the gigabytes still queued from
 * the step before, on either side of the comparison. Linux only (/proc/meminfo); elsewhere just `sync`.
 */
export async function settleDisk(): Promise<void> {
  await execFileAsync('sync');
  const queuedKiB = () => {
    const text = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
    return ['Dirty', 'Writeback'].reduce((sum, key) => sum + Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0), 0);
  };
  for (let i = 0; i < 100 && queuedKiB() > 64 * 1024; i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Touches `gib` GiB of memory in a child process that then exits, so that much free memory is
 * backed by the host when the next step allocates it. In this virtual machine (Firecracker, free
 * page reporting) guest memory never touched, or handed back to the host, costs a host page fault
 * on first use: the same copy of the 2.3 GiB lesson to HLS took 2.5–2.9 s with its output landing
 * in memory freed just before, and 6.5–7.3 s (system time 1.0 → 4.9 s) with nothing freed before
 * it. The plain copy frees its output each run and the pipeline keeps the lesson's segments, so
 * without this the baseline got the cheap memory and the pipeline the dear. Done before each
 * side, the same way; capped to what is free. A real server's memory has no such first-use cost.
 */
export async function warmMemory(gib: number): Promise<void> {
  const chunks = Math.max(0, Math.floor(Math.min(gib * 1024, freemem() / 1024 ** 2 - 2048) / 64));
  await execFileAsync(process.execPath, ['-e', `const b = []; for (let i = 0; i < ${chunks}; i++) b.push(Buffer.alloc(64 << 20, 1));`]);
}

/** One plain `ffmpeg -i f -c copy -f hls` into a scratch folder: the packaging baseline. */
export async function plainCopySeconds(file: string): Promise<number> {
  return copySeconds((dir) => ['-v', 'error', '-nostdin', '-i', file, '-c', 'copy', '-f', 'hls', join(dir, 'index.m3u8')]);
}

/**
 * The pipeline's own copy pass (buildGuessedCopyArgs: 6 s segments, metadata dropped) run alone
 * into a scratch folder. It is faster than the plain command, whose HLS defaults write 2 s
 * segments: the two baselines side by side tell the ffmpeg arguments' share from the pipeline's.
 */
export async function ownCopySeconds(file: string): Promise<number> {
  return copySeconds((dir) => ['-v', 'error', '-nostdin', '-y', ...buildGuessedCopyArgs(file, dir)]);
}

async function copySeconds(argsFor: (dir: string) => string[]): Promise<number> {
  const { ffmpeg } = await defaultFfmpegBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-copy-hls-'));
  try {
    const started = performance.now();
    await execFileAsync(ffmpeg, argsFor(dir));
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Session {
  /** The session cookie, for requests that must come from this session (media). */
  cookie: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string): Promise<T>;
  delete(path: string): Promise<void>;
}

/** Signs in as a demo account (cookie + CSRF header), as the web page does. */
export async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench login as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string): Promise<T> => {
    const r = await fetch(`${base}${path}`, { method, headers: { cookie, 'x-csrf-token': me.csrfToken } });
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${await r.text()}`);
    return (r.status === 204 ? undefined : await r.json()) as T;
  };
  return { cookie, get: (path) => call('GET', path), post: (path) => call('POST', path), delete: (path) => call<void>('DELETE', path) };
}

/** Lesson metadata for a track starting an hour ago (today, so retention never touches it). */
export function lessonMeta(seconds: number, title: string): Record<string, string> {
  const shanghai = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
  const start = Date.now() - 3600_000;
  return {
    filename: `${title}.mp4`, lessonStart: shanghai(start), lessonEnd: shanghai(start + seconds * 1000), subject: '数学', grade: '三年级',
    teacher: '基准', title, track: 'teacher', groupId: randomUUID(),
  };
}

/**
 * Uploads a file with tus-js-client in 50 MiB PATCHes (the size docs/devices.md recommends).
 * `doneAt` is when the last PATCH's answer arrived.
 */
export function tusUpload(base: string, deviceToken: string, file: string, meta: Record<string, string>) {
  return new Promise<{ seconds: number; doneAt: number; lastByteAt: number; recordingId: number }>((resolve, reject) => {
    let recordingId = '';
    let lastByteAt = 0;
    const started = performance.now();
    const upload = new tus.Upload(createReadStream(file), {
      endpoint: `${base}/api/uploads`,
      headers: { Authorization: `Bearer ${deviceToken}` },
      metadata: meta,
      chunkSize: 50 * 1024 * 1024,
      retryDelays: null,
      storeFingerprintForResuming: false,
      // The last byte handed to the socket: the server's finish (hash, row, source stored) runs after it.
      onProgress: (sent, total) => { if (sent === total && !lastByteAt) lastByteAt = performance.now(); },
      onAfterResponse: (_req, res) => { recordingId = res.getHeader('Sunshine-Recording-Id') || recordingId; },
      onSuccess: () => {
        const doneAt = performance.now();
        resolve({ seconds: (doneAt - started) / 1000, doneAt, lastByteAt: lastByteAt || doneAt, recordingId: Number(recordingId) });
      },
      // The message only: the error object holds the request, device token included.
      onError: (err) => reject(new Error(err.message)),
    });
    upload.start();
  });
}

/** The baseline for upload throughput: the same bytes copied to a file on the same disk. */
export async function diskWriteSeconds(file: string): Promise<number> {
  const target = join(OUT, 'write-baseline.bin');
  const started = performance.now();
  await pipeline(createReadStream(file), createWriteStream(target));
  const seconds = (performance.now() - started) / 1000;
  rmSync(target, { force: true });
  return seconds;
}

// A bare node:http server writing each PUT body to a file: no tus, no hashing, no database.
const PUT_SERVER = `
const { createServer } = require('node:http');
const { createWriteStream } = require('node:fs');
const { pipeline } = require('node:stream/promises');
createServer((req, res) => {
  pipeline(req, createWriteStream(process.env.TARGET)).then(() => res.end('ok'), () => res.destroy());
}).listen(0, '127.0.0.1', function () { process.send(this.address().port); });`;

/**
 * For orientation beside the tus figure: the same bytes sent with node:http over loopback to a
 * bare server (its own process, as the real one) that pipes them to a file. What loopback HTTP
 * alone costs on this machine.
 */
export async function httpPutSeconds(file: string): Promise<number> {
  const target = join(OUT, 'put-baseline.bin');
  const child = spawn(process.execPath, ['-e', PUT_SERVER], { env: { ...process.env, TARGET: target }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve, reject) => { child.once('message', (m) => resolve(Number(m))); child.once('error', reject); });
    const size = statSync(file).size;
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'PUT', headers: { 'content-length': size } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      pipeline(createReadStream(file), req).catch(reject);
    });
    return (performance.now() - started) / 1000;
  } finally {
    child.kill();
    rmSync(target, { force: true });
  }
}

/**
 * Polls GET /api/recordings/:id every 50 ms from the last byte until the lesson is ready; also
 * notes when it left `queued`, which tells the job runner's poll wait from the work itself.
 */
export async function waitReady(session: Session, id: number, from: number, timeoutMs = 600_000) {
  let processingAt: number | null = null;
  for (;;) {
    const r = await session.get<{ status: string; failureReason?: string | null; progress: number }>(`/api/recordings/${id}`);
    const now = performance.now();
    if (r.status !== 'queued' && processingAt === null) processingAt = now;
    if (r.status === 'ready') return { seconds: (now - from) / 1000, queuedSeconds: ((processingAt ?? now) - from) / 1000, seenAt: now };
    if (r.status === 'failed') throw new Error(`recording ${id} failed: ${JSON.stringify(r)}`);
    if (now - from > timeoutMs) throw new Error(`recording ${id} not ready after ${timeoutMs / 1000} s (status ${r.status})`);
    await sleep(50);
  }
}

/** A segment URL of the lesson (seg_00001.ts when the playlist has it) through the playback API. */
export async function segmentUrl(base: string, session: Session, id: number): Promise<string> {
  const grant = await session.post<{ master: string }>(`/api/recordings/${id}/playback`);
  const master = new URL(grant.master, base);
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  // Media tokens are bound to the session that asked for them: its cookie comes along.
  const headers = { cookie: session.cookie };
  const rendition = new URL(lines(await (await fetch(master, { headers })).text())[0]!, master);
  const segments = lines(await (await fetch(rendition, { headers })).text());
  return new URL(segments.find((s) => s.endsWith('seg_00001.ts')) ?? segments[0]!, rendition).href;
}

/** One line of MEDIA_TIMINGS_FILE (server/src/media/stage-timings.ts). */
interface StageLine { stage: 'ingest' | 'process'; recordingId: number; marks: Record<string, number> }

/**
 * Where the time from the last byte to playable went, from the server's stage marks
 * (MEDIA_TIMINGS_FILE) and the bench's own instants (performance.now() of this process).
 * Answers printable lines, each `label  seconds`, and the spans by name.
 */
export function playableBreakdown(timingsFile: string, recordingId: number, at: { lastByteAt: number; doneAt: number; readySeenAt: number }) {
  const lines = (existsSync(timingsFile) ? readFileSync(timingsFile, 'utf8') : '').split('\n').filter(Boolean).map((l) => JSON.parse(l) as StageLine);
  const ingest = lines.find((l) => l.stage === 'ingest' && l.recordingId === recordingId)?.marks ?? {};
  // The run that made it ready (an earlier one cut short would have no `ready`).
  const proc = lines.filter((l) => l.stage === 'process' && l.recordingId === recordingId).find((l) => l.marks.ready)?.marks ?? {};
  const epoch = (t: number) => performance.timeOrigin + t;
  // tus-js-client may report the last byte sent only once the answer is on its way: never later than the finish.
  const lastByte = Math.min(epoch(at.lastByteAt), ingest.start ?? Infinity);
  const spans: { name: string; label: string; from?: number; to?: number }[] = [
    { name: 'finish', label: 'last byte → finish starts (last write, hash)', from: lastByte, to: ingest.start },
    { name: 'row', label: 'recording row inserted', from: ingest.start, to: ingest.inserted },
    { name: 'storeSource', label: 'staged file → stored source (rename)', from: ingest.inserted, to: ingest.readable ?? ingest.stored },
    { name: 'enqueue', label: 'processing job queued', from: ingest.readable ?? ingest.stored, to: ingest.enqueued },
    { name: 'pickUp', label: 'job picked up by the runner', from: ingest.enqueued, to: proc.start },
    { name: 'fetch', label: 'recording read, work folder', from: proc.start, to: proc.fetched },
    { name: 'probe', label: 'probe (the copy to HLS starts beside it)', from: proc.fetched, to: proc.probed },
    { name: 'package', label: 'the copy to HLS, after the probe', from: proc.probed, to: proc.packagedVideo },
    { name: 'copyWhole', label: '  ffmpeg -c copy → HLS from its start', from: proc.fetched, to: proc.packagedVideo },
    { name: 'audio', label: '  audio loudness pass beside it (ends after)', from: proc.probed, to: proc.audioLevels },
    { name: 'saveInfo', label: '  media info saved beside it', from: proc.probed, to: proc.infoSaved },
    { name: 'describe', label: 'both passes done, playlist checked', from: proc.packagedVideo, to: proc.packaged },
    { name: 'ladder', label: 'ladder renditions', from: proc.packaged, to: proc.renditions },
    { name: 'storeHls', label: 'HLS objects stored', from: proc.renditions, to: proc.uploaded },
    { name: 'markReady', label: 'marked ready', from: proc.uploaded, to: proc.ready },
    { name: 'seen', label: 'seen by the bench (50 ms poll)', from: proc.ready, to: epoch(at.readySeenAt) },
    { name: 'sourceDurable', label: 'beside: source fsynced, from the last byte', from: lastByte, to: ingest.stored },
  ];
  const seconds: Record<string, number | null> = {};
  const printed: string[] = [];
  for (const s of spans) {
    const v = s.from !== undefined && s.to !== undefined ? (s.to - s.from) / 1000 : null;
    seconds[s.name] = v;
    printed.push(`    ${s.label.padEnd(48)} ${v === null ? '   —' : v.toFixed(3).padStart(6)} s`);
  }
  if (ingest.enqueued !== undefined) printed.push(`    (the last PATCH was answered ${((epoch(at.doneAt) - lastByte) / 1000).toFixed(3)} s after the last byte, once the source was durable)`);
  // Last byte → seen ready, from the earlier of the two last-byte instants.
  return { printed, seconds, total: (epoch(at.readySeenAt) - lastByte) / 1000 };
}
