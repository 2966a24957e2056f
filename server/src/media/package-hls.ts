import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LadderRung, PackagingDecision } from './decide.js';
import { defaultFfmpegBinaries, type FfmpegBinaries } from './ffmpeg-binaries.js';
import {
  buildAudioLevelArgs,
  buildGuessedCopyArgs,
  buildPackageArgs,
  buildRenditionArgs,
  expectedPackageOutput,
  expectedRenditionOutput,
  guessedCopyHolds,
  HLS_PLAYLIST,
  type ExpectedOutput,
  type PackageArgsOptions,
} from './hls-args.js';
import { mediaErrors } from './media-error.js';
import { parseMediaPlaylist, type HlsRendition } from './playlist.js';
import type { MediaInfo } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { nowMs } from './stage-timings.js';
import { parseVolumeDetect, type AudioLevels } from './silence.js';
import { buildThumbnailArgs, POSTER_FILE, SPRITE_FILE, type ThumbnailLayout, type ThumbnailOptions } from './thumbnail-args.js';

export interface MediaRunOptions {
  binaries?: FfmpegBinaries;
  /** Aborting kills ffmpeg; the call rejects with MEDIA_ABORTED after it has exited. */
  signal?: AbortSignal;
  /** Whole percentages, rising, ending with 100. */
  onProgress?: (percent: number) => void;
}

export interface PackageResult {
  /** The source rendition (one entry; ladder rungs come from makeRendition). */
  renditions: HlsRendition[];
  /** volumedetect's measurement of the audio, null when the file has no audio track. */
  audio: AudioLevels | null;
  /** Playable length: the sum of the playlist's segment durations. */
  durationSeconds: number;
  elapsedMs: number;
  /** When the packaging ffmpeg and the loudness ffmpeg exited (epoch ms; the bench's breakdown). */
  videoDoneAt?: number;
  audioDoneAt?: number;
}

/**
 * Writes outDir/index.m3u8 + seg_NNNNN.ts (copy or transcode as decided) and, in a second ffmpeg
 * beside it, measures the audio's loudness; either failing stops the other. outDir is emptied of
 * earlier HLS files first, so a retried job never mixes segments of two runs; upload the folder
 * only after this resolves — until then it is a half-written rendition.
 */
export async function packageToHls(
  input: string,
  outDir: string,
  info: MediaInfo,
  decision: PackagingDecision,
  opts: MediaRunOptions & Pick<PackageArgsOptions, 'hlsTime' | 'trustedInput'> = {},
): Promise<PackageResult> {
  const binaries = opts.binaries ?? (await defaultFfmpegBinaries());
  await prepareHlsDir(outDir);
  const levelArgs = decision.audio === 'none' ? null : buildAudioLevelArgs(input, info, opts);
  const started = Date.now();
  const done: { video?: number; audio?: number } = {};
  const [, levels] = await runTogether(opts.signal, (signal) => [
    runFfmpeg(buildPackageArgs(input, outDir, info, decision, opts), { ...opts, signal, binaries, durationSeconds: info.durationSeconds })
      .then((r) => { done.video = nowMs(); return r; }),
    levelArgs ? runFfmpeg(levelArgs, { binaries, signal }).then((r) => { done.audio = nowMs(); return r; }) : Promise.resolve(null),
  ]);
  return packageResult(outDir, info, decision, opts, levels, { started, ...done });
}

/** The source rendition as written and measured, once both ffmpeg passes have exited. */
async function packageResult(
  outDir: string, info: MediaInfo, decision: PackagingDecision, opts: PackageArgsOptions,
  levels: { stderr: string } | null, at: { started: number; video?: number; audio?: number },
): Promise<PackageResult> {
  const rendition = await describeRendition('source', outDir, expectedPackageOutput(info, decision, opts));
  const audio = levels ? parseVolumeDetect(levels.stderr) : null;
  return {
    renditions: [rendition], audio, durationSeconds: rendition.durationSeconds,
    elapsedMs: Date.now() - at.started, videoDoneAt: at.video, audioDoneAt: at.audio,
  };
}

