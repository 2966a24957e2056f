import { type Actor, scopeOf } from '../../access/actor.js';
import { studentInScope } from '../../access/scope-sql.js';
import type { Db } from '../../db/database.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import * as q from './students.queries.js';

export type StudentFilter = q.StudentFilter;

export interface StudentView {
  id: number;
  name: string;
  gender: 'm' | 'f';
  birthDate: string;
  studentNo: string;
  schoolId: number;
  classId: number;
  className: string;
}

const toView = (r: q.StudentRow): StudentView => ({
  id: r.id, name: r.name, gender: r.gender, birthDate: r.birth_date, studentNo: r.student_no,
  schoolId: r.school_id, classId: r.class_id, className: r.class_name,
});

/**
 * Children's records, the most sensitive data we hold: only a school's principal and teachers and
 * a child's own guardians reach them, and every read is on the audit record.
 */
export function createStudentsService(deps: { db: Db; audit: AuditService }) {
  const db = deps.db.db;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  function scopeFor(actor: Actor) {
    const scope = scopeOf(actor, 'student:read');
    if (!scope) throw forbidden();
    return studentInScope(scope);
  }

  async function listStudents(actor: Actor, filter: StudentFilter, page: number, pageSize: number, ip: string) {
    const where = scopeFor(actor);
    const [rows, total] = await Promise.all([
      q.listStudents(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countStudents(db, where, filter),
    ]);
    await deps.audit.record({
      actor: who(actor), action: 'student.list', targetType: 'student', result: 'success', ip,
      detail: { filter, page, rows: rows.length },
    });
    return { items: rows.map(toView), total, page, pageSize };
  }

  async function getStudent(actor: Actor, id: number, ip: string): Promise<StudentView> {
    const row = await q.findStudent(db, scopeFor(actor), id);
    if (!row) throw notFound('学生');
    await deps.audit.record({ actor: who(actor), action: 'student.read', targetType: 'student', targetId: id, result: 'success', ip });
    return toView(row);
  }

  return { listStudents, getStudent };
}

export type StudentsService = ReturnType<typeof createStudentsService>;
