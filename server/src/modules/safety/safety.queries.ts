import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { HAZARD_OPEN_STATUSES } from '../../../../shared/safety-checklists.js';

type Db = Kysely<Database>;

/*
 * SQL of the safe campus. Every read of checks, hazards and drills takes the caller's scope as a
 * predicate on `schools` (joined), so nothing outside it is loaded.
 */

/** A school inside the scope, with its county and city, or undefined. */
export function schoolInScope(db: Db, schoolId: number, scope: Expression<SqlBool>) {
  return db.selectFrom('schools').select(['id', 'name', 'county_id', 'city_id'])
    .where('id', '=', schoolId).where(scope).executeTakeFirst();
}

/** The areas a school has turned off (no row: on). */
export async function disabledAreas(db: Db, schoolId: number): Promise<string[]> {
  const rows = await db.selectFrom('safety_school_areas').select('area').where('school_id', '=', schoolId).where('enabled', '=', 0).execute();
  return rows.map((r) => r.area);
}

export async function setArea(db: Db, row: { school_id: number; area: string; enabled: number; updated_at: string }) {
  await db.insertInto('safety_school_areas').values(row)
    .onConflict((oc) => oc.columns(['school_id', 'area']).doUpdateSet({ enabled: row.enabled, updated_at: row.updated_at })).execute();
}

// ——— checks ———

const PATROL_COLUMNS = [
  'safety_checks.id', 'safety_checks.school_id', 'schools.code as school_code', 'schools.name as school_name', 'safety_checks.checked_on', 'safety_checks.results',
  'safety_checks.problems', 'safety_checks.note', 'safety_checks.by_user_id', 'users.name as by_name', 'safety_checks.created_at',
] as const;

function checks(db: Db, scope: Expression<SqlBool>) {
  return db.selectFrom('safety_checks').innerJoin('schools', 'schools.id', 'safety_checks.school_id')
    .innerJoin('users', 'users.id', 'safety_checks.by_user_id').select(PATROL_COLUMNS).where(scope);
}

