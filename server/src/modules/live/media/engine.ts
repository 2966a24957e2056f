import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveMode, LiveModeReason } from '../../../../../shared/live.js';
import type { Clock } from '../../../clock.js';
import { type Config, liveMediaConfig } from '../../../config.js';
import { defaultFfmpegBinaries } from '../../../media/ffmpeg-binaries.js';
import type { LiveMediaEngine, LiveMediaHandles } from '../live-media.js';
import { startHlsPackager } from './hls-packager.js';
import { AUDIO_PT, type JanusHandles, janusEngine, VIDEO_PT } from './janus-engine.js';
import { writeJanusConfigs } from './janus-config.js';
import { janusAnswers, type Log, superviseJanus } from './janus-supervisor.js';
import { issueLiveToken } from './live-tokens.js';
import { portPool } from './ports.js';

interface HlsHandles { kind: 'hls'; videoPort: number; audioPort: number; dir: string; leadRoomId: number; startedAt: string }

export type LiveMediaEngineImpl = LiveMediaEngine & {
  /** Settles once the mode is known (Janus started and answering, or given up on). */
  ready(): Promise<void>;
  /** Janus's HTTP API the browser proxy forwards to (null in one-way mode). */
  janusHttpUrl(): string | null;
  /** The key live HLS tokens are signed with. */
  tokenKey: string;
  /** DATA_DIR/live/<session>: the HLS packager's folder. */
  hlsDir(sessionId: number): string;
  /** The supervised Janus's process id (for CPU figures), null when not started by us. */
  janusPid(): number | null;
};

const consoleLog: Log = { info: (m) => console.info(m), warn: (m) => console.warn(m) };

/**
 * The live media engine the server runs (docs/live.md). LIVE_MEDIA=auto: the server starts and
 * supervises Janus when it is installed (JANUS_PATH, default /usr/bin/janus) and it answers, or uses
 * an existing one at JANUS_URL; otherwise every session runs one way as low-latency HLS packaged
 * by ffmpeg, and the log and pages say so (单向直播). LIVE_MEDIA=hls forces one way; janus demands it.
 */
