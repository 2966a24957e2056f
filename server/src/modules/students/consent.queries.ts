import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ConsentLevel } from '../../../../shared/resources.js';

type Db = Kysely<Database>;

/** A child with its consent row, if any (no row: the default level holds). */
const CHILD_COLUMNS = [
  'students.id', 'students.name', 'students.student_no', 'students.school_id', 'students.class_id', 'classes.name as class_name',
  'student_consents.level', 'student_consents.updated_at',
] as const;

function children(db: Db) {
  return db.selectFrom('students')
    .innerJoin('classes', 'classes.id', 'students.class_id')
    .leftJoin('student_consents', 'student_consents.student_id', 'students.id')
    .select(CHILD_COLUMNS);
}

/** The children a guardian holds a guardianship of, by school, class and student number. */
export function childrenOfGuardian(db: Db, guardianUserId: number) {
  return children(db)
    .where('students.id', 'in', db.selectFrom('guardianships').select('student_id').where('user_id', '=', guardianUserId))
    .orderBy('students.school_id').orderBy('students.class_id').orderBy('students.student_no').orderBy('students.id')
    .execute();
}

/** A class's pupils with their consent, by student number. */
export function pupilsOfClass(db: Db, classId: number) {
  return children(db).where('students.class_id', '=', classId).orderBy('students.student_no').orderBy('students.id').execute();
}

export type ChildConsentRow = Awaited<ReturnType<typeof pupilsOfClass>>[number];

/** A class whose school lies in the scope (the predicate is on `classes.school_id`), or undefined. */
export function findClassInScope(db: Db, classId: number, scope: Expression<SqlBool>) {
  return db.selectFrom('classes').select(['classes.id', 'classes.name', 'classes.school_id'])
    .where('classes.id', '=', classId).where(scope).executeTakeFirst();
}

/** One child the scope reaches (the predicate is on students), with its class and consent. */
export function findChildInScope(db: Db, studentId: number, scope: Expression<SqlBool>) {
  return children(db).where('students.id', '=', studentId).where(scope).executeTakeFirst();
}

/** The child's consent level inside a transaction, read before it is changed. */
export async function currentLevel(db: Db, studentId: number): Promise<ConsentLevel | null> {
  const row = await db.selectFrom('student_consents').select('level').where('student_id', '=', studentId).executeTakeFirst();
  return row?.level ?? null;
}

/** Sets the level (one row per child) and keeps the change in the history. */
export async function writeLevel(db: Db, change: { studentId: number; from: ConsentLevel; to: ConsentLevel; byUserId: number; at: string }): Promise<void> {
  const { studentId, from, to, byUserId, at } = change;
  await db.insertInto('student_consents').values({ student_id: studentId, level: to, by_user_id: byUserId, updated_at: at })
    .onConflict((oc) => oc.column('student_id').doUpdateSet({ level: to, by_user_id: byUserId, updated_at: at }))
    .execute();
  await db.insertInto('student_consent_changes').values({ student_id: studentId, from_level: from, to_level: to, by_user_id: byUserId, at }).execute();
}

/**
 * A child's consent changes, newest first, with who made each and whether they were a guardian
 * of the child (else the school recorded a paper form).
 */
export function changesOf(db: Db, studentId: number) {
  return db.selectFrom('student_consent_changes as c')
    .innerJoin('users', 'users.id', 'c.by_user_id')
    .select(['c.id', 'c.from_level', 'c.to_level', 'c.at', 'users.name as by_name'])
    .select(sql<number>`case when exists (select 1 from guardianships g where g.student_id = c.student_id and g.user_id = c.by_user_id) then 1 else 0 end`.as('by_guardian'))
    .where('c.student_id', '=', studentId)
    .orderBy('c.id', 'desc')
    .limit(200)
    .execute();
}
