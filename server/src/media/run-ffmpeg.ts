import { spawn } from 'node:child_process';
import { defaultFfmpegBinaries, type FfmpegBinaries } from './ffmpeg-binaries.js';
import { mediaErrors } from './media-error.js';

export interface RunFfmpegOptions {
  binaries?: FfmpegBinaries;
  /** Aborting kills ffmpeg (SIGKILL) and rejects with MEDIA_ABORTED once it has exited. */
  signal?: AbortSignal;
  /**
   * The output's expected length, to turn ffmpeg's position into a percentage; a function when
   * it is only known later (a pass started before the probe answered).
   */
  durationSeconds?: number | (() => number | undefined);
  /** Called with whole percentages as they rise, ending with 100 on success. */
  onProgress?: (percent: number) => void;
  /** Called with the child's pid once spawned (for logs and tests). */
  onStart?: (pid: number) => void;
}

export interface RunFfmpegResult {
  /** The last ~64 KB of stderr: volumedetect's report and any warnings. */
  stderr: string;
  elapsedMs: number;
}

const STDERR_TAIL_BYTES = 64 * 1024;

/**
 * Runs ffmpeg with the given arguments (never through a shell), adding the plumbing flags:
 * no stdin, overwrite, machine-readable progress on stdout, no interactive stats.
 */
export async function runFfmpeg(args: string[], opts: RunFfmpegOptions = {}): Promise<RunFfmpegResult> {
  const bins = opts.binaries ?? (await defaultFfmpegBinaries());
  const { signal } = opts;
  if (signal?.aborted) throw mediaErrors.aborted(signal.reason);
  const fullArgs = ['-hide_banner', '-nostdin', '-y', '-nostats', '-progress', 'pipe:1', ...args];
  const started = Date.now();

  return new Promise<RunFfmpegResult>((resolve, reject) => {
    const child = spawn(bins.ffmpeg, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    if (child.pid !== undefined) opts.onStart?.(child.pid);
    let stderr = '';
    let spawnError: Error | undefined;
    const progress = progressTracker(opts.durationSeconds, opts.onProgress);

    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    let pending = '';
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) progress.line(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.length > STDERR_TAIL_BYTES * 2) stderr = stderr.slice(-STDERR_TAIL_BYTES);
    });
    child.on('error', (e) => (spawnError = e));
    child.on('close', (code, sig) => {
      signal?.removeEventListener('abort', onAbort);
      stderr = stderr.slice(-STDERR_TAIL_BYTES);
      if (signal?.aborted) return reject(mediaErrors.aborted(signal.reason));
      if (spawnError) return reject(mediaErrors.missing(`${bins.ffmpeg}: ${spawnError.message}`));
      if (code !== 0) {
        const why = sig ? `killed by ${sig}` : `exit code ${code}`;
        return reject(mediaErrors.ffmpegFailed(`ffmpeg ${why}: ${lastLines(stderr, 8)}`));
      }
      progress.done();
      resolve({ stderr, elapsedMs: Date.now() - started });
    });
  });
}

/**
 * Turns `-progress` key=value lines into whole percentages that only rise, capped at 99 until
 * ffmpeg has exited cleanly (its last report can arrive before the playlist is closed).
 */
export function progressTracker(duration: RunFfmpegOptions['durationSeconds'], onProgress?: (percent: number) => void) {
  let last = -1;
  const emit = (p: number) => {
    if (p > last) {
      last = p;
      onProgress?.(p);
    }
  };
  return {
    line(line: string) {
      const eq = line.indexOf('=');
      const durationSeconds = typeof duration === 'function' ? duration() : duration;
      if (eq < 0 || !durationSeconds) return;
      const key = line.slice(0, eq);
      if (key !== 'out_time') return;
      const seconds = parseClock(line.slice(eq + 1).trim());
      if (seconds === null) return;
      emit(Math.max(0, Math.min(99, Math.floor((seconds / durationSeconds) * 100))));
    },
    done() {
      emit(100);
    },
  };
}

/** `HH:MM:SS.micro` (what every ffmpeg version prints as out_time) → seconds; null for N/A or negative. */
export function parseClock(text: string): number | null {
  const m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const lastLines = (text: string, n: number) => text.trim().split('\n').slice(-n).join('\n');
