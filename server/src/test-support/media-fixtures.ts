import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultFfmpegBinaries } from '../media/ffmpeg-binaries.js';

const execFileAsync = promisify(execFile);

/**
 * Small media files made with ffmpeg's test sources at test time (never committed). Files are
 * cached by their generating command in one temp folder, so the test files of a run share them;
 * writes are atomic (temp name + rename) because vitest runs files in parallel processes.
 */
export const FIXTURE_DIR = join(tmpdir(), 'sunshine-media-fixtures');

export interface LessonSpec {
  /** Default 4; keep fixtures at 2–10 s so the suite stays fast on 2 cores. */
  seconds?: number;
  width?: number;
  height?: number;
  fps?: number;
  codec?: 'h264' | 'hevc' | 'mpeg4';
  /** `silent` is an AAC track of digital silence; `none` has no audio track. */
  audio?: 'aac' | 'mp3' | 'silent' | 'none';
  /** Keyframe spacing; longer than `seconds` gives a single keyframe. */
  gopSeconds?: number;
  /** H.264 pixel format, e.g. `yuv422p` for a High 4:2:2 stream browsers cannot play. */
  pixFmt?: string;
  container?: 'mp4' | 'ts' | 'mkv';
  /** MP4 index at the front (as phones write) instead of the end (as recorders do). */
  faststart?: boolean;
  /**
   * `moving` (default): colour bars with a running clock. `black`: a black picture (a covered
   * lens). `frozen`: the first picture of the bars, repeated (a stuck encoder or a looped still).
   */
  picture?: 'moving' | 'black' | 'frozen';
}

const made = new Map<string, Promise<string>>();

/** A short generated lesson (colour bars with a clock, a 440 Hz tone) matching the spec. */
export function makeLesson(spec: LessonSpec = {}): Promise<string> {
  const s = {
    seconds: 4, width: 320, height: 240, fps: 25, codec: 'h264', audio: 'aac', gopSeconds: 2,
    pixFmt: 'yuv420p', container: 'mp4', faststart: false, picture: 'moving', ...spec,
  } as Required<LessonSpec>;
  const gop = Math.max(1, Math.round(s.gopSeconds * s.fps));
  const size = `size=${s.width}x${s.height}:rate=${s.fps}:duration=${s.seconds}`;
  const picture = {
    moving: `testsrc2=${size}`,
    black: `color=c=black:${size}`,
    frozen: `testsrc2=${size},loop=loop=-1:size=1:start=0`,
  }[s.picture];
  const args = [
    '-f', 'lavfi', '-i', picture,
    ...audioInput(s),
    '-map', '0:v',
    ...videoCodec(s, gop),
    ...(s.audio === 'none' ? [] : ['-map', '1:a', ...audioCodec(s)]),
    '-t', String(s.seconds),
    ...(s.faststart && s.container === 'mp4' ? ['-movflags', '+faststart'] : []),
    '-f', { mp4: 'mp4', ts: 'mpegts', mkv: 'matroska' }[s.container],
  ];
  return generate(`lesson-${s.codec}-${s.audio}-${s.width}x${s.height}${s.picture === 'moving' ? '' : `-${s.picture}`}`, s.container, args);
}

/** An audio-only M4A (AAC), for "no video stream". */
export function makeAudioOnly(seconds = 2): Promise<string> {
  return generate('audio-only', 'm4a', [
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:a', 'aac', '-b:a', '64k', '-f', 'mp4',
  ]);
}

/** The first half of a file's bytes, as an interrupted copy leaves it. */
export async function makeTruncated(path: string): Promise<string> {
  const { size } = await stat(path);
  const out = `${path}.truncated${path.slice(path.lastIndexOf('.'))}`;
  const src = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.floor(size / 2));
    await src.read(buf, 0, buf.length, 0);
    const tmp = `${out}.${process.pid}.tmp`;
    await writeFile(tmp, buf);
    await rename(tmp, out);
  } finally {
    await src.close();
  }
  return out;
}

/** Something uploaded as a video that is not one: a text file named .mp4, or a PNG picture. */
export async function makeNotVideo(kind: 'text' | 'png' = 'text'): Promise<string> {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  if (kind === 'png') {
    return generate('picture', 'png', ['-f', 'lavfi', '-i', 'testsrc2=size=64x64', '-frames:v', '1', '-c:v', 'png', '-f', 'image2']);
  }
  const path = join(FIXTURE_DIR, 'not-a-video.mp4');
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, '第三节 数学 教案\n这是一份教案，不是录像。\n');
  await rename(tmp, path);
  return path;
}

function audioInput(s: Required<LessonSpec>): string[] {
  if (s.audio === 'none') return [];
  if (s.audio === 'silent') return ['-f', 'lavfi', '-t', String(s.seconds), '-i', 'anullsrc=r=48000:cl=mono'];
  return ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${s.seconds}`];
}

function videoCodec(s: Required<LessonSpec>, gop: number): string[] {
  if (s.codec === 'hevc') {
    return [
      '-c:v', 'libx265', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1',
      '-x265-params', `log-level=error:keyint=${gop}:min-keyint=${gop}:scenecut=0`,
    ];
  }
  if (s.codec === 'mpeg4') return ['-c:v', 'mpeg4', '-q:v', '6', '-g', String(gop)];
  // superfast keeps B-frames, so the copy proof also covers reordered frames.
  return [
    '-c:v', 'libx264', '-preset', 'superfast', '-pix_fmt', s.pixFmt,
    '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0',
  ];
}

function audioCodec(s: Required<LessonSpec>): string[] {
  return s.audio === 'mp3' ? ['-c:a', 'libmp3lame', '-b:a', '64k'] : ['-c:a', 'aac', '-b:a', '64k'];
}

function generate(label: string, ext: string, args: string[]): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 12);
  const path = join(FIXTURE_DIR, `${label}-${key}.${ext}`);
  let pending = made.get(path);
  if (!pending) {
    pending = (async () => {
      if (await stat(path).then((st) => st.size > 0, () => false)) return path;
      mkdirSync(FIXTURE_DIR, { recursive: true });
      const { ffmpeg } = await defaultFfmpegBinaries();
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await execFileAsync(ffmpeg, ['-hide_banner', '-v', 'error', '-nostdin', '-y', ...args, tmp], {
        timeout: 120_000,
      });
      await rename(tmp, path);
      return path;
    })();
    pending.catch(() => made.delete(path));
    made.set(path, pending);
  }
  return pending;
}
