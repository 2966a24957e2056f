import type { Kysely } from 'kysely';
import type { Action } from '../../../../shared/domain.js';
import { type Actor, type FamilyReach, familyReachOf } from '../../access/actor.js';
import { childInFamilyReach, classInFamilyReach } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';

/** A child as the family app names it: "一年级(1)班 王小明", with the school it belongs to. */
export interface FamilyChild {
  id: number;
  name: string;
  studentNo: string;
  birthDate: string;
  classId: number;
  className: string;
  gradeLevel: number;
  schoolId: number;
  schoolName: string;
  schoolKind: string;
  countyId: number;
  /** "一年级(1)班 王小明": every message about a child carries it, as a parent may have several. */
  label: string;
}

export interface FamilyClass {
  id: number;
  name: string;
  gradeLevel: number;
  schoolId: number;
  schoolName: string;
  schoolKind: string;
  countyId: number;
}

function childQuery(db: Kysely<Database>) {
  return db.selectFrom('students')
    .innerJoin('classes', 'classes.id', 'students.class_id')
    .innerJoin('grades', 'grades.id', 'classes.grade_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select([
      'students.id', 'students.name', 'students.student_no', 'students.birth_date', 'students.class_id',
      'classes.name as class_name', 'grades.level as grade_level', 'students.school_id', 'schools.name as school_name',
      'schools.kind as school_kind', 'schools.county_id',
    ]);
}

type ChildRow = Awaited<ReturnType<ReturnType<typeof childQuery>['execute']>>[number];

function toChild(r: ChildRow): FamilyChild {
  return {
    id: r.id, name: r.name, studentNo: r.student_no, birthDate: r.birth_date, classId: r.class_id, className: r.class_name,
    gradeLevel: r.grade_level, schoolId: r.school_id, schoolName: r.school_name, schoolKind: r.school_kind, countyId: r.county_id,
    label: `${r.class_name} ${r.name}`,
  };
}

function classQuery(db: Kysely<Database>) {
  return db.selectFrom('classes')
    .innerJoin('grades', 'grades.id', 'classes.grade_id')
    .innerJoin('schools', 'schools.id', 'classes.school_id')
    .select(['classes.id', 'classes.name', 'grades.level as grade_level', 'classes.school_id', 'schools.name as school_name', 'schools.kind as school_kind', 'schools.county_id']);
}

function toClass(r: Awaited<ReturnType<ReturnType<typeof classQuery>['execute']>>[number]): FamilyClass {
  return { id: r.id, name: r.name, gradeLevel: r.grade_level, schoolId: r.school_id, schoolName: r.school_name, schoolKind: r.school_kind, countyId: r.county_id };
}

/**
 * The one way the family and safety areas learn which children and classes an actor reaches
 * (familyReachOf in the access gate): a guardian their own children, class staff their classes,
 * a principal their school. Unreachable and missing look the same: 404, so a guessed id tells
 * nothing. Owned by students (children, guardianships) and read by the floor-5 family modules.
 */
export function createFamilyChildren(db: Kysely<Database>) {
  const reachOf = (actor: Actor, action: Action): FamilyReach | null => familyReachOf(actor, action);

  async function child(actor: Actor, action: Action, studentId: number): Promise<FamilyChild> {
    const row = await childQuery(db).where('students.id', '=', studentId).where(childInFamilyReach(reachOf(actor, action))).executeTakeFirst();
    if (!row) throw notFound('孩子');
    return toChild(row);
  }

  /** The children the actor reaches, in one class when asked, by class then student number. */
  async function children(actor: Actor, action: Action, opts: { classId?: number } = {}): Promise<FamilyChild[]> {
    let q = childQuery(db).where(childInFamilyReach(reachOf(actor, action)));
    if (opts.classId !== undefined) q = q.where('students.class_id', '=', opts.classId);
    return (await q.orderBy('students.class_id').orderBy('students.student_no').execute()).map(toChild);
  }

  async function klass(actor: Actor, action: Action, classId: number): Promise<FamilyClass> {
    const row = await classQuery(db).where('classes.id', '=', classId).where(classInFamilyReach(reachOf(actor, action))).executeTakeFirst();
    if (!row) throw notFound('班级');
    return toClass(row);
  }

  /** The classes the actor reaches (a teacher's own, a principal's school's, a guardian's children's). */
  async function classes(actor: Actor, action: Action): Promise<FamilyClass[]> {
    const rows = await classQuery(db).where(classInFamilyReach(reachOf(actor, action)))
      .orderBy('classes.school_id').orderBy('grades.level').orderBy('classes.id').execute();
    return rows.map(toClass);
  }

  /** Guardians (user ids and relation) of the given children: whom a notice or an alert about them reaches. */
  async function guardiansOf(studentIds: readonly number[]): Promise<{ userId: number; studentId: number; relation: string }[]> {
    if (!studentIds.length) return [];
    const rows = await db.selectFrom('guardianships').select(['user_id', 'student_id', 'relation'])
      .where('student_id', 'in', [...studentIds]).execute();
    return rows.map((r) => ({ userId: r.user_id, studentId: r.student_id, relation: r.relation }));
  }

  /** The class's staff: who answers a family's message, confirms a binding, hears an absence alert. */
  async function staffOf(classId: number): Promise<{ userId: number; name: string; duty: 'head' | 'subject'; subject: string }[]> {
    const rows = await db.selectFrom('class_staff').innerJoin('users', 'users.id', 'class_staff.user_id')
      .select(['class_staff.user_id', 'users.name', 'class_staff.duty', 'class_staff.subject'])
      .where('class_staff.class_id', '=', classId).where('users.disabled', '=', 0)
      .orderBy('class_staff.duty').orderBy('users.id').execute();
    return rows.map((r) => ({ userId: r.user_id, name: r.name, duty: r.duty, subject: r.subject }));
  }

  return { reachOf, child, children, klass, classes, guardiansOf, staffOf };
}

export type FamilyChildren = ReturnType<typeof createFamilyChildren>;
