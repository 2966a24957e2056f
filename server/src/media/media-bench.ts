import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decidePackaging, type PackagingDecision } from './decide.js';
import { defaultFfmpegBinaries } from './ffmpeg-binaries.js';
import { packageToHls } from './package-hls.js';
import { probeMedia } from './probe.js';

const execFileAsync = promisify(execFile);

/**
 * Measurements for `npm run bench` (issue 3, acceptance 7). Each takes the median of `runs` warm
 * runs, so the page cache holds the file in every contender's case.
 */
export interface CopyBench {
  /** Plain `ffmpeg -i f -c copy -f hls`: the baseline. */
  plainSeconds: number;
  /** probeMedia (format + first-minute keyframes). */
  probeSeconds: number;
  /** packageToHls: copy into HLS, with volumedetect on the audio in a second ffmpeg beside it. */
  packageSeconds: number;
  /** (probe + package) / plain; the target is ≤ 2. */
  ratio: number;
  decision: PackagingDecision;
}

export async function benchCopyPackaging(file: string, runs = 3): Promise<CopyBench> {
  const binaries = await defaultFfmpegBinaries();
  const work = await mkdtemp(join(tmpdir(), 'media-bench-'));
  try {
    const plain = await median(runs, async (i) => {
      const dir = join(work, `plain-${i}`);
      await mkdir(dir);
      await execFileAsync(binaries.ffmpeg, ['-v', 'error', '-nostdin', '-i', file, '-c', 'copy', '-f', 'hls', join(dir, 'index.m3u8')]);
    });
    let info = await probeMedia(file, { binaries });
    const probe = await median(runs, async () => {
      info = await probeMedia(file, { binaries });
    });
    const decision = decidePackaging(info);
    const pack = await median(runs, async (i) => {
      await packageToHls(file, join(work, `pack-${i}`), info, decision, { binaries });
    });
    return { plainSeconds: plain, probeSeconds: probe, packageSeconds: pack, ratio: (probe + pack) / plain, decision };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Transcode speed as a multiple of real time (video libx264 veryfast + AAC), e.g. on a 30 s clip. */
export async function benchTranscode(file: string): Promise<{ seconds: number; speed: number; mediaSeconds: number }> {
  const binaries = await defaultFfmpegBinaries();
  const work = await mkdtemp(join(tmpdir(), 'media-bench-'));
  try {
    const info = await probeMedia(file, { binaries });
    const started = performance.now();
    await packageToHls(file, join(work, 'tx'), info, { video: 'transcode', audio: 'transcode', reasons: ['bench'] }, { binaries });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, speed: info.durationSeconds / seconds, mediaSeconds: info.durationSeconds };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function median(runs: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = -1; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    if (i >= 0) times.push((performance.now() - started) / 1000); // i = -1 warms the cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