export function listSafetyChecks(db: Db, scope: Expression<SqlBool>, f: { schoolId?: number; limit: number; offset: number }) {
  let q = checks(db, scope);
  if (f.schoolId !== undefined) q = q.where('safety_checks.school_id', '=', f.schoolId);
  return q.orderBy('safety_checks.checked_on', 'desc').orderBy('safety_checks.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

export function findSafetyCheck(db: Db, id: number, scope: Expression<SqlBool>) {
  return checks(db, scope).where('safety_checks.id', '=', id).executeTakeFirst();
}

export type SafetyCheckRow = NonNullable<Awaited<ReturnType<typeof findSafetyCheck>>>;

export async function insertSafetyCheck(db: Db, row: {
  school_id: number; checked_on: string; results: string; problems: number; note: string; by_user_id: number; created_at: string;
}): Promise<number> {
  return (await db.insertInto('safety_checks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

// ——— hazards ———

const HAZARD_COLUMNS = [
  'safety_hazards.id', 'safety_hazards.school_id', 'schools.code as school_code', 'schools.name as school_name', 'schools.county_id', 'safety_hazards.check_id',
  'safety_hazards.area', 'safety_hazards.item', 'safety_hazards.title', 'safety_hazards.description', 'safety_hazards.level',
  'safety_hazards.responsible_user_id', 'responsible.name as responsible_name', 'safety_hazards.deadline', 'safety_hazards.status',
  'safety_hazards.reported_by_user_id', 'reporter.name as reported_by_name', 'safety_hazards.rectification_note',
  'safety_hazards.rectified_at', 'safety_hazards.verified_at', 'safety_hazards.escalated_at', 'safety_hazards.created_at',
] as const;

function hazards(db: Db, scope: Expression<SqlBool>) {
  return db.selectFrom('safety_hazards').innerJoin('schools', 'schools.id', 'safety_hazards.school_id')
    .innerJoin('users as responsible', 'responsible.id', 'safety_hazards.responsible_user_id')
    .innerJoin('users as reporter', 'reporter.id', 'safety_hazards.reported_by_user_id')
    .select(HAZARD_COLUMNS).where(scope);
}

export interface HazardFilter {
  schoolId?: number;
  status?: string;
  /** Only hazards escalated to the county (still owed or since rectified). */
  escalated?: boolean;
  limit: number;
  offset: number;
}

export async function listHazards(db: Db, scope: Expression<SqlBool>, f: HazardFilter) {
  let q = hazards(db, scope);
  if (f.schoolId !== undefined) q = q.where('safety_hazards.school_id', '=', f.schoolId);
  if (f.status !== undefined) q = q.where('safety_hazards.status', '=', f.status);
  if (f.escalated) q = q.where('safety_hazards.escalated_at', 'is not', null);
  const items = await q.orderBy('safety_hazards.deadline').orderBy('safety_hazards.id').limit(f.limit).offset(f.offset).execute();
  let c = db.selectFrom('safety_hazards').innerJoin('schools', 'schools.id', 'safety_hazards.school_id').select((eb) => eb.fn.countAll<number>().as('n')).where(scope);
  if (f.schoolId !== undefined) c = c.where('safety_hazards.school_id', '=', f.schoolId);
  if (f.status !== undefined) c = c.where('safety_hazards.status', '=', f.status);
  if (f.escalated) c = c.where('safety_hazards.escalated_at', 'is not', null);
  const total = Number((await c.executeTakeFirstOrThrow()).n);
  return { items, total };
}

export function findHazard(db: Db, id: number, scope: Expression<SqlBool>) {
  return hazards(db, scope).where('safety_hazards.id', '=', id).executeTakeFirst();
}

export type HazardRow = NonNullable<Awaited<ReturnType<typeof findHazard>>>;

export interface NewHazard {
  school_id: number; check_id: number | null; area: string; item: string | null; title: string; description: string; level: string;
  responsible_user_id: number; deadline: string; reported_by_user_id: number; created_at: string;
}

export async function insertHazard(db: Db, h: NewHazard): Promise<number> {
  const row = {
    ...h, status: 'open', rectification_note: null, rectified_by_user_id: null, rectified_at: null, rectified_on: null, verified_by_user_id: null,
    verified_at: null, escalated_at: null, updated_at: h.created_at,
  };
  return (await db.insertInto('safety_hazards').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Moves a hazard from one of `from` to its next state; false when it was no longer in `from` (a concurrent change). */
export async function moveHazard(db: Db, id: number, from: readonly string[], set: Partial<Database['safety_hazards']> & { status: string; updated_at: string }) {
  const res = await db.updateTable('safety_hazards').set(set as never).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Hazards past their deadline (before `today`), still owed, and not yet escalated: the due task's work. */
export function overdueNotEscalated(db: Db, today: string) {
  return db.selectFrom('safety_hazards').innerJoin('schools', 'schools.id', 'safety_hazards.school_id')
    .select(['safety_hazards.id', 'safety_hazards.school_id', 'schools.code as school_code', 'schools.name as school_name', 'schools.county_id', 'safety_hazards.title',
      'safety_hazards.level', 'safety_hazards.deadline'])
    .where('safety_hazards.status', 'in', ['open', 'rectifying']).where('safety_hazards.escalated_at', 'is', null)
    .where('safety_hazards.deadline', '<', today).orderBy('safety_hazards.id').execute();
}

/** Marks one hazard escalated; false when another run (or a rectification) got there first, so each is escalated once. */
export async function markEscalated(db: Db, id: number, at: string): Promise<boolean> {
  const res = await db.updateTable('safety_hazards').set({ status: 'escalated', escalated_at: at, updated_at: at })
    .where('id', '=', id).where('status', 'in', ['open', 'rectifying']).where('escalated_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export function photosOf(db: Db, hazardId: number) {
  return db.selectFrom('safety_hazard_photos').select(['id', 'stage', 'mime', 'size_bytes', 'storage_key', 'created_at'])
    .where('hazard_id', '=', hazardId).orderBy('id').execute();
}

export function photoOf(db: Db, hazardId: number, photoId: number) {
  return db.selectFrom('safety_hazard_photos').select(['id', 'stage', 'mime', 'size_bytes', 'storage_key'])
    .where('hazard_id', '=', hazardId).where('id', '=', photoId).executeTakeFirst();
}

export async function insertPhoto(db: Db, row: { hazard_id: number; stage: string; storage_key: string; mime: string; size_bytes: number; by_user_id: number; created_at: string }) {
  return (await db.insertInto('safety_hazard_photos').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function countPhotos(db: Db, hazardId: number): Promise<number> {
  return Number((await db.selectFrom('safety_hazard_photos').select((eb) => eb.fn.countAll<number>().as('n')).where('hazard_id', '=', hazardId).executeTakeFirstOrThrow()).n);
}

// ——— drills ———

export function listDrills(db: Db, scope: Expression<SqlBool>, f: { schoolId?: number; limit: number; offset: number }) {
  let q = db.selectFrom('safety_drills').innerJoin('schools', 'schools.id', 'safety_drills.school_id')
    .innerJoin('users', 'users.id', 'safety_drills.by_user_id')
    .select(['safety_drills.id', 'safety_drills.school_id', 'schools.code as school_code', 'schools.name as school_name', 'safety_drills.kind', 'safety_drills.held_on',
      'safety_drills.participants', 'safety_drills.duration_minutes', 'safety_drills.note', 'users.name as by_name', 'safety_drills.created_at'])
    .where(scope);
  if (f.schoolId !== undefined) q = q.where('safety_drills.school_id', '=', f.schoolId);
  return q.orderBy('safety_drills.held_on', 'desc').orderBy('safety_drills.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

export async function insertDrill(db: Db, row: { school_id: number; kind: string; held_on: string; participants: number; duration_minutes: number; note: string; by_user_id: number; created_at: string }) {
  return (await db.insertInto('safety_drills').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

// ——— statistics ———

const n = (v: unknown) => Number(v ?? 0);

/**
 * Per school in the scope: checks since `monthStart`, hazards still owed, overdue (deadline
 * before `today`), escalated and still owed, rectified (or verified) and of them on time, drills
 * since `termStart`. One grouped query per table, joined in memory by school.
 */
export async function schoolFigures(db: Db, scope: Expression<SqlBool>, d: { today: string; monthStart: string; termStart: string }) {
  const schools = await db.selectFrom('schools').innerJoin('regions', 'regions.id', 'schools.county_id')
    .select(['schools.id', 'schools.code', 'schools.name', 'schools.county_id', 'regions.name as county_name']).where(scope)
    .orderBy('schools.county_id').orderBy('schools.id').execute();
  const inScope = (table: 'safety_checks' | 'safety_hazards' | 'safety_drills') =>
    sql<SqlBool>`${sql.ref(`${table}.school_id`)} in (select schools.id from schools where ${scope})`;
  const owed = sql.join(HAZARD_OPEN_STATUSES.map((s) => sql.lit(s)));
  const [checkRows, hazardRows, drillRows] = await Promise.all([
    db.selectFrom('safety_checks').select(['school_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inScope('safety_checks')).where('checked_on', '>=', d.monthStart).where('checked_on', '<=', d.today).groupBy('school_id').execute(),
    db.selectFrom('safety_hazards').select([
      'school_id',
      sql<number>`sum(case when status in (${owed}) then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when status in (${owed}) and deadline < ${d.today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when status = 'escalated' then 1 else 0 end)`.as('escalated'),
      sql<number>`sum(case when rectified_at is not null then 1 else 0 end)`.as('rectified'),
      sql<number>`sum(case when rectified_on is not null and rectified_on <= deadline then 1 else 0 end)`.as('on_time'),
    ]).where(inScope('safety_hazards')).groupBy('school_id').execute(),
    db.selectFrom('safety_drills').select(['school_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inScope('safety_drills')).where('held_on', '>=', d.termStart).where('held_on', '<=', d.today).groupBy('school_id').execute(),
  ]);
  const checksBy = new Map(checkRows.map((r) => [r.school_id, n(r.n)]));
  const hazardsBy = new Map(hazardRows.map((r) => [r.school_id, r]));
  const drillsBy = new Map(drillRows.map((r) => [r.school_id, n(r.n)]));
  return schools.map((s) => {
    const h = hazardsBy.get(s.id);
    return {
      schoolId: s.id, schoolCode: s.code, schoolName: s.name, countyId: s.county_id, countyName: s.county_name,
      checksThisMonth: checksBy.get(s.id) ?? 0, openHazards: n(h?.open), overdueHazards: n(h?.overdue), escalatedHazards: n(h?.escalated),
      rectified: n(h?.rectified), rectifiedOnTime: n(h?.on_time), drillsThisTerm: drillsBy.get(s.id) ?? 0,
    };
  });
}
