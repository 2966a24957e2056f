import type { LiveMediaView } from '../../../../shared/live.js';
import type { LiveMediaEngine } from './live-media.js';

/**
 * The kindergarten live view's side of the media engine. A view is live only: the page gets a
 * stream to play now, never a recording. When the engine offers `roomStreamView` its answer is used;
 * otherwise (today: always) the page plays the room's one-way HLS playlist, packaged from the room's
 * camera by media/kg-streams.ts and served by kg-view-stream.routes.ts, which checks the token and
 * `viewerVerdict` on every playlist request. The token sits in the path, so the playlist's relative
 * segment names carry it too.
 */
export const kgPlaylistUrl = (roomId: number, viewerToken: string) =>
  `/api/live/kg/rooms/${roomId}/hls/${encodeURIComponent(viewerToken)}/index.m3u8`;

export function kgStreamView(media: LiveMediaEngine, view: { id: number; roomId: number; token: string }): LiveMediaView {
  if (media.roomStreamView) return media.roomStreamView(view.roomId, view.token);
  const status = media.status();
  // A parent only watches: one-way HLS is enough, so the page plays the playlist whatever the engine's mode.
  return {
    sessionId: view.id, mode: 'hls', reason: status.mode === 'hls' ? status.reason : null, role: 'watcher', roomId: null,
    janus: null, hls: { playlistUrl: kgPlaylistUrl(view.roomId, view.token) },
  };
}
