import { mediaErrors } from './media-error.js';
import type { MediaInfo, VideoStreamInfo } from './probe.js';

export interface PackagingPolicy {
  /**
   * The longest keyframe gap still packaged by copy. Default 10 s. With copy, HLS segments can
   * only be cut on the source's keyframes, so with `-hls_time 6` a segment lasts ceil(6 / GOP) × GOP:
   * 6 s for a 2 s or 3 s GOP, 8 s for 4 s, 10 s for 5 s or 10 s. A 10 s GOP thus costs 25 % more
   * bytes before the first picture than a 4 s one (10 s segments are what Apple recommended until
   * 2016; hls.js and Safari play them), while transcoding costs ~200× the CPU of copying (a 720p
   * re-encode ran at ~6× real time here, copy at ~1,000×) — a city's ~1,300 lessons a day are only
   * affordable by copy. Beyond 10 s (recorders that write one keyframe per 30 s, or only the
   * first) segments and seeks get coarse, so those transcode. Weak links get the low rendition.
   */
  maxKeyframeIntervalSeconds: number;
  /** Largest picture copied, in either orientation (default 1920 × 1080). Larger is scaled down. */
  maxLongSide: number;
  maxShortSide: number;
}

export const DEFAULT_PACKAGING_POLICY: PackagingPolicy = {
  maxKeyframeIntervalSeconds: 10,
  maxLongSide: 1920,
  maxShortSide: 1080,
};

export interface PackagingDecision {
  video: 'copy' | 'transcode';
  audio: 'copy' | 'transcode' | 'none';
  /** Why each track is transcoded (empty when everything is copied), for the job log. */
  reasons: string[];
}

// Profiles every browser's H.264 decoder plays; High 10 / 4:2:2 / 4:4:4 do not play in browsers.
const PLAYABLE_H264_PROFILES = new Set(['baseline', 'constrained baseline', 'main', 'high']);
// yuvj420p is yuv420p with full-range levels, what many IP-camera based recorders write.
const PLAYABLE_PIX_FMTS = new Set(['yuv420p', 'yuvj420p']);
const COPYABLE_AAC_PROFILES = new Set(['lc', 'he-aac', 'he-aacv2']);
// Keyframe times jitter by a frame (29.97 fps, 300-frame GOP = 10.01 s).
const KEYFRAME_TOLERANCE_SECONDS = 0.25;

/**
 * Copy or transcode, per track: the source's H.264 and AAC are copied into HLS whenever a browser
 * can play them and the keyframes allow sensible segments; anything else is transcoded.
 */
export function decidePackaging(info: MediaInfo, policy: Partial<PackagingPolicy> = {}): PackagingDecision {
  const p = { ...DEFAULT_PACKAGING_POLICY, ...policy };
  const reasons: string[] = [];
  const v = info.video;
  if (!v) throw mediaErrors.noVideoStream('decidePackaging: no video stream');

  if (v.codec !== 'h264') reasons.push(`video codec ${v.codec} is not H.264`);
  else if (!PLAYABLE_H264_PROFILES.has((v.profile ?? '').toLowerCase())) {
    reasons.push(`H.264 profile ${v.profile ?? 'unknown'} does not play in browsers`);
  }
  if (!PLAYABLE_PIX_FMTS.has(v.pixFmt ?? '')) reasons.push(`pixel format ${v.pixFmt ?? 'unknown'} is not 4:2:0 8-bit`);
  const { width, height } = displaySize(v);
  if (Math.max(width, height) > p.maxLongSide || Math.min(width, height) > p.maxShortSide) {
    reasons.push(`picture ${width}x${height} is larger than ${p.maxLongSide}x${p.maxShortSide}`);
  }
  if (v.rotation !== 0) reasons.push(`picture is rotated ${v.rotation}° (HLS segments cannot carry rotation)`);
  if (v.interlaced) reasons.push('video is interlaced');
  if (v.keyframeIntervalSeconds === null) {
    reasons.push('no keyframes found in the first minute');
  } else if (v.keyframeIntervalSeconds > p.maxKeyframeIntervalSeconds + KEYFRAME_TOLERANCE_SECONDS) {
    reasons.push(`keyframes ${v.keyframeIntervalSeconds} s apart, more than ${p.maxKeyframeIntervalSeconds} s`);
  }
  const video = reasons.length > 0 ? 'transcode' : 'copy';

  let audio: PackagingDecision['audio'] = 'none';
  const a = info.audio;
  if (a) {
    audio = 'copy';
    if (a.codec !== 'aac') {
      audio = 'transcode';
      reasons.push(`audio codec ${a.codec} is not AAC`);
    } else if (a.profile && !COPYABLE_AAC_PROFILES.has(a.profile.toLowerCase())) {
      audio = 'transcode';
      reasons.push(`AAC profile ${a.profile} does not play in browsers`);
    } else if (!a.sampleRate || !a.channels) {
      audio = 'transcode';
      reasons.push('audio sample rate or channels unknown');
    }
  }
  return { video, audio, reasons };
}

