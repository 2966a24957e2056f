import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The SDP ffmpeg reads to listen for the recorder's RTP (VP8 video, Opus audio). */
export function recorderSdp(host: string, videoPort: number, videoPt: number, audioPort: number, audioPt: number): string {
  return [
    'v=0', `o=- 0 0 IN IP4 ${host}`, 's=lead room', `c=IN IP4 ${host}`, 't=0 0',
    `m=video ${videoPort} RTP/AVP ${videoPt}`, `a=rtpmap:${videoPt} VP8/90000`,
    `m=audio ${audioPort} RTP/AVP ${audioPt}`, `a=rtpmap:${audioPt} opus/48000/2`, '',
  ].join('\n');
}

/**
 * One-way mode: ffmpeg listens for the lead recorder's RTP and packages low-latency HLS (H.264 +
 * AAC, 0.5 s segments, a 0.48 s GOP so every segment starts on a keyframe, a 6 s sliding playlist:
 * a frame waits at most half a second for its segment to close, the delay's biggest part)
 * into DATA_DIR/live/<session>/, and through the tee muxer keeps the whole lesson as lead.ts (MPEG-TS needs no codec header up front, unlike Matroska from a tee) for
 * the replay — one encode for both. Started again if it exits while the session is open.
 */
export function startHlsPackager(opts: { ffmpeg: string; dir: string; host: string; videoPort: number; audioPort: number; videoPt: number; audioPt: number; onLog?: (line: string) => void }) {
  mkdirSync(opts.dir, { recursive: true });
  const sdp = join(opts.dir, 'lead.sdp');
  writeFileSync(sdp, recorderSdp(opts.host, opts.videoPort, opts.videoPt, opts.audioPort, opts.audioPt));
  let child: ChildProcess | null = null;
  let stopped = false;
  let take = 0;
  const launch = () => {
    take += 1;
    const keep = join(opts.dir, take === 1 ? 'lead.ts' : `lead-${take}.ts`);
    const hls = `[f=hls:hls_time=0.5:hls_list_size=12:hls_flags=delete_segments+independent_segments+omit_endlist+temp_file:hls_segment_filename=${join(opts.dir, `s${take}-%05d.ts`).replace(/:/g, '\\:')}]${join(opts.dir, 'index.m3u8')}`;
    const c = spawn(opts.ffmpeg, [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-protocol_whitelist', 'file,udp,rtp', '-fflags', '+nobuffer+genpts', '-flags', 'low_delay', '-analyzeduration', '500000', '-probesize', '500000',
      '-reorder_queue_size', '64', '-i', sdp,
      '-map', '0:v:0', '-map', '0:a:0?',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-r', '25', '-g', '12', '-keyint_min', '12', '-sc_threshold', '0', '-b:v', '1500k',
      '-c:a', 'aac', '-b:a', '96k', '-ar', '48000',
      '-f', 'tee', `${hls}|[f=mpegts]${keep}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = c;
    c.stderr?.on('data', (d: Buffer) => opts.onLog?.(d.toString()));
    c.on('exit', () => { if (child === c) child = null; if (!stopped) setTimeout(() => { if (!stopped) launch(); }, 1000).unref(); });
  };
  launch();
  return {
    lead: () => join(opts.dir, 'lead.ts'),
    async stop() {
      stopped = true;
      const c = child;
      if (!c || c.exitCode !== null) return;
      const gone = new Promise<void>((r) => c.once('exit', () => r()));
      c.kill('SIGINT'); // lets the muxers flush
      const t = setTimeout(() => c.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(t);
    },
  };
}
