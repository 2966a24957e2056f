// The live-media proof page's script (bundled by esbuild in server/src/modules/live/media/proof/harness.ts, never by the app): the live stage's own browser code,
// plus a reader of the timestamp blocks the proof recorder draws.
import { connectJanus, feedIdFor, publishClassCamera, roomOfDisplay, subscribeWall, watchLeadStream } from './janus-client';
import { playLiveHls } from './hls-live';

const FR = { cols: 8, rows: 4, block: 40 };
const delays: number[] = [];
const wallRooms = new Map<number, HTMLVideoElement>();

// Each block of the frame shrinks to 2×2 pixels of a tiny canvas: cheap enough to read every frame.
function readDelays(video: HTMLVideoElement) {
  const canvas = document.createElement('canvas');
  canvas.width = FR.cols * 2; canvas.height = FR.rows * 2;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const step = () => {
    const now = Date.now();
    if (video.videoWidth > 0) {
      const sx = video.videoWidth / 320;
      ctx.drawImage(video, 0, 0, FR.cols * FR.block * sx, FR.rows * FR.block * sx, 0, 0, canvas.width, canvas.height);
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let bits = 0;
      for (let i = 0; i < FR.cols * FR.rows; i++) {
        const x = (i % FR.cols) * 2; const y = Math.floor(i / FR.cols) * 2;
        let sum = 0;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) sum += px[((y + dy) * canvas.width + x + dx) * 4]!;
        bits = (bits << 1) | (sum / 4 > 128 ? 1 : 0);
      }
      const d = ((now >>> 0) - (bits >>> 0)) >>> 0;
      if (d < 30_000) delays.push(d);
    }
    video.requestVideoFrameCallback(step);
  };
  video.requestVideoFrameCallback(step);
}

function video(id: string, width = 320) {
  const v = document.createElement('video');
  v.id = id; v.autoplay = true; v.muted = true; v.playsInline = true; v.width = width;
  document.body.append(v);
  return v;
}

const csrf = () => null;
// Every PeerConnection of the page, for `stats()` (where a delay comes from: jitter buffer, decode).
const pcs: RTCPeerConnection[] = [];
const NativePc = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePc { constructor(c?: RTCConfiguration) { super(c); pcs.push(this); } } as typeof RTCPeerConnection;

Object.assign(window, {
  delays: () => delays.slice(),
  /** Per inbound track of the first PeerConnection: mean jitter-buffer and decode time per frame/sample (ms). */
  async stats() {
    const out: Record<string, number>[] = [];
    for (const r of (await pcs[0]?.getStats())?.values() ?? []) {
      if (r.type !== 'inbound-rtp') continue;
      out.push({ video: r.kind === 'video' ? 1 : 0, jitterMs: (1000 * r.jitterBufferDelay) / Math.max(1, r.jitterBufferEmittedCount), targetMs: (1000 * (r.jitterBufferTargetDelay ?? 0)) / Math.max(1, r.jitterBufferEmittedCount), decodeMs: r.framesDecoded ? (1000 * r.totalDecodeTime) / r.framesDecoded : 0, fps: r.framesPerSecond ?? 0, rtpJitterMs: 1000 * (r.jitter ?? 0), packets: r.packetsReceived ?? 0, concealed: r.concealedSamples ?? 0, accel: r.removedSamplesForAcceleration ?? 0 });
    }
    return out;
  },
  wall: () => [...wallRooms].map(([roomId, v]) => ({ roomId, width: v.videoWidth, playing: !v.paused && v.currentTime > 0 })),
  async receiving(j: { server: string; streamId: number; streamPin: string; videoRoom: number; videoRoomPin: string }, roomId: number) {
    const link = await connectJanus(j.server, csrf);
    const v = video('lead');
    await watchLeadStream(link, j.streamId, j.streamPin, v);
    readDelays(v);
    await publishClassCamera(link, j.videoRoom, j.videoRoomPin, `room:${roomId}`, feedIdFor(roomId), video('self'));
  },
  async watcher(j: { server: string; streamId: number; streamPin: string }) {
    const link = await connectJanus(j.server, csrf);
    const v = video('lead');
    await watchLeadStream(link, j.streamId, j.streamPin, v);
    readDelays(v);
  },
  async lead(j: { server: string; videoRoom: number; videoRoomPin: string }) {
    const link = await connectJanus(j.server, csrf);
    await subscribeWall(link, j.videoRoom, j.videoRoomPin, (feeds) => {
      for (const f of feeds) {
        const room = roomOfDisplay(f.display);
        if (room === null || wallRooms.has(room)) continue;
        const v = video(`wall-${room}`);
        v.srcObject = f.stream;
        wallRooms.set(room, v);
      }
    });
  },
  /**
   * The bench's viewers: `n` watchers in this page, each its own Streaming handle and
   * PeerConnection (one Janus session, so one long poll: Chromium allows 6 connections per host),
   * the first `measured` read back; the rest render as thumbnails (they still receive and decode).
   */
  async watchers(j: { server: string; streamId: number; streamPin: string }, n: number, measured: number) {
    const link = await connectJanus(j.server, csrf);
    for (let i = 0; i < n; i++) {
      const v = video(`lead-${i}`, i < measured ? 320 : 48);
      await watchLeadStream(link, j.streamId, j.streamPin, v);
      if (i < measured) readDelays(v);
    }
  },
  async hlsViewers(url: string, n: number, measured: number) {
    for (let i = 0; i < n; i++) {
      const v = video(`lead-${i}`, i < measured ? 320 : 48);
      await playLiveHls(v, url);
      if (i < measured) readDelays(v);
    }
  },
  async hls(url: string) {
    const v = video('lead');
    await playLiveHls(v, url);
    readDelays(v);
  },
});
