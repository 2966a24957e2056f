import { type Expression, type Insertable, type Kysely, type SqlBool, sql } from 'kysely';
import type { SchoolKind } from '../../../../shared/domain.js';
import type { DeadlineApplies, Milestone, SchoolGroup } from '../../../../shared/rollout.js';
import type { Database, RolloutDeadlineTable, RolloutMilestoneTable } from '../../db/schema.js';
import { namesOf, staffOfSchoolAndCounty } from '../people/who-answers.js';

/**
 * SQL of the rollout. Programme schools are `schools.batch is not null`; every read here takes
 * the caller's reach (rollout.reach.ts) as a predicate on `schools`.
 */

export interface ProgrammeFilter {
  countyId?: number;
  batch?: string;
  kinds?: readonly SchoolKind[];
  schoolId?: number;
}

function programmeSchools(db: Kysely<Database>, reach: Expression<SqlBool>, f: ProgrammeFilter) {
  let q = db.selectFrom('schools').where('schools.batch', 'is not', null).where(reach);
  if (f.countyId !== undefined) q = q.where('schools.county_id', '=', f.countyId);
  if (f.batch !== undefined) q = q.where('schools.batch', '=', f.batch);
  if (f.kinds) q = f.kinds.length ? q.where('schools.kind', 'in', [...f.kinds]) : q.where(sql<SqlBool>`1 = 0`);
  if (f.schoolId !== undefined) q = q.where('schools.id', '=', f.schoolId);
  return q;
}

/** Programme schools in reach with what the rollout adds to them, county by county. */
export function listSchools(db: Kysely<Database>, reach: Expression<SqlBool>, f: ProgrammeFilter) {
  return programmeSchools(db, reach, f)
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .leftJoin('rollout_schools as rs', 'rs.school_id', 'schools.id')
    .leftJoin('users as named', 'named.id', 'rs.named_user_id')
    .select([
      'schools.id', 'schools.code', 'schools.name', 'schools.kind', 'schools.county_id', 'schools.city_id', 'schools.batch',
      'county.name as county_name', 'county.code as county_code', 'rs.built', 'rs.named_user_id', 'rs.named_since', 'named.name as named_name',
    ])
    .orderBy('county.code').orderBy('schools.code')
    .execute();
}
export type SchoolRow = Awaited<ReturnType<typeof listSchools>>[number];

/** The milestone rows of the same schools. */
export function listMilestones(db: Kysely<Database>, reach: Expression<SqlBool>, f: ProgrammeFilter) {
  return programmeSchools(db, reach, f)
    .innerJoin('rollout_milestones as m', 'm.school_id', 'schools.id')
    .leftJoin('users as recorder', 'recorder.id', 'm.recorded_by_user_id')
    .select([
      'm.school_id', 'm.milestone', 'm.planned_on', 'm.done_on', 'm.evidence_note', 'm.evidence_link',
      'm.recorded_by_user_id', 'recorder.name as recorded_by_name', 'm.recorded_at',
    ])
    .execute();
}
export type MilestoneRow = Awaited<ReturnType<typeof listMilestones>>[number];

/** Batches of the given cities (null: every city). */
export function listBatches(db: Kysely<Database>, cityIds: readonly number[] | null) {
  let q = db.selectFrom('rollout_batches').selectAll().orderBy('city_id').orderBy('due_on').orderBy('code');
  if (cityIds) q = cityIds.length ? q.where('city_id', 'in', [...cityIds]) : q.where(sql<SqlBool>`1 = 0`);
  return q.execute();
}

