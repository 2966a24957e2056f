import { execFile, type ExecFileException } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { defaultFfmpegBinaries, type FfmpegBinaries } from './ffmpeg-binaries.js';
import { inputArgs } from './input-args.js';
import { MediaError, mediaErrors } from './media-error.js';
import { keyframeIntervalFrom, parseProbeJson } from './probe-parse.js';

export { keyframeIntervalFrom, parseProbeJson };

export interface VideoStreamInfo {
  /** Stream index in the file, for `-map 0:<index>`. */
  index: number;
  /** ffprobe's codec_name: h264, hevc, mpeg4, vp9… */
  codec: string;
  /** e.g. `High`, `Main`, `Constrained Baseline`; null when unknown. */
  profile: string | null;
  level: number | null;
  pixFmt: string | null;
  /** Coded size; the displayed picture is rotated by `rotation`. */
  width: number;
  height: number;
  /** Clockwise degrees the player must turn the picture (phone videos): 0, 90, 180, 270. */
  rotation: number;
  interlaced: boolean;
  fps: number | null;
  bitRate?: number;
  /** The longest gap between keyframes seen in the first minute; null when none were seen. */
  keyframeIntervalSeconds: number | null;
}

export interface AudioStreamInfo {
  index: number;
  codec: string;
  profile: string | null;
  sampleRate: number;
  channels: number;
  bitRate?: number;
}

export interface StreamSummary {
  index: number;
  type: string;
  codec: string | null;
}

export interface MediaInfo {
  durationSeconds: number;
  sizeBytes: number;
  /** ffprobe's format_name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string;
  video?: VideoStreamInfo;
  audio?: AudioStreamInfo;
  streams: StreamSummary[];
}

export interface ProbeOptions {
  binaries?: FfmpegBinaries;
  signal?: AbortSignal;
  /** Default true: a file without a picture throws MEDIA_NO_VIDEO_STREAM. */
  requireVideo?: boolean;
  /** Our own outputs skip the upload demuxer whitelist (an HLS playlist is not an upload format). */
  trusted?: boolean;
  /** How much of the start is scanned for keyframe spacing (default 60 s; 0 skips the scan). */
  keyframeWindowSeconds?: number;
}

const PROBE_TIMEOUT_MS = 120_000;

/**
 * Probes a media file with ffprobe: streams and format, plus the keyframe spacing of the first
 * minute (read from packet flags, so nothing is decoded), in one ffprobe run.
 * Throws MediaError with MEDIA_NOT_VIDEO, MEDIA_NO_VIDEO_STREAM or MEDIA_TRUNCATED when the file
 * cannot become a lesson, MEDIA_FFMPEG_FAILED (retryable) when ffprobe itself failed.
 */
export async function probeMedia(path: string, opts: ProbeOptions = {}): Promise<MediaInfo> {
  const bins = opts.binaries ?? (await defaultFfmpegBinaries());
  const window = opts.keyframeWindowSeconds ?? 60;
  const input = inputArgs(path, { trusted: opts.trusted });
  const sizeBytes = await stat(path).then(
    (s) => s.size,
    (e: NodeJS.ErrnoException) => {
      throw mediaErrors.ffmpegFailed(`cannot stat ${path}: ${e.code ?? e.message}`);
    },
  );

  // One read for streams, format and the packets of the first `window` seconds: a second ffprobe
  // beside it cost a process start and a header parse (about 0.1 s a lesson here). The packets of
  // every stream are listed since which picture stream is the recording (not cover art) is only
  // known from the streams.
  const run = await ffprobe(bins.ffprobe, [
    '-v', 'error', '-print_format', 'json', '-show_format', '-show_streams',
    ...(window > 0 ? ['-show_entries', 'packet=stream_index,pts_time,flags', '-read_intervals', `%+${window}`] : []),
    ...input,
  ], opts.signal);
  // A failure while reading packets still prints the header's streams and format.
  const printed = parsedOrNull(run.stdout) as { format?: unknown; streams?: unknown[] } | null;
  const headerRead = run.ok || Boolean(printed?.format && printed.streams?.length);
  if (!headerRead) throw classifyProbeFailure(run.stderr, await looksLikeMp4(path), run.error);
  const info = parseProbeJson(printed ?? safeJson(run.stdout), sizeBytes, opts.requireVideo ?? true);

  if (info.video && window > 0) {
    if (!run.ok && /partial file/i.test(run.stderr)) throw mediaErrors.truncated(tail(run.stderr));
    const { start, keys } = run.ok ? keyframeTimes(printed, info.video.index) : { start: 0, keys: [] };
    info.video.keyframeIntervalSeconds = keyframeIntervalFrom(keys, start, Math.min(window, info.durationSeconds));
  }
  return info;
}

