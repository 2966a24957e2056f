import type { Kysely } from 'kysely';
import { type Actor, resourceReachOf } from '../../access/actor.js';
import { resourceInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';

/**
 * Whether a lesson is shared with the actor through the library: a lesson resource naming it
 * (school + group) is in their reach (resourceInScope). The recordings module asks this, through
 * the composition root, before refusing a lesson outside the actor's scope, so a city-wide lesson
 * plays in every county — and an unpublished one only where it was recorded and reviewed.
 */
export function createResourceLessonSharing(db: Kysely<Database>) {
  return async function sharesLesson(actor: Actor, lesson: { schoolId: number; groupId: string }): Promise<boolean> {
    if (!actor.permissions.has('resource:read')) return false;
    const row = await db.selectFrom('resources').select('resources.id')
      .where('resources.school_id', '=', lesson.schoolId)
      .where('resources.recording_group_id', '=', lesson.groupId)
      .where('resources.kind', '=', 'lesson')
      .where(resourceInScope(resourceReachOf(actor)))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  };
}
