import { type Kysely, sql } from 'kysely';
import type { Database, HomeworkTable } from '../../db/schema.js';
import type { Scope } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Insertable } from 'kysely';

type Db = Kysely<Database>;

const HOMEWORK_SCHOOL = { id: 'homework.school_id', county: 'homework.county_id', city: 'homework.city_id' };

export async function insertHomework(db: Db, row: Insertable<HomeworkTable>): Promise<number> {
  return (await db.insertInto('homework').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Written minutes a class was given on a day. */
export async function writtenMinutesOn(db: Db, classId: number, day: string): Promise<number> {
  const row = await db.selectFrom('homework').select((eb) => eb.fn.sum<number | string | null>('minutes').as('m'))
    .where('class_id', '=', classId).where('assigned_on', '=', day).where('kind', '=', 'written').executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** A class's homework given in [from, to], by day then time posted. */
export function homeworkOf(db: Db, classId: number, from: string, to: string) {
  return db.selectFrom('homework')
    .select(['id', 'subject', 'content', 'kind', 'minutes', 'assigned_on', 'due_on', 'warning', 'created_at'])
    .where('class_id', '=', classId).where('assigned_on', '>=', from).where('assigned_on', '<=', to)
    .orderBy('assigned_on').orderBy('id').execute();
}

/**
 * Per class-day of [from, to] in the scope's schools: the school, the class's grade and its
 * written minutes (0 for a day with only oral or practice homework). The weekly figures sum these.
 */
export function classDays(db: Db, scope: Scope, from: string, to: string, countyId?: number) {
  let q = db.selectFrom('homework')
    .select([
      'homework.school_id', 'homework.county_id', 'homework.class_id', 'homework.grade_level', 'homework.assigned_on',
      sql<number | string>`sum(case when homework.kind = 'written' then homework.minutes else 0 end)`.as('written'),
    ])
    .where(schoolInScope(scope, HOMEWORK_SCHOOL)).where('homework.assigned_on', '>=', from).where('homework.assigned_on', '<=', to);
  if (countyId !== undefined) q = q.where('homework.county_id', '=', countyId);
  return q.groupBy(['homework.school_id', 'homework.county_id', 'homework.class_id', 'homework.grade_level', 'homework.assigned_on']).execute();
}

/** Names of the schools and counties the figures' rows are about (rows only exist for places in scope). */
export async function placeNames(db: Db, schoolIds: readonly number[], countyIds: readonly number[]) {
  const [schools, counties] = await Promise.all([
    schoolIds.length ? db.selectFrom('schools').select(['id', 'name', 'code']).where('id', 'in', [...schoolIds]).execute() : [],
    countyIds.length ? db.selectFrom('regions').select(['id', 'name', 'code']).where('id', 'in', [...countyIds]).execute() : [],
  ]);
  return { schools: new Map(schools.map((s) => [s.id, s])), counties: new Map(counties.map((c) => [c.id, c])) };
}

/** The city of a school (kept on each homework row for the bureau's scope). */
export async function cityOfSchool(db: Db, schoolId: number): Promise<number> {
  return (await db.selectFrom('schools').select('city_id').where('id', '=', schoolId).executeTakeFirstOrThrow()).city_id;
}
