import { join } from 'node:path';
import { rtpInputArgs, superviseRtpFfmpeg, type RtpTarget } from './rtp-ffmpeg.js';

/**
 * One-way mode: ffmpeg listens for the lead recorder's RTP and packages low-latency HLS (H.264 +
 * AAC, 0.5 s segments, a 0.48 s GOP so every segment starts on a keyframe, a 6 s sliding playlist:
 * a frame waits at most half a second for its segment to close, the delay's biggest part)
 * into DATA_DIR/live/<session>/, and through the tee muxer keeps the whole lesson as lead.ts (MPEG-TS needs no codec header up front, unlike Matroska from a tee) for
 * the replay — one encode for both. Started again if it exits while the session is open.
 */
export function startHlsPackager(opts: RtpTarget & { ffmpeg: string; dir: string; onLog?: (line: string) => void }) {
  const ffmpeg = superviseRtpFfmpeg({
    ...opts, sdpName: 'lead.sdp',
    // SIGINT lets the muxers flush the kept lead.ts.
    stopSignal: 'SIGINT', stopGraceMs: 5000,
    args: (sdp, take) => {
      const keep = join(opts.dir, take === 1 ? 'lead.ts' : `lead-${take}.ts`);
      const hls = `[f=hls:hls_time=0.5:hls_list_size=12:hls_flags=delete_segments+independent_segments+omit_endlist+temp_file:hls_segment_filename=${join(opts.dir, `s${take}-%05d.ts`).replace(/:/g, '\\:')}]${join(opts.dir, 'index.m3u8')}`;
      return [
        ...rtpInputArgs(sdp),
        '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-r', '25', '-g', '12', '-keyint_min', '12', '-sc_threshold', '0', '-b:v', '1500k',
        '-c:a', 'aac', '-b:a', '96k', '-ar', '48000',
        '-f', 'tee', `${hls}|[f=mpegts]${keep}`,
      ];
    },
  });
  return { lead: () => join(opts.dir, 'lead.ts'), stop: () => ffmpeg.stop() };
}
