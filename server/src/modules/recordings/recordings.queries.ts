import type { Expression, Kysely, SqlBool, Updateable } from 'kysely';
import type { Database, RecordingTable } from '../../db/schema.js';
import type { CountingResult } from './counting.js';

type DB = Kysely<Database>;

/** The recordings' own scope columns, so scope predicates need no join. */
export const RECORDING_SCOPE_COLUMNS = { id: 'recordings.school_id', county: 'recordings.county_id', city: 'recordings.city_id' };

export interface RecordingFilter {
  countyId?: number;
  schoolId?: number;
  from?: string;
  to?: string;
  subject?: string;
  counts?: boolean;
  status?: RecordingTable['status'];
  /** Only lessons this person taught or uploaded (我的录播课). */
  personId?: number;
  /** One row per lesson: its first track (lowest id), for walls of lessons rather than of files. */
  firstTrackOnly?: boolean;
}

/** A counting verdict as the recording's columns. */
export function verdictColumns(v: CountingResult) {
  return {
    counts: v.counts ? 1 : 0, counts_reason: v.reason, counts_reason_code: v.reasonCode,
    counts_reason_values: v.reasonValues ? JSON.stringify(v.reasonValues) : null,
  };
}

function listBase(db: DB, where: Expression<SqlBool>, f: RecordingFilter) {
  let q = db.selectFrom('recordings').where(where);
  if (f.countyId) q = q.where('recordings.county_id', '=', f.countyId);
  if (f.schoolId) q = q.where('recordings.school_id', '=', f.schoolId);
  if (f.from) q = q.where('recordings.school_day', '>=', f.from);
  if (f.to) q = q.where('recordings.school_day', '<=', f.to);
  if (f.subject) q = q.where('recordings.subject', '=', f.subject);
  if (f.counts !== undefined) q = q.where('recordings.counts', '=', f.counts ? 1 : 0);
  if (f.status) q = q.where('recordings.status', '=', f.status);
  if (f.firstTrackOnly) {
    // Tracks of a lesson share its school, day and group (index recordings(school_id, school_day)).
    q = q.where(({ not, exists, selectFrom }) => not(exists(selectFrom('recordings as other_track').select('other_track.id')
      .whereRef('other_track.school_id', '=', 'recordings.school_id')
      .whereRef('other_track.school_day', '=', 'recordings.school_day')
      .whereRef('other_track.group_id', '=', 'recordings.group_id')
      .whereRef('other_track.id', '<', 'recordings.id'))));
  }
  const personId = f.personId;
  if (personId !== undefined) {
    q = q.where((eb) => eb.or([eb('recordings.teacher_user_id', '=', personId), eb('recordings.uploaded_by_user_id', '=', personId)]));
  }
  return q;
}

const SUMMARY = [
  'recordings.id', 'recordings.group_id', 'recordings.track', 'recordings.title', 'recordings.subject', 'recordings.grade',
  'recordings.teacher_name', 'recordings.teacher_user_id', 'recordings.school_id', 'recordings.county_id', 'recordings.city_id', 'recordings.room_id',
  'recordings.lesson_start', 'recordings.lesson_end', 'recordings.school_day', 'recordings.status', 'recordings.progress',
  'recordings.duration_seconds', 'recordings.counts', 'recordings.counts_reason', 'recordings.counts_reason_code',
  'recordings.counts_reason_values', 'recordings.failure_code',
  'recordings.failure_message', 'recordings.reuse', 'recordings.reuse_other_county', 'recordings.created_at', 'recordings.ready_at',
  'recordings.source_key', 'recordings.media_prefix',
  'schools.name as school_name', 'schools.code as school_code',
] as const;

