import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import type { BulletinTable, Database } from '../../db/schema.js';
import { withAuthorNames } from '../people/who-answers.js';

type Q = Kysely<Database>;

/**
 * Bulletins are the city bureau's, read by everyone of the city: a scope reaches the bulletins of
 * its cities, of its counties' city and of its schools' city.
 */
export function bulletinInScope(scope: Scope, cityCol = 'bulletins.city_id'): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const col = sql.ref(cityCol);
  const parts = [];
  if (scope.cityIds.length) parts.push(sql`${col} in (${sql.join(scope.cityIds)})`);
  if (scope.countyIds.length) parts.push(sql`${col} in (select parent_id from regions where id in (${sql.join(scope.countyIds)}))`);
  if (scope.schoolIds.length) parts.push(sql`${col} in (select city_id from schools where id in (${sql.join(scope.schoolIds)}))`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

/** What a reader may see: published bulletins of their city, and a writer's own city's drafts too. */
export function bulletinVisible(read: Scope, write: Scope | null): Expression<SqlBool> {
  const published = sql<SqlBool>`bulletins.status = 'published'`;
  const status = write ? sql<SqlBool>`(${published} or ${bulletinInScope(write)})` : published;
  return sql<SqlBool>`(${bulletinInScope(read)} and ${status})`;
}

export interface BulletinFilter {
  kind?: BulletinTable['kind'];
  status?: BulletinTable['status'];
  schoolId?: number;
  countyId?: number;
}

function filtered(db: Q, scope: Expression<SqlBool>, f: BulletinFilter) {
  let q = db.selectFrom('bulletins').where(scope);
  if (f.kind) q = q.where('bulletins.kind', '=', f.kind);
  if (f.status) q = q.where('bulletins.status', '=', f.status);
  if (f.schoolId !== undefined) q = q.where('bulletins.id', 'in', db.selectFrom('bulletin_subjects').select('bulletin_id').where('subject_key', '=', `school:${f.schoolId}`));
  if (f.countyId !== undefined) q = q.where('bulletins.id', 'in', db.selectFrom('bulletin_subjects').select('bulletin_id').where('county_id', '=', f.countyId));
  return q;
}

export async function listBulletins(db: Q, scope: Expression<SqlBool>, f: BulletinFilter, limit: number, offset: number) {
  return withAuthorNames(db, await filtered(db, scope, f).selectAll('bulletins')
    .orderBy('bulletins.issued_on', 'desc').orderBy('bulletins.id', 'desc').limit(limit).offset(offset).execute());
}

export type BulletinRow = Awaited<ReturnType<typeof listBulletins>>[number];

export async function countBulletins(db: Q, scope: Expression<SqlBool>, f: BulletinFilter): Promise<number> {
  const row = await filtered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findBulletin(db: Q, scope: Expression<SqlBool>, id: number) {
  const row = await db.selectFrom('bulletins').where(scope).where('bulletins.id', '=', id).selectAll('bulletins').executeTakeFirst();
  return row && (await withAuthorNames(db, [row]))[0];
}

/** The schools and counties each bulletin names, schools first in code order. */
export async function subjectsOf(db: Q, bulletinIds: readonly number[]) {
  if (!bulletinIds.length) return [];
  return db.selectFrom('bulletin_subjects')
    .leftJoin('schools', 'schools.id', 'bulletin_subjects.school_id')
    .innerJoin('regions as county', 'county.id', 'bulletin_subjects.county_id')
    .select(['bulletin_subjects.bulletin_id', 'bulletin_subjects.school_id', 'bulletin_subjects.county_id', 'schools.code as school_code',
      'schools.name as school_name', 'county.code as county_code', 'county.name as county_name'])
    .where('bulletin_subjects.bulletin_id', 'in', [...bulletinIds])
    .orderBy('bulletin_subjects.bulletin_id').orderBy(sql`case when bulletin_subjects.school_id is null then 1 else 0 end`)
    .orderBy('county.code').orderBy('schools.code').execute();
}

/** Published commendations naming a school, newest first. */
export function commendationsOf(db: Q, scope: Expression<SqlBool>, schoolId: number) {
  return filtered(db, scope, { kind: 'commendation', status: 'published', schoolId })
    .select(['bulletins.id', 'bulletins.title', 'bulletins.issued_on']).orderBy('bulletins.issued_on', 'desc').orderBy('bulletins.id', 'desc').execute();
}
