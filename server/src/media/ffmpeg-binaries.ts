import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { isMediaError, mediaErrors } from './media-error.js';

const execFileAsync = promisify(execFile);

/** Which ffmpeg the platform runs, and where it came from. */
export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  source: 'env' | 'system' | 'bundled';
  /** ffmpeg's own version string, e.g. `5.1.9-0+deb12u1`. */
  version: string;
  /** Set when the binaries are not fit for production; log it at start. */
  warning?: string;
}

export interface FfmpegOverrides {
  /** FFMPEG_PATH */
  ffmpegPath?: string | null;
  /** FFPROBE_PATH */
  ffprobePath?: string | null;
}

const BUNDLED_WARNING =
  'ffmpeg: using the npm-bundled build (@ffmpeg-installer/ffmpeg, built in 2018). It is NOT for ' +
  'production: uploaded videos are untrusted input and this build lacks years of security fixes. ' +
  'Install a maintained ffmpeg on PATH (Debian: apt install ffmpeg) or set FFMPEG_PATH and FFPROBE_PATH.';

/**
 * Finds ffmpeg and ffprobe: FFMPEG_PATH / FFPROBE_PATH win (a lone one takes its sibling from the
 * same folder); else both from PATH (a maintained distribution build, faster than the npm one);
 * else the npm-bundled binaries with a warning. Each candidate must answer `-version`.
 */
export async function resolveFfmpegBinaries(
  overrides: FfmpegOverrides = {},
  searchPath: string = process.env.PATH ?? '',
): Promise<FfmpegBinaries> {
  if (overrides.ffmpegPath || overrides.ffprobePath) {
    const ffmpeg = overrides.ffmpegPath || join(dirname(overrides.ffprobePath!), 'ffmpeg');
    const ffprobe = overrides.ffprobePath || join(dirname(overrides.ffmpegPath!), 'ffprobe');
    for (const [name, path] of [['FFMPEG_PATH', ffmpeg], ['FFPROBE_PATH', ffprobe]] as const) {
      if (!(await isExecutable(path))) {
        throw mediaErrors.missing(`${name}: ${path} is not an executable file`);
      }
    }
    return { ffmpeg, ffprobe, source: 'env', version: await versionOf(ffmpeg) };
  }

  const ffmpeg = await findOnPath('ffmpeg', searchPath);
  const ffprobe = await findOnPath('ffprobe', searchPath);
  if (ffmpeg && ffprobe) {
    const version = await versionOf(ffmpeg).catch(() => null);
    if (version) return { ffmpeg, ffprobe, source: 'system', version };
  }

  const bundled = bundledPaths();
  if (!bundled) {
    throw mediaErrors.missing('no ffmpeg/ffprobe on PATH and no @ffmpeg-installer binary for this platform');
  }
  return { ...bundled, source: 'bundled', version: await versionOf(bundled.ffmpeg), warning: BUNDLED_WARNING };
}

let cached: Promise<FfmpegBinaries> | undefined;
let configured: FfmpegOverrides = {};

/**
 * The composition root (main.ts, worker-main.ts) passes FFMPEG_PATH / FFPROBE_PATH from its config
 * here once, before any media runs; media itself reads no configuration.
 */
export function useFfmpegOverrides(overrides: FfmpegOverrides): void {
  configured = { ffmpegPath: overrides.ffmpegPath ?? null, ffprobePath: overrides.ffprobePath ?? null };
  cached = undefined;
}

/** The process-wide binaries (from the overrides passed to useFfmpegOverrides), resolved once. */
export function defaultFfmpegBinaries(): Promise<FfmpegBinaries> {
  if (!cached) {
    cached = resolveFfmpegBinaries(configured);
    cached.catch(() => (cached = undefined));
  }
  return cached;
}

interface StartLog {
  info(obj: object, msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/**
 * Resolves the process-wide binaries at start and says which ones run, with the bundled build's
 * warning. A wrong FFMPEG_PATH / FFPROBE_PATH stops the start (`configError`); no ffmpeg at all
 * only logs an error, since everything but video processing still works.
 */
export async function announceFfmpeg(
  log: StartLog, overrides: FfmpegOverrides = configured, configError: (detail: string) => Error = (detail) => new Error(detail),
): Promise<FfmpegBinaries | null> {
  const { ffmpegPath, ffprobePath } = overrides;
  useFfmpegOverrides(overrides);
  try {
    const bins = await defaultFfmpegBinaries();
    log.info({ ffmpeg: bins.ffmpeg, ffprobe: bins.ffprobe, source: bins.source, version: bins.version }, 'ffmpeg');
    if (bins.warning) log.warn(bins.warning);
    return bins;
  } catch (e) {
    const detail = isMediaError(e) ? e.detail ?? e.message : String(e);
    if (ffmpegPath || ffprobePath) throw configError(detail);
    log.error(`ffmpeg not found, lessons cannot be processed: ${detail}`);
    return null;
  }
}

function bundledPaths(): { ffmpeg: string; ffprobe: string } | null {
  try {
    const require = createRequire(import.meta.url);
    const ffmpeg = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    const ffprobe = (require('@ffprobe-installer/ffprobe') as { path: string }).path;
    return { ffmpeg, ffprobe };
  } catch {
    return null;
  }
}

async function findOnPath(name: string, searchPath: string): Promise<string | null> {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function versionOf(binary: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(binary, ['-hide_banner', '-version'], { timeout: 10_000 });
    return /version\s+(\S+)/.exec(stdout)?.[1] ?? 'unknown';
  } catch (e) {
    throw mediaErrors.missing(`${binary} -version failed: ${(e as Error).message}`);
  }
}
