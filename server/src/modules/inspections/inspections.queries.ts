import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Database, InspectionFollowUpTable } from '../../db/schema.js';
import { withAuthorNames } from '../people/who-answers.js';

type Q = Kysely<Database>;

/** Visits and follow-ups carry their school's county and city, so scope needs no join. */
export const inspectionInScope = (scope: Scope) =>
  schoolInScope(scope, { id: 'inspections.school_id', county: 'inspections.county_id', city: 'inspections.city_id' });
export const followUpInScope = (scope: Scope) =>
  schoolInScope(scope, { id: 'inspection_follow_ups.school_id', county: 'inspection_follow_ups.county_id', city: 'inspection_follow_ups.city_id' });

export interface InspectionFilter {
  countyId?: number;
  schoolId?: number;
  from?: string;
  to?: string;
}

function filtered(db: Q, scope: Expression<SqlBool>, f: InspectionFilter) {
  let q = db.selectFrom('inspections').where(scope);
  if (f.countyId !== undefined) q = q.where('inspections.county_id', '=', f.countyId);
  if (f.schoolId !== undefined) q = q.where('inspections.school_id', '=', f.schoolId);
  if (f.from) q = q.where('inspections.visited_on', '>=', f.from);
  if (f.to) q = q.where('inspections.visited_on', '<=', f.to);
  return q;
}

const followUpCount = (cond: ReturnType<typeof sql<SqlBool>>) =>
  sql<number>`(select count(*) from inspection_follow_ups fu where fu.inspection_id = inspections.id and ${cond})`;

function withNames(db: Q, scope: Expression<SqlBool>, f: InspectionFilter, asOf: string) {
  return filtered(db, scope, f)
    .innerJoin('schools', 'schools.id', 'inspections.school_id')
    .innerJoin('regions as county', 'county.id', 'inspections.county_id')
    .selectAll('inspections')
    .select([
      'schools.code as school_code', 'schools.name as school_name', 'schools.kind as school_kind', 'county.name as county_name',
      followUpCount(sql<SqlBool>`1 = 1`).as('follow_ups'),
      followUpCount(sql<SqlBool>`fu.status = 'open'`).as('open_follow_ups'),
      followUpCount(sql<SqlBool>`fu.status = 'open' and fu.due_on < ${asOf}`).as('overdue_follow_ups'),
    ]);
}

export type InspectionRow = Awaited<ReturnType<typeof listInspections>>[number];

export async function listInspections(db: Q, scope: Expression<SqlBool>, f: InspectionFilter, asOf: string, limit: number, offset: number) {
  return withAuthorNames(db, await withNames(db, scope, f, asOf).orderBy('inspections.visited_on', 'desc').orderBy('inspections.id', 'desc').limit(limit).offset(offset).execute());
}

export async function countInspections(db: Q, scope: Expression<SqlBool>, f: InspectionFilter): Promise<number> {
  const row = await filtered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findInspection(db: Q, scope: Expression<SqlBool>, id: number, asOf: string) {
  const row = await withNames(db, scope, {}, asOf).where('inspections.id', '=', id).executeTakeFirst();
  return row && (await withAuthorNames(db, [row]))[0];
}

export interface FollowUpFilter {
  countyId?: number;
  schoolId?: number;
  inspectionId?: number;
  status?: InspectionFollowUpTable['status'];
  /** Open and due before this day. */
  overdueOn?: string;
}

function followUpsFiltered(db: Q, scope: Expression<SqlBool>, f: FollowUpFilter) {
  let q = db.selectFrom('inspection_follow_ups').where(scope);
  if (f.countyId !== undefined) q = q.where('inspection_follow_ups.county_id', '=', f.countyId);
  if (f.schoolId !== undefined) q = q.where('inspection_follow_ups.school_id', '=', f.schoolId);
  if (f.inspectionId !== undefined) q = q.where('inspection_follow_ups.inspection_id', '=', f.inspectionId);
  if (f.status) q = q.where('inspection_follow_ups.status', '=', f.status);
  if (f.overdueOn) q = q.where('inspection_follow_ups.status', '=', 'open').where('inspection_follow_ups.due_on', '<', f.overdueOn);
  return q;
}

function followUpsWithNames(db: Q, scope: Expression<SqlBool>, f: FollowUpFilter) {
  return followUpsFiltered(db, scope, f)
    .innerJoin('inspections', 'inspections.id', 'inspection_follow_ups.inspection_id')
    .innerJoin('schools', 'schools.id', 'inspection_follow_ups.school_id')
    .innerJoin('regions as county', 'county.id', 'inspection_follow_ups.county_id')
    .selectAll('inspection_follow_ups')
    .select(['inspections.visited_on', 'inspections.created_by_user_id', 'schools.code as school_code', 'schools.name as school_name', 'schools.kind as school_kind', 'county.name as county_name']);
}

export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];

/** Follow-ups, the soonest due first (the overdue list reads like a to-do list). */
export function listFollowUps(db: Q, scope: Expression<SqlBool>, f: FollowUpFilter, limit: number, offset: number) {
  return followUpsWithNames(db, scope, f).orderBy('inspection_follow_ups.due_on').orderBy('inspection_follow_ups.id').limit(limit).offset(offset).execute();
}

export async function countFollowUps(db: Q, scope: Expression<SqlBool>, f: FollowUpFilter): Promise<number> {
  const row = await followUpsFiltered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findFollowUp(db: Q, scope: Expression<SqlBool>, id: number) {
  return followUpsWithNames(db, scope, {}).where('inspection_follow_ups.id', '=', id).executeTakeFirst();
}
