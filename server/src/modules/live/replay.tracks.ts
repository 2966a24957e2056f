import type { LiveRecordedTrack } from './live-media.js';

/** The player's tracks a replay fills: the lead room's stream is the main picture, each receiving room one more. */
export const LEAD_TRACK = 'composite' as const;
export const RECEIVING_TRACKS = ['students', 'blackboard', 'screen', 'teacher'] as const;
export type ReplayTrack = typeof LEAD_TRACK | (typeof RECEIVING_TRACKS)[number];

/**
 * The group id the replay's tracks share in recordings: the session names it, so the lesson
 * sharing and the player find the session from the lesson (and a repeated ingest lands in the
 * same lesson).
 */
export const replayGroupId = (sessionId: number) => `live-${sessionId}`;
export function sessionOfGroupId(groupId: string): number | null {
  const m = /^live-([1-9][0-9]{0,14})$/.exec(groupId);
  return m ? Number(m[1]) : null;
}

export interface ReplayTrackPlan {
  roomId: number;
  lead: boolean;
  path: string;
  startedAt: string;
  track: ReplayTrack;
  /** Where the file starts on the lesson's clock (0 = the lead stream's first frame). */
  startOffsetMs: number;
}

/**
 * Which recorded file becomes which track, the same on every run: one file per room (the
 * earliest, when a room's stream was recorded in pieces), the lead room's first, then the
 * receiving rooms by id, as many as the player has tracks for. The lesson's clock starts with the
 * lead stream (or the earliest file when the lead room recorded nothing).
 */
export function planReplayTracks(tracks: readonly LiveRecordedTrack[]): { lessonStart: string; plan: ReplayTrackPlan[] } | null {
  const byRoom = new Map<number, LiveRecordedTrack>();
  const sorted = [...tracks].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.path.localeCompare(b.path));
  for (const t of sorted) if (!byRoom.has(t.roomId)) byRoom.set(t.roomId, t);
  const all = [...byRoom.values()];
  const lead = all.find((t) => t.lead);
  const names: readonly ReplayTrack[] = lead ? RECEIVING_TRACKS : [LEAD_TRACK, ...RECEIVING_TRACKS];
  const receiving = all.filter((t) => !t.lead).sort((a, b) => a.roomId - b.roomId).slice(0, names.length);
  const first = lead ?? sorted[0];
  if (!first) return null;
  const zero = Date.parse(first.startedAt);
  const plan: ReplayTrackPlan[] = [];
  if (lead) plan.push({ ...lead, track: LEAD_TRACK, startOffsetMs: 0 });
  receiving.forEach((t, i) => plan.push({ ...t, track: names[i]!, startOffsetMs: Date.parse(t.startedAt) - zero }));
  return { lessonStart: new Date(zero).toISOString(), plan };
}
