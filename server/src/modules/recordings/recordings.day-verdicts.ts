import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type CountingResult, OVERLAPS_ANOTHER_LESSON } from './counting.js';
import { laterOverlappingLessons, lessonEndMs, type LessonSlot } from './counting.overlaps.js';
import { verdictColumns } from './recordings.queries.js';
import type { OnRecordingChanged } from './recordings.service.js';

const COUNTS: CountingResult = { counts: true, reason: null, reasonCode: null, reasonValues: null };
const OVERLAP_CODE = OVERLAPS_ANOTHER_LESSON.reasonCode;

/**
 * Applies the overlap rule (counting.overlaps.ts) to one school day: a ready track that counts on
 * its own merits but overlaps an earlier lesson of its room is marked not counted, and one marked
 * so whose earlier lesson is gone (deleted, or found not to count) counts again. Only rows that
 * count or were marked by this rule are touched: every other verdict is the pipeline's own.
 * Returns how many rows changed. Safe to repeat: it derives everything from the rows.
 */
export async function settleOverlaps(db: Kysely<Database>, schoolId: number, day: string): Promise<number> {
  const rows = await db.selectFrom('recordings')
    .select(['id', 'group_id', 'room_id', 'lesson_start', 'lesson_end', 'duration_seconds', 'created_at', 'counts', 'counts_reason_code'])
    .where('school_id', '=', schoolId).where('school_day', '=', day).where('status', '=', 'ready').where('room_id', 'is not', null)
    .orderBy('id')
    .execute();
  const candidate = (r: (typeof rows)[number]) => r.counts === 1 || r.counts_reason_code === OVERLAP_CODE;
  const slots = new Map<string, LessonSlot>();
  for (const r of rows) {
    const slot = slots.get(r.group_id);
    if (slot) {
      if (r.created_at < slot.createdAt) slot.createdAt = r.created_at;
      slot.countsOnItsOwn ||= candidate(r);
      continue;
    }
    const start = new Date(r.lesson_start).getTime();
    slots.set(r.group_id, {
      groupId: r.group_id, roomId: r.room_id, start, end: lessonEndMs(start, r.lesson_end, r.duration_seconds),
      createdAt: r.created_at, firstId: r.id, countsOnItsOwn: candidate(r),
    });
  }
  const later = laterOverlappingLessons([...slots.values()]);
  let changed = 0;
  for (const r of rows) {
    if (!candidate(r)) continue;
    const overlapped = later.has(r.group_id);
    const marked = r.counts_reason_code === OVERLAP_CODE;
    if (overlapped === marked) continue;
    const res = await db.updateTable('recordings').set(verdictColumns(overlapped ? OVERLAPS_ANOTHER_LESSON : COUNTS))
      .where('id', '=', r.id).where('counts', '=', r.counts).executeTakeFirst();
    changed += Number(res.numUpdatedRows);
  }
  return changed;
}

/** `onRecordingChanged` that settles the day's overlaps before supervision recounts it. */
export function settlingOverlaps(db: Kysely<Database>, onRecordingChanged: OnRecordingChanged): OnRecordingChanged {
  return async (change) => {
    await settleOverlaps(db, change.schoolId, change.day);
    return onRecordingChanged(change);
  };
}
