import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { SCHOOL_KINDS } from '../../../../shared/domain.js';
import type { Scope } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';

/**
 * Aggregates over the compliance rollup. Each reads only columns of one covering index (see
 * migration 0004): the scope predicate (city_id / county_id / school_id in …) and the date range
 * pick the index, so a city's day and month views and the province's month per county never
 * touch the table itself. `today`'s unmet school days are pending, not missed: the day is not over.
 */

/** The rollup's columns for `schoolInScope`. */
export const DAY_SCOPE_COLUMNS = { id: 'compliance_days.school_id', county: 'compliance_days.county_id', city: 'compliance_days.city_id' };

export interface Range {
  from: string;
  to: string;
  /** Asia/Shanghai date now. */
  today: string;
}

const schoolDays = sql<number>`sum(compliance_days.school_day)`;
const metDays = sql<number>`sum(compliance_days.met)`;
const pendingDays = (today: string) =>
  sql<number>`sum(case when compliance_days.met = 0 and compliance_days.school_day = 1 and compliance_days.day >= ${today} then 1 else 0 end)`;

function inRange(db: Kysely<Database>, scope: Expression<SqlBool>, r: Range, countyId?: number) {
  let q = db.selectFrom('compliance_days').where(scope).where('compliance_days.day', '>=', r.from).where('compliance_days.day', '<=', r.to);
  if (countyId !== undefined) q = q.where('compliance_days.county_id', '=', countyId);
  return q;
}

/**
 * School days, met and pending per county and kind of school (kinds map to departments) from the
 * second level of the rollup: the city's and province's day and month views read a few thousand
 * county-days. Only for scopes of whole counties or cities (see `countyDaysInScope`).
 * Returns the query (the benchmark explains it).
 */
export function totalsByCounty(db: Kysely<Database>, countyDayScope: Expression<SqlBool>, r: Range, countyId?: number) {
  let q = db.selectFrom('compliance_county_days').where(countyDayScope)
    .where('compliance_county_days.day', '>=', r.from).where('compliance_county_days.day', '<=', r.to);
  if (countyId !== undefined) q = q.where('compliance_county_days.county_id', '=', countyId);
  const pending = r.to >= r.today
    ? sql<number>`sum(case when compliance_county_days.day >= ${r.today} then compliance_county_days.school_days - compliance_county_days.met_days else 0 end)`
    : sql<number>`0`;
  return q.select(['compliance_county_days.county_id', 'compliance_county_days.school_kind'])
    .select([
      sql<number>`sum(compliance_county_days.school_days)`.as('school_days'), sql<number>`sum(compliance_county_days.met_days)`.as('met_days'),
      pending.as('pending_days'),
    ])
    .groupBy(['compliance_county_days.county_id', 'compliance_county_days.school_kind']);
}

/** The county-days in scope over the range, row by row (a city's month: a few thousand rows), for the city dashboard. */
export function countyDayRows(db: Kysely<Database>, countyDayScope: Expression<SqlBool>, from: string, to: string) {
  return db.selectFrom('compliance_county_days').where(countyDayScope)
    .where('compliance_county_days.day', '>=', from).where('compliance_county_days.day', '<=', to)
    .select(['compliance_county_days.day', 'compliance_county_days.county_id', 'compliance_county_days.school_kind',
      'compliance_county_days.school_days', 'compliance_county_days.met_days'])
    .execute();
}

/**
 * County-days reach whole counties and cities; a scope naming single schools (a principal) must
 * read per-school rows instead, so this answers null for it. With no school ids in the scope,
 * `schoolInScope` reads only the county and city columns.
 */
export function countyDaysInScope(scope: Scope): Expression<SqlBool> | null {
  if (scope.schoolIds.length || scope.guardianUserId !== null) return null;
  return schoolInScope(scope, { id: 'compliance_county_days.county_id', county: 'compliance_county_days.county_id', city: 'compliance_county_days.city_id' });
}

/**
 * The same totals from the school-days, for scopes that name schools — and, in the benchmark, to
 * show what the second level saves. `countyScope` (regionInScope) names the counties once more and
 * every kind is named, so the database seeks county by county, kind by kind, and reads in the
 * order it groups by.
 */
export function totalsByCountyFromSchoolDays(db: Kysely<Database>, scope: Expression<SqlBool>, countyScope: Expression<SqlBool>, r: Range, countyId?: number) {
  return inRange(db, scope, r, countyId)
    .where('compliance_days.county_id', 'in', (eb) => eb.selectFrom('regions').select('regions.id').where('regions.level', '=', 'county').where(countyScope))
    .where('compliance_days.school_kind', 'in', [...SCHOOL_KINDS])
    .select(['compliance_days.county_id', 'compliance_days.school_kind'])
    .select([schoolDays.as('school_days'), metDays.as('met_days'), (r.to >= r.today ? pendingDays(r.today) : sql<number>`0`).as('pending_days')])
    .groupBy(['compliance_days.county_id', 'compliance_days.school_kind']);
}

/** School days, met and pending per school (the aggregate behind the ranking list). Returns the query. */
export function totalsBySchool(db: Kysely<Database>, scope: Expression<SqlBool>, r: Range, countyId?: number) {
  return inRange(db, scope, r, countyId)
    .select(['compliance_days.school_id'])
    .select([schoolDays.as('school_days'), metDays.as('met_days'), pendingDays(r.today).as('pending_days')])
    .groupBy('compliance_days.school_id');
}

