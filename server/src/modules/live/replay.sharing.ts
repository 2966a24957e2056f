import type { Kysely } from 'kysely';
import { type Actor, scopeOf } from '../../access/actor.js';
import { liveClassInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import { replayInScope } from './replay.queries.js';
import { sessionOfGroupId } from './replay.tracks.js';

/**
 * Whether a lesson is the replay of a live class the actor reaches (专递课堂 is a class of the
 * lead and the receiving schools alike): the recordings module asks this (through the
 * composition root's eitherShares) before refusing a lesson outside the actor's scope, so the
 * receiving schools' staff watch the replay of their own live classes and nothing else.
 */
export function createLiveLessonSharing(db: Kysely<Database>) {
  return async function sharesLiveReplay(actor: Actor, lesson: { schoolId: number; groupId: string }): Promise<boolean> {
    const sessionId = sessionOfGroupId(lesson.groupId);
    if (sessionId === null || !actor.permissions.has('live:read')) return false;
    const scope = scopeOf(actor, 'live:read');
    if (!scope) return false;
    return replayInScope(db, liveClassInScope(scope), sessionId, lesson.schoolId);
  };
}
