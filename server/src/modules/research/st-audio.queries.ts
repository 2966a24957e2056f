import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, StAudioDraftTable } from '../../db/schema.js';

type Db = Kysely<Database>;
export type StAudioDraftRow = Selectable<StAudioDraftTable>;

export async function draftOf(db: Db, schoolId: number, groupId: string, intervalSeconds: number): Promise<StAudioDraftRow | undefined> {
  return db.selectFrom('st_audio_drafts').selectAll()
    .where('school_id', '=', schoolId).where('group_id', '=', groupId).where('interval_seconds', '=', intervalSeconds)
    .executeTakeFirst();
}

export async function draftById(db: Db, id: number): Promise<StAudioDraftRow | undefined> {
  return db.selectFrom('st_audio_drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every draft of a lesson (one per interval asked for). */
export async function draftsOfLesson(db: Db, schoolId: number, groupId: string): Promise<StAudioDraftRow[]> {
  return db.selectFrom('st_audio_drafts').selectAll().where('school_id', '=', schoolId).where('group_id', '=', groupId).orderBy('id').execute();
}

/** A queued draft, unless one exists for the lesson and interval (then nothing changes); answers the row. */
export async function insertQueuedDraft(db: Db, lesson: { schoolId: number; groupId: string }, intervalSeconds: number, now: string): Promise<{ row: StAudioDraftRow; created: boolean }> {
  const inserted = await db.insertInto('st_audio_drafts').values({
    school_id: lesson.schoolId, group_id: lesson.groupId, status: 'queued', reason_code: null, reason_message: null,
    interval_seconds: intervalSeconds, codes: null, detail: null, requested_at: now, computed_at: null,
  }).onConflict((oc) => oc.columns(['school_id', 'group_id', 'interval_seconds']).doNothing()).returning('id').executeTakeFirst();
  const row = await draftOf(db, lesson.schoolId, lesson.groupId, intervalSeconds);
  if (!row) throw new Error('st_audio_drafts row vanished after insert');
  return { row, created: inserted !== undefined };
}

/**
 * Back to queued (a new request after "unavailable" or "failed"), keeping nothing of the last
 * answer. `requested_at` names the request (its job's dedupe key), so it always moves forward,
 * by a millisecond when the clock has not.
 */
export async function requeueDraft(db: Db, row: StAudioDraftRow, now: string): Promise<StAudioDraftRow> {
  const requestedAt = now > row.requested_at ? now : new Date(Date.parse(row.requested_at) + 1).toISOString();
  await db.updateTable('st_audio_drafts').set({
    status: 'queued', reason_code: null, reason_message: null, codes: null, detail: null, requested_at: requestedAt, computed_at: null,
  }).where('id', '=', row.id).execute();
  return (await draftById(db, row.id))!;
}

/**
 * Stores a job's answer, only if the draft is still the request the job computed (queued, same
 * requested_at): a run repeated after a crash, or overtaken by a newer request, changes nothing.
 */
export async function settleDraft(db: Db, row: StAudioDraftRow, patch: Updateable<StAudioDraftTable>): Promise<boolean> {
  const res = await db.updateTable('st_audio_drafts').set(patch)
    .where('id', '=', row.id).where('status', '=', 'queued').where('requested_at', '=', row.requested_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * The human S-T codings of a lesson in one place, as the S-T tool lists them (st-codings.queries.ts):
 * those made in `activityId`, or with null those made outside any activity. With the coder's name.
 */
export async function codingsOfLesson(db: Db, lesson: { schoolId: number; groupId: string }, activityId: number | null) {
  const query = db.selectFrom('st_codings').innerJoin('users', 'users.id', 'st_codings.coder_user_id')
    .select(['st_codings.id', 'st_codings.activity_id', 'st_codings.coder_user_id', 'users.name as coder_name', 'st_codings.interval_seconds', 'st_codings.codes', 'st_codings.updated_at'])
    .where('st_codings.school_id', '=', lesson.schoolId).where('st_codings.group_id', '=', lesson.groupId);
  return (activityId === null ? query.where('st_codings.activity_id', 'is', null) : query.where('st_codings.activity_id', '=', activityId))
    .orderBy('st_codings.id').limit(200).execute();
}
