import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Track } from './recordings.schema.js';

/**
 * What other modules may know of a recorded lesson without reading this module's table: its
 * place, time, teacher and state. System lookups, like people's who-answers: no scope applies,
 * so callers pass only lessons they have already reached (research shows the lessons attached to
 * an activity the viewer reaches; a `recording.ready` handler looks at the lesson just processed).
 */
export interface LessonFact {
  recordingId: number;
  schoolId: number;
  countyId: number;
  cityId: number;
  groupId: string;
  track: Track;
  roomId: number | null;
  title: string;
  subject: string;
  grade: string;
  teacherUserId: number | null;
  teacherName: string;
  lessonStart: string;
  lessonEnd: string | null;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  durationSeconds: number | null;
  /** The class on video, as the uploader named it (null: not named). */
  classId: number | null;
}

/** The track a lesson is named by: its composite (电影模式) picture where it has one, else its first track. */
export function representativeTrack<T extends { id: number; track: string }>(tracks: readonly T[]): T | undefined {
  return tracks.find((t) => t.track === 'composite') ?? [...tracks].sort((a, b) => a.id - b.id)[0];
}

const COLUMNS = [
  'id', 'school_id', 'county_id', 'city_id', 'group_id', 'track', 'room_id', 'title', 'subject', 'grade',
  'teacher_user_id', 'teacher_name', 'lesson_start', 'lesson_end', 'status', 'duration_seconds',
  'class_id',
] as const;

type Row = Pick<Database['recordings'], (typeof COLUMNS)[number]> & { id: number };

const toFact = (r: Row): LessonFact => ({
  recordingId: r.id, schoolId: r.school_id, countyId: r.county_id, cityId: r.city_id, groupId: r.group_id, track: r.track,
  roomId: r.room_id, title: r.title, subject: r.subject, grade: r.grade, teacherUserId: r.teacher_user_id, teacherName: r.teacher_name,
  lessonStart: r.lesson_start, lessonEnd: r.lesson_end, status: r.status, durationSeconds: r.duration_seconds,
  classId: r.class_id,
});

export function createLessonFacts(db: Kysely<Database>) {
  /** The tracks named, by id (a missing one is left out: deleted or purged). */
  async function byIds(ids: readonly number[]): Promise<Map<number, LessonFact>> {
    const out = new Map<number, LessonFact>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await db.selectFrom('recordings').select(COLUMNS).where('id', 'in', unique.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.id, toFact(r as Row));
    }
    return out;
  }

  /** Every track of one lesson, in id order. */
  async function tracksOf(schoolId: number, groupId: string): Promise<LessonFact[]> {
    const rows = await db.selectFrom('recordings').select(COLUMNS).where('school_id', '=', schoolId).where('group_id', '=', groupId).orderBy('id').execute();
    return rows.map((r) => toFact(r as Row));
  }

  return { byIds, tracksOf };
}

export type LessonFacts = ReturnType<typeof createLessonFacts>;
