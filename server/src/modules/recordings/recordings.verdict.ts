import type { Selectable } from 'kysely';
import type { SchoolKind } from '../../../../shared/domain.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import type { RecordingTable } from '../../db/schema.js';
import { type CountingResult, type CountingRules, countsAsLesson, OVERLAPS_ANOTHER_LESSON } from './counting.js';

type Row = Pick<Selectable<RecordingTable>,
  'status' | 'duration_seconds' | 'has_audio' | 'audio_max_db' | 'lesson_start' | 'school_day' | 'reuse'
  | 'visual_black_share' | 'visual_frozen_share' | 'visual_checked_at'>;

/** counting.ts's verdict on one recording from what its row holds (measurements stored by the pipeline and the picture check). */
export function verdictOfRow(row: Row, schoolKind: SchoolKind, rules: CountingRules): CountingResult {
  return countsAsLesson({
    status: row.status, schoolKind, durationSeconds: row.duration_seconds, hasAudio: row.has_audio === 1,
    audioMaxDb: row.audio_max_db, lessonStartDay: shanghaiDate(new Date(row.lesson_start)), schoolDay: row.school_day,
    copyOfOtherSchool: row.reuse === 'copy',
    visual: row.visual_checked_at === null ? null : { blackShare: row.visual_black_share ?? 0, frozenShare: row.visual_frozen_share ?? 0 },
  }, rules);
}

/**
 * Whether a stored verdict already says what `verdict` says. A recording that counts on its own
 * but is stored as overlapping another lesson agrees too: the overlap rule (recordings.day-verdicts.ts)
 * owns that difference.
 */
export function storedVerdictAgrees(stored: { counts: number; counts_reason_code: string | null }, verdict: CountingResult): boolean {
  if (verdict.counts) return stored.counts === 1 || stored.counts_reason_code === OVERLAPS_ANOTHER_LESSON.reasonCode;
  return stored.counts === 0 && stored.counts_reason_code === verdict.reasonCode;
}
