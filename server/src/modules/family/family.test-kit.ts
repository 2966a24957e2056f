import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Builders for family and safety tests: parents bound to children, class staff, the classes of
 * the seeded accounts. Rows go straight into the tables, so a test of one area (notices, pick-up)
 * does not depend on the binding routes. Parents made here log in with the demo password.
 */
type Db = Kysely<Database>;

/** The class of a seeded parent's (first) child. */
export async function classOfParent(db: Db, username: string): Promise<{ classId: number; studentId: number; schoolId: number }> {
  const row = await db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
    .innerJoin('students', 'students.id', 'guardianships.student_id')
    .select(['students.class_id', 'students.id', 'students.school_id']).where('users.username', '=', username)
    .orderBy('students.id').executeTakeFirstOrThrow();
  return { classId: row.class_id, studentId: row.id, schoolId: row.school_id };
}

export async function userId(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** Children of a class, by student number. */
export async function pupilsOf(db: Db, classId: number): Promise<{ id: number; name: string; studentNo: string }[]> {
  const rows = await db.selectFrom('students').select(['id', 'name', 'student_no']).where('class_id', '=', classId).orderBy('student_no').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, studentNo: r.student_no }));
}

/** A class of the school by its order (0 = the first class created), as the seed numbers them. */
export async function nthClass(db: Db, schoolId: number, n: number): Promise<number> {
  const rows = await db.selectFrom('classes').select('id').where('school_id', '=', schoolId).orderBy('id').execute();
  const row = rows[n];
  if (!row) throw new Error(`school ${schoolId} has no class ${n}`);
  return row.id;
}

/**
 * A guardian account (kind 'guardian', role parent) bound to the given children. Returns its
 * username and user id; it logs in with the demo password.
 */
export async function addParent(db: Db, opts: { username: string; name?: string; children: { studentId: number; relation?: string }[] }): Promise<{ username: string; userId: number }> {
  const now = new Date().toISOString();
  const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'gxsy.parent').executeTakeFirstOrThrow()).password_hash;
  const user = await db.insertInto('users').values({
    username: opts.username, name: opts.name ?? '测试家长', phone: null, password_hash: hash, kind: 'guardian',
    disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({
    user_id: user.id, role: 'parent', department: null, city_id: null, county_id: null, school_id: null, created_at: now,
  }).execute();
  for (const c of opts.children) {
    await db.insertInto('guardianships').values({ user_id: user.id, student_id: c.studentId, relation: c.relation ?? '母亲' }).execute();
  }
  return { username: opts.username, userId: user.id };
}

/** Makes a teacher class staff of a class ('head' = 班主任). */
export async function addClassStaff(db: Db, opts: { userId: number; classId: number; duty?: 'head' | 'subject'; subject?: string }): Promise<void> {
  await db.insertInto('class_staff').values({ class_id: opts.classId, user_id: opts.userId, duty: opts.duty ?? 'subject', subject: opts.subject ?? '' }).execute();
}
