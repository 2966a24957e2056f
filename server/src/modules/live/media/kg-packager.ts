import { join } from 'node:path';
import { rtpInputArgs, superviseRtpFfmpeg, type RtpTarget } from './rtp-ffmpeg.js';

/** How many 1 s segments the kindergarten playlist names: a live edge only, nothing to scroll back to. */
export const KG_PLAYLIST_SEGMENTS = 4;

/**
 * ffmpeg's arguments for a kindergarten room's live view (a pure function, unit-tested): RTP in
 * (VP8/Opus from the room's recorder or camera, as a live class's lead room sends), low-latency
 * HLS out (H.264 + AAC, 1 s segments on keyframes). Unlike a live class there is no tee to a kept
 * file: parents get no replay, so only a sliding window of segments ever exists, each deleted as
 * it leaves the playlist.
 */
export function kgPackagerArgs(opts: { sdp: string; dir: string; take: number }): string[] {
  const segment = join(opts.dir, `s${opts.take}-%05d.ts`);
  return [
    ...rtpInputArgs(opts.sdp),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-r', '25', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-b:v', '1200k',
    '-c:a', 'aac', '-b:a', '64k', '-ar', '48000',
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', String(KG_PLAYLIST_SEGMENTS),
    '-hls_flags', 'delete_segments+independent_segments+omit_endlist+temp_file', '-hls_delete_threshold', '1',
    '-hls_segment_filename', segment, join(opts.dir, 'index.m3u8'),
  ];
}

/** Starts the packager for one kindergarten room; started again if ffmpeg exits while the room streams. */
export function startKgPackager(opts: RtpTarget & { ffmpeg: string; dir: string; onLog?: (line: string) => void }) {
  return superviseRtpFfmpeg({ ...opts, sdpName: 'camera.sdp', stopSignal: 'SIGTERM', stopGraceMs: 3000, args: (sdp, take) => kgPackagerArgs({ sdp, dir: opts.dir, take }) });
}
