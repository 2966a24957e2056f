import type { AudioStreamInfo, VideoStreamInfo } from './probe.js';

export interface MediaPlaylist {
  targetDurationSeconds: number | null;
  segments: { uri: string; durationSeconds: number }[];
  /** #EXT-X-ENDLIST present: ffmpeg finished writing it. */
  ended: boolean;
}

/** Pure: reads the parts of an HLS media playlist we wrote ourselves. */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const segments: MediaPlaylist['segments'] = [];
  let targetDurationSeconds: number | null = null;
  let ended = false;
  let pendingDuration: number | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXT-X-TARGETDURATION:')) targetDurationSeconds = Number(line.slice(22));
    else if (line.startsWith('#EXTINF:')) pendingDuration = parseFloat(line.slice(8));
    else if (line === '#EXT-X-ENDLIST') ended = true;
    else if (line && !line.startsWith('#') && pendingDuration !== null) {
      segments.push({ uri: line, durationSeconds: pendingDuration });
      pendingDuration = null;
    }
  }
  return { targetDurationSeconds, segments, ended };
}

/** A finished HLS rendition in a local folder, ready to be copied to the object store. */
export interface HlsRendition {
  /** `source` for the recording itself, else the ladder rung's name (e.g. `360p`). */
  name: string;
  dir: string;
  playlist: string;
  segments: { file: string; durationSeconds: number; sizeBytes: number }[];
  durationSeconds: number;
  width: number;
  height: number;
  /** Peak segment bitrate in bit/s (HLS BANDWIDTH). */
  bandwidth: number;
  /** Mean bitrate in bit/s (HLS AVERAGE-BANDWIDTH). */
  averageBandwidth: number;
  /** RFC 6381 codecs, e.g. `avc1.64001f,mp4a.40.2`; null when not known for sure. */
  codecs: string | null;
}

/**
 * Pure: the master playlist listing renditions (highest first), with paths relative to the
 * master's folder: `<name>/index.m3u8`. Store each rendition under its name next to it.
 */
export function masterPlaylist(renditions: HlsRendition[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const r of [...renditions].sort((a, b) => b.bandwidth - a.bandwidth)) {
    const attrs = [
      `BANDWIDTH=${r.bandwidth}`,
      `AVERAGE-BANDWIDTH=${r.averageBandwidth}`,
      `RESOLUTION=${r.width}x${r.height}`,
      ...(r.codecs ? [`CODECS="${r.codecs}"`] : []),
      `NAME="${r.name}"`,
    ];
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, `${r.name}/${r.playlist}`);
  }
  return lines.join('\n') + '\n';
}

const H264_PROFILE_BYTES: Record<string, string> = {
  baseline: '4200',
  'constrained baseline': '42e0',
  main: '4d40',
  high: '6400',
};
const AAC_OBJECT_TYPES: Record<string, string> = { lc: '2', 'he-aac': '5', 'he-aacv2': '29' };

/**
 * RFC 6381 codecs string from probed streams, or null when a part is unknown: a wrong CODECS makes
 * players refuse a rendition they could play, a missing one only makes them probe.
 */
export function codecsString(
  video: Pick<VideoStreamInfo, 'codec' | 'profile' | 'level'>,
  audio?: Pick<AudioStreamInfo, 'codec' | 'profile'>,
): string | null {
  const profile = H264_PROFILE_BYTES[(video.profile ?? '').toLowerCase()];
  if (video.codec !== 'h264' || !profile || !video.level) return null;
  const parts = [`avc1.${profile}${video.level.toString(16).padStart(2, '0')}`];
  if (audio) {
    const type = AAC_OBJECT_TYPES[(audio.profile ?? '').toLowerCase()];
    if (audio.codec !== 'aac' || !type) return null;
    parts.push(`mp4a.40.${type}`);
  }
  return parts.join(',');
}
