import { type Expression, type Kysely, type SqlBool, type Updateable, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import type { Role } from '../../../../shared/domain.js';
import type { Database, ReportEventTable, ReportTable } from '../../db/schema.js';
import { cityLevelHolders } from '../people/who-answers.js';

type Q = Kysely<Database>;
const NOTHING = sql<SqlBool>`1 = 0`;

/**
 * Reports carry their county and city, so scope needs no join. A school-level grant reaches no
 * report: reports are the county bureaus' business with the city.
 */
export function reportInScope(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const parts = [];
  if (scope.cityIds.length) parts.push(sql`reports.city_id in (${sql.join(scope.cityIds)})`);
  if (scope.countyIds.length) parts.push(sql`reports.county_id in (${sql.join(scope.countyIds)})`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : NOTHING;
}

export interface ReportFilter {
  countyId?: number;
  department?: ReportTable['department'];
  status?: ReportTable['status'];
  period?: ReportTable['period'];
  /** Periods starting on or after / on or before these dates. */
  from?: string;
  to?: string;
}

function filtered(db: Q, scope: Expression<SqlBool>, f: ReportFilter) {
  let q = db.selectFrom('reports').where(scope);
  if (f.countyId !== undefined) q = q.where('reports.county_id', '=', f.countyId);
  if (f.department) q = q.where('reports.department', '=', f.department);
  if (f.status) q = q.where('reports.status', '=', f.status);
  if (f.period) q = q.where('reports.period', '=', f.period);
  if (f.from) q = q.where('reports.period_start', '>=', f.from);
  if (f.to) q = q.where('reports.period_start', '<=', f.to);
  return q;
}

function withNames(db: Q, scope: Expression<SqlBool>, f: ReportFilter) {
  return filtered(db, scope, f)
    .innerJoin('regions as county', 'county.id', 'reports.county_id')
    .leftJoin('users as submitter', 'submitter.id', 'reports.submitted_by_user_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'reports.reviewed_by_user_id')
    .innerJoin('users as creator', 'creator.id', 'reports.created_by_user_id')
    .selectAll('reports')
    .select([
      'county.name as county_name', 'county.code as county_code', 'creator.name as created_by_name',
      'submitter.name as submitted_by_name', 'reviewer.name as reviewed_by_name',
    ]);
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export function listReports(db: Q, scope: Expression<SqlBool>, f: ReportFilter, limit: number, offset: number) {
  return withNames(db, scope, f)
    .orderBy('reports.period_start', 'desc').orderBy('county.code').orderBy('reports.department').orderBy('reports.id')
    .limit(limit).offset(offset).execute();
}

export async function countReports(db: Q, scope: Expression<SqlBool>, f: ReportFilter): Promise<number> {
  const row = await filtered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findReport(db: Q, scope: Expression<SqlBool>, id: number) {
  return withNames(db, scope, {}).where('reports.id', '=', id).executeTakeFirst();
}

export function findExisting(db: Q, key: Pick<ReportTable, 'county_id' | 'department' | 'period' | 'period_start'>) {
  return db.selectFrom('reports').select(['id', 'status']).where('county_id', '=', key.county_id).where('department', '=', key.department)
    .where('period', '=', key.period).where('period_start', '=', key.period_start).executeTakeFirst();
}

/**
 * Moves a report from one status to another and records the step, in one transaction. Returns
 * false when the report was no longer in `from` (a second reviewer, a double click): nothing is written.
 */
export async function transition(
  db: Q, id: number, from: readonly ReportTable['status'][], set: Updateable<ReportTable> & { status: ReportTable['status'] },
  event: Omit<ReportEventTable, 'id' | 'report_id' | 'from_status' | 'to_status'>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('reports').select('status').where('id', '=', id).executeTakeFirst();
    if (!before || !from.includes(before.status)) return false;
    const res = await trx.updateTable('reports').set(set).where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await trx.insertInto('report_events').values({ ...event, report_id: id, from_status: before.status, to_status: set.status }).execute();
    return true;
  });
}

/** Changes a report's narrative or figures while it is still in one of `editable` statuses; false otherwise. */
export async function updateOpenReport(db: Q, id: number, editable: readonly ReportTable['status'][], set: Updateable<ReportTable>): Promise<boolean> {
  const res = await db.updateTable('reports').set(set).where('id', '=', id).where('status', 'in', [...editable]).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function eventsOf(db: Q, reportIds: readonly number[]) {
  if (!reportIds.length) return Promise.resolve([]);
  return db.selectFrom('report_events').selectAll().where('report_id', 'in', [...reportIds]).orderBy('report_id').orderBy('id').execute();
}

/** The latest return comment of each returned report among `ids`. */
export async function returnComments(db: Q, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('report_events').select(['report_id', 'comment']).where('report_id', 'in', [...ids])
    .where('action', '=', 'return').orderBy('id').execute();
  for (const r of rows) out.set(r.report_id, r.comment);
  return out;
}

/** A city's name, for the settings page of a county that cannot list its city's region. */
export function findCity(db: Q, id: number) {
  return db.selectFrom('regions').select(['id', 'name']).where('id', '=', id).where('level', '=', 'city').executeTakeFirst();
}

export function readSettings(db: Q, cityId: number) {
  return db.selectFrom('report_settings').leftJoin('users', 'users.id', 'report_settings.updated_by_user_id')
    .select(['report_settings.period', 'report_settings.updated_at', 'users.name as updated_by_name'])
    .where('report_settings.city_id', '=', cityId).executeTakeFirst();
}

export async function writeSettings(db: Q, cityId: number, period: ReportTable['period'], userId: number, now: string): Promise<void> {
  await db.insertInto('report_settings').values({ city_id: cityId, period, updated_by_user_id: userId, updated_at: now })
    .onConflict((oc) => oc.column('city_id').doUpdateSet({ period, updated_by_user_id: userId, updated_at: now })).execute();
}

/**
 * Who reviews a city's reports: active accounts holding, at the city level, one of `roles` (those
 * policy.ts gives report:review), as people/who-answers.ts finds them.
 */
export function cityReviewers(db: Q, cityId: number, roles: readonly Role[]): Promise<number[]> {
  return cityLevelHolders(db, cityId, roles);
}
