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

/** ffmpeg's input side for a recorder's RTP described by `sdp`: start at once, no buffering, video and (if any) audio mapped. */
export function rtpInputArgs(sdp: string): string[] {
  return [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-protocol_whitelist', 'file,udp,rtp', '-fflags', '+nobuffer+genpts', '-flags', 'low_delay', '-analyzeduration', '500000', '-probesize', '500000',
    '-reorder_queue_size', '64', '-i', sdp,
    '-map', '0:v:0', '-map', '0:a:0?',
  ];
}

export interface RtpTarget { host: string; videoPort: number; audioPort: number; videoPt: number; audioPt: number }

/** Stops a child: `signal` first, SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopChild(c: ChildProcess | null, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!c || c.exitCode !== null) return;
  const gone = new Promise<void>((r) => c.once('exit', () => r()));
  c.kill(signal);
  const t = setTimeout(() => c.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(t);
}

/**
 * Writes `dir/<sdpName>` for the recorder's RTP and runs ffmpeg with `args(sdp, take)` until
 * stopped, started again a second later whenever it exits (a recorder that pauses ends ffmpeg's
 * input); `take` counts the starts, so a restart never overwrites the files of the one before.
 */
export function superviseRtpFfmpeg(opts: RtpTarget & {
  ffmpeg: string; dir: string; sdpName: string; args: (sdp: string, take: number) => string[];
  /** How stop() ends ffmpeg, and how long it waits before SIGKILL. */
  stopSignal: NodeJS.Signals; stopGraceMs: number;
  onLog?: (line: string) => void;
}): { stop(): Promise<void> } {
  mkdirSync(opts.dir, { recursive: true });
  const sdp = join(opts.dir, opts.sdpName);
  writeFileSync(sdp, recorderSdp(opts.host, opts.videoPort, opts.videoPt, opts.audioPort, opts.audioPt));
  let child: ChildProcess | null = null;
  let stopped = false;
  let take = 0;
  const launch = () => {
    take += 1;
    const c = spawn(opts.ffmpeg, opts.args(sdp, take), { stdio: ['ignore', 'ignore', 'pipe'] });
    child = c;
    c.stderr?.on('data', (d: Buffer) => opts.onLog?.(d.toString()));
    c.on('exit', () => { if (child === c) child = null; if (!stopped) setTimeout(() => { if (!stopped) launch(); }, 1000).unref(); });
  };
  launch();
  return {
    async stop() {
      stopped = true;
      await stopChild(child, opts.stopSignal, opts.stopGraceMs);
    },
  };
}
