import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { ResourceReach } from '../../access/actor.js';
import { resourceInScope } from '../../access/scope-sql.js';
import type { Database, ResourceTable } from '../../db/schema.js';
import type { FeatureLevel, ResourceScope, ReviewDecision, ReviewLevel, ReviewStage } from '../../../../shared/resources.js';

type Q = Kysely<Database>;
export type ResourceRow = Selectable<ResourceTable>;

/** A resource the actor reaches (resourceInScope in SQL), or undefined: missing or out of reach alike. */
export function findReachedResource(db: Q, reach: ResourceReach, id: number): Promise<ResourceRow | undefined> {
  return db.selectFrom('resources').selectAll().where('id', '=', id).where(resourceInScope(reach)).executeTakeFirst();
}

/** Where the actor reviews: principals' schools, county reviewers' counties, city reviewers' cities. */
export interface ReviewNodes { schoolIds: number[]; countyIds: number[]; cityIds: number[] }

/** Resources waiting for a level the actor reviews at, at a node where they review it (SQL, with the reach). */
function waitingForMe(nodes: ReviewNodes, level: ReviewLevel | null): Expression<SqlBool> {
  const parts = [];
  if ((level ?? 'school') === 'school' && nodes.schoolIds.length) parts.push(sql`(resources.review_stage = 'school' and resources.school_id in (${sql.join(nodes.schoolIds)}))`);
  if ((level ?? 'county') === 'county' && nodes.countyIds.length) parts.push(sql`(resources.review_stage = 'county' and resources.county_id in (${sql.join(nodes.countyIds)}))`);
  if ((level ?? 'city') === 'city' && nodes.cityIds.length) parts.push(sql`(resources.review_stage = 'city' and resources.city_id in (${sql.join(nodes.cityIds)}))`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

/** One page of the actor's review queue, oldest waiting first, with the publisher and school. */
export async function reviewQueue(db: Q, reach: ResourceReach, nodes: ReviewNodes, opts: { level: ReviewLevel | null; limit: number; offset: number }) {
  const base = db.selectFrom('resources').where(resourceInScope(reach)).where(waitingForMe(nodes, opts.level));
  const [rows, count] = await Promise.all([
    base.innerJoin('schools', 'schools.id', 'resources.school_id').innerJoin('users', 'users.id', 'resources.publisher_user_id')
      .select([
        'resources.id', 'resources.kind', 'resources.title', 'resources.subject', 'resources.grade', 'resources.requested_scope', 'resources.visible_scope',
        'resources.consent_cap', 'resources.review_stage', 'resources.feature', 'resources.school_id', 'resources.updated_at',
        'schools.code as school_code', 'schools.name as school_name', 'users.name as publisher_name',
      ])
      .orderBy('resources.updated_at').orderBy('resources.id').limit(opts.limit).offset(opts.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The new review state of a resource; only when it still stands where the service read it (no lost update). */
export async function moveResource(db: Q, id: number, from: { stage: ReviewStage; feature: FeatureLevel | null }, to: {
  review_stage: ReviewStage; visible_scope: ResourceScope | null; feature: FeatureLevel | null; featured_at: string | null; published_at: string | null; updated_at: string;
}): Promise<boolean> {
  let q = db.updateTable('resources').set(to).where('id', '=', id).where('review_stage', '=', from.stage);
  q = from.feature === null ? q.where('feature', 'is', null) : q.where('feature', '=', from.feature);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertReview(db: Q, row: {
  resource_id: number; level: ReviewLevel | null; decision: ReviewDecision; comment: string; scope_after: ResourceScope | null;
  feature: FeatureLevel | null; by_user_id: number | null; at: string;
}): Promise<void> {
  await db.insertInto('resource_reviews').values(row).execute();
}

/** A resource's review steps, oldest first, with the reviewer's name. */
export function historyOf(db: Q, resourceId: number) {
  return db.selectFrom('resource_reviews').leftJoin('users', 'users.id', 'resource_reviews.by_user_id')
    .select([
      'resource_reviews.id', 'resource_reviews.level', 'resource_reviews.decision', 'resource_reviews.comment', 'resource_reviews.scope_after',
      'resource_reviews.feature', 'resource_reviews.at', 'users.name as by_name',
    ])
    .where('resource_reviews.resource_id', '=', resourceId).orderBy('resource_reviews.id').execute();
}

