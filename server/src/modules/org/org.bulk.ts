import type { Expression, Insertable, Kysely, SqlBool } from 'kysely';
import type { Scope } from '../../access/actor.js';
import { regionInScope } from '../../access/scope-sql.js';
import type { Database, NewSchool } from '../../db/schema.js';

/**
 * Bulk reads and writes of the org tree for imports. Writers take the caller's transaction, so a
 * whole file lands or nothing does; lookups take a list of keys of any length.
 */

// Bound parameters per statement stay well below SQLite's 32766 and PostgreSQL's 65535.
const KEYS_PER_QUERY = 5_000;
const ROWS_PER_INSERT = 500;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CountyRef {
  id: number;
  name: string;
  cityId: number;
}

/** Every county of the installation, and the ids of those where the scope may create schools. */
export async function countiesForImport(db: Kysely<Database>, scope: Scope): Promise<{ all: CountyRef[]; inScope: Set<number> }> {
  // New schools go into a county; a school-level grant never reaches its county's other schools.
  const regionScope: Scope = { ...scope, schoolIds: [], guardianUserId: null };
  const [all, reachable] = await Promise.all([
    db.selectFrom('regions').select(['id', 'name', 'parent_id']).where('level', '=', 'county').orderBy('code').execute(),
    db.selectFrom('regions').select('id').where('level', '=', 'county').where(regionInScope(regionScope)).execute(),
  ]);
  return {
    all: all.map((r) => ({ id: r.id, name: r.name, cityId: r.parent_id ?? 0 })),
    inScope: new Set(reachable.map((r) => r.id)),
  };
}

/** Which of these school codes are already taken, anywhere in the installation. */
export async function takenSchoolCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunked([...new Set(codes)], KEYS_PER_QUERY)) {
    const rows = await db.selectFrom('schools').select('code').where('code', 'in', part).execute();
    for (const r of rows) taken.add(r.code);
  }
  return taken;
}

export interface SchoolRef {
  id: number;
  code: string;
  name: string;
  kind: NewSchool['kind'];
  countyId: number;
  cityId: number;
}

/** The schools with these codes that lie in scope (`schoolInScope(...)`), by code. */
export async function schoolsByCode(db: Kysely<Database>, scope: Expression<SqlBool>, codes: readonly string[]): Promise<Map<string, SchoolRef>> {
  const out = new Map<string, SchoolRef>();
  for (const part of chunked([...new Set(codes)], KEYS_PER_QUERY)) {
    const rows = await db
      .selectFrom('schools')
      .select(['schools.id', 'schools.code', 'schools.name', 'schools.kind', 'schools.county_id', 'schools.city_id'])
      .where('schools.code', 'in', part)
      .where(scope)
      .execute();
    for (const r of rows) out.set(r.code, { id: r.id, code: r.code, name: r.name, kind: r.kind, countyId: r.county_id, cityId: r.city_id });
  }
  return out;
}

/** Grades and class names of these schools, for the classes import to reuse grades and refuse repeated classes. */
export async function gradesAndClassesOf(db: Kysely<Database>, schoolIds: readonly number[]) {
  const grades: { id: number; schoolId: number; level: number }[] = [];
  const classes: { schoolId: number; level: number; name: string }[] = [];
  for (const part of chunked([...new Set(schoolIds)], KEYS_PER_QUERY)) {
    const rows = await db
      .selectFrom('grades')
      .leftJoin('classes', 'classes.grade_id', 'grades.id')
      .select(['grades.id', 'grades.school_id', 'grades.level', 'classes.name as class_name'])
      .where('grades.school_id', 'in', part)
      .execute();
    const seen = new Set<number>();
    for (const r of rows) {
      if (!seen.has(r.id)) grades.push({ id: r.id, schoolId: r.school_id, level: r.level });
      seen.add(r.id);
      if (r.class_name !== null) classes.push({ schoolId: r.school_id, level: r.level, name: r.class_name });
    }
  }
  return { grades, classes };
}

export async function insertSchools(trx: Kysely<Database>, rows: readonly NewSchool[]): Promise<void> {
  for (const part of chunked(rows, ROWS_PER_INSERT)) await trx.insertInto('schools').values(part).execute();
}

/** Inserts grades and answers their new ids, keyed `schoolId:level`. */
export async function insertGrades(trx: Kysely<Database>, rows: readonly Insertable<Database['grades']>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunked(rows, ROWS_PER_INSERT)) {
    // Matched back by key, not by position: neither database promises RETURNING's row order.
    const back = await trx.insertInto('grades').values(part).returning(['id', 'school_id', 'level']).execute();
    for (const r of back) ids.set(`${r.school_id}:${r.level}`, r.id);
  }
  return ids;
}

export async function insertClasses(trx: Kysely<Database>, rows: readonly Insertable<Database['classes']>[]): Promise<void> {
  for (const part of chunked(rows, ROWS_PER_INSERT)) await trx.insertInto('classes').values(part).execute();
}