/** A packaging pass started before the probe answered (startGuessedCopy). */
export interface GuessedCopy {
  /**
   * With the probe's answer: the packaging result when the guess was right, or null once the
   * guessed pass has stopped (then package as decided; the folder is free).
   */
  adopt(info: MediaInfo, decision: PackagingDecision): Promise<PackageResult | null>;
  /** Stops the guessed pass and waits for it to exit (a no-op once adopted or settled). */
  cancel(): Promise<void>;
}

/**
 * Starts packaging by copy before the probe has answered, so the probe's time (a fraction of a
 * second that plain `ffmpeg -c copy` does not spend) leaves the wait for a playable lesson: most
 * recorders' files are H.264/AAC with short GOPs and are copied anyway. The loudness pass starts
 * when the guess is adopted, as it needs the probe's audio track. A file the guess does not fit
 * (a transcode, cover art first, a second sound track) costs one killed ffmpeg.
 */
export function startGuessedCopy(
  input: string,
  outDir: string,
  opts: MediaRunOptions & Pick<PackageArgsOptions, 'hlsTime' | 'trustedInput'> = {},
): GuessedCopy {
  const cancelled = new AbortController();
  const outer = opts.signal ? AbortSignal.any([opts.signal, cancelled.signal]) : cancelled.signal;
  let durationSeconds: number | undefined;
  let decide!: (decided: { info: MediaInfo; decision: PackagingDecision }) => void;
  const decided = new Promise<{ info: MediaInfo; decision: PackagingDecision }>((resolve) => { decide = resolve; });
  const started = Date.now();
  const done: { video?: number; audio?: number } = {};
  const together = runTogether(outer, (signal) => [
    (async () => {
      const binaries = opts.binaries ?? (await defaultFfmpegBinaries());
      await prepareHlsDir(outDir);
      const run = await runFfmpeg(buildGuessedCopyArgs(input, outDir, opts), {
        binaries, signal, durationSeconds: () => durationSeconds, onProgress: opts.onProgress,
      });
      done.video = nowMs();
      return run;
    })(),
    (async () => {
      const { info, decision } = await untilAborted(decided, signal);
      const levelArgs = decision.audio === 'none' ? null : buildAudioLevelArgs(input, info, opts);
      if (!levelArgs) return null;
      const run = await runFfmpeg(levelArgs, { binaries: opts.binaries ?? (await defaultFfmpegBinaries()), signal });
      done.audio = nowMs();
      return run;
    })(),
  ]);
  // Settled here so an unadopted guess that fails is never an unhandled rejection.
  const settled = together.then(() => undefined, () => undefined);
  const cancel = async () => {
    cancelled.abort(new Error('the probe decided otherwise'));
    await settled;
  };
  return {
    cancel,
    async adopt(info, decision) {
      if (!guessedCopyHolds(info, decision)) {
        await cancel();
        return null;
      }
      durationSeconds = info.durationSeconds;
      decide({ info, decision });
      const [, levels] = await together;
      return packageResult(outDir, info, decision, opts, levels ?? null, { started, ...done });
    },
  };
}

/** The promise's value, or MEDIA_ABORTED as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(mediaErrors.aborted(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(mediaErrors.aborted(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => { signal.removeEventListener('abort', onAbort); resolve(value); }, reject);
  });
}

/**
 * Runs ffmpeg processes side by side under one signal: the first to fail kills the others, and
 * its error is thrown once all of them have exited (the others' "aborted" is not the cause), so no
 * process outlives the call — a retry may clear the folder they write to.
 */
async function runTogether<T extends readonly Promise<unknown>[]>(outer: AbortSignal | undefined, start: (signal: AbortSignal) => T) {
  const controller = new AbortController();
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  outer?.addEventListener('abort', forward, { once: true });
  let firstError: { error: unknown } | null = null;
  const runs = start(controller.signal).map((run) => run.catch((error: unknown) => {
    firstError ??= { error };
    controller.abort(new Error('a process beside it failed'));
    throw error;
  }));
  try {
    const settled = await Promise.allSettled(runs);
    if (firstError) throw (firstError as { error: unknown }).error;
    return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
  } finally {
    outer?.removeEventListener('abort', forward);
  }
}

