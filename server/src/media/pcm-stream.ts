import { spawn } from 'node:child_process';
import { defaultFfmpegBinaries, type FfmpegBinaries } from './ffmpeg-binaries.js';
import { inputArgs } from './input-args.js';
import { mediaErrors } from './media-error.js';

/**
 * A file's audio as raw PCM streamed into Node: signed 16-bit little-endian samples, interleaved
 * by channel, at a low sample rate. For measuring speech activity per channel (the S-T draft),
 * never for playback: 8 kHz keeps everything below 4 kHz, where speech energy lies, and makes a
 * 45-minute stereo lesson 86 MB of samples that are read once and never stored.
 *
 * args (pure) → run, streaming stdout to a callback, as the other media helpers.
 */

export interface PcmDecodeOptions {
  /** The audio stream's index in the file (`-map 0:<index>`); default: the first audio stream. */
  streamIndex?: number;
  /**
   * `stereo`: the stream's first two channels, kept apart (a pan, not a downmix: channel 0 left,
   * channel 1 right; a 4-channel stream gives its first two). `mono`: every channel mixed to one.
   */
  layout: 'stereo' | 'mono';
  /** Samples per second per channel (default 8000). */
  sampleRate?: number;
  /** Our own outputs skip the upload demuxer whitelist. */
  trustedInput?: boolean;
}

export const PCM_SAMPLE_RATE = 8000;

/** Pure: ffmpeg arguments that decode one audio stream to raw s16le PCM on stdout. */
export function pcmDecodeArgs(input: string, opts: PcmDecodeOptions): string[] {
  const rate = opts.sampleRate ?? PCM_SAMPLE_RATE;
  const map = opts.streamIndex === undefined ? '0:a:0' : `0:${opts.streamIndex}`;
  const channels = opts.layout === 'stereo' ? ['-af', 'pan=stereo|c0=c0|c1=c1'] : ['-ac', '1'];
  return [
    ...inputArgs(input, { trusted: opts.trustedInput }),
    '-map', map, '-vn', '-sn', '-dn',
    ...channels,
    '-ar', String(rate),
    '-c:a', 'pcm_s16le', '-f', 's16le', 'pipe:1',
  ];
}

export interface PcmStreamOptions {
  binaries?: FfmpegBinaries;
  /** Aborting kills ffmpeg (SIGKILL) and rejects with MEDIA_ABORTED once it has exited. */
  signal?: AbortSignal;
}

const STDERR_TAIL_BYTES = 16 * 1024;

/**
 * Runs ffmpeg with `args` (from pcmDecodeArgs) and hands every stdout chunk to `onChunk` as it
 * arrives; chunks are cut anywhere, even inside a sample, so the consumer keeps the remainder.
 * `onChunk` runs synchronously, so memory stays at a pipe's worth whatever the lesson's length.
 * Resolves with the bytes read once ffmpeg exited cleanly; an error thrown by `onChunk` kills
 * ffmpeg and rejects with it.
 */
export async function streamPcm(args: string[], onChunk: (chunk: Buffer) => void, opts: PcmStreamOptions = {}): Promise<{ bytes: number; elapsedMs: number }> {
  const bins = opts.binaries ?? (await defaultFfmpegBinaries());
  const { signal } = opts;
  if (signal?.aborted) throw mediaErrors.aborted(signal.reason);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(bins.ffmpeg, ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'], shell: false,
    });
    let stderr = '';
    let bytes = 0;
    let spawnError: Error | undefined;
    let consumerError: unknown;
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (consumerError !== undefined) return;
      bytes += chunk.length;
      try {
        onChunk(chunk);
      } catch (err) {
        consumerError = err;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
    });
    child.on('error', (e) => (spawnError = e));
    child.on('close', (code, sig) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(mediaErrors.aborted(signal.reason));
      if (consumerError !== undefined) return reject(consumerError);
      if (spawnError) return reject(mediaErrors.missing(`${bins.ffmpeg}: ${spawnError.message}`));
      if (code !== 0) {
        const why = sig ? `killed by ${sig}` : `exit code ${code}`;
        return reject(mediaErrors.ffmpegFailed(`ffmpeg (pcm) ${why}: ${stderr.trim().split('\n').slice(-8).join('\n')}`));
      }
      resolve({ bytes, elapsedMs: Date.now() - started });
    });
  });
}
