import { isAbsolute, join } from 'node:path';
import { displaySize, type LadderRung, type PackagingDecision } from './decide.js';
import { inputArgs } from './input-args.js';
import { codecsString } from './playlist.js';
import type { MediaInfo, VideoStreamInfo } from './probe.js';

export const HLS_PLAYLIST = 'index.m3u8';
export const HLS_SEGMENT_PATTERN = 'seg_%05d.ts';
/** Target segment length; with copy, segments end on the source's next keyframe after this. */
export const HLS_TIME_SECONDS = 6;
/** Keyframe spacing of everything we encode: 6 s segments are three whole GOPs. */
export const FORCED_KEYFRAME_SECONDS = 2;

export interface PackageArgsOptions {
  hlsTime?: number;
  /** The input is our own file (skips the upload format whitelist). */
  trustedInput?: boolean;
  maxLongSide?: number;
  maxShortSide?: number;
}

/**
 * ffmpeg arguments for the pass that turns a recording into the source HLS rendition (copy or
 * transcode per track, as decided). The loudness is measured by a second ffmpeg at the same time
 * (buildAudioLevelArgs).
 */
export function buildPackageArgs(
  input: string,
  outDir: string,
  info: MediaInfo,
  decision: PackagingDecision,
  opts: PackageArgsOptions = {},
): string[] {
  const v = requireVideo(info);
  const args = [...inputArgs(input, { trusted: opts.trustedInput }), '-map', `0:${v.index}`];
  if (decision.video === 'copy') {
    args.push('-c:v', 'copy');
  } else {
    const size = transcodeSize(v, opts.maxLongSide ?? 1920, opts.maxShortSide ?? 1080);
    args.push(...videoFilterArgs(v, size), ...x264Args(size, v.fps));
  }
  if (info.audio && decision.audio !== 'none') {
    args.push('-map', `0:${info.audio.index}`);
    if (decision.audio === 'copy') args.push('-c:a', 'copy');
    else args.push(...aacArgs(info, 128));
  }
  args.push(...hlsOutputArgs(outDir, opts.hlsTime));
  return args;
}

/**
 * The packaging pass started before the probe has answered, on the likeliest decision: both
 * tracks copied, the first picture and the first sound (if any). Only adopted when the probe
 * decides exactly that (guessedCopyHolds); it is buildPackageArgs' copy case with the maps guessed.
 */
export function buildGuessedCopyArgs(input: string, outDir: string, opts: PackageArgsOptions = {}): string[] {
  return [
    ...inputArgs(input, { trusted: opts.trustedInput }),
    '-map', '0:v:0', '-c:v', 'copy', '-map', '0:a:0?', '-c:a', 'copy',
    ...hlsOutputArgs(outDir, opts.hlsTime),
  ];
}

/** Whether buildGuessedCopyArgs wrote what buildPackageArgs would have for this probe and decision. */
export function guessedCopyHolds(info: MediaInfo, decision: PackagingDecision): boolean {
  const first = (type: string) => info.streams.find((s) => s.type === type)?.index;
  if (decision.video !== 'copy' || !info.video || first('video') !== info.video.index) return false;
  if (decision.audio === 'copy') return info.audio !== undefined && first('audio') === info.audio.index;
  return decision.audio === 'none' && first('audio') === undefined;
}

/**
 * ffmpeg arguments that decode only the audio track through volumedetect into the null muxer; the
 * statistics appear on stderr (parseVolumeDetect). Run beside the packaging pass, not inside it:
 * ffmpeg 5.1 runs one output after the other on one thread, so an audio decode inside the copy
 * pass added ~70% to it, while a second process on the other core finishes with the copy. The
 * video is not read (-vn: the demuxer skips its samples), and the file sits in the page cache.
 */
export function buildAudioLevelArgs(input: string, info: MediaInfo, opts: Pick<PackageArgsOptions, 'trustedInput'> = {}): string[] | null {
  if (!info.audio) return null;
  return [...inputArgs(input, { trusted: opts.trustedInput }), '-vn', '-sn', '-dn', '-map', `0:${info.audio.index}`, '-af', 'volumedetect', '-f', 'null', '-'];
}

/** ffmpeg arguments for one low-bitrate rung: always transcoded, audio included when present. */
export function buildRenditionArgs(
  input: string,
  outDir: string,
  info: MediaInfo,
  rung: LadderRung,
  opts: Pick<PackageArgsOptions, 'hlsTime' | 'trustedInput'> = {},
): string[] {
  const v = requireVideo(info);
  const size = rungSize(v, rung.height);
  const args = [
    ...inputArgs(input, { trusted: opts.trustedInput }),
    '-map', `0:${v.index}`,
    ...videoFilterArgs(v, size),
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
    '-level:v', h264Level(size, v.fps).toFixed(1),
    '-b:v', `${rung.videoKbps}k`, '-maxrate', `${Math.round(rung.videoKbps * 1.2)}k`,
    '-bufsize', `${rung.videoKbps * 2}k`,
    ...keyframeArgs(),
  ];
  if (info.audio) args.push('-map', `0:${info.audio.index}`, ...aacArgs(info, rung.audioKbps));
  args.push(...hlsOutputArgs(outDir, opts.hlsTime));
  return args;
}

/** Output size for a transcode of the source rendition: display orientation, fitted, even. */
export function transcodeSize(
  v: Pick<VideoStreamInfo, 'width' | 'height' | 'rotation'>,
  maxLongSide = 1920,
  maxShortSide = 1080,
): { width: number; height: number } {
  const { width, height } = displaySize(v);
  const landscape = width >= height;
  const maxW = landscape ? maxLongSide : maxShortSide;
  const maxH = landscape ? maxShortSide : maxLongSide;
  const scale = Math.min(1, maxW / width, maxH / height);
  return { width: even(width * scale), height: even(height * scale) };
}

