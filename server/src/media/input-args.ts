import { resolve } from 'node:path';

/**
 * Demuxers an uploaded recording may use. Everything else (playlists such as HLS or concat that
 * can make ffmpeg open other files or URLs, image sequences, raw streams) is refused before ffmpeg
 * looks inside: uploaded files are untrusted input. Names match ffmpeg's demuxer names.
 */
export const UPLOAD_FORMAT_WHITELIST = [
  'mov', 'mp4', 'm4a', '3gp', '3g2', 'mj2', // the mov demuxer: recorders' MP4
  'matroska', 'webm',
  'mpegts', // recorders that write .ts
  'flv',
  'avi',
  'mpeg', // MPEG-PS (.mpg, .vob)
  'asf', // older Windows-based recorders (.wmv)
].join(',');

/**
 * ffmpeg/ffprobe input arguments for a local file. `file:` keeps a name such as `concat:…` or
 * `-x` from being read as a protocol or an option; untrusted files also get the demuxer and
 * protocol whitelists. Our own outputs (an HLS playlist we wrote) are `trusted`.
 */
export function inputArgs(path: string, opts: { trusted?: boolean } = {}): string[] {
  const file = `file:${resolve(path)}`;
  if (opts.trusted) return ['-i', file];
  return ['-protocol_whitelist', 'file', '-format_whitelist', UPLOAD_FORMAT_WHITELIST, '-i', file];
}
