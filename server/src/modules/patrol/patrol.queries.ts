import { type Expression, type Insertable, type Kysely, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Database, PatrolTable } from '../../db/schema.js';

type Q = Kysely<Database>;

/** Patrols carry their school's county and city, so scope needs no join. */
export const patrolInScope = (scope: Scope) =>
  schoolInScope(scope, { id: 'patrols.school_id', county: 'patrols.county_id', city: 'patrols.city_id' });

export interface PatrolFilter {
  from?: string;
  to?: string;
  countyId?: number;
  schoolId?: number;
  teacherUserId?: number;
  patrollerUserId?: number;
  subject?: string;
}

function filtered(db: Q, where: Expression<SqlBool>, f: PatrolFilter) {
  let q = db.selectFrom('patrols').where(where);
  if (f.from) q = q.where('patrols.patrol_day', '>=', f.from);
  if (f.to) q = q.where('patrols.patrol_day', '<=', f.to);
  if (f.countyId !== undefined) q = q.where('patrols.county_id', '=', f.countyId);
  if (f.schoolId !== undefined) q = q.where('patrols.school_id', '=', f.schoolId);
  if (f.teacherUserId !== undefined) q = q.where('patrols.teacher_user_id', '=', f.teacherUserId);
  if (f.patrollerUserId !== undefined) q = q.where('patrols.patroller_user_id', '=', f.patrollerUserId);
  if (f.subject) q = q.where('patrols.subject', '=', f.subject);
  return q;
}

function withNames(db: Q, where: Expression<SqlBool>, f: PatrolFilter) {
  return filtered(db, where, f)
    .innerJoin('schools', 'schools.id', 'patrols.school_id')
    .innerJoin('regions as county', 'county.id', 'patrols.county_id')
    .selectAll('patrols')
    .select(['schools.code as school_code', 'schools.name as school_name', 'county.name as county_name']);
}

export type PatrolRow = Awaited<ReturnType<typeof listPatrols>>[number];

/** Patrols newest first (day, then when written). */
export function listPatrols(db: Q, where: Expression<SqlBool>, f: PatrolFilter, limit: number, offset: number) {
  return withNames(db, where, f).orderBy('patrols.patrol_day', 'desc').orderBy('patrols.id', 'desc').limit(limit).offset(offset).execute();
}

