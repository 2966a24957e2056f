import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface LessonKey {
  activityId: number;
  schoolId: number;
  groupId: string;
}

/** One observer's scores of one lesson in one activity, on one rubric. */
export async function observerScores(db: Db, lesson: LessonKey, rubricId: number, observerUserId: number) {
  return db.selectFrom('observation_scores').select(['item_key', 'score', 'note', 'updated_at'])
    .where('activity_id', '=', lesson.activityId).where('school_id', '=', lesson.schoolId).where('group_id', '=', lesson.groupId)
    .where('rubric_id', '=', rubricId).where('observer_user_id', '=', observerUserId)
    .orderBy('id').execute();
}

/** Upserts and deletes one observer's item scores in one transaction; a note left out stays as it was. */
export async function saveScores(db: Db, lesson: LessonKey, rubricId: number, observerUserId: number, now: string,
  items: { itemKey: string; score: number | null; note: string | undefined }[]) {
  await db.transaction().execute(async (trx) => {
    for (const item of items) {
      const drop = trx.deleteFrom('observation_scores')
        .where('activity_id', '=', lesson.activityId).where('school_id', '=', lesson.schoolId).where('group_id', '=', lesson.groupId)
        .where('observer_user_id', '=', observerUserId).where('item_key', '=', item.itemKey);
      if (item.score === null) {
        await drop.execute();
        continue;
      }
      const score = item.score;
      await trx.insertInto('observation_scores').values({
        activity_id: lesson.activityId, rubric_id: rubricId, school_id: lesson.schoolId, group_id: lesson.groupId,
        observer_user_id: observerUserId, item_key: item.itemKey, score, note: item.note ?? '', updated_at: now,
      }).onConflict((oc) => oc.columns(['activity_id', 'school_id', 'group_id', 'observer_user_id', 'item_key'])
        .doUpdateSet({ rubric_id: rubricId, score, updated_at: now, ...(item.note === undefined ? {} : { note: item.note }) }))
        .execute();
    }
  });
}

/** The activity's lessons in their order, with the school's name. */
export async function activityLessons(db: Db, activityId: number) {
  return db.selectFrom('research_activity_lessons as l').innerJoin('schools', 'schools.id', 'l.school_id')
    .select(['l.id', 'l.recording_id', 'l.school_id', 'l.group_id', 'l.title', 'l.teacher_name', 'l.teacher_user_id', 'l.position',
      'l.attached_at', 'schools.name as school_name'])
    .where('l.activity_id', '=', activityId).orderBy('l.position').orderBy('l.id').execute();
}

/** Every score of the activity on its rubric, with the observer's name. */
export async function activityScores(db: Db, activityId: number, rubricId: number) {
  return db.selectFrom('observation_scores as s').innerJoin('users', 'users.id', 's.observer_user_id')
    .select(['s.school_id', 's.group_id', 's.observer_user_id', 's.item_key', 's.score', 's.note', 'users.name as observer_name'])
    .where('s.activity_id', '=', activityId).where('s.rubric_id', '=', rubricId).orderBy('s.id').execute();
}
