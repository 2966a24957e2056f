import { mediaErrors } from './media-error.js';
import type { AudioStreamInfo, MediaInfo, StreamSummary, VideoStreamInfo } from './probe.js';

// The part of ffprobe's JSON we read; every field may be missing on a hostile or broken file.
interface RawStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  pix_fmt?: string;
  width?: number;
  height?: number;
  field_order?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  bit_rate?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}
interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string };
}

const MOV_FAMILY = /(^|,)(mov|mp4)(,|$)/;

/**
 * Turns `ffprobe -show_format -show_streams` JSON into MediaInfo (keyframe spacing still null),
 * or throws the MediaError that explains why the file cannot become a lesson.
 */
export function parseProbeJson(json: unknown, sizeBytes: number, requireVideo = true): MediaInfo {
  const raw = (json ?? {}) as RawProbe;
  const rawStreams = Array.isArray(raw.streams) ? raw.streams : [];
  if (!raw.format || rawStreams.length === 0) throw mediaErrors.notVideo('ffprobe found no streams');

  const formatName = raw.format.format_name ?? 'unknown';
  const durationSeconds = num(raw.format.duration);
  if (durationSeconds === undefined || durationSeconds <= 0) {
    throw mediaErrors.truncated(`duration unknown (${raw.format.duration ?? 'missing'})`);
  }

  const streams: StreamSummary[] = rawStreams.map((s, i) => ({
    index: s.index ?? i,
    type: s.codec_type ?? 'unknown',
    codec: s.codec_name ?? null,
  }));

  // Cover art in an audio file is a "video" stream of one picture; it is not a recording.
  const v = rawStreams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = rawStreams.find((s) => s.codec_type === 'audio' && s.codec_name);
  if (v && (!v.codec_name || !v.width || !v.height)) {
    throw mediaErrors.notVideo(`video stream without codec or size (${v.codec_name ?? '?'} ${v.width}x${v.height})`);
  }
  if (!v && requireVideo) throw mediaErrors.noVideoStream(`streams: ${streams.map((s) => s.type).join(',')}`);

  // An MP4 whose index promises more sample bytes than the file holds was cut off after its
  // index was written (a "faststart" file interrupted mid-copy). ffprobe alone does not notice.
  if (MOV_FAMILY.test(formatName)) {
    const promised = rawStreams.reduce((sum, s) => {
      const rate = num(s.bit_rate);
      const secs = num(s.duration) ?? durationSeconds;
      return rate ? sum + (rate * secs) / 8 : sum;
    }, 0);
    if (promised > sizeBytes * 1.02 + 64 * 1024) {
      throw mediaErrors.truncated(`index promises ${Math.round(promised)} bytes, file has ${sizeBytes}`);
    }
  }

  return {
    durationSeconds,
    sizeBytes,
    formatName,
    video: v ? videoInfo(v) : undefined,
    audio: a ? audioInfo(a) : undefined,
    streams,
  };
}

function videoInfo(s: RawStream): VideoStreamInfo {
  const bitRate = num(s.bit_rate);
  return {
    index: s.index ?? 0,
    codec: s.codec_name!,
    profile: s.profile ?? null,
    level: typeof s.level === 'number' && s.level > 0 ? s.level : null,
    pixFmt: s.pix_fmt ?? null,
    width: s.width!,
    height: s.height!,
    rotation: rotationOf(s),
    interlaced: ['tt', 'bb', 'tb', 'bt'].includes(s.field_order ?? ''),
    fps: fraction(s.avg_frame_rate) ?? fraction(s.r_frame_rate),
    ...(bitRate ? { bitRate } : {}),
    keyframeIntervalSeconds: null,
  };
}

function audioInfo(s: RawStream): AudioStreamInfo {
  const bitRate = num(s.bit_rate);
  return {
    index: s.index ?? 0,
    codec: s.codec_name!,
    profile: s.profile ?? null,
    sampleRate: num(s.sample_rate) ?? 0,
    channels: s.channels ?? 0,
    ...(bitRate ? { bitRate } : {}),
  };
}

// ffprobe ≥5 reports a display matrix (counter-clockwise, negative for clockwise); older builds a tag.
function rotationOf(s: RawStream): number {
  const matrix = s.side_data_list?.find((d) => d.side_data_type === 'Display Matrix');
  const deg = matrix?.rotation !== undefined ? -matrix.rotation : num(s.tags?.rotate) ?? 0;
  return (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
}

function num(text: string | number | undefined): number | undefined {
  if (text === undefined || text === 'N/A') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function fraction(text: string | undefined): number | null {
  const m = /^(\d+)\/(\d+)$/.exec(text ?? '');
  if (!m || Number(m[2]) === 0 || Number(m[1]) === 0) return null;
  return Math.round((Number(m[1]) / Number(m[2])) * 1000) / 1000;
}

/**
 * The longest stretch without a keyframe in a window of `windowSeconds` from `start`: from the
 * start to the first keyframe, between keyframes, and from the last keyframe to the window's end
 * (a lower bound of the gap in progress). Null when no keyframe was seen at all.
 */
export function keyframeIntervalFrom(keys: number[], start: number, windowSeconds: number): number | null {
  if (keys.length === 0) return null;
  const end = start + windowSeconds;
  let max = Math.max(0, keys[0]! - start);
  for (let i = 1; i < keys.length; i++) max = Math.max(max, keys[i]! - keys[i - 1]!);
  max = Math.max(max, end - keys[keys.length - 1]!);
  return Math.round(max * 1000) / 1000;
}
