import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database, SchoolTable } from '../../db/schema.js';

/**
 * The facts about schools that analyses group by (kind, 城区/农村, 贫困村, county), for modules
 * above org (equity) that must not read the schools table themselves. The caller passes the
 * scope predicate (schoolInScope over `schools`), so the list is confined in SQL.
 */
export interface SchoolFact {
  id: number;
  /** 学校标识码 */
  code: string;
  name: string;
  kind: SchoolTable['kind'];
  locality: SchoolTable['locality'];
  poorVillage: boolean;
  countyId: number;
  cityId: number;
}

/**
 * Facts read per database and query (the compiled SQL and its parameters, so the scope stays in
 * SQL), with the stamp of the schools table they were read at. Schools change rarely (a batch at
 * the start of a term, a 贫困村 flag now and then) while a province's equity page reads 15,000 of
 * them on every view: reading them again only when the stamp moves saves most of that page.
 */
const factsCache = new WeakMap<Kysely<Database>, { stamp: string; entries: Map<string, SchoolFact[]> }>();
/** Distinct queries kept per database (views × counties) before the memo starts over. */
const MAX_CACHED_QUERIES = 200;

/**
 * The schools table's stamp: row count, highest id, newest updated_at and a checksum of the facts
 * analyses group by (an edit made at the same clock instant as the last one, as under a test's
 * manual clock, still moves it). One aggregate over the table, a few milliseconds for a province.
 */
async function schoolsStamp(db: Kysely<Database>): Promise<string> {
  const r = await db.selectFrom('schools')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('maxId'), eb.fn.max('updated_at').as('at'),
      sql<number>`sum(id * (county_id * 3 + city_id * 5 + poor_village * 7 + length(kind) * 11 + length(locality) * 13 + length(name) * 17 + length(code) * 19))`.as('sum')])
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}|${Number(r?.maxId ?? 0)}|${r?.at ?? ''}|${String(r?.sum ?? 0)}`;
}

/**
 * Every school the predicate admits (optionally of one county), by id. The list is shared between
 * callers while the schools table stays the same: treat it as read-only.
 */
export async function schoolFactsIn(db: Kysely<Database>, where: Expression<SqlBool>, countyId?: number): Promise<readonly SchoolFact[]> {
  let q = db.selectFrom('schools').select(['id', 'code', 'name', 'kind', 'locality', 'poor_village', 'county_id', 'city_id']).where(where);
  if (countyId !== undefined) q = q.where('county_id', '=', countyId);
  q = q.orderBy('id');
  const compiled = q.compile();
  const key = `${compiled.sql}|${JSON.stringify(compiled.parameters)}`;
  const stamp = await schoolsStamp(db);
  let cache = factsCache.get(db);
  if (!cache || cache.stamp !== stamp || cache.entries.size > MAX_CACHED_QUERIES) factsCache.set(db, (cache = { stamp, entries: new Map() }));
  const hit = cache.entries.get(key);
  if (hit) return hit;
  const rows = await q.execute();
  const facts = rows.map((r) => Object.freeze({
    id: r.id, code: r.code, name: r.name, kind: r.kind, locality: r.locality, poorVillage: r.poor_village === 1, countyId: r.county_id, cityId: r.city_id,
  }));
  // Kept only if no school changed while it was read.
  if (factsCache.get(db) === cache && await schoolsStamp(db) === stamp) cache.entries.set(key, facts);
  return facts;
}

/** Regions (cities and counties) the predicate admits, over `regions`: id, name, level, parent. */
export async function regionFactsIn(db: Kysely<Database>, where: Expression<SqlBool>) {
  const rows = await db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id']).where(where).orderBy('code').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parent_id }));
}

/** One school's facts, or null when outside the predicate (or unknown). */
export async function schoolFactOf(db: Kysely<Database>, where: Expression<SqlBool>, schoolId: number): Promise<SchoolFact | null> {
  const r = await db.selectFrom('schools').select(['id', 'code', 'name', 'kind', 'locality', 'poor_village', 'county_id', 'city_id'])
    .where(where).where('id', '=', schoolId).executeTakeFirst();
  return r ? { id: r.id, code: r.code, name: r.name, kind: r.kind, locality: r.locality, poorVillage: r.poor_village === 1, countyId: r.county_id, cityId: r.city_id } : null;
}

/** The names of a school's grades (三年级 …), as resources' taxonomy names them. */
export async function gradeNamesOf(db: Kysely<Database>, schoolId: number): Promise<string[]> {
  const rows = await db.selectFrom('grades').select('name').where('school_id', '=', schoolId).orderBy('level').execute();
  return rows.map((r) => r.name);
}
