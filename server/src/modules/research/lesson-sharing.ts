import type { Actor } from '../../access/actor.js';
import { supervisingScope } from '../../access/actor.js';
import { activityInScope } from '../../access/scope-sql.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Whether a lesson is attached to a research activity the actor reaches: the recordings module
 * asks this (through the composition root) before refusing a lesson outside the actor's scope,
 * so participants from other schools and counties watch exactly the activity's lessons.
 */
export function createLessonSharing(db: Kysely<Database>) {
  return async function sharesLesson(actor: Actor, lesson: { schoolId: number; groupId: string }): Promise<boolean> {
    if (!actor.permissions.has('research:read')) return false;
    const row = await db.selectFrom('research_activity_lessons')
      .innerJoin('research_activities', 'research_activities.id', 'research_activity_lessons.activity_id')
      .select('research_activity_lessons.id')
      .where('research_activity_lessons.school_id', '=', lesson.schoolId)
      .where('research_activity_lessons.group_id', '=', lesson.groupId)
      .where('research_activities.deleted_at', 'is', null)
      .where(activityInScope(supervisingScope(actor, 'research:read'), actor.userId))
      .executeTakeFirst();
    return row !== undefined;
  };
}
