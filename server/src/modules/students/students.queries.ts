import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface StudentFilter {
  classId?: number;
  schoolId?: number;
}

const STUDENT_COLUMNS = [
  'students.id', 'students.name', 'students.gender', 'students.birth_date', 'students.student_no',
  'students.school_id', 'students.class_id', 'classes.name as class_name',
] as const;

function filtered(db: Kysely<Database>, scope: Expression<SqlBool>, f: StudentFilter) {
  let query = db.selectFrom('students').where(scope);
  if (f.classId !== undefined) query = query.where('students.class_id', '=', f.classId);
  if (f.schoolId !== undefined) query = query.where('students.school_id', '=', f.schoolId);
  return query;
}

/** One page of children in scope, by class then student number. */
export function listStudents(db: Kysely<Database>, scope: Expression<SqlBool>, f: StudentFilter, limit: number, offset: number) {
  return filtered(db, scope, f)
    .innerJoin('classes', 'classes.id', 'students.class_id')
    .select(STUDENT_COLUMNS)
    .orderBy('students.class_id')
    .orderBy('students.student_no')
    .orderBy('students.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countStudents(db: Kysely<Database>, scope: Expression<SqlBool>, f: StudentFilter): Promise<number> {
  const row = await filtered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findStudent(db: Kysely<Database>, scope: Expression<SqlBool>, id: number) {
  return db
    .selectFrom('students')
    .innerJoin('classes', 'classes.id', 'students.class_id')
    .select(STUDENT_COLUMNS)
    .where('students.id', '=', id)
    .where(scope)
    .executeTakeFirst();
}

export type StudentRow = Awaited<ReturnType<typeof listStudents>>[number];
