import type { LiveMediaView } from '../../../../shared/live.js';
import type { LiveMediaEngine } from './live-media.js';

/**
 * The kindergarten live view's side of the media engine. A view is live only: the page gets a
 * stream to play now, never a recording. When the engine offers `roomStreamView` (the media area's
 * part: the camera of a live_kg_rooms row, served to one viewer token) its answer is used;
 * otherwise the view answers the engine's mode with the room's HLS playlist, which the media area
 * serves at this path after asking `viewerAllowed(roomId, token)` of the kindergarten view.
 */
export const kgPlaylistUrl = (roomId: number, viewerToken: string) =>
  `/api/live/kg/rooms/${roomId}/hls/index.m3u8?token=${encodeURIComponent(viewerToken)}`;

export function kgStreamView(media: LiveMediaEngine, view: { id: number; roomId: number; token: string }): LiveMediaView {
  if (media.roomStreamView) return media.roomStreamView(view.roomId, view.token);
  const status = media.status();
  // A parent only watches: one-way HLS is enough, so the page plays the playlist whatever the engine's mode.
  return {
    sessionId: view.id, mode: 'hls', reason: status.mode === 'hls' ? status.reason : null, role: 'watcher', roomId: null,
    janus: null, hls: { playlistUrl: kgPlaylistUrl(view.roomId, view.token) },
  };
}
