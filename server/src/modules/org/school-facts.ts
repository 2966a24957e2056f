import type { Expression, Kysely, SqlBool } from 'kysely';
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

/** Every school the predicate admits (optionally of one county), by id. */
export async function schoolFactsIn(db: Kysely<Database>, where: Expression<SqlBool>, countyId?: number): Promise<SchoolFact[]> {
  let q = db.selectFrom('schools').select(['id', 'code', 'name', 'kind', 'locality', 'poor_village', 'county_id', 'city_id']).where(where);
  if (countyId !== undefined) q = q.where('county_id', '=', countyId);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, locality: r.locality, poorVillage: r.poor_village === 1, countyId: r.county_id, cityId: r.city_id,
  }));
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
