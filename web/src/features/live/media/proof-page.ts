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

function video(id: string) {
  const v = document.createElement('video');
  v.id = id; v.autoplay = true; v.muted = true; v.playsInline = true; v.width = 320;
  document.body.append(v);
  return v;
}

const csrf = () => null;
Object.assign(window, {
  delays: () => delays.slice(),
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
  async hls(url: string) {
    const v = video('lead');
    await playLiveHls(v, url);
    readDelays(v);
  },
});