export function findBatch(db: Kysely<Database>, id: number) {
  return db.selectFrom('rollout_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function batchCodeTaken(db: Kysely<Database>, cityId: number, code: string, exceptId?: number) {
  let q = db.selectFrom('rollout_batches').select('id').where('city_id', '=', cityId).where('code', '=', code);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export function listTargets(db: Kysely<Database>, batchIds: readonly number[]) {
  if (!batchIds.length) return Promise.resolve([]);
  return db.selectFrom('rollout_batch_targets').selectAll().where('batch_id', 'in', [...batchIds]).execute();
}

/** Replaces a batch's county targets. */
export async function putTargets(db: Kysely<Database>, batchId: number, rows: { countyId: number; group: SchoolGroup; target: number }[]) {
  await db.deleteFrom('rollout_batch_targets').where('batch_id', '=', batchId).execute();
  if (rows.length) {
    await db.insertInto('rollout_batch_targets')
      .values(rows.map((r) => ({ batch_id: batchId, county_id: r.countyId, school_group: r.group, target: r.target }))).execute();
  }
}

/** Programme schools per county, batch code and kind in a city: what a batch's targets are shared out by. */
export function programmeCounts(db: Kysely<Database>, cityId: number) {
  return db.selectFrom('schools').where('city_id', '=', cityId).where('batch', 'is not', null)
    .select(['county_id', 'batch', 'kind', sql<number>`count(*)`.as('n')])
    .groupBy(['county_id', 'batch', 'kind']).execute();
}

/** Counties of a city, in code order. */
export function countiesOfCity(db: Kysely<Database>, cityId: number) {
  return db.selectFrom('regions').select(['id', 'code', 'name', 'parent_id']).where('level', '=', 'county').where('parent_id', '=', cityId)
    .orderBy('code').execute();
}

/** Counties by id (name, code, city). */
/**
 * Batches of the given cities (null: every city) with their county targets, one row per target
 * (a batch without targets once, its target columns null), each target's county named: what
 * progress per county reads, in one statement. `countyId` keeps one county's targets.
 */
export async function listBatchesWithTargets(db: Kysely<Database>, cityIds: readonly number[] | null, countyId?: number) {
  let q = db.selectFrom('rollout_batches as b')
    .leftJoin('rollout_batch_targets as t', (j) => {
      const on = j.onRef('t.batch_id', '=', 'b.id');
      return countyId === undefined ? on : on.on('t.county_id', '=', countyId);
    })
    .leftJoin('regions as county', 'county.id', 't.county_id')
    .selectAll('b')
    .select(['t.county_id', 't.school_group', 't.target', 'county.code as county_code', 'county.name as county_name', 'county.parent_id as county_parent_id'])
    .orderBy('b.city_id').orderBy('b.due_on').orderBy('b.code');
  if (cityIds) q = cityIds.length ? q.where('b.city_id', 'in', [...cityIds]) : q.where(sql<SqlBool>`1 = 0`);
  const rows = await q.execute();
  const batches = new Map<number, Awaited<ReturnType<typeof listBatches>>[number]>();
  const targets: { batch_id: number; county_id: number; school_group: SchoolGroup; target: number }[] = [];
  const counties = new Map<number, { id: number; code: string; name: string; parent_id: number | null }>();
  for (const r of rows) {
    const { county_id, school_group, target, county_code, county_name, county_parent_id, ...batch } = r;
    if (!batches.has(batch.id)) batches.set(batch.id, batch);
    if (county_id === null || school_group === null || target === null) continue;
    targets.push({ batch_id: batch.id, county_id, school_group, target });
    if (county_code !== null && county_name !== null) counties.set(county_id, { id: county_id, code: county_code, name: county_name, parent_id: county_parent_id });
  }
  return { batches: [...batches.values()], targets, counties };
}

export function countiesById(db: Kysely<Database>, ids: readonly number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('regions').select(['id', 'code', 'name', 'parent_id']).where('id', 'in', [...ids]).execute();
}

export function listDeadlines(db: Kysely<Database>, cityIds: readonly number[] | null) {
  let q = db.selectFrom('rollout_deadlines').selectAll().orderBy('city_id').orderBy('due_on').orderBy('id');
  if (cityIds) q = cityIds.length ? q.where('city_id', 'in', [...cityIds]) : q.where(sql<SqlBool>`1 = 0`);
  return q.execute();
}
export type DeadlineRow = Awaited<ReturnType<typeof listDeadlines>>[number];

export function findDeadline(db: Kysely<Database>, id: number) {
  return db.selectFrom('rollout_deadlines').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateDeadline(db: Kysely<Database>, id: number, set: { name: string; due_on: string }) {
  return db.updateTable('rollout_deadlines').set(set).where('id', '=', id).execute();
}

export async function insertDeadline(db: Kysely<Database>, row: Insertable<RolloutDeadlineTable>): Promise<number> {
  return (await db.insertInto('rollout_deadlines').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function deleteDeadline(db: Kysely<Database>, id: number) {
  return db.deleteFrom('rollout_deadlines').where('id', '=', id).execute();
}

/** A deadline of the city with this name for the same schools (built or new, and batch), other than `exceptId`. */
export function sameDeadline(db: Kysely<Database>, d: { cityId: number; name: string; appliesTo: DeadlineApplies; batchCode: string | null }, exceptId?: number) {
  let q = db.selectFrom('rollout_deadlines').select('id')
    .where('city_id', '=', d.cityId).where('name', '=', d.name).where('applies_to', '=', d.appliesTo)
    .where((eb) => (d.batchCode === null ? eb('batch_code', 'is', null) : eb('batch_code', '=', d.batchCode)));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** Creates the school's rollout row when it has none yet. */
export async function ensureRolloutSchool(db: Kysely<Database>, s: { id: number; countyId: number; cityId: number }, now: string) {
  await db.insertInto('rollout_schools')
    .values({ school_id: s.id, county_id: s.countyId, city_id: s.cityId, built: 0, named_user_id: null, named_since: null, named_by_user_id: null, updated_at: now })
    .onConflict((oc) => oc.column('school_id').doNothing()).execute();
}

export function setBuilt(db: Kysely<Database>, schoolId: number, built: boolean, now: string) {
  return db.updateTable('rollout_schools').set({ built: built ? 1 : 0, updated_at: now }).where('school_id', '=', schoolId).execute();
}

export function setNamedPerson(db: Kysely<Database>, schoolId: number, userId: number, since: string, by: number, now: string) {
  return db.updateTable('rollout_schools')
    .set({ named_user_id: userId, named_since: since, named_by_user_id: by, updated_at: now })
    .where('school_id', '=', schoolId).execute();
}

/** Inserts or replaces one milestone of a school. */
export async function upsertMilestone(db: Kysely<Database>, row: RolloutMilestoneTable) {
  const { school_id: _s, milestone: _m, ...rest } = row;
  await db.insertInto('rollout_milestones').values(row)
    .onConflict((oc) => oc.columns(['school_id', 'milestone']).doUpdateSet(rest)).execute();
}

export function findMilestone(db: Kysely<Database>, schoolId: number, milestone: Milestone) {
  return db.selectFrom('rollout_milestones').selectAll().where('school_id', '=', schoolId).where('milestone', '=', milestone).executeTakeFirst();
}

/**
 * Staff who may be a school's named person: enabled accounts with a role at the school, or at its
 * county's bureau and departments.
 */
export function namedPersonCandidates(db: Kysely<Database>, school: { id: number; countyId: number }, userId?: number) {
  return staffOfSchoolAndCounty(db, school, userId);
}

/** Named persons of the given schools (callers have scoped the ids). */
export async function namedPersonsOf(db: Kysely<Database>, schoolIds: readonly number[]) {
  const named: { school_id: number; id: number }[] = [];
  for (let i = 0; i < schoolIds.length; i += 500) {
    const chunk = schoolIds.slice(i, i + 500);
    for (const r of await db.selectFrom('rollout_schools').select(['school_id', 'named_user_id']).where('school_id', 'in', chunk)
      .where('named_user_id', 'is not', null).execute()) named.push({ school_id: r.school_id, id: r.named_user_id! });
  }
  const names = await namesOf(db, named.map((n) => n.id));
  return named.filter((n) => names.has(n.id)).map((n) => ({ ...n, name: names.get(n.id)! }));
}
