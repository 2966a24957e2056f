import type { LiveReplay } from '@shared/live-replay-api-types';
import { api } from '../../../api/client';

/**
 * The session a lesson replays, from its group id: the server names a live replay's tracks
 * `live-<session id>` (modules/live/replay.tracks.ts); any other lesson is not a live class.
 */
export function liveSessionOfGroup(groupId: string | undefined): number | null {
  const m = groupId ? /^live-([1-9][0-9]{0,14})$/.exec(groupId) : null;
  return m ? Number(m[1]) : null;
}

/** A session's replay: which classroom is which track, and the hands and polls on the lesson's clock. */
export function getLiveReplay(sessionId: number, signal?: AbortSignal): Promise<LiveReplay> {
  return api.get<LiveReplay>(`/api/live/sessions/${sessionId}/replay`, { signal });
}