export async function countPatrols(db: Q, where: Expression<SqlBool>, f: PatrolFilter): Promise<number> {
  const row = await filtered(db, where, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findPatrol(db: Q, where: Expression<SqlBool>, id: number) {
  return withNames(db, where, {}).where('patrols.id', '=', id).executeTakeFirst();
}

/** Every patrol of one lesson (a school's group of tracks) that the scope reaches, oldest first. */
export function patrolsOfLesson(db: Q, where: Expression<SqlBool>, schoolId: number, groupId: string) {
  return withNames(db, where, { schoolId }).where('patrols.group_id', '=', groupId).orderBy('patrols.id').execute();
}

/** The patroller's own patrol of a lesson on a day (at most one: index patrols_once_a_day). */
export function ownPatrol(db: Q, key: { patrollerUserId: number; day: string; schoolId: number; groupId: string }) {
  return db.selectFrom('patrols').select(['id', 'created_at'])
    .where('patroller_user_id', '=', key.patrollerUserId).where('patrol_day', '=', key.day)
    .where('school_id', '=', key.schoolId).where('group_id', '=', key.groupId)
    .executeTakeFirst();
}

export async function insertPatrol(db: Q, row: Insertable<PatrolTable>): Promise<number> {
  return (await db.insertInto('patrols').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePatrol(db: Q, id: number, set: Pick<PatrolTable, 'recording_id' | 'scores' | 'total' | 'note' | 'updated_at'>): Promise<void> {
  await db.updateTable('patrols').set(set).where('id', '=', id).execute();
}

/**
 * For the wall: per lesson of the day (school and group), how many patrols the scope reaches and
 * the caller's own, if any.
 */
export function marksOfDay(db: Q, where: Expression<SqlBool>, day: string, schoolIds: readonly number[], groupIds: readonly string[]) {
  if (!schoolIds.length || !groupIds.length) return Promise.resolve([]);
  return db.selectFrom('patrols').where(where)
    .where('patrol_day', '=', day).where('school_id', 'in', [...new Set(schoolIds)]).where('group_id', 'in', [...new Set(groupIds)])
    .select(['id', 'school_id', 'group_id', 'patroller_user_id', 'total'])
    .execute();
}

const figures = [
  sql<number>`count(*)`.as('patrols'),
  sql<number>`count(distinct patrols.school_id || ':' || patrols.group_id)`.as('lessons'),
  sql<number | null>`avg(patrols.total)`.as('mean_score'),
] as const;

/** Per school: patrols, lessons patrolled, mean score and patrollers, most patrolled first. */
export function schoolStats(db: Q, where: Expression<SqlBool>, f: PatrolFilter) {
  return filtered(db, where, f)
    .innerJoin('schools', 'schools.id', 'patrols.school_id')
    .innerJoin('regions as county', 'county.id', 'patrols.county_id')
    .select(['patrols.school_id', 'schools.code as school_code', 'schools.name as school_name', 'county.name as county_name', ...figures,
      sql<number>`count(distinct patrols.patroller_user_id)`.as('patrollers')])
    .groupBy(['patrols.school_id', 'schools.code', 'schools.name', 'county.name'])
    .orderBy(sql`count(*)`, 'desc').orderBy('schools.code')
    .execute();
}

/**
 * Per teacher of a school (their account when the lesson names one, else the name the recorder
 * sent): lessons patrolled, patrols and mean score, most patrolled first.
 */
export function teacherStats(db: Q, where: Expression<SqlBool>, f: PatrolFilter, limit?: number) {
  let q = filtered(db, where, f)
    .innerJoin('schools', 'schools.id', 'patrols.school_id')
    .select(['patrols.teacher_user_id', 'patrols.teacher_name', 'patrols.school_id', 'schools.name as school_name', ...figures])
    .groupBy(['patrols.school_id', 'schools.name', 'patrols.teacher_user_id', 'patrols.teacher_name'])
    .orderBy(sql`count(distinct patrols.group_id)`, 'desc').orderBy(sql`count(*)`, 'desc').orderBy('schools.name').orderBy('patrols.teacher_name');
  if (limit !== undefined) q = q.limit(limit);
  return q.execute();
}

export async function countTeachers(db: Q, where: Expression<SqlBool>, f: PatrolFilter): Promise<number> {
  const inner = filtered(db, where, f).select(['patrols.school_id', 'patrols.teacher_user_id', 'patrols.teacher_name']).distinct();
  const row = await db.selectFrom(inner.as('t')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The totals over the filter: patrols, lessons, schools, patrollers and mean score. */
export async function totals(db: Q, where: Expression<SqlBool>, f: PatrolFilter) {
  const row = await filtered(db, where, f)
    .select([...figures, sql<number>`count(distinct patrols.school_id)`.as('schools'), sql<number>`count(distinct patrols.patroller_user_id)`.as('patrollers')])
    .executeTakeFirstOrThrow();
  return {
    patrols: Number(row.patrols), lessons: Number(row.lessons), schools: Number(row.schools), patrollers: Number(row.patrollers),
    meanScore: row.mean_score === null ? null : Number(row.mean_score),
  };
}

/** Per county over a range, for the reports' Excel (分县巡课情况). */
export function countyStats(db: Q, where: Expression<SqlBool>, f: PatrolFilter) {
  return filtered(db, where, f)
    .innerJoin('regions as county', 'county.id', 'patrols.county_id')
    .select(['patrols.county_id', 'county.code as county_code', 'county.name as county_name', ...figures,
      sql<number>`count(distinct patrols.school_id)`.as('schools')])
    .groupBy(['patrols.county_id', 'county.code', 'county.name'])
    .orderBy('county.code')
    .execute();
}
