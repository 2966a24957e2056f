import type { Kysely, Selectable } from 'kysely';
import type { Database, LessonCommentTable } from '../../db/schema.js';

type Q = Kysely<Database>;
export type CommentRow = Selectable<LessonCommentTable>;

/** Where a lesson's comments live: the lesson (school and group) and the activity, or none. */
export interface CommentPlace {
  schoolId: number;
  groupId: string;
  activityId: number | null;
}

function inPlace(db: Q, place: CommentPlace) {
  const q = db.selectFrom('lesson_comments').where('school_id', '=', place.schoolId).where('group_id', '=', place.groupId);
  return place.activityId === null ? q.where('activity_id', 'is', null) : q.where('activity_id', '=', place.activityId);
}

/** A lesson's comments in one place, in time order (a thread's replies share its time: then by id), at most `limit`. */
export function commentsOf(db: Q, place: CommentPlace, limit: number) {
  return inPlace(db, place).selectAll().orderBy('at_ms').orderBy('id').limit(limit).execute();
}

export async function countComments(db: Q, place: CommentPlace): Promise<number> {
  const row = await inPlace(db, place).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many earlier wordings each edited comment of a place has (comment id → count). */
export async function editCounts(db: Q, place: CommentPlace): Promise<Map<number, number>> {
  const rows = await db.selectFrom('lesson_comment_edits')
    .select((eb) => ['comment_id', eb.fn.countAll<number>().as('n')])
    .where('comment_id', 'in', inPlace(db, place).select('id'))
    .groupBy('comment_id').execute();
  return new Map(rows.map((r) => [r.comment_id, Number(r.n)]));
}

export function findComment(db: Q, id: number) {
  return db.selectFrom('lesson_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Q, row: Omit<CommentRow, 'id'>): Promise<number> {
  return (await db.insertInto('lesson_comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Keeps the wording being replaced, then replaces it, in one transaction. */
export async function editComment(db: Q, c: { id: number; bodyBefore: string; body: string; userId: number; at: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('lesson_comment_edits').values({ comment_id: c.id, body_before: c.bodyBefore, edited_by_user_id: c.userId, edited_at: c.at }).execute();
    await trx.updateTable('lesson_comments').set({ body: c.body, updated_at: c.at }).where('id', '=', c.id).execute();
  });
}

/** Soft delete: the row stays (its replies keep their thread), its text is no longer shown. */
export async function markDeleted(db: Q, id: number, userId: number, at: string): Promise<boolean> {
  const res = await db.updateTable('lesson_comments').set({ deleted_at: at, deleted_by_user_id: userId })
    .where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A comment's earlier wordings, newest first. */
export function editsOf(db: Q, commentId: number) {
  return db.selectFrom('lesson_comment_edits').select(['body_before', 'edited_by_user_id', 'edited_at'])
    .where('comment_id', '=', commentId).orderBy('id', 'desc').execute();
}

/** The observation rubric's definition (JSON text) an activity scores on, when it still exists. */
export async function rubricDefinition(db: Q, rubricId: number): Promise<string | null> {
  const row = await db.selectFrom('observation_rubrics').select('definition').where('id', '=', rubricId).executeTakeFirst();
  return row?.definition ?? null;
}
