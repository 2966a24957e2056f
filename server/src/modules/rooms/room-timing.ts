/**
 * When a recorder counts as offline, how early an offline room raises an alert before a lesson,
 * and when its disk counts as nearly full. One place, so the docs, the list and the alerts agree.
 */
export const ROOM_TIMING = {
  /** A room is offline when no recorder of it has sent a heartbeat for longer than this. */
  offlineAfterMs: 3 * 60_000,
  /** How often a recorder is asked to send a heartbeat (docs/devices.md). */
  heartbeatIntervalSeconds: 60,
  /** An offline room alerts when its next timetabled lesson starts within this many minutes. */
  lessonLeadMinutes: 15,
  /** Below this much free disk (5 GiB) a recorder may not hold the day's lessons: `disk_low`. */
  diskLowBytes: 5 * 1024 ** 3,
} as const;

export type RoomTiming = { -readonly [K in keyof typeof ROOM_TIMING]: number };

/** The oldest heartbeat that still counts as online at `now`. */
export function onlineCutoff(now: Date, timing: Pick<RoomTiming, 'offlineAfterMs'> = ROOM_TIMING): string {
  return new Date(now.getTime() - timing.offlineAfterMs).toISOString();
}
