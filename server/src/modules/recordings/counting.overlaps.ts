/**
 * The overlap rule of counting (beside counting.ts, which judges one recording): a room gives one
 * lesson at a time. Two lessons of one room whose times overlap — a re-muxed copy of the same
 * lesson (other bytes, so no duplicate by hash), or two uploads claiming the same slot — are one
 * lesson for the quota: the one uploaded first counts, the later ones are marked with the reason.
 */

/**
 * Overlaps up to this long are clock skew, not a second claim on the slot: a recorder that stops a
 * minute late and the next lesson starting on time are two lessons. Two minutes is more than the
 * drift of an unsynchronised recorder clock and far less than any lesson; for lessons so short
 * that two minutes is much of them, half the shorter lesson is the limit instead.
 */
export const OVERLAP_TOLERANCE_SECONDS = 120;

/** One lesson (a group of tracks) as the overlap rule sees it. */
export interface LessonSlot {
  groupId: string;
  roomId: number | null;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** Upload order: the first track's creation time (ISO), then its id. */
  createdAt: string;
  firstId: number;
  /** Whether the lesson counts by itself (counting.ts's verdict on any of its tracks). */
  countsOnItsOwn: boolean;
}

/**
 * Pure: the groups that overlap an earlier-uploaded counting lesson of their room. Lessons that
 * do not count by themselves (too short, silent, black…) take nobody's place; lessons without a
 * room are never compared (nothing says they were given in the same place).
 */
export function laterOverlappingLessons(slots: readonly LessonSlot[]): Set<string> {
  const out = new Set<string>();
  const byRoom = new Map<number, LessonSlot[]>();
  for (const s of slots) {
    if (s.roomId === null || !s.countsOnItsOwn) continue;
    byRoom.set(s.roomId, [...(byRoom.get(s.roomId) ?? []), s]);
  }
  for (const inRoom of byRoom.values()) {
    inRoom.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.firstId - b.firstId));
    const kept: LessonSlot[] = [];
    for (const s of inRoom) {
      if (kept.some((k) => overlapSeconds(k, s) > toleranceSeconds(k, s))) out.add(s.groupId);
      else kept.push(s);
    }
  }
  return out;
}

const overlapSeconds = (a: LessonSlot, b: LessonSlot) => (Math.min(a.end, b.end) - Math.max(a.start, b.start)) / 1000;
const toleranceSeconds = (a: LessonSlot, b: LessonSlot) =>
  Math.min(OVERLAP_TOLERANCE_SECONDS, Math.min(a.end - a.start, b.end - b.start) / 2000);

/**
 * Where a lesson ends for the overlap rule: its start plus the recorded duration, or the end the
 * recorder gave when that is earlier (a recording that ran on into the break). A given end later
 * than the recording (some recorders send the end of the timetable period, or of the day) is not
 * believed: it would make the lesson overlap the room's next ones and take their count away.
 */
export function lessonEndMs(startMs: number, lessonEnd: string | null, durationSeconds: number | null): number {
  const given = lessonEnd ? new Date(lessonEnd).getTime() : NaN;
  const claimed = Number.isFinite(given) && given > startMs ? given : Infinity;
  const recorded = durationSeconds !== null && durationSeconds > 0 ? startMs + durationSeconds * 1000 : Infinity;
  const end = Math.min(claimed, recorded);
  return Number.isFinite(end) ? end : startMs;
}