/** Size of a ladder rung: the rung's height, the source's display aspect, even numbers. */
export function rungSize(v: Pick<VideoStreamInfo, 'width' | 'height' | 'rotation'>, rungHeight: number) {
  const { width, height } = displaySize(v);
  return { width: even((rungHeight * width) / height), height: even(rungHeight) };
}

function videoFilterArgs(v: VideoStreamInfo, size: { width: number; height: number }): string[] {
  // ffmpeg applies the rotation itself before these filters when it decodes (autorotate).
  const filters = v.interlaced ? ['yadif=mode=send_frame:deint=interlaced'] : [];
  filters.push(`scale=${size.width}:${size.height}`, 'setsar=1');
  return ['-vf', filters.join(',')];
}

function x264Args(size: { width: number; height: number }, fps: number | null): string[] {
  // Quality-targeted (classroom pictures are mostly still), capped so a busy scene stays streamable.
  const maxKbps = size.height <= 480 ? 1200 : size.height <= 720 ? 2500 : 4500;
  return [
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
    '-level:v', h264Level(size, fps).toFixed(1),
    '-maxrate', `${maxKbps}k`, '-bufsize', `${maxKbps * 2}k`,
    ...keyframeArgs(),
  ];
}

// H.264 levels by macroblocks per frame and per second (ITU-T H.264 table A-1), from 3.0 up.
const H264_LEVELS: [level: number, maxFrameMbs: number, maxMbsPerSecond: number][] = [
  [3.0, 1620, 40500], [3.1, 3600, 108000], [3.2, 5120, 216000], [4.0, 8192, 245760],
  [4.2, 8704, 522240], [5.0, 22080, 589824], [5.1, 36864, 983040], [5.2, 36864, 2073600],
];

/**
 * The lowest H.264 level that fits a picture size and frame rate. We set it on every encode so the
 * playlist's CODECS attribute is known without probing our own output.
 */
export function h264Level(size: { width: number; height: number }, fps: number | null): number {
  const frameMbs = Math.ceil(size.width / 16) * Math.ceil(size.height / 16);
  const mbs = frameMbs * Math.min(fps ?? 30, 120);
  return H264_LEVELS.find(([, f, s]) => frameMbs <= f && mbs <= s)?.[0] ?? 5.2;
}

/** What a rendition will contain, known before ffmpeg runs: size and RFC 6381 codecs. */
export interface ExpectedOutput {
  width: number;
  height: number;
  codecs: string | null;
}

/** The source rendition's picture size and codecs, as decided. */
export function expectedPackageOutput(info: MediaInfo, decision: PackagingDecision, opts: PackageArgsOptions = {}): ExpectedOutput {
  const v = requireVideo(info);
  const audio =
    !info.audio || decision.audio === 'none' ? undefined
      : decision.audio === 'copy' ? info.audio
        : { codec: 'aac', profile: 'LC' };
  if (decision.video === 'copy') {
    return { width: v.width, height: v.height, codecs: codecsString(v, audio) };
  }
  const size = transcodeSize(v, opts.maxLongSide ?? 1920, opts.maxShortSide ?? 1080);
  return { ...size, codecs: codecsString({ codec: 'h264', profile: 'High', level: levelIdc(size, v.fps) }, audio) };
}

/** A ladder rung's picture size and codecs. */
export function expectedRenditionOutput(info: MediaInfo, rung: LadderRung): ExpectedOutput {
  const v = requireVideo(info);
  const size = rungSize(v, rung.height);
  const audio = info.audio ? { codec: 'aac', profile: 'LC' } : undefined;
  return { ...size, codecs: codecsString({ codec: 'h264', profile: 'Main', level: levelIdc(size, v.fps) }, audio) };
}

const levelIdc = (size: { width: number; height: number }, fps: number | null) => Math.round(h264Level(size, fps) * 10);

function keyframeArgs(): string[] {
  return ['-force_key_frames', `expr:gte(t,n_forced*${FORCED_KEYFRAME_SECONDS})`];
}

function aacArgs(info: MediaInfo, kbps: number): string[] {
  const a = info.audio!;
  const args = ['-c:a', 'aac', '-b:a', `${kbps}k`];
  if (a.channels !== 1 && a.channels !== 2) args.push('-ac', '2');
  if (a.sampleRate !== 44100 && a.sampleRate !== 48000) args.push('-ar', '48000');
  return args;
}

function hlsOutputArgs(outDir: string, hlsTime = HLS_TIME_SECONDS): string[] {
  // An absolute path cannot be mistaken for an option or a protocol; `%` would break the pattern.
  if (!isAbsolute(outDir) || outDir.includes('%')) {
    throw new Error(`HLS output folder must be an absolute path without %: ${outDir}`);
  }
  return [
    // Phone videos carry GPS positions in their metadata; lessons with children must not.
    '-map_metadata', '-1', '-map_chapters', '-1',
    // Sources that interleave audio far from video would otherwise stop with "Too many packets buffered".
    '-max_muxing_queue_size', '4096',
    '-f', 'hls',
    '-hls_time', String(hlsTime),
    '-hls_playlist_type', 'vod',
    '-hls_flags', 'independent_segments',
    '-hls_segment_type', 'mpegts',
    '-hls_segment_filename', join(outDir, HLS_SEGMENT_PATTERN),
    join(outDir, HLS_PLAYLIST),
  ];
}

function requireVideo(info: MediaInfo): VideoStreamInfo {
  if (!info.video) throw new Error('HLS packaging needs a video stream; probeMedia refuses files without one');
  return info.video;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
