import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { teachersOf } from '../people/who-answers.js';
import type { ClassStaffListSchema } from './class-staff.schema.js';
import type { FamilyChildren } from './family-children.js';

type ClassStaffList = Static<typeof ClassStaffListSchema>;

/**
 * Who teaches a class: its 班主任 (one) and 任课教师. The class's staff and the principal read it;
 * only the school's principal changes it, choosing among the school's teachers. Class staff reach
 * the class's family work (notices, bindings, attendance), so every change is audited.
 */
export function createClassStaffService(deps: { db: Db; audit: AuditService; children: FamilyChildren }) {
  const db = deps.db.db;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });
  const principalOf = (actor: Actor, schoolId: number) => actor.grants.some((g) => g.role === 'principal' && g.schoolId === schoolId);

  async function list(actor: Actor, classId: number): Promise<ClassStaffList> {
    const klass = await deps.children.klass(actor, 'class:write', classId);
    const canEdit = principalOf(actor, klass.schoolId);
    const items = await deps.children.staffOf(classId);
    const teachers = canEdit ? await teachersOf(db, klass.schoolId) : [];
    return { classId, className: klass.name, schoolName: klass.schoolName, canEdit, items, teachers };
  }

  /** Adds a teacher of the school to the class, or changes their duty; a class has one 班主任. */
  async function add(actor: Actor, classId: number, input: { userId: number; duty: 'head' | 'subject'; subject?: string }, ip: string) {
    const klass = await deps.children.klass(actor, 'class:write', classId);
    if (!principalOf(actor, klass.schoolId)) throw forbidden();
    const teachers = await teachersOf(db, klass.schoolId);
    if (!teachers.some((t) => t.userId === input.userId)) {
      throw badRequest('CLASS_STAFF_NOT_TEACHER', '只能选择本校在职教师：该账号不是本校教师，请在人员管理中先为其分配本校教师角色', { field: 'userId' });
    }
    const subject = (input.subject ?? '').trim();
    if (input.duty === 'head') {
      const head = (await deps.children.staffOf(classId)).find((s) => s.duty === 'head' && s.userId !== input.userId);
      if (head) throw conflict('CLASS_HEAD_TAKEN', `本班已有班主任（${head.name}）：请先将其改为任课教师或移出本班，再指定新的班主任`);
    }
    const had = await db.selectFrom('class_staff').select('user_id').where('class_id', '=', classId).where('user_id', '=', input.userId).executeTakeFirst();
    if (had) await db.updateTable('class_staff').set({ duty: input.duty, subject }).where('class_id', '=', classId).where('user_id', '=', input.userId).execute();
    else await db.insertInto('class_staff').values({ class_id: classId, user_id: input.userId, duty: input.duty, subject }).execute();
    await deps.audit.record({
      actor: who(actor), action: 'class_staff.set', targetType: 'class', targetId: classId, result: 'success', ip,
      detail: { userId: input.userId, duty: input.duty, subject, schoolId: klass.schoolId },
    });
    return list(actor, classId);
  }

  async function remove(actor: Actor, classId: number, userId: number, ip: string) {
    const klass = await deps.children.klass(actor, 'class:write', classId);
    if (!principalOf(actor, klass.schoolId)) throw forbidden();
    const gone = await db.deleteFrom('class_staff').where('class_id', '=', classId).where('user_id', '=', userId).executeTakeFirst();
    if (!Number(gone.numDeletedRows)) throw notFound('本班教师');
    await deps.audit.record({
      actor: who(actor), action: 'class_staff.remove', targetType: 'class', targetId: classId, result: 'success', ip,
      detail: { userId, schoolId: klass.schoolId },
    });
    return list(actor, classId);
  }

  return { list, add, remove };
}

export type ClassStaffService = ReturnType<typeof createClassStaffService>;