interface ProbeRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  error?: ExecFileException;
}

function ffprobe(bin: string, args: string[], signal?: AbortSignal): Promise<ProbeRun> {
  if (signal?.aborted) return Promise.reject(mediaErrors.aborted(signal.reason));
  return new Promise((resolveRun, reject) => {
    execFile(
      bin,
      args,
      { signal, timeout: PROBE_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        if (signal?.aborted) return reject(mediaErrors.aborted(signal.reason));
        if (error?.code === 'ENOENT' && !stderr) {
          return reject(mediaErrors.missing(`${bin}: ${error.message}`));
        }
        resolveRun({ ok: !error, stdout, stderr, error: error ?? undefined });
      },
    );
  });
}

function classifyProbeFailure(stderr: string, isMp4: boolean, error?: ProbeRun['error']): MediaError {
  const detail = tail(stderr) || error?.message || 'ffprobe failed';
  if (error?.killed) return mediaErrors.ffmpegFailed(`ffprobe timed out or was killed: ${detail}`);
  // The npm-bundled ffprobe segfaults on every MPEG-TS file: a crash says nothing about the upload.
  if (error?.signal) return mediaErrors.ffmpegFailed(`ffprobe crashed (${error.signal}): ${detail}`);
  // ffmpeg falls back to the demuxer named by the extension, so a text file called x.mp4 also
  // reports "moov atom not found": only a file that starts like an MP4 is a truncated one.
  if (isMp4 && /moov atom not found|partial file|unexpected end of file|truncat/i.test(stderr)) {
    return mediaErrors.truncated(detail);
  }
  if (/No such file or directory|Permission denied/i.test(stderr)) return mediaErrors.ffmpegFailed(detail);
  return mediaErrors.notVideo(detail);
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw mediaErrors.notVideo('ffprobe printed no JSON');
  }
}

/** Keyframe times and the first packet's time (MPEG-TS files start near 1.4 s, not 0). */
function keyframeTimes(json: unknown, streamIndex: number): { start: number; keys: number[] } {
  type Packet = { stream_index?: number; pts_time?: string; flags?: string };
  const packets = ((json as { packets?: Packet[] })?.packets ?? []).filter((p) => p.stream_index === streamIndex);
  const keys: number[] = [];
  let start = Infinity;
  for (const p of packets) {
    const t = Number(p.pts_time);
    if (p.pts_time === undefined || !Number.isFinite(t)) continue;
    start = Math.min(start, t);
    if (p.flags?.startsWith('K')) keys.push(t);
  }
  return { start: Number.isFinite(start) ? start : 0, keys: keys.sort((a, b) => a - b) };
}

// The first box of an ISO media file (MP4, MOV) is one of these, with its 4-byte size before it.
const MP4_FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip', 'pnot']);

async function looksLikeMp4(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await file.read(head, 0, 8, 0);
    return bytesRead === 8 && MP4_FIRST_BOXES.has(head.toString('latin1', 4, 8));
  } finally {
    await file.close();
  }
}

const tail = (text: string) => text.trim().split('\n').slice(-5).join('\n');
