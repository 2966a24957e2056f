import { type Kysely, sql } from 'kysely';
import type { ResourceReach } from '../../access/actor.js';
import { resourceInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** The resource when the actor reaches it (resourceInScope, in SQL); undefined otherwise. */
export function reachableResource(db: Q, reach: ResourceReach, id: number) {
  return db.selectFrom('resources')
    .select(['id', 'title', 'school_id', 'publisher_user_id', 'visible_scope'])
    .where('id', '=', id).where(resourceInScope(reach))
    .executeTakeFirst();
}

/** Uses of a resource by kind (view, download, prepare). */
export async function useCounts(db: Q, resourceId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('resource_uses').select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
    .where('resource_id', '=', resourceId).groupBy('kind').execute();
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

export async function favouriteCount(db: Q, resourceId: number): Promise<number> {
  const row = await db.selectFrom('resource_favourites').select((eb) => eb.fn.countAll<number>().as('n')).where('resource_id', '=', resourceId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The average of the stars given (null with none) and how many gave them. */
export async function ratingOf(db: Q, resourceId: number): Promise<{ average: number | null; count: number }> {
  const row = await db.selectFrom('resource_ratings')
    .select((eb) => [sql<number | string | null>`avg(stars)`.as('avg'), eb.fn.countAll<number>().as('n')])
    .where('resource_id', '=', resourceId).executeTakeFirst();
  const count = Number(row?.n ?? 0);
  return { average: count ? Number(row!.avg) : null, count };
}

/** What one person has done with a resource: favourite, stars, preparations noted. */
export async function mineOf(db: Q, userId: number, resourceId: number) {
  const [fav, rating, prepared] = await Promise.all([
    db.selectFrom('resource_favourites').select('at').where('user_id', '=', userId).where('resource_id', '=', resourceId).executeTakeFirst(),
    db.selectFrom('resource_ratings').select('stars').where('user_id', '=', userId).where('resource_id', '=', resourceId).executeTakeFirst(),
    db.selectFrom('resource_uses').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId).where('resource_id', '=', resourceId).where('kind', '=', 'prepare').executeTakeFirst(),
  ]);
  return { favourite: !!fav, stars: rating?.stars ?? null, preparations: Number(prepared?.n ?? 0) };
}

/** Marks a favourite; a second mark keeps the first time. */
export async function addFavourite(db: Q, userId: number, resourceId: number, at: string): Promise<boolean> {
  const res = await db.insertInto('resource_favourites').values({ user_id: userId, resource_id: resourceId, at })
    .onConflict((oc) => oc.columns(['user_id', 'resource_id']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeFavourite(db: Q, userId: number, resourceId: number): Promise<boolean> {
  const res = await db.deleteFrom('resource_favourites').where('user_id', '=', userId).where('resource_id', '=', resourceId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** One rating per person and resource: a new one replaces the old. Answers the stars before (null: first rating). */
export async function setRating(db: Q, userId: number, resourceId: number, stars: number, at: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('resource_ratings').select('stars').where('user_id', '=', userId).where('resource_id', '=', resourceId).executeTakeFirst();
    await trx.insertInto('resource_ratings').values({ user_id: userId, resource_id: resourceId, stars, at })
      .onConflict((oc) => oc.columns(['user_id', 'resource_id']).doUpdateSet({ stars, at })).execute();
    return before?.stars ?? null;
  });
}

const LIST_COLUMNS = ['resources.id', 'resources.title', 'resources.kind', 'resources.subject', 'resources.grade', 'resources.feature', 'resources.visible_scope'] as const;

/** A person's favourites they still reach (a resource narrowed out of their reach drops out), newest first. */
export function favouritesOf(db: Q, reach: ResourceReach, limit: number) {
  return db.selectFrom('resource_favourites')
    .innerJoin('resources', 'resources.id', 'resource_favourites.resource_id')
    .select([...LIST_COLUMNS, 'resource_favourites.at'])
    .where('resource_favourites.user_id', '=', reach.userId).where(resourceInScope(reach))
    .orderBy('resource_favourites.at', 'desc').orderBy('resources.id', 'desc').limit(limit).execute();
}

/** A person's noted lesson preparations on resources they still reach, newest first. */
export function preparationsOf(db: Q, reach: ResourceReach, limit: number) {
  return db.selectFrom('resource_uses')
    .innerJoin('resources', 'resources.id', 'resource_uses.resource_id')
    .select([...LIST_COLUMNS, 'resource_uses.activity_id', 'resource_uses.at'])
    .where('resource_uses.user_id', '=', reach.userId).where('resource_uses.kind', '=', 'prepare').where(resourceInScope(reach))
    .orderBy('resource_uses.at', 'desc').orderBy('resource_uses.id', 'desc').limit(limit).execute();
}

export async function commentCount(db: Q, resourceId: number): Promise<number> {
  const row = await db.selectFrom('resource_comments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resource_id', '=', resourceId).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A resource's comments not deleted, newest first, at most `limit`, and how many there are. */
export async function commentsOf(db: Q, resourceId: number, limit: number) {
  const [rows, total] = await Promise.all([
    db.selectFrom('resource_comments').innerJoin('users', 'users.id', 'resource_comments.user_id')
      .select(['resource_comments.id', 'resource_comments.user_id', 'resource_comments.body', 'resource_comments.created_at', 'users.name'])
      .where('resource_comments.resource_id', '=', resourceId).where('resource_comments.deleted_at', 'is', null)
      .orderBy('resource_comments.id', 'desc').limit(limit).execute(),
    commentCount(db, resourceId),
  ]);
  return { rows, total };
}

export async function insertComment(db: Q, c: { resourceId: number; userId: number; body: string; at: string }): Promise<number> {
  const row = await db.insertInto('resource_comments')
    .values({ resource_id: c.resourceId, user_id: c.userId, body: c.body, created_at: c.at, deleted_at: null })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findComment(db: Q, resourceId: number, commentId: number) {
  return db.selectFrom('resource_comments').selectAll().where('id', '=', commentId).where('resource_id', '=', resourceId).executeTakeFirst();
}

/** Soft-deletes a comment; false when it was already deleted (two deletions racing). */
export async function markCommentDeleted(db: Q, commentId: number, at: string): Promise<boolean> {
  const res = await db.updateTable('resource_comments').set({ deleted_at: at }).where('id', '=', commentId).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
