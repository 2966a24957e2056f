import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type DB = Kysely<Database>;

/** A lesson (school and group) in an activity, or outside any (activityId null). */
export interface CodingPlace {
  schoolId: number;
  groupId: string;
  activityId: number | null;
}

const CODING = [
  'st_codings.id', 'st_codings.school_id', 'st_codings.group_id', 'st_codings.activity_id', 'st_codings.coder_user_id',
  'st_codings.recording_id', 'st_codings.interval_seconds', 'st_codings.codes', 'st_codings.created_at', 'st_codings.updated_at',
  'users.name as coder_name',
] as const;

function withCoder(db: DB) {
  return db.selectFrom('st_codings').innerJoin('users', 'users.id', 'st_codings.coder_user_id').select(CODING);
}

export type CodingRow = Awaited<ReturnType<typeof codingById>> & object;

/** Every coding of a lesson in one activity (or outside any), the earliest first. */
export function codingsAt(db: DB, place: CodingPlace) {
  let q = withCoder(db).where('st_codings.school_id', '=', place.schoolId).where('st_codings.group_id', '=', place.groupId);
  q = place.activityId === null ? q.where('st_codings.activity_id', 'is', null) : q.where('st_codings.activity_id', '=', place.activityId);
  return q.orderBy('st_codings.created_at').orderBy('st_codings.id').execute();
}

export function codingById(db: DB, id: number) {
  return withCoder(db).where('st_codings.id', '=', id).executeTakeFirst();
}

/** The coder's own coding of the lesson there, if any. */
export async function ownCodingId(db: DB, place: CodingPlace, coderUserId: number): Promise<number | undefined> {
  let q = db.selectFrom('st_codings').select('id')
    .where('school_id', '=', place.schoolId).where('group_id', '=', place.groupId).where('coder_user_id', '=', coderUserId);
  q = place.activityId === null ? q.where('activity_id', 'is', null) : q.where('activity_id', '=', place.activityId);
  return (await q.executeTakeFirst())?.id;
}

export async function insertCoding(db: DB, row: CodingPlace & { coderUserId: number; recordingId: number; intervalSeconds: number; codes: string; now: string }) {
  const inserted = await db.insertInto('st_codings').values({
    school_id: row.schoolId, group_id: row.groupId, activity_id: row.activityId, coder_user_id: row.coderUserId, recording_id: row.recordingId,
    interval_seconds: row.intervalSeconds, codes: row.codes, created_at: row.now, updated_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateCoding(db: DB, id: number, row: { intervalSeconds: number; codes: string; now: string }) {
  await db.updateTable('st_codings').set({ interval_seconds: row.intervalSeconds, codes: row.codes, updated_at: row.now }).where('id', '=', id).execute();
}

export async function deleteCoding(db: DB, id: number) {
  await db.deleteFrom('st_codings').where('id', '=', id).execute();
}

/** The activity's attached lessons among these recording ids (the representative tracks), with what the comparison shows. */
export function activityLessons(db: DB, activityId: number, recordingIds: number[]) {
  return db.selectFrom('research_activity_lessons as l')
    .innerJoin('schools', 'schools.id', 'l.school_id')
    .innerJoin('recordings', 'recordings.id', 'l.recording_id')
    .select([
      'l.recording_id', 'l.school_id', 'l.group_id', 'l.title', 'l.teacher_name', 'l.position', 'schools.name as school_name',
      'recordings.track', 'recordings.duration_seconds',
    ])
    .where('l.activity_id', '=', activityId).where('l.recording_id', 'in', recordingIds)
    .execute();
}

/** Every coding of these lessons in the activity, the earliest first. */
export function codingsOfLessons(db: DB, activityId: number, lessons: { schoolId: number; groupId: string }[]) {
  if (lessons.length === 0) return Promise.resolve([]);
  return withCoder(db).where('st_codings.activity_id', '=', activityId)
    .where((eb) => eb.or(lessons.map((l) => eb.and([eb('st_codings.school_id', '=', l.schoolId), eb('st_codings.group_id', '=', l.groupId)]))))
    .orderBy('st_codings.created_at').orderBy('st_codings.id')
    .execute();
}

/** Whether an error is the database refusing a second row for a unique key (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
