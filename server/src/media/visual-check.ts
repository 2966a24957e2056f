import type { FfmpegBinaries } from './ffmpeg-binaries.js';
import { inputArgs } from './input-args.js';
import { runFfmpeg } from './run-ffmpeg.js';

/**
 * The picture check: how much of a lesson shows a black or a frozen picture (a covered lens, a
 * dead camera, a stuck encoder). It decodes keyframes only (`-skip_frame nokey`): a 10-minute 720p
 * lesson takes about 2 s instead of a full decode, and a picture that stays black or still for
 * most of a lesson is as visible on keyframes as on every frame. Each keyframe stands for the
 * stretch up to the next one.
 *
 * probe → args (pure) → run → parse (pure) → shares (pure), as the packaging path does.
 */

/** A stretch of the lesson, in seconds from its start. */
export interface Interval {
  start: number;
  /** null: still going when the stream ended. */
  end: number | null;
}

export interface VisualEvents {
  black: Interval[];
  frozen: Interval[];
}

export interface VisualShares {
  /** Share of the duration (0–1) with a black picture. */
  blackShare: number;
  /** Share of the duration (0–1) with a picture that does not change (black stretches included). */
  frozenShare: number;
}

/**
 * Shortest black stretch reported. Short fades to black between scenes are not what we look for,
 * and with keyframes a few seconds apart nothing much shorter can be seen anyway.
 */
export const BLACK_MIN_SECONDS = 2;
/** A pixel darker than this (share of the luma range) is black; a picture is black when 98% of its pixels are (blackdetect's defaults). */
export const BLACK_PIXEL_THRESHOLD = 0.1;
/**
 * Two pictures are the same when they differ by less than this (freezedetect's default, -60 dB).
 * A working camera never gives the same picture twice (sensor noise alone exceeds it); a frozen
 * encoder or a looped still image does.
 */
export const FREEZE_NOISE_DB = -60;
/** Shortest frozen stretch reported. */
export const FREEZE_MIN_SECONDS = 2;

/**
 * freezedetect's minimum duration must be longer than the gap between the frames it is given:
 * measured on ffmpeg 5.1, two keyframes `d` or more seconds apart are reported as a freeze even
 * when they differ, which would call every lesson frozen. So it is 1.5 keyframe gaps, at least
 * FREEZE_MIN_SECONDS; with no keyframe spacing known (none in the probe's first minute), 60 s.
 */
export function freezeMinSecondsFor(keyframeIntervalSeconds: number | null): number {
  return Math.max(FREEZE_MIN_SECONDS, 1.5 * (keyframeIntervalSeconds ?? 60));
}

/** Pure: ffmpeg arguments of the keyframe picture check (output discarded; the filters report on stderr). */
export function visualCheckArgs(input: string, opts: { keyframeIntervalSeconds: number | null; trustedInput?: boolean }): string[] {
  const freezeD = round3(freezeMinSecondsFor(opts.keyframeIntervalSeconds));
  return [
    '-skip_frame', 'nokey',
    ...inputArgs(input, { trusted: opts.trustedInput }),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', `blackdetect=d=${BLACK_MIN_SECONDS}:pix_th=${BLACK_PIXEL_THRESHOLD},freezedetect=n=${FREEZE_NOISE_DB}dB:d=${freezeD}`,
    '-f', 'null', '-',
  ];
}

/**
 * Pure: the black and frozen stretches in ffmpeg's stderr. blackdetect prints one line per stretch
 * (`black_start:0 black_end:4 black_duration:4`); freezedetect prints `freeze_start`, then
 * `freeze_duration` and `freeze_end` when the picture moves again — a freeze lasting to the end
 * of the stream has no end.
 */
export function parseVisualCheck(stderr: string): VisualEvents {
  const black: Interval[] = [];
  for (const m of stderr.matchAll(/black_start:\s*(-?[\d.]+)\s+black_end:\s*(-?[\d.]+)/g)) {
    black.push({ start: Number(m[1]), end: Number(m[2]) });
  }
  const frozen: Interval[] = [];
  for (const m of stderr.matchAll(/lavfi\.freezedetect\.freeze_(start|end):\s*(-?[\d.]+)/g)) {
    const at = Number(m[2]);
    if (m[1] === 'start') {
      frozen.push({ start: at, end: null });
    } else {
      const open = frozen.at(-1);
      if (open && open.end === null) open.end = at;
    }
  }
  return { black, frozen };
}

/**
 * Pure: the shares of the duration that were black and frozen. Keyframe sampling is corrected
 * both ways: a stretch reaching the last keyframe runs to the end (that keyframe stands for the
 * rest), and a freeze is reported at the first repeated keyframe although the still picture began
 * at the one before (one keyframe gap earlier). Overlapping stretches are counted once.
 */
export function visualShares(events: VisualEvents, durationSeconds: number, keyframeIntervalSeconds: number | null): VisualShares {
  if (!(durationSeconds > 0)) return { blackShare: 0, frozenShare: 0 };
  const gap = keyframeIntervalSeconds ?? 0;
  const toEnd = (end: number | null) => (end === null || end >= durationSeconds - 1.5 * gap ? durationSeconds : end);
  const black = events.black.map((i) => ({ start: i.start, end: toEnd(i.end) }));
  const frozen = events.frozen.map((i) => ({ start: Math.max(0, i.start - gap), end: toEnd(i.end) }));
  return {
    blackShare: covered(black, durationSeconds) / durationSeconds,
    // A black picture is a still one too; freezedetect usually says so itself, this makes sure.
    frozenShare: covered([...frozen, ...black], durationSeconds) / durationSeconds,
  };
}

/** Seconds of [0, duration] covered by the union of the intervals. */
function covered(intervals: readonly { start: number; end: number }[], duration: number): number {
  const sorted = intervals
    .map((i) => ({ start: Math.max(0, i.start), end: Math.min(duration, i.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let reach = 0;
  for (const i of sorted) {
    const from = Math.max(i.start, reach);
    if (i.end > from) total += i.end - from;
    reach = Math.max(reach, i.end);
  }
  return total;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Runs the keyframe picture check on a local file. */
export async function checkPicture(
  input: string,
  info: { durationSeconds: number; keyframeIntervalSeconds: number | null },
  opts: { signal?: AbortSignal; binaries?: FfmpegBinaries; trustedInput?: boolean } = {},
): Promise<VisualShares> {
  const args = visualCheckArgs(input, { keyframeIntervalSeconds: info.keyframeIntervalSeconds, trustedInput: opts.trustedInput });
  const { stderr } = await runFfmpeg(args, { signal: opts.signal, binaries: opts.binaries });
  return visualShares(parseVisualCheck(stderr), info.durationSeconds, info.keyframeIntervalSeconds);
}
