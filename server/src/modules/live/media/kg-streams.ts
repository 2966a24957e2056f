import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveMediaConfig } from '../../../config.js';
import { defaultFfmpegBinaries } from '../../../media/ffmpeg-binaries.js';
import { startKgPackager } from './kg-packager.js';
import { AUDIO_PT, VIDEO_PT } from './janus-engine.js';
import { portPool } from './ports.js';

/** Where a kindergarten room's recorder or camera sends its RTP (the same shape a live class's lead room gets). */
export interface KgRtpTarget {
  host: string;
  videoPort: number;
  videoPayloadType: number;
  audioPort: number;
  audioPayloadType: number;
}

/** The playlist and segment names a kindergarten stream has (anything else is never served). */
export const KG_STREAM_FILE = /^(index\.m3u8|s\d{1,3}-\d{5}\.ts)$/;

/**
 * The kindergarten live view's streams: one HLS packager per room while its window is open, in
 * DATA_DIR/live-kg/<room>/, on ports of LIVE_KG_RTP_PORTS (apart from live classes' ports). A
 * stopped stream's folder is removed, and so is every folder left by a crashed server at start:
 * parents watch live only, nothing of a stream outlives it.
 */
export function createKgStreams(deps: { config: Pick<LiveMediaConfig, 'liveKgRtpPorts' | 'liveRtpHost'>; dataDir: string; log?: (line: string) => void }) {
  const root = join(deps.dataDir, 'live-kg');
  rmSync(root, { recursive: true, force: true });
  const ports = portPool(deps.config.liveKgRtpPorts);
  const running = new Map<number, { target: KgRtpTarget; stop: () => Promise<void> }>();
  const starting = new Map<number, Promise<KgRtpTarget>>();
  const dirOf = (roomId: number) => join(root, String(roomId));

  async function launch(roomId: number): Promise<KgRtpTarget> {
    const { videoPort, audioPort } = ports.take(roomId);
    const dir = dirOf(roomId);
    mkdirSync(dir, { recursive: true });
    const target = { host: deps.config.liveRtpHost, videoPort, videoPayloadType: VIDEO_PT, audioPort, audioPayloadType: AUDIO_PT };
    const p = startKgPackager({ ffmpeg: (await defaultFfmpegBinaries()).ffmpeg, dir, host: target.host, videoPort, audioPort, videoPt: VIDEO_PT, audioPt: AUDIO_PT, onLog: deps.log });
    running.set(roomId, { target, stop: () => p.stop() });
    return target;
  }

  return {
    /** Starts the room's packager unless it runs; answers where to send RTP. Idempotent (a recorder asks every few seconds). */
    ensure(roomId: number): Promise<KgRtpTarget> {
      const r = running.get(roomId);
      if (r) return Promise.resolve(r.target);
      let s = starting.get(roomId);
      if (!s) {
        s = launch(roomId).finally(() => starting.delete(roomId));
        starting.set(roomId, s);
      }
      return s;
    },
    /** Stops the room's packager and removes every segment it left. */
    async stop(roomId: number): Promise<void> {
      const r = running.get(roomId);
      running.delete(roomId);
      if (r) await r.stop();
      ports.give(roomId);
      rmSync(dirOf(roomId), { recursive: true, force: true });
    },
    /** Rooms streaming now. */
    rooms: (): number[] => [...running.keys()],
    /** A playlist or segment of a streaming room, or null (not streaming, not written yet, or not a stream file). */
    file(roomId: number, name: string): string | null {
      if (!running.has(roomId) || !KG_STREAM_FILE.test(name)) return null;
      const path = join(dirOf(roomId), name);
      return existsSync(path) ? path : null;
    },
    async stopAll(): Promise<void> {
      for (const id of [...running.keys()]) await this.stop(id);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export type KgStreams = ReturnType<typeof createKgStreams>;
