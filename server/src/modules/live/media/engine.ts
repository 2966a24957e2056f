import type { LiveMediaEngine } from '../live-media.js';

/**
 * The live media engine the server runs: Janus when installed and reachable, else one-way HLS.
 * PLACEHOLDER of the foundation commit (issue 12): answers one-way mode and packages nothing, so
 * the sessions, interaction and replay areas can be built beside the media area, which replaces
 * this file with the real engine (Janus supervisor + janode, ffmpeg LL-HLS packager).
 */
export function createLiveMediaEngine(_deps: Record<string, unknown>): LiveMediaEngine {
  return {
    status: () => ({ mode: 'hls', reason: 'janus_not_installed' }),
    open: async () => ({ mode: 'hls', handles: {} }),
    close: async () => ({ tracks: [] }),
    viewFor: (session, who) => ({
      sessionId: session.id, mode: 'hls', reason: 'janus_not_installed', role: who.role, roomId: who.roomId, janus: null,
      hls: { playlistUrl: `/api/live/sessions/${session.id}/hls/index.m3u8?token=${encodeURIComponent(who.viewerToken)}` },
    }),
    recorderTarget: (session) => ({ sessionId: session.id, mode: 'hls', rtp: { host: '127.0.0.1', videoPort: 0, videoPayloadType: 96, audioPort: 0, audioPayloadType: 111 } }),
    stop: async () => {},
  };
}
