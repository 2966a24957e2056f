import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLesson } from '../test-support/media-fixtures.js';
import { decidePackaging, type PackagingDecision } from './decide.js';
import { defaultFfmpegBinaries, type FfmpegBinaries } from './ffmpeg-binaries.js';
import { makeRendition, makeThumbnails, packageToHls, startGuessedCopy } from './package-hls.js';
import { codecsString, masterPlaylist } from './playlist.js';
import { probeMedia } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { isSilent } from './silence.js';

const execFileAsync = promisify(execFile);
let bins: FfmpegBinaries;
let work: string;
let n = 0;
const outDir = () => join(work, `out-${++n}`);

beforeAll(async () => {
  bins = await defaultFfmpegBinaries();
  work = await mkdtemp(join(tmpdir(), 'media-package-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** What ffprobe finds in a rendition we wrote: the size and codecs it must have predicted. */
async function probed(dir: string) {
  const out = await probeMedia(join(dir, 'index.m3u8'), { trusted: true, keyframeWindowSeconds: 0 });
  return { width: out.video!.width, height: out.video!.height, codecs: codecsString(out.video!, out.audio) };
}

/**
 * MD5 of every packet's payload, in order. Byte framing differs between MP4 and MPEG-TS (length
 * prefixes vs start codes, parameter sets and access unit delimiters repeated in-band, ADTS
 * headers), so both sides are normalised to Annex B without NAL types 7, 8, 9 and to raw AAC;
 * what remains is the coded picture and sound data, which only a re-encode changes.
 */
async function packetHashes(file: string, stream: 'v' | 'a', from: 'mp4' | 'hls'): Promise<string[]> {
  const bsf =
    stream === 'v'
      ? ['-bsf:v', `${from === 'mp4' ? 'h264_mp4toannexb,' : ''}filter_units=remove_types=7|8|9`]
      : from === 'hls' ? ['-bsf:a', 'aac_adtstoasc'] : [];
  const { stdout } = await execFileAsync(
    bins.ffmpeg,
    ['-v', 'error', '-i', file, '-map', `0:${stream}:0`, '-c', 'copy', ...bsf, '-f', 'framemd5', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(',')[5]!.trim());
}

/** ffmpeg processes this test process has running. */
async function ffmpegChildren(): Promise<number> {
  const { stdout } = await execFileAsync('ps', ['-o', 'comm=', '--ppid', String(process.pid)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((name) => name.trim() === 'ffmpeg').length;
}

describe('packageToHls, copy path', () => {
  it('copies H.264 and AAC bit for bit (packet hashes equal the source’s) and measures the tone', async () => {
    const src = await makeLesson({ seconds: 10, gopSeconds: 2 });
    const info = await probeMedia(src);
    const decision = decidePackaging(info);
    expect(decision).toMatchObject({ video: 'copy', audio: 'copy' });
    const dir = outDir();
    const result = await packageToHls(src, dir, info, decision);

    const playlist = join(dir, 'index.m3u8');
    const srcVideo = await packetHashes(src, 'v', 'mp4');
    expect(srcVideo).toHaveLength(250);
    expect(await packetHashes(playlist, 'v', 'hls')).toEqual(srcVideo);
    expect(await packetHashes(playlist, 'a', 'hls')).toEqual(await packetHashes(src, 'a', 'mp4'));

    const [r] = result.renditions;
    expect(r).toMatchObject({ name: 'source', width: 320, height: 240, playlist: 'index.m3u8', codecs: 'avc1.64000d,mp4a.40.2' });
    expect(r!.segments.map((s) => Math.round(s.durationSeconds))).toEqual([6, 4]);
    expect(await probed(dir)).toEqual({ width: r!.width, height: r!.height, codecs: r!.codecs });
    expect(r!.bandwidth).toBeGreaterThanOrEqual(r!.averageBandwidth);
    expect(result.durationSeconds).toBeCloseTo(10, 0);
    // The generated tone peaks at -18 dBFS; AAC coding adds a few dB of ripple.
    expect(result.audio!.maxVolumeDb).toBeGreaterThan(-20);
    expect(result.audio!.maxVolumeDb).toBeLessThan(-10);
    expect(isSilent(result.audio!)).toBe(false);
  });

  it('would notice a re-encode: the same file forced through libx264 hashes differently', async () => {
    const src = await makeLesson({ seconds: 10, gopSeconds: 2 });
    const info = await probeMedia(src);
    const dir = outDir();
    await packageToHls(src, dir, info, { video: 'transcode', audio: 'copy', reasons: ['test'] });
    const out = await packetHashes(join(dir, 'index.m3u8'), 'v', 'hls');
    expect(out).toHaveLength(250);
    expect(out).not.toEqual(await packetHashes(src, 'v', 'mp4'));
  });

  it('copies the picture of an mp3 recording and transcodes only its sound', async () => {
    const src = await makeLesson({ seconds: 4, audio: 'mp3' });
    const info = await probeMedia(src);
    const dir = outDir();
    const result = await packageToHls(src, dir, info, decidePackaging(info));
    expect(await packetHashes(join(dir, 'index.m3u8'), 'v', 'hls')).toEqual(await packetHashes(src, 'v', 'mp4'));
    expect(result.renditions[0]!.codecs).toMatch(/mp4a\.40\.2$/);
    expect((await probed(dir)).codecs).toBe(result.renditions[0]!.codecs);
    expect(isSilent(result.audio!)).toBe(false);
  });

  it('detects a silent lesson, and has no audio levels without an audio track', async () => {
    const silent = await makeLesson({ seconds: 4, audio: 'silent' });
    const sInfo = await probeMedia(silent);
    const s = await packageToHls(silent, outDir(), sInfo, decidePackaging(sInfo));
    expect(s.audio!.maxVolumeDb).toBeLessThan(-80);
    expect(isSilent(s.audio!)).toBe(true);

    const mute = await makeLesson({ seconds: 4, audio: 'none' });
    const mInfo = await probeMedia(mute);
    const m = await packageToHls(mute, outDir(), mInfo, decidePackaging(mInfo));
    expect(m.audio).toBeNull();
    expect(m.renditions[0]!.codecs).toMatch(/^avc1\.[0-9a-f]{6}$/);
  });

  it('clears segments a killed earlier run left behind', async () => {
    const src = await makeLesson({ seconds: 4 });
    const info = await probeMedia(src);
    const dir = outDir();
    await packageToHls(src, dir, info, decidePackaging(info));
    await writeFile(join(dir, 'seg_00099.ts'), 'stale');
    await packageToHls(src, dir, info, decidePackaging(info));
    expect((await readdir(dir)).sort()).toEqual(['index.m3u8', 'seg_00000.ts']);
  });
});

describe('copy packaging started before the probe answers', () => {
  it('is adopted for a copy: the same segments, playlist and loudness as packaging after the probe', async () => {
    const src = await makeLesson({ seconds: 10, gopSeconds: 2 });
    const guessedDir = outDir();
    const guess = startGuessedCopy(src, guessedDir);
    const info = await probeMedia(src);
    const guessed = await guess.adopt(info, decidePackaging(info));
    const after = await packageToHls(src, outDir(), info, decidePackaging(info));
    expect(guessed).not.toBeNull();
    expect(guessed!.renditions[0]).toEqual({ ...after.renditions[0], dir: guessedDir });
    expect(guessed!.audio).toEqual(after.audio);
    expect(await packetHashes(join(guessedDir, 'index.m3u8'), 'v', 'hls')).toEqual(await packetHashes(src, 'v', 'mp4'));
  });

  it('is stopped when the probe decides otherwise, and leaves the folder to the packaging that follows', async () => {
    const src = await makeLesson({ seconds: 10, gopSeconds: 2 });
    const dir = outDir();
    const guess = startGuessedCopy(src, dir);
    const info = await probeMedia(src);
    const transcode: PackagingDecision = { video: 'transcode', audio: 'copy', reasons: ['test'] };
    expect(await guess.adopt(info, transcode)).toBeNull();
    expect(await ffmpegChildren()).toBe(0);
    await packageToHls(src, dir, info, transcode);
    // The folder holds the transcode, not the guessed copy's segments.
    expect(await packetHashes(join(dir, 'index.m3u8'), 'v', 'hls')).not.toEqual(await packetHashes(src, 'v', 'mp4'));
  });

  it('stops with the job: cancelled while the probe runs, no ffmpeg is left behind', async () => {
    const src = await makeLesson({ seconds: 60 });
    const controller = new AbortController();
    const guess = startGuessedCopy(src, outDir(), { signal: controller.signal });
    controller.abort(new Error('server shutting down'));
    await guess.cancel();
    expect(await ffmpegChildren()).toBe(0);
  });
});

describe('packageToHls, transcode path', () => {
  it('turns HEVC into playable H.264 HLS with 2 s keyframes and 6 s segments, reporting rising progress', async () => {
    const src = await makeLesson({ codec: 'hevc', seconds: 8, width: 320, height: 240 });
    const info = await probeMedia(src);
    const decision = decidePackaging(info);
    expect(decision).toMatchObject({ video: 'transcode', audio: 'copy' });
    const seen: number[] = [];
    const dir = outDir();
    const result = await packageToHls(src, dir, info, decision, { onProgress: (p) => seen.push(p) });

    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    expect(result.renditions[0]!.segments.map((s) => Math.round(s.durationSeconds))).toEqual([6, 2]);
    const out = await probeMedia(join(dir, 'index.m3u8'), { trusted: true });
    expect(out.video).toMatchObject({ codec: 'h264', profile: 'High', pixFmt: 'yuv420p', width: 320, height: 240 });
    expect(out.video!.keyframeIntervalSeconds).toBeCloseTo(2, 1);
    expect(result.renditions[0]).toMatchObject(await probed(dir));
    expect(result.renditions[0]!.codecs).toBe('avc1.64001e,mp4a.40.2');
    // Playable: every frame of every segment decodes without an error.
    const { stderr } = await execFileAsync(bins.ffmpeg, ['-v', 'error', '-i', join(dir, 'index.m3u8'), '-f', 'null', '-']);
    expect(stderr).toBe('');
  });
});

describe('renditions and thumbnails', () => {
  it('makes a 360p rung with the source aspect and lists both in a master playlist', async () => {
    const src = await makeLesson({ seconds: 4, width: 640, height: 480 });
    const info = await probeMedia(src);
    const source = await packageToHls(src, outDir(), info, decidePackaging(info));
    const lowDir = outDir();
    const low = await makeRendition(src, lowDir, info, { name: '360p', height: 360, videoKbps: 200, audioKbps: 48 });
    expect(low).toMatchObject({ name: '360p', width: 480, height: 360, codecs: 'avc1.4d401e,mp4a.40.2' });
    expect(low).toMatchObject(await probed(lowDir));
    const master = masterPlaylist([low, ...source.renditions]);
    expect(master.indexOf('source/index.m3u8')).toBeLessThan(master.indexOf('360p/index.m3u8'));
  });

  it('writes a poster and a sprite of 160 px scrub thumbnails', async () => {
    const src = await makeLesson({ seconds: 10, gopSeconds: 2 });
    const info = await probeMedia(src);
    const dir = outDir();
    const t = await makeThumbnails(src, dir, info);
    expect(t.layout).toMatchObject({ intervalSeconds: 2, count: 5, columns: 5, rows: 1, tileWidth: 160, tileHeight: 120 });
    const size = async (f: string) =>
      (await execFileAsync(bins.ffprobe, ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', f])).stdout.trim();
    expect(await size(t.sprite)).toBe('800,120');
    expect(await size(t.poster)).toBe('320,240');
  });
});

describe('aborting', () => {
  it('kills ffmpeg and rejects with MEDIA_ABORTED once it is gone', async () => {
    const controller = new AbortController();
    let pid = 0;
    const run = runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=3600', '-f', 'null', '-'], {
      signal: controller.signal,
      durationSeconds: 3600,
      onStart: (p) => {
        pid = p;
        setTimeout(() => controller.abort(new Error('job timed out')), 300);
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'MEDIA_ABORTED', retryable: true });
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it('stops both the packaging and the audio measurement beside it, leaving no ffmpeg behind', async () => {
    const src = await makeLesson({ seconds: 60 });
    const info = await probeMedia(src);
    const controller = new AbortController();
    const run = packageToHls(src, outDir(), info, { video: 'transcode', audio: 'transcode', reasons: [] }, { signal: controller.signal });
    await expect.poll(ffmpegChildren).toBe(2);
    controller.abort(new Error('server shutting down'));
    await expect(run).rejects.toMatchObject({ code: 'MEDIA_ABORTED' });
    expect(await ffmpegChildren()).toBe(0);
  });

  it('does not start packaging when already aborted', async () => {
    const src = await makeLesson({ seconds: 4 });
    const info = await probeMedia(src);
    const run = packageToHls(src, outDir(), info, decidePackaging(info), { signal: AbortSignal.abort() });
    await expect(run).rejects.toMatchObject({ code: 'MEDIA_ABORTED' });
  });

  it('reports ffmpeg failures with stderr for the log', async () => {
    const src = await makeLesson({ seconds: 4 });
    const info = await probeMedia(src);
    const broken: PackagingDecision = { video: 'copy', audio: 'copy', reasons: [] };
    const run = packageToHls(src, outDir(), { ...info, video: { ...info.video!, index: 7 } }, broken);
    await expect(run).rejects.toMatchObject({ code: 'MEDIA_FFMPEG_FAILED', retryable: true, detail: expect.stringMatching(/0:7/) });
  });
});