/** Tracked schools per county and kind, counted when tracked by the end of the range. */
export function trackedByCounty(db: Kysely<Database>, scope: Expression<SqlBool>, to: string, countyId?: number) {
  let q = db.selectFrom('compliance_tracking').where(scope).where('compliance_tracking.since', '<=', to);
  if (countyId !== undefined) q = q.where('compliance_tracking.county_id', '=', countyId);
  return q.innerJoin('schools', 'schools.id', 'compliance_tracking.school_id')
    .select(['compliance_tracking.county_id', 'schools.kind', (eb) => eb.fn.countAll<number>().as('schools')])
    .groupBy(['compliance_tracking.county_id', 'schools.kind'])
    .execute();
}

export interface SchoolListFilter {
  countyId?: number;
  /** false: schools that missed at least one day; true: schools that missed none. */
  met?: boolean;
  order: 'best' | 'worst';
  /** false: only schools tracked by the range's end (no 未考核 rows). */
  untracked?: boolean;
}

/**
 * Schools in scope with their totals over the range, ranked; untracked schools (no rows) come
 * last. `dayScope` confines the rollup rows, `schoolScope` the schools: both are the caller's.
 */
function schoolList(
  db: Kysely<Database>, schoolScope: Expression<SqlBool>, dayScope: Expression<SqlBool>, r: Range, f: SchoolListFilter,
) {
  const totals = totalsBySchool(db, dayScope, r, f.countyId);
  let q = db.selectFrom('schools')
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .leftJoin('compliance_tracking', 'compliance_tracking.school_id', 'schools.id')
    .leftJoin(totals.as('t'), 't.school_id', 'schools.id')
    .where(schoolScope);
  if (f.countyId !== undefined) q = q.where('schools.county_id', '=', f.countyId);
  if (f.met === false) q = q.where(sql<SqlBool>`t.school_days - t.pending_days > t.met_days`);
  if (f.met === true) q = q.where(sql<SqlBool>`t.school_days - t.pending_days > 0 and t.school_days - t.pending_days <= t.met_days`);
  if (f.untracked === false) q = q.where('compliance_tracking.since', 'is not', null).where('compliance_tracking.since', '<=', r.to);
  return q;
}

const judged = sql`(t.school_days - t.pending_days)`;
const rate = sql<number>`(t.met_days * 1.0 / nullif(${judged}, 0))`;

export async function listSchoolTotals(
  db: Kysely<Database>, schoolScope: Expression<SqlBool>, dayScope: Expression<SqlBool>, r: Range, f: SchoolListFilter,
  limit: number, offset: number,
) {
  const q = schoolList(db, schoolScope, dayScope, r, f)
    .select([
      'schools.id', 'schools.code', 'schools.name', 'schools.kind', 'schools.county_id', 'county.name as county_name',
      'compliance_tracking.since', 't.school_days', 't.met_days', 't.pending_days', rate.as('rate'),
    ])
    .orderBy(sql`case when ${judged} > 0 then 0 else 1 end`);
  const ordered = f.order === 'best'
    ? q.orderBy(sql`${rate} desc`).orderBy(sql`${judged} - t.met_days`, 'asc')
    : q.orderBy(sql`${rate} asc`).orderBy(sql`${judged} - t.met_days`, 'desc');
  return ordered.orderBy('schools.id').limit(limit).offset(offset).execute();
}

/**
 * How many ranked schools (a judged day in the range) share each rate, for competition ranks
 * (1, 1, 3) that read the same whichever way the list is ordered.
 */
export async function schoolsPerRate(
  db: Kysely<Database>, schoolScope: Expression<SqlBool>, dayScope: Expression<SqlBool>, r: Range, f: SchoolListFilter,
): Promise<{ rate: number; schools: number }[]> {
  const rows = await schoolList(db, schoolScope, dayScope, r, f)
    .where(sql<SqlBool>`${judged} > 0`)
    .select([rate.as('rate'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(rate)
    .execute();
  return rows.map((x) => ({ rate: Number(x.rate), schools: Number(x.n) }));
}

export async function countSchoolTotals(
  db: Kysely<Database>, schoolScope: Expression<SqlBool>, dayScope: Expression<SqlBool>, r: Range, f: SchoolListFilter,
): Promise<number> {
  const row = await schoolList(db, schoolScope, dayScope, r, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One or more schools' rows, day by day (for streaks and the heatmap). */
export function dayRows(db: Kysely<Database>, schoolIds: readonly number[], from: string, to: string) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db.selectFrom('compliance_days')
    .select(['school_id', 'day', 'school_day', 'required', 'counted', 'met', 'reason', 'reason_name'])
    .where('school_id', 'in', [...schoolIds]).where('day', '>=', from).where('day', '<=', to)
    .orderBy('school_id').orderBy('day')
    .execute();
}

/** Counties in scope, in code order. */
export function countiesInScope(db: Kysely<Database>, regionScope: Expression<SqlBool>, countyId?: number) {
  let q = db.selectFrom('regions').select(['regions.id', 'regions.code', 'regions.name', 'regions.parent_id'])
    .where('regions.level', '=', 'county').where(regionScope);
  if (countyId !== undefined) q = q.where('regions.id', '=', countyId);
  return q.orderBy('regions.code').execute();
}

export function findSchool(db: Kysely<Database>, schoolScope: Expression<SqlBool>, id: number) {
  return db.selectFrom('schools')
    .leftJoin('compliance_tracking', 'compliance_tracking.school_id', 'schools.id')
    .select(['schools.id', 'schools.code', 'schools.name', 'schools.kind', 'schools.county_id', 'schools.city_id', 'compliance_tracking.since'])
    .where('schools.id', '=', id).where(schoolScope)
    .executeTakeFirst();
}