export function createLiveMediaEngine(deps: { config?: Config; clock: Clock; log?: Log; mediaTokenKey: string; [k: string]: unknown }): LiveMediaEngineImpl {
  // An app built without a config (tests of other areas) runs one way: it must not start a Janus on
  // the default ports. Configured apps follow LIVE_MEDIA (test-app.ts passes LIVE_MEDIA=hls unless a test sets it).
  const cfg = deps.config?.liveMedia ?? liveMediaConfig({ LIVE_MEDIA: 'hls' });
  const dataDir = deps.config?.dataDir ?? join(process.cwd(), 'data');
  const log = deps.log ?? consoleLog;
  // The installation's media-token key (secrets.ts: shared by every node), kept apart for live tokens.
  const tokenKey = deps.mediaTokenKey + ':live';
  const ports = portPool(cfg.liveRtpPorts);
  const ffmpeg = async () => (await defaultFfmpegBinaries()).ffmpeg;
  let mode: LiveMode = 'hls';
  let reason: LiveModeReason | null = 'janus_not_installed';
  let httpUrl: string | null = null;
  let supervisor: ReturnType<typeof superviseJanus> | null = null;
  let janus: ReturnType<typeof janusEngine> | null = null;
  const packagers = new Map<number, ReturnType<typeof startHlsPackager>>();
  const liveDir = (id: number) => join(dataDir, 'live', String(id));

  const decide = async () => {
    if (cfg.mode === 'hls') { reason = 'forced_hls'; return; }
    let wsUrl: string;
    let adminKey: string;
    if (cfg.janusUrl) {
      httpUrl = cfg.janusUrl.replace(/\/$/, '');
      wsUrl = cfg.janusWsUrl ?? `ws://${new URL(httpUrl).hostname}:8188/`;
      adminKey = cfg.janusAdminKey ?? '';
      if (!(await janusAnswers(httpUrl))) { reason = 'janus_unreachable'; httpUrl = null; return; }
    } else {
      if (!existsSync(cfg.janusPath)) { reason = 'janus_not_installed'; return; }
      adminKey = randomBytes(18).toString('base64url');
      const dir = join(dataDir, 'janus');
      const configs = writeJanusConfigs({ dir, adminKey, iceInterfaces: cfg.janusIceInterfaces, httpPort: cfg.janusHttpPort, wsPort: cfg.janusWsPort, rtpPorts: cfg.janusRtpPorts });
      httpUrl = `http://127.0.0.1:${cfg.janusHttpPort}/janus`;
      wsUrl = `ws://127.0.0.1:${cfg.janusWsPort}/`;
      supervisor = superviseJanus({ path: cfg.janusPath, configsFolder: configs, httpUrl, log, onRestart: () => { void janus?.recreate(); } });
      if (!(await supervisor.start())) { reason = 'janus_unreachable'; httpUrl = null; await supervisor.stop(); supervisor = null; return; }
    }
    janus = janusEngine({ wsUrl, adminKey, recRoot: join(dataDir, 'janus', 'rec'), ffmpeg, ports, rtpHost: cfg.liveRtpHost, log });
    mode = 'webrtc';
    reason = null;
  };
  const ready = decide().then(() => {
    if (mode === 'webrtc') log.info(`live media: two-way live classes through Janus (${httpUrl})`);
    else if (reason === 'forced_hls') log.warn('live media: LIVE_MEDIA=hls — live classes run one way (单向直播) as low-latency HLS');
    else if (reason === 'janus_not_installed') log.warn(`live media: Janus is not installed (package \`janus\`, ${cfg.janusPath}) — live classes run one way (单向直播) as low-latency HLS`);
    else log.warn('live media: Janus does not answer — live classes run one way (单向直播) as low-latency HLS');
    if (cfg.mode === 'janus' && mode !== 'webrtc') log.warn('live media: LIVE_MEDIA=janus but Janus is not available');
  }, (err: Error) => { log.warn(`live media: ${err.message}`); });

  return {
    ready: () => ready,
    tokenKey,
    janusHttpUrl: () => httpUrl,
    hlsDir: liveDir,
    janusPid: () => supervisor?.pid() ?? null,
    status: () => ({ mode, reason }),
    async open(session) {
      await ready;
      const now = deps.clock.now();
      if (mode === 'webrtc' && janus) return { mode, handles: { ...(await janus.open(session, now)) } };
      const p = ports.take(session.id);
      const h: HlsHandles = { kind: 'hls', ...p, dir: liveDir(session.id), leadRoomId: session.leadRoomId, startedAt: now.toISOString() };
      mkdirSync(h.dir, { recursive: true });
      packagers.set(session.id, startHlsPackager({ ffmpeg: await ffmpeg(), dir: h.dir, host: cfg.liveRtpHost, videoPort: h.videoPort, audioPort: h.audioPort, videoPt: VIDEO_PT, audioPt: AUDIO_PT }));
      return { mode: 'hls', handles: { ...h } };
    },
    async close(sessionId, handles) {
      if ((handles as { kind?: string }).kind === 'janus') {
        if (!janus) return { tracks: [] };
        return { tracks: await janus.close(sessionId, handles) };
      }
      const h = handles as unknown as HlsHandles;
      const p = packagers.get(sessionId);
      packagers.delete(sessionId);
      ports.give(sessionId);
      if (p) await p.stop();
      const lead = join(h.dir ?? liveDir(sessionId), 'lead.ts');
      return { tracks: existsSync(lead) ? [{ roomId: h.leadRoomId, lead: true, path: lead, startedAt: h.startedAt }] : [] };
    },
    viewFor(session, who) {
      const h = session.handles as LiveMediaHandles & { kind?: string };
      if (h.kind === 'janus' && janus) {
        return { sessionId: session.id, mode: 'webrtc', reason: null, role: who.role, roomId: who.roomId, janus: janus.janusView(h as unknown as JanusHandles, who.role, who.roomId), hls: null };
      }
      return {
        sessionId: session.id, mode: 'hls', reason: reason ?? 'janus_unreachable', role: who.role, roomId: who.roomId, janus: null,
        hls: { playlistUrl: `/api/live/hls/${encodeURIComponent(who.viewerToken)}/index.m3u8` },
      };
    },
    recorderTarget(session) {
      const h = session.handles as unknown as JanusHandles | HlsHandles;
      if (h.kind === 'janus' && janus) return janus.target(session.id, h);
      return { sessionId: session.id, mode: 'hls', rtp: { host: cfg.liveRtpHost, videoPort: h.videoPort, videoPayloadType: VIDEO_PT, audioPort: h.audioPort, audioPayloadType: AUDIO_PT } };
    },
    mediaToken: (sessionId, viewerUserId) => issueLiveToken(tokenKey, sessionId, viewerUserId, Math.floor(deps.clock.now().getTime() / 1000)),
    async stop() {
      await ready;
      for (const p of packagers.values()) await p.stop();
      packagers.clear();
      await janus?.stop();
      await supervisor?.stop();
    },
  };
}