/** A low-bitrate rung (always transcoded) into outDir/index.m3u8 + segments. */
export async function makeRendition(
  input: string,
  outDir: string,
  info: MediaInfo,
  rung: LadderRung,
  opts: MediaRunOptions & Pick<PackageArgsOptions, 'hlsTime' | 'trustedInput'> = {},
): Promise<HlsRendition> {
  const binaries = opts.binaries ?? (await defaultFfmpegBinaries());
  await prepareHlsDir(outDir);
  await runFfmpeg(buildRenditionArgs(input, outDir, info, rung, opts), {
    ...opts,
    binaries,
    durationSeconds: info.durationSeconds,
  });
  return describeRendition(rung.name, outDir, expectedRenditionOutput(info, rung));
}

export interface ThumbnailResult {
  poster: string;
  sprite: string;
  layout: ThumbnailLayout;
}

/** poster.jpg and sprite.jpg (scrub thumbnails, see ThumbnailLayout) into outDir. */
export async function makeThumbnails(
  input: string,
  outDir: string,
  info: MediaInfo,
  opts: MediaRunOptions & ThumbnailOptions = {},
): Promise<ThumbnailResult> {
  await mkdir(outDir, { recursive: true });
  const { args, layout } = buildThumbnailArgs(input, outDir, info, opts);
  await runFfmpeg(args, { ...opts, durationSeconds: info.durationSeconds });
  const poster = join(outDir, POSTER_FILE);
  const sprite = join(outDir, SPRITE_FILE);
  for (const file of [poster, sprite]) {
    if (!(await stat(file).then((s) => s.size > 0, () => false))) {
      throw mediaErrors.ffmpegFailed(`ffmpeg wrote no ${file}`);
    }
  }
  return { poster, sprite, layout };
}

/**
 * Checks and measures a rendition ffmpeg has written: the playlist is closed (#EXT-X-ENDLIST) and
 * every segment exists and is not empty; a rendition that fails here is never handed on to be
 * served. Size and codecs come from the decision (the npm-bundled ffprobe crashes on MPEG-TS, so
 * we do not probe our own output).
 */
export async function describeRendition(name: string, dir: string, expected: ExpectedOutput): Promise<HlsRendition> {
  const playlistPath = join(dir, HLS_PLAYLIST);
  const text = await readFile(playlistPath, 'utf8').catch(() => '');
  const playlist = parseMediaPlaylist(text);
  if (!playlist.ended || playlist.segments.length === 0) {
    throw mediaErrors.ffmpegFailed(`${playlistPath} is incomplete (no #EXT-X-ENDLIST or no segments)`);
  }
  const segments: HlsRendition['segments'] = [];
  for (const s of playlist.segments) {
    const size = await stat(join(dir, s.uri)).then((st) => st.size, () => -1);
    if (size <= 0) throw mediaErrors.ffmpegFailed(`segment ${s.uri} of ${playlistPath} is missing or empty`);
    segments.push({ file: s.uri, durationSeconds: s.durationSeconds, sizeBytes: size });
  }
  const durationSeconds = segments.reduce((sum, s) => sum + s.durationSeconds, 0);
  const totalBytes = segments.reduce((sum, s) => sum + s.sizeBytes, 0);
  const peak = Math.max(...segments.map((s) => (s.sizeBytes * 8) / Math.max(s.durationSeconds, 0.5)));
  return {
    name,
    dir,
    playlist: HLS_PLAYLIST,
    segments,
    durationSeconds: Math.round(durationSeconds * 1000) / 1000,
    ...expected,
    bandwidth: Math.ceil(peak),
    averageBandwidth: Math.ceil((totalBytes * 8) / Math.max(durationSeconds, 0.001)),
  };
}

/** Removes the playlist and segments a previous (killed) run may have left; keeps anything else. */
async function prepareHlsDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (name === HLS_PLAYLIST || /^seg_\d+\.ts$/.test(name) || name.endsWith('.m3u8.tmp')) {
      await rm(join(dir, name), { force: true });
    }
  }
}
