// The proof page's script (bundled by esbuild in the harness): the live stage's own browser code,
// plus a reader of the timestamp blocks the proof recorder draws.
import { connectJanus, feedIdFor, publishClassCamera, roomOfDisplay, subscribeWall, watchLeadStream } from '../../../../../../web/src/features/live/media/janus-client';
import { playLiveHls } from '../../../../../../web/src/features/live/media/hls-live';

const FR = { cols: 8, rows: 4, block: 64 };
const delays: number[] = [];
const wallRooms = new Map<number, HTMLVideoElement>();

function readDelays(video: HTMLVideoElement) {
  const canvas = document.createElement('canvas');
  canvas.width = 640; canvas.height = 360;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const step = () => {
    if (video.videoWidth > 0) {
      ctx.drawImage(video, 0, 0, 640, 360);
      const img = ctx.getImageData(0, 0, FR.cols * FR.block, FR.rows * FR.block);
      let bits = 0;
      for (let i = 0; i < FR.cols * FR.rows; i++) {
        const cx = (i % FR.cols) * FR.block + FR.block / 2;
        const cy = Math.floor(i / FR.cols) * FR.block + FR.block / 2;
        let sum = 0;
        for (let dy = -8; dy < 8; dy += 2) for (let dx = -8; dx < 8; dx += 2) sum += img.data[((cy + dy) * img.width + cx + dx) * 4]!;
        bits = (bits << 1) | (sum / 64 > 128 ? 1 : 0);
      }
      const sent = bits >>> 0;
      const d = ((Date.now() >>> 0) - sent) >>> 0;
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
