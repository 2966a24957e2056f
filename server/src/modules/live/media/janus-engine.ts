import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Janode, { type JanodeConnection, type JanodeHandle } from 'janode';
import StreamingPlugin from 'janode/plugins/streaming';
import VideoRoomPlugin from 'janode/plugins/videoroom';
import type { LiveMediaView, LiveRecorderTarget } from '../../../../../shared/live.js';
import type { LiveMediaHandles, LiveRecordedTrack } from '../live-media.js';
import { convertJanusRecordings } from './janus-recordings.js';
import type { Log } from './janus-supervisor.js';
import type { portPool } from './ports.js';

/** What a Janus session keeps on its live_sessions row. */
export interface JanusHandles {
  kind: 'janus';
  videoRoom: number;
  videoRoomPin: string;
  streamId: number;
  streamPin: string;
  secret: string;
  videoPort: number;
  audioPort: number;
  recDir: string;
  leadRoomId: number;
  startedAt: string;
}

export const VIDEO_PT = 96;
export const AUDIO_PT = 111;
/** Janus ids of a session's room and mountpoint: fixed per session, so a restarted Janus gets the same ones back. */
const janusId = (sessionId: number) => 1_000_000 + sessionId;
const secret = () => randomBytes(12).toString('base64url');

/**
 * Drives Janus through janode over its WebSocket transport: per session a VideoRoom (pin, secret,
 * every publisher recorded) for the receiving rooms' cameras and a Streaming RTP mountpoint (VP8 +
 * Opus, pin) fed by the lead room's recorder, recorded by the Streaming plugin itself so the lead
 * track needs no second listener on the recorder's ports.
 */
export function janusEngine(deps: {
  wsUrl: string; adminKey: string; recRoot: string; ffmpeg: () => Promise<string>; ports: ReturnType<typeof portPool>; rtpHost: string; log: Log;
}) {
  let conn: Promise<{ c: JanodeConnection; room: JanodeHandle; stream: JanodeHandle }> | null = null;
  const open = new Map<number, JanusHandles>();

  // janode logs every connection, session and handle at info on stdout; the engine logs what matters.
  Janode.Logger.setLevel('warn');
  const connect = () => {
    conn ??= (async () => {
      const c = await Janode.connect({ address: { url: deps.wsUrl }, max_retries: 3, retry_time_secs: 1 });
      c.once(Janode.EVENT.CONNECTION_CLOSED ?? 'connection_closed', () => { conn = null; });
      c.on(Janode.EVENT.CONNECTION_ERROR ?? 'connection_error', () => { conn = null; });
      const s = await c.create();
      return { c, room: await s.attach(VideoRoomPlugin), stream: await s.attach(StreamingPlugin) };
    })().catch((err: unknown) => { conn = null; throw err; });
    return conn;
  };

  const create = async (h: JanusHandles) => {
    const { room, stream } = await connect();
    mkdirSync(h.recDir, { recursive: true });
    await room.create({
      room: h.videoRoom, description: `live session ${h.videoRoom}`, pin: h.videoRoomPin, secret: h.secret, admin_key: deps.adminKey,
      max_publishers: 8, is_private: true, record: true, rec_dir: h.recDir, videocodec: 'vp8', audiocodec: 'opus', notify_joining: true,
    });
    await stream.createRtpMountpoint({
      id: h.streamId, name: `live-${h.streamId}`, pin: h.streamPin, secret: h.secret, admin_key: deps.adminKey, is_private: true,
      video: { port: h.videoPort, pt: VIDEO_PT, rtpmap: 'VP8/90000', buffer: true },
      audio: { port: h.audioPort, pt: AUDIO_PT, rtpmap: 'opus/48000/2' },
    });
    await stream.startRecording({ id: h.streamId, secret: h.secret, video: join(h.recDir, 'lead-video'), audio: join(h.recDir, 'lead-audio') });
  };

  return {
    async open(session: { id: number; leadRoomId: number }, now: Date): Promise<JanusHandles> {
      const ports = deps.ports.take(session.id);
      const h: JanusHandles = {
        kind: 'janus', videoRoom: janusId(session.id), videoRoomPin: secret(), streamId: janusId(session.id), streamPin: secret(), secret: secret(),
        ...ports, recDir: join(deps.recRoot, String(session.id)), leadRoomId: session.leadRoomId, startedAt: now.toISOString(),
      };
      try { await create(h); } catch (err) { deps.ports.give(session.id); throw err; }
      open.set(session.id, h);
      return h;
    },
    /** After Janus restarted: the same rooms and mountpoints again (recording continues into new files). */
    async recreate() {
      conn = null;
      for (const h of open.values()) await create(h).catch((err: Error) => deps.log.warn(`live media: could not recreate session rooms: ${err.message}`));
    },
    async close(sessionId: number, handles: LiveMediaHandles): Promise<LiveRecordedTrack[]> {
      const h = handles as unknown as JanusHandles;
      open.delete(sessionId);
      deps.ports.give(sessionId);
      try {
        const { room, stream } = await connect();
        await stream.stopRecording({ id: h.streamId, secret: h.secret }).catch(() => {});
        await stream.destroyMountpoint({ id: h.streamId, secret: h.secret }).catch(() => {});
        await room.destroy({ room: h.videoRoom, secret: h.secret }).catch(() => {});
      } catch (err) {
        deps.log.warn(`live media: Janus not reachable while closing session ${sessionId}: ${(err as Error).message}`);
      }
      return convertJanusRecordings(h.recDir, await deps.ffmpeg(), h.leadRoomId, h.startedAt);
    },
    janusView(h: JanusHandles, role: LiveMediaView['role'], roomId: number | null): NonNullable<LiveMediaView['janus']> {
      const display = role === 'receiving' ? `room:${roomId}` : role === 'lead' ? `lead:${roomId}` : 'watcher';
      return { server: '/api/live/janus', videoRoom: h.videoRoom, videoRoomPin: h.videoRoomPin, streamId: h.streamId, streamPin: h.streamPin, display };
    },
    target(sessionId: number, h: JanusHandles): LiveRecorderTarget {
      return { sessionId, mode: 'webrtc', rtp: { host: deps.rtpHost, videoPort: h.videoPort, videoPayloadType: VIDEO_PT, audioPort: h.audioPort, audioPayloadType: AUDIO_PT } };
    },
    async stop() {
      const c = conn;
      conn = null;
      if (c) await c.then((x) => x.c.close()).catch(() => {});
    },
  };
}