export async function listRecordings(db: DB, where: Expression<SqlBool>, f: RecordingFilter, limit: number, offset: number) {
  return listBase(db, where, f)
    .innerJoin('schools', 'schools.id', 'recordings.school_id')
    .select(SUMMARY)
    .orderBy('recordings.lesson_start', 'desc')
    .orderBy('recordings.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type RecordingSummaryRow = Awaited<ReturnType<typeof listRecordings>>[number];

export async function countRecordings(db: DB, where: Expression<SqlBool>, f: RecordingFilter): Promise<number> {
  const row = await listBase(db, where, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One recording in scope, with everything the detail page shows. */
export async function findRecording(db: DB, where: Expression<SqlBool>, id: number) {
  return db.selectFrom('recordings')
    .innerJoin('schools', 'schools.id', 'recordings.school_id')
    .select([...SUMMARY, 'recordings.size_bytes', 'recordings.sha256', 'recordings.packaging', 'recordings.has_audio',
      'recordings.audio_max_db', 'recordings.keep'])
    .where(where)
    .where('recordings.id', '=', id)
    .executeTakeFirst();
}

/** Ready recordings in scope among `ids`, with what decides whether they have pictures to show. */
export async function readyAmong(db: DB, where: Expression<SqlBool>, ids: readonly number[]) {
  if (!ids.length) return [];
  return db.selectFrom('recordings').select(['id', 'source_key', 'media_prefix'])
    .where(where).where('recordings.id', 'in', [...ids]).where('recordings.status', '=', 'ready')
    .execute();
}

/** The tracks of one lesson (same school, same group id). */
export async function groupTracks(db: DB, schoolId: number, groupId: string) {
  return db.selectFrom('recordings')
    .select(['id', 'track', 'status', 'progress', 'start_offset_ms'])
    .where('school_id', '=', schoolId)
    .where('group_id', '=', groupId)
    .orderBy('id')
    .execute();
}

/** The whole row, unscoped: for the pipeline and retention, never for a request. */
export async function recordingRow(db: DB, id: number) {
  return db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The school's own recording of these bytes: a duplicate is one within the uploading school only. */
export async function recordingOfSchoolBySha(db: DB, schoolId: number, sha256: string) {
  return db.selectFrom('recordings')
    .select(['id', 'status', 'source_key', 'school_id', 'reuse'])
    .where('school_id', '=', schoolId).where('sha256', '=', sha256)
    .executeTakeFirst();
}

/** The earliest recording of the same bytes from another school, for the reuse flag (never shown to the uploader). */
export async function firstRecordingOfOtherSchoolBySha(db: DB, schoolId: number, sha256: string) {
  return db.selectFrom('recordings')
    .select(['id', 'school_id', 'county_id', 'reuse_other_county'])
    .where('sha256', '=', sha256).where('school_id', '<>', schoolId)
    .orderBy('id').limit(1)
    .executeTakeFirst();
}

/** What the 教科所 are told about one side of a reuse pair: their own school's lesson only. */
export async function reuseNoticeFacts(db: DB, recordingId: number) {
  return db.selectFrom('recordings').innerJoin('schools', 'schools.id', 'recordings.school_id')
    .select(['recordings.id', 'recordings.county_id', 'recordings.title', 'recordings.school_day', 'schools.name as school_name'])
    .where('recordings.id', '=', recordingId)
    .executeTakeFirst();
}

export async function updateRecording(db: DB, id: number, patch: Updateable<RecordingTable>): Promise<void> {
  await db.updateTable('recordings').set(patch).where('id', '=', id).execute();
}

/** Progress only rises, and only while processing: a late write never undoes ready or failed. */
export async function setProgress(db: DB, id: number, progress: number): Promise<void> {
  await db.updateTable('recordings').set({ progress })
    .where('id', '=', id).where('status', '=', 'processing').where('progress', '<', progress).execute();
}

export async function deleteRecordingRow(db: DB, id: number): Promise<void> {
  await db.updateTable('uploads').set({ recording_id: null }).where('recording_id', '=', id).execute();
  await db.deleteFrom('recordings').where('id', '=', id).execute();
}

/** Recordings not kept whose lesson started, and that arrived, before `cutoff` (ISO), oldest first. */
export async function expiredRecordings(db: DB, cutoff: string, limit: number) {
  return db.selectFrom('recordings')
    .select(['id', 'school_id', 'school_day', 'lesson_start'])
    .where('keep', '=', 0)
    .where('lesson_start', '<', cutoff)
    .where('created_at', '<', cutoff)
    .orderBy('lesson_start')
    .limit(limit)
    .execute();
}

/** What ingest needs of a school: its place in the tree and its kind. */
export async function schoolForIngest(db: DB, schoolId: number) {
  return db.selectFrom('schools').select(['id', 'county_id', 'city_id', 'kind', 'name']).where('id', '=', schoolId).executeTakeFirst();
}

export async function startOffsetOf(db: DB, id: number): Promise<number | null> {
  return (await db.selectFrom('recordings').select('start_offset_ms').where('id', '=', id).executeTakeFirst())?.start_offset_ms ?? null;
}
