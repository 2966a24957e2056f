import { type ChildProcess, spawn } from 'node:child_process';

/**
 * The lead room's recorder for the proof: Node draws each frame's wall-clock time (ms, low 32
 * bits) as 8×4 black/white blocks into raw gray frames, ffmpeg burns in a frame counter, adds a
 * 440 Hz tone, encodes VP8 + Opus in real time and sends RTP to the target's ports. A page that
 * plays the stream reads the blocks back: delay = its Date.now() − the encoded time.
 */
export const FRAME = { width: 320, height: 240, cols: 8, rows: 4, block: 40, fps: 25 } as const;

export function drawTimestamp(buf: Buffer, ms: number) {
  buf.fill(128);
  const bits = ms >>> 0;
  for (let i = 0; i < FRAME.cols * FRAME.rows; i++) {
    const on = (bits >>> (31 - i)) & 1;
    const x0 = (i % FRAME.cols) * FRAME.block;
    const y0 = Math.floor(i / FRAME.cols) * FRAME.block;
    for (let y = y0; y < y0 + FRAME.block; y++) buf.fill(on ? 235 : 16, y * FRAME.width + x0, y * FRAME.width + x0 + FRAME.block);
  }
}

/**
 * The tone comes from Node on the frames' own beat (40 ms of samples a frame), not from ffmpeg's
 * lavfi paced by -re: two clocks drift and burst apart, and ffmpeg's RTCP sender reports map RTP
 * time to wall time from the first packet on, so the browser's lip sync then held the video back
 * as far as the audio ran ahead (measured: 0.5–1.3 s of delay that a real recorder does not have).
 */
const TONE = { rate: 48_000, hz: 440 } as const;
function toneChunk(samples: number, from: number): Buffer {
  const b = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * TONE.hz * (from + i)) / TONE.rate)), i * 2);
  return b;
}

export function startTimestampRecorder(opts: { tone?: boolean; ffmpeg?: string; host: string; videoPort: number; audioPort: number; videoPt: number; audioPt: number }) {
  // The first frame and the first tone samples (pts 0 of both) are taken at `start`. ffmpeg's
  // RTCP sender reports map each output's pts 0 to the wall time it opened that output, unless told
  // when pts 0 was: the video output opens later (its encoder waits for the first frame), so its
  // pictures looked younger than the sound and the browser's lip sync held them back by the gap.
  // A recorder's sender reports come from its capture clock; `-start_time_realtime` gives ours.
  const start = Date.now() + 300;
  const realtime = ['-start_time_realtime', String(start * 1000)];
  const ff: ChildProcess = spawn(opts.ffmpeg ?? 'ffmpeg', [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${FRAME.width}x${FRAME.height}`, '-r', String(FRAME.fps), '-i', 'pipe:0',
    '-f', 's16le', '-ar', String(TONE.rate), '-ac', '1', '-i', 'pipe:3',
    '-map', '0:v', '-vf', "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:text='frame %{frame_num}':x=10:y=185:fontsize=32:fontcolor=white,format=yuv420p",
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-lag-in-frames', '0', '-auto-alt-ref', '0', '-error-resilient', '1',
    '-b:v', '600k', '-g', '25', '-payload_type', String(opts.videoPt), ...realtime, '-f', 'rtp', `rtp://${opts.host}:${opts.videoPort}?pkt_size=1200`,
    ...(opts.tone === false ? [] : ['-map', '1:a', '-c:a', 'libopus', '-b:a', '64k', '-application', 'lowdelay', '-payload_type', String(opts.audioPt), ...realtime, '-f', 'rtp', `rtp://${opts.host}:${opts.audioPort}`]),
  ], { stdio: ['pipe', 'ignore', 'pipe', 'pipe'] });
  const audio = ff.stdio[3] as import('node:stream').Writable;
  audio.on('error', () => {});
  let errors = '';
  ff.stderr?.on('data', (d: Buffer) => { errors = (errors + d.toString()).slice(-2000); });
  ff.stdin?.on('error', () => {});
  const frame = Buffer.alloc(FRAME.width * FRAME.height);
  // Frames on the wall clock's beat (not setInterval's drift): the RTCP sender reports map RTP time
  // to wall time, and a video clock slower than the tone's makes the browser hold video back for lip sync.
  let n = 0;
  let timer: NodeJS.Timeout;
  const tick = () => {
    drawTimestamp(frame, Date.now());
    ff.stdin?.write(frame);
    const samples = TONE.rate / FRAME.fps;
    audio.write(toneChunk(samples, n * samples));
    n += 1;
    timer = setTimeout(tick, Math.max(0, start + (n * 1000) / FRAME.fps - Date.now()));
  };
  timer = setTimeout(tick, Math.max(0, start - Date.now()));
  return {
    errors: () => errors,
    async stop() {
      clearTimeout(timer);
      const gone = new Promise<void>((r) => { if (ff.exitCode !== null) r(); else ff.once('exit', () => r()); });
      ff.stdin?.end();
      audio.end();
      ff.kill('SIGINT');
      await gone;
    },
  };
}
