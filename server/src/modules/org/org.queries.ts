import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Updateable } from 'kysely';
import type { Database, SchoolTable } from '../../db/schema.js';

export interface SchoolFilter {
  countyId?: number;
  kind?: SchoolTable['kind'];
  locality?: SchoolTable['locality'];
  poorVillage?: boolean;
  q?: string;
}

const SCHOOL_COLUMNS = [
  'schools.id', 'schools.code', 'schools.name', 'schools.kind', 'schools.county_id', 'schools.city_id',
  'schools.township', 'schools.locality', 'schools.poor_village', 'schools.student_count', 'schools.staff_count',
  'schools.address', 'schools.contact_name', 'schools.contact_phone', 'schools.batch',
] as const;

function filtered(db: Kysely<Database>, scope: Expression<SqlBool>, f: SchoolFilter) {
  let query = db.selectFrom('schools').where(scope);
  if (f.countyId !== undefined) query = query.where('schools.county_id', '=', f.countyId);
  if (f.kind) query = query.where('schools.kind', '=', f.kind);
  if (f.locality) query = query.where('schools.locality', '=', f.locality);
  if (f.poorVillage !== undefined) query = query.where('schools.poor_village', '=', f.poorVillage ? 1 : 0);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = (col: string) => sql<SqlBool>`${sql.ref(col)} like ${like} escape '\\'`;
    query = query.where(sql<SqlBool>`(${match('schools.name')} or ${match('schools.code')} or ${match('schools.township')})`);
  }
  return query;
}

/** One page of schools in scope, with the county's name. */
export function listSchools(db: Kysely<Database>, scope: Expression<SqlBool>, f: SchoolFilter, limit: number, offset: number) {
  return filtered(db, scope, f)
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .select([...SCHOOL_COLUMNS, 'county.name as county_name'])
    .orderBy('schools.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countSchools(db: Kysely<Database>, scope: Expression<SqlBool>, f: SchoolFilter): Promise<number> {
  const row = await filtered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One batch of schools in scope after a given id, for exports (see db/batches.ts). */
export function schoolsAfter(db: Kysely<Database>, scope: Expression<SqlBool>, f: SchoolFilter, afterId: number, limit: number) {
  return filtered(db, scope, f)
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .select([...SCHOOL_COLUMNS, 'county.name as county_name'])
    .where('schools.id', '>', afterId)
    .orderBy('schools.id')
    .limit(limit)
    .execute();
}

export function findSchool(db: Kysely<Database>, scope: Expression<SqlBool>, id: number) {
  return db
    .selectFrom('schools')
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .select([...SCHOOL_COLUMNS, 'county.name as county_name'])
    .where('schools.id', '=', id)
    .where(scope)
    .executeTakeFirst();
}

export function updateSchool(db: Kysely<Database>, id: number, patch: Updateable<SchoolTable>) {
  return db.updateTable('schools').set(patch).where('id', '=', id).execute();
}

export function listGradesWithClasses(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('grades')
    .leftJoin('classes', 'classes.grade_id', 'grades.id')
    .select(['grades.id as grade_id', 'grades.name as grade_name', 'grades.level', 'classes.id as class_id', 'classes.name as class_name'])
    .where('grades.school_id', '=', schoolId)
    .orderBy('grades.level')
    .orderBy('grades.id')
    .orderBy('classes.id')
    .execute();
}

export function listRegions(db: Kysely<Database>, scope: Expression<SqlBool>) {
  return db
    .selectFrom('regions')
    .select(['id', 'code', 'name', 'level', 'parent_id', 'bureau_name'])
    .where(scope)
    .orderBy('level')
    .orderBy('code')
    .execute();
}

export function listDepartments(db: Kysely<Database>, regionIds: number[]) {
  if (!regionIds.length) return Promise.resolve([]);
  return db.selectFrom('departments').select(['id', 'region_id', 'kind', 'name']).where('region_id', 'in', regionIds).orderBy('id').execute();
}

/** School counts per county within scope, split the way the programme counts them. */
export function schoolCountsByCounty(db: Kysely<Database>, scope: Expression<SqlBool>) {
  return db
    .selectFrom('schools')
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .where(scope)
    .select((eb) => [
      'county.id', 'county.code', 'county.name',
      eb.fn.countAll<number>().as('schools'),
      eb.fn.sum<number>(sql`case when schools.kind = 'kindergarten' then 1 else 0 end`).as('kindergartens'),
      eb.fn.sum<number>(sql`case when schools.poor_village = 1 then 1 else 0 end`).as('poor_village'),
    ])
    .groupBy(['county.id', 'county.code', 'county.name'])
    .orderBy('county.code')
    .execute();
}
