/**
 * 互动教学 (issue 12): what the server and the browser agree on for a live session's media.
 * The server answers `LiveMediaView` (GET /api/live/sessions/:id/media?roomId=); the browser's
 * live stage (web/src/features/live/media/) plays and sends accordingly.
 */

/** webrtc: two-way through Janus; hls: one way, low-latency HLS packaged by ffmpeg (Janus not installed or not reachable). */
export type LiveMode = 'webrtc' | 'hls';

/** Why a session runs one way (单向直播); the page shows it in words (liveMedia.reasons.<key>). */
export type LiveModeReason = 'janus_not_installed' | 'janus_unreachable' | 'forced_hls';

/** lead: the lead room's teacher; receiving: a receiving classroom; watcher: patrol, county staff, a kindergarten parent (view only). */
export type LiveRole = 'lead' | 'receiving' | 'watcher';

export interface LiveMediaView {
  sessionId: number;
  mode: LiveMode;
  reason: LiveModeReason | null;
  role: LiveRole;
  /** The room the page speaks for (receiving), or the lead room for the lead teacher; null for watchers. */
  roomId: number | null;
  /** WebRTC: where the browser's Janus client talks (same-origin path proxied to Janus's HTTP API) and the handles it may use. */
  janus: null | {
    server: string;
    /** VideoRoom of the session: receiving rooms publish their class camera here, the lead subscribes to them. */
    videoRoom: number;
    videoRoomPin: string;
    /** Streaming mountpoint carrying the lead room's recorder (video + tone/voice). */
    streamId: number;
    streamPin: string;
    /** The name this page publishes as: `room:<roomId>` (the lead page maps feeds to rooms by it). */
    display: string;
  };
  /** HLS: the lead room's low-latency playlist (with the viewer's media token). */
  hls: null | { playlistUrl: string };
}

/** Where a lead room's recorder sends its stream (GET /api/devices/live with the device token). */
export interface LiveRecorderTarget {
  sessionId: number;
  mode: LiveMode;
  /** RTP on loopback or the server's media address: VP8 video and Opus audio, payload types as given. */
  rtp: { host: string; videoPort: number; videoPayloadType: number; audioPort: number; audioPayloadType: number };
}
