import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Writes and lookups of guardianships (who is a child's guardian, and as what) for the family
 * binding area: students owns the table, binding asks here. Callers scope first (familyChildren);
 * these functions trust the ids they are given.
 */
export interface Guardian {
  userId: number;
  studentId: number;
  name: string;
  relation: string;
}

/** A child matched by an invitation code's class, name and last digits of the student number. */
export interface MatchedPupil {
  id: number;
  classId: number;
}

/** Children's names and classes for labels ("一年级(1)班 王小明"), by id. */
export interface PupilLabel {
  id: number;
  name: string;
  classId: number;
  className: string;
  schoolName: string;
  label: string;
}

export function createGuardianships(db: Kysely<Database>) {
  /**
   * The pupil of the class whose name is exactly `name` and whose student number ends with
   * `lastDigits`; null when none (or when two would match: a guess must not pick one).
   */
  async function matchPupil(classId: number, name: string, lastDigits: string): Promise<MatchedPupil | null> {
    const rows = await db.selectFrom('students').select(['id', 'class_id', 'student_no'])
      .where('class_id', '=', classId).where('name', '=', name).execute();
    const hits = rows.filter((r) => r.student_no.endsWith(lastDigits));
    return hits.length === 1 ? { id: hits[0]!.id, classId: hits[0]!.class_id } : null;
  }

  async function isGuardian(userId: number, studentId: number): Promise<boolean> {
    return !!(await db.selectFrom('guardianships').select('user_id').where('user_id', '=', userId).where('student_id', '=', studentId).executeTakeFirst());
  }

  /** Makes the user a guardian of the child; already one: the relation is updated. Returns false when it already existed. */
  async function add(row: { userId: number; studentId: number; relation: string }, trx: Kysely<Database> = db): Promise<boolean> {
    const had = await trx.selectFrom('guardianships').select('user_id').where('user_id', '=', row.userId).where('student_id', '=', row.studentId).executeTakeFirst();
    if (had) {
      await trx.updateTable('guardianships').set({ relation: row.relation }).where('user_id', '=', row.userId).where('student_id', '=', row.studentId).execute();
      return false;
    }
    await trx.insertInto('guardianships').values({ user_id: row.userId, student_id: row.studentId, relation: row.relation }).execute();
    return true;
  }

  /** Ends a guardianship; false when there was none. */
  async function remove(userId: number, studentId: number): Promise<Guardian | null> {
    const [found] = await guardiansOf([studentId], userId);
    if (!found) return null;
    await db.deleteFrom('guardianships').where('user_id', '=', userId).where('student_id', '=', studentId).execute();
    return found;
  }

  /** Guardians of the children with their names, by child then user (one user's only when given). */
  async function guardiansOf(studentIds: readonly number[], userId?: number): Promise<Guardian[]> {
    if (!studentIds.length) return [];
    let q = db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
      .select(['guardianships.user_id', 'guardianships.student_id', 'guardianships.relation', 'users.name'])
      .where('guardianships.student_id', 'in', [...studentIds]);
    if (userId !== undefined) q = q.where('guardianships.user_id', '=', userId);
    const rows = await q.orderBy('guardianships.student_id').orderBy('guardianships.user_id').execute();
    return rows.map((r) => ({ userId: r.user_id, studentId: r.student_id, name: r.name, relation: r.relation }));
  }

  async function labelsOf(studentIds: readonly number[]): Promise<Map<number, PupilLabel>> {
    if (!studentIds.length) return new Map();
    const rows = await db.selectFrom('students').innerJoin('classes', 'classes.id', 'students.class_id')
      .innerJoin('schools', 'schools.id', 'students.school_id')
      .select(['students.id', 'students.name', 'students.class_id', 'classes.name as class_name', 'schools.name as school_name'])
      .where('students.id', 'in', [...new Set(studentIds)]).execute();
    return new Map(rows.map((r) => [r.id, {
      id: r.id, name: r.name, classId: r.class_id, className: r.class_name, schoolName: r.school_name, label: `${r.class_name} ${r.name}`,
    }]));
  }

  return { matchPupil, isGuardian, add, remove, guardiansOf, labelsOf };
}

export type Guardianships = ReturnType<typeof createGuardianships>;
