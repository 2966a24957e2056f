import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { makeLesson } from '../test-support/media-fixtures.js';
import { decidePackaging } from './decide.js';
import { announceFfmpeg, resolveFfmpegBinaries, type FfmpegBinaries } from './ffmpeg-binaries.js';
import { packageToHls } from './package-hls.js';
import { probeMedia } from './probe.js';
import { isSilent } from './silence.js';

// CI and this machine have Debian's ffmpeg in /usr/bin (see the fixed points).
const SYSTEM_DIR = '/usr/bin';

describe('resolveFfmpegBinaries', () => {
  it('takes FFMPEG_PATH / FFPROBE_PATH from the config first', async () => {
    expect(loadConfig({ FFMPEG_PATH: ' /opt/ff/ffmpeg ' })).toMatchObject({ ffmpegPath: '/opt/ff/ffmpeg', ffprobePath: null });
    const both = await resolveFfmpegBinaries({ ffmpegPath: `${SYSTEM_DIR}/ffmpeg`, ffprobePath: `${SYSTEM_DIR}/ffprobe` }, '');
    expect(both).toMatchObject({ source: 'env', ffmpeg: `${SYSTEM_DIR}/ffmpeg`, version: expect.stringMatching(/^\d/) });
    expect(both.warning).toBeUndefined();
    // One variable alone brings its sibling from the same folder.
    expect(await resolveFfmpegBinaries({ ffmpegPath: `${SYSTEM_DIR}/ffmpeg` }, '')).toMatchObject({ ffprobe: `${SYSTEM_DIR}/ffprobe` });
  });

  it('fails fast, naming the variable, when the override is wrong', async () => {
    await expect(resolveFfmpegBinaries({ ffprobePath: '/nowhere/ffprobe' })).rejects.toMatchObject({
      code: 'MEDIA_FFMPEG_MISSING',
      detail: expect.stringContaining('FFMPEG_PATH: /nowhere/ffmpeg'),
    });
  });

  it('prefers a system ffmpeg on PATH', async () => {
    expect(await resolveFfmpegBinaries({}, `/nonexistent:${SYSTEM_DIR}`)).toMatchObject({
      source: 'system',
      ffmpeg: `${SYSTEM_DIR}/ffmpeg`,
      ffprobe: `${SYSTEM_DIR}/ffprobe`,
    });
  });

  it('says at start which ffmpeg runs', async () => {
    const lines: string[] = [];
    const log = { info: (o: object, m: string) => lines.push(`${m} ${JSON.stringify(o)}`), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    expect(await announceFfmpeg(log)).not.toBeNull();
    expect(lines[0]).toMatch(/^ffmpeg .*"version"/);
  });

  it('falls back to the npm-bundled build with a warning that it is not for production', async () => {
    const b = await resolveFfmpegBinaries({}, '');
    expect(b.source).toBe('bundled');
    expect(b.ffmpeg).toContain('@ffmpeg-installer');
    expect(b.ffprobe).toContain('@ffprobe-installer');
    expect(b.warning).toMatch(/NOT for production.*untrusted input/);
  });
});

describe('the npm-bundled 2018 build understands our arguments', () => {
  let bundled: FfmpegBinaries;
  let work: string;
  beforeAll(async () => {
    bundled = await resolveFfmpegBinaries({}, '');
    work = await mkdtemp(join(tmpdir(), 'media-bundled-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('probes, copies with a volume measurement, and transcodes', async () => {
    const src = await makeLesson({ seconds: 4 });
    const info = await probeMedia(src, { binaries: bundled });
    expect(info.video).toMatchObject({ codec: 'h264', keyframeIntervalSeconds: 2 });
    const copied = await packageToHls(src, join(work, 'copy'), info, decidePackaging(info), { binaries: bundled });
    expect(copied.renditions[0]!.segments).toHaveLength(1);
    expect(isSilent(copied.audio!)).toBe(false);

    const hevc = await makeLesson({ seconds: 2, codec: 'hevc', audio: 'mp3' });
    const hInfo = await probeMedia(hevc, { binaries: bundled });
    const decision = decidePackaging(hInfo);
    expect(decision).toMatchObject({ video: 'transcode', audio: 'transcode' });
    const out = await packageToHls(hevc, join(work, 'transcode'), hInfo, decision, { binaries: bundled });
    expect(out.renditions[0]!.codecs).toMatch(/^avc1\.6400..,mp4a\.40\.2$/);
  });

  it('(its ffprobe 5.2.0 build segfaults on MPEG-TS: reported as a retryable failure, not a bad upload)', async () => {
    const ts = await makeLesson({ seconds: 2, container: 'ts' });
    await expect(probeMedia(ts, { binaries: bundled })).rejects.toMatchObject({
      code: 'MEDIA_FFMPEG_FAILED',
      retryable: true,
      detail: expect.stringContaining('SIGSEGV'),
    });
  });
});