/** Width and height as shown, after the rotation players apply. */
export function displaySize(v: Pick<VideoStreamInfo, 'width' | 'height' | 'rotation'>): { width: number; height: number } {
  return v.rotation % 180 === 90 ? { width: v.height, height: v.width } : { width: v.width, height: v.height };
}

export interface DurationLimits {
  /** Shorter is refused as not a recording (default 1 s). Counting rules are not applied here. */
  minSeconds: number;
  /** Longer is refused (default 12 h: a recorder left running all day). */
  maxSeconds: number;
}

/** Throws MEDIA_TOO_SHORT / MEDIA_TOO_LONG when the duration is not plausible for a recording. */
export function assertPlausibleDuration(info: MediaInfo, limits: Partial<DurationLimits> = {}): void {
  const minSeconds = limits.minSeconds ?? 1;
  const maxSeconds = limits.maxSeconds ?? 12 * 3600;
  if (info.durationSeconds < minSeconds) throw mediaErrors.tooShort(info.durationSeconds, minSeconds);
  if (info.durationSeconds > maxSeconds) throw mediaErrors.tooLong(info.durationSeconds, maxSeconds);
}

/** One rung of the optional low-bitrate ladder, always transcoded. */
export interface LadderRung {
  /** Folder-safe name, e.g. `360p`. */
  name: string;
  height: number;
  videoKbps: number;
  audioKbps: number;
}

export const DEFAULT_LADDER: LadderRung[] = [{ name: '360p', height: 360, videoKbps: 400, audioKbps: 64 }];

/**
 * The rungs worth making for this source: lower than the source picture (never upscaled) and
 * clearly smaller than its bitrate (a 400 kb/s rung of a 300 kb/s source helps nobody).
 */
export function ladderFor(info: MediaInfo, ladder: LadderRung[] = DEFAULT_LADDER): LadderRung[] {
  const v = info.video;
  if (!v) return [];
  const sourceHeight = displaySize(v).height;
  return ladder
    .filter((r) => r.height < sourceHeight)
    .filter((r) => v.bitRate === undefined || r.videoKbps * 1000 < v.bitRate * 0.8)
    .sort((a, b) => b.height - a.height);
}

/**
 * Parses a ladder setting such as `360p:360:400:64,540p:540:900:96` (name:height:videoKbps:audioKbps);
 * an empty string means no ladder. Throws Error naming the bad part, for config validation.
 */
export function parseLadder(spec: string): LadderRung[] {
  if (!spec.trim()) return [];
  const names = new Set<string>();
  return spec.split(',').map((part) => {
    const [name, ...nums] = part.trim().split(':');
    const [height, videoKbps, audioKbps] = nums.map(Number);
    const ok =
      name && /^[a-z0-9_-]{1,16}$/.test(name) && name !== 'source' && !names.has(name) && nums.length === 3 &&
      [height, videoKbps, audioKbps].every((n) => Number.isInteger(n) && n! > 0) && height! % 2 === 0;
    if (!ok) throw new Error(`ladder rung "${part}" must be name:height:videoKbps:audioKbps, e.g. 360p:360:400:64`);
    names.add(name);
    return { name, height: height!, videoKbps: videoKbps!, audioKbps: audioKbps! };
  });
}
