import { type Expression, type Kysely, type SqlBool, type Updateable, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ResourceTable } from '../../db/schema/resources.js';
import type { FeatureLevel, ResourceKind, ResourceScope, Stage } from '../../../../shared/resources.js';

/**
 * SQL of the resource library. Every read takes `where`: the caller's reach (resourceInScope) or
 * publicResource(), built by the service; nothing here decides who sees what.
 */
type Db = Kysely<Database>;

export interface ResourceFilter {
  stage?: Stage;
  subject?: string;
  grade?: string;
  edition?: string;
  volume?: string;
  kind?: ResourceKind;
  feature?: FeatureLevel | 'any';
  scope?: ResourceScope;
  schoolId?: number;
  publisherUserId?: number;
  status?: 'published' | 'pending' | 'all';
}

const SUMMARY = [
  'resources.id', 'resources.kind', 'resources.title', 'resources.stage', 'resources.subject', 'resources.grade', 'resources.edition',
  'resources.volume', 'resources.unit', 'resources.lesson', 'resources.tags', 'resources.school_id', 'resources.county_id', 'resources.city_id',
  'resources.publisher_user_id', 'resources.requested_scope', 'resources.visible_scope', 'resources.review_stage', 'resources.feature',
  'resources.published_at', 'resources.created_at', 'resources.recording_group_id',
  'schools.name as school_name', 'schools.code as school_code', 'regions.name as county_name', 'users.name as publisher_name',
] as const;

function base(db: Db, where: Expression<SqlBool>, f: ResourceFilter) {
  let q = db.selectFrom('resources')
    .innerJoin('schools', 'schools.id', 'resources.school_id')
    .innerJoin('regions', 'regions.id', 'resources.county_id')
    .innerJoin('users', 'users.id', 'resources.publisher_user_id')
    .where(where);
  if (f.stage) q = q.where('resources.stage', '=', f.stage);
  if (f.subject) q = q.where('resources.subject', '=', f.subject);
  if (f.grade) q = q.where('resources.grade', '=', f.grade);
  if (f.edition) q = q.where('resources.edition', '=', f.edition);
  if (f.volume) q = q.where('resources.volume', '=', f.volume);
  if (f.kind) q = q.where('resources.kind', '=', f.kind);
  if (f.feature === 'any') q = q.where('resources.feature', 'is not', null);
  else if (f.feature) q = q.where('resources.feature', '=', f.feature);
  if (f.scope) q = q.where('resources.visible_scope', '=', f.scope);
  if (f.schoolId) q = q.where('resources.school_id', '=', f.schoolId);
  if (f.publisherUserId) q = q.where('resources.publisher_user_id', '=', f.publisherUserId);
  if (f.status === 'published') q = q.where('resources.visible_scope', 'is not', null);
  else if (f.status === 'pending') q = q.where('resources.review_stage', 'in', ['school', 'county', 'city', 'returned']);
  return q;
}

export async function listResources(db: Db, where: Expression<SqlBool>, f: ResourceFilter, limit: number, offset: number) {
  return base(db, where, f).select(SUMMARY)
    .orderBy(sql`coalesce(resources.published_at, resources.created_at)`, 'desc').orderBy('resources.id', 'desc')
    .limit(limit).offset(offset).execute();
}

export async function countResources(db: Db, where: Expression<SqlBool>, f: ResourceFilter): Promise<number> {
  const row = await base(db, where, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type ResourceSummaryRow = Awaited<ReturnType<typeof listResources>>[number];

/** One resource in `where`, with its names. */
export async function findResource(db: Db, where: Expression<SqlBool>, id: number) {
  return base(db, where, {}).select([...SUMMARY, 'resources.description', 'resources.class_id', 'resources.consent_cap', 'resources.updated_at'])
    .where('resources.id', '=', id).executeTakeFirst();
}

export type ResourceRow = NonNullable<Awaited<ReturnType<typeof findResource>>>;

/** Distinct values of one taxonomy column among the resources in `where`. */
export async function distinctValues(db: Db, where: Expression<SqlBool>, column: 'stage' | 'subject' | 'grade' | 'edition' | 'volume'): Promise<string[]> {
  const rows = await db.selectFrom('resources').select(`resources.${column} as v`).distinct()
    .where(where).where(`resources.${column}`, '<>', '').orderBy('v').limit(500).execute();
  return rows.map((r) => r.v);
}

export async function schoolsOf(db: Db, where: Expression<SqlBool>) {
  return db.selectFrom('resources').innerJoin('schools', 'schools.id', 'resources.school_id')
    .select(['schools.id', 'schools.name']).distinct().where(where).orderBy('schools.name').limit(500).execute();
}

/** A resource already publishing this lesson (any stage but withdrawn). */
export async function activeForLesson(db: Db, schoolId: number, groupId: string) {
  return db.selectFrom('resources').select(['id', 'review_stage'])
    .where('school_id', '=', schoolId).where('recording_group_id', '=', groupId).where('review_stage', '<>', 'withdrawn')
    .executeTakeFirst();
}

export async function insertResource(db: Db, row: Omit<ResourceTable, 'id'>): Promise<number> {
  return (await db.insertInto('resources').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateResource(db: Db, id: number, patch: Updateable<ResourceTable>): Promise<void> {
  await db.updateTable('resources').set(patch).where('id', '=', id).execute();
}

/** One step of the review history (here: the publisher's submit and withdraw). */
export async function insertReviewStep(db: Db, row: { resource_id: number; decision: 'submit' | 'withdraw'; comment: string; scope_after: ResourceScope | null; by_user_id: number; at: string }) {
  await db.insertInto('resource_reviews').values({ ...row, level: null, feature: null }).execute();
}
