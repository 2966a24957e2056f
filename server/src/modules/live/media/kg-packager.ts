import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recorderSdp } from './hls-packager.js';

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
    '-hide_banner', '-loglevel', 'error', '-y',
    '-protocol_whitelist', 'file,udp,rtp', '-fflags', '+nobuffer+genpts', '-flags', 'low_delay', '-analyzeduration', '500000', '-probesize', '500000',
    '-reorder_queue_size', '64', '-i', opts.sdp,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-r', '25', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-b:v', '1200k',
    '-c:a', 'aac', '-b:a', '64k', '-ar', '48000',
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', String(KG_PLAYLIST_SEGMENTS),
    '-hls_flags', 'delete_segments+independent_segments+omit_endlist+temp_file', '-hls_delete_threshold', '1',
    '-hls_segment_filename', segment, join(opts.dir, 'index.m3u8'),
  ];
}

/** Starts the packager for one kindergarten room; started again if ffmpeg exits while the room streams. */
export function startKgPackager(opts: { ffmpeg: string; dir: string; host: string; videoPort: number; audioPort: number; videoPt: number; audioPt: number; onLog?: (line: string) => void }) {
  mkdirSync(opts.dir, { recursive: true });
  const sdp = join(opts.dir, 'camera.sdp');
  writeFileSync(sdp, recorderSdp(opts.host, opts.videoPort, opts.videoPt, opts.audioPort, opts.audioPt));
  let child: ChildProcess | null = null;
  let stopped = false;
  let take = 0;
  const launch = () => {
    take += 1;
    const c = spawn(opts.ffmpeg, kgPackagerArgs({ sdp, dir: opts.dir, take }), { stdio: ['ignore', 'ignore', 'pipe'] });
    child = c;
    c.stderr?.on('data', (d: Buffer) => opts.onLog?.(d.toString()));
    c.on('exit', () => { if (child === c) child = null; if (!stopped) setTimeout(() => { if (!stopped) launch(); }, 1000).unref(); });
  };
  launch();
  return {
    async stop() {
      stopped = true;
      const c = child;
      if (!c || c.exitCode !== null) return;
      const gone = new Promise<void>((r) => c.once('exit', () => r()));
      c.kill('SIGTERM');
      const t = setTimeout(() => c.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(t);
    },
  };
}
