import type { LiveMediaView, LiveMode, LiveModeReason, LiveRecorderTarget, LiveRole } from '../../../../shared/live.js';

/** What a session's media engine was given when the session went live (stored as live_sessions.media). */
export type LiveMediaHandles = Record<string, unknown>;

/** A track the engine recorded during a session, as a file on local disk, for the replay. */
export interface LiveRecordedTrack {
  /** lead: the lead room's stream; otherwise the receiving room it came from. */
  roomId: number;
  lead: boolean;
  path: string;
  startedAt: string;
}

/**
 * The live media engine (Janus WebRTC, or one-way HLS packaged by ffmpeg). The sessions service
 * opens and closes a session's media through this and nothing else; the engine knows nothing of
 * access (the routes ask the sessions service first).
 */
export interface LiveMediaEngine {
  /** The mode a session opened now would run in, and why it is one way. */
  status(): { mode: LiveMode; reason: LiveModeReason | null };
  /** Creates the session's rooms, mountpoints or packager; the handles are kept on the session row. */
  open(session: { id: number; leadRoomId: number; receivingRoomIds: readonly number[] }): Promise<{ mode: LiveMode; handles: LiveMediaHandles }>;
  /** Tears them down; answers the tracks recorded (for the replay). */
  close(sessionId: number, handles: LiveMediaHandles): Promise<{ tracks: LiveRecordedTrack[] }>;
  /** What one page gets to play and send (after the routes checked who may see the session). */
  viewFor(session: { id: number; mode: LiveMode; handles: LiveMediaHandles }, who: { role: LiveRole; roomId: number | null; viewerToken: string }): LiveMediaView;
  /** Where the lead room's recorder sends its stream. */
  recorderTarget(session: { id: number; mode: LiveMode; handles: LiveMediaHandles }): LiveRecorderTarget;
  /** The viewer's token for a session's one-way HLS playlist and segments (pass it to viewFor as viewerToken; lives 10 minutes). */
  mediaToken(sessionId: number, viewerUserId: number): string;
  /** Stops what the engine started (the supervised Janus, packagers). */
  stop(): Promise<void>;
  /**
   * 园所直播 (kg-view-media.ts): what a parent's page plays for a kindergarten live-view room
   * (live_kg_rooms.id; role watcher, view only). Optional until the media area provides it; the
   * kindergarten view then answers an HLS playlist URL of its own (kgFallbackView).
   */
  roomStreamView?(roomId: number, viewerToken: string): LiveMediaView;
}
