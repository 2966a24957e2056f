import { createHash, randomBytes } from 'node:crypto';
import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { shanghaiDate } from '../../../../shared/dates.js';

/**
 * What the attendance matrix acts on, per target (own: gxsy.parent's child, class A, 冠县实验小学;
 * sibling: class B's child of the same school — the sibling school for school-level routes;
 * foreign: 莘县): a gate to revoke per school, a gate token of the own school for check-ins, a
 * pending leave request per child to withdraw, and one per actor and child to decide, so one
 * actor's success does not change the next one's answer.
 */
export interface AttendanceFixture {
  attendanceGate: Record<Target, number>;
  checkInToken: string;
  withdrawLeave: Record<Target, number>;
  decideLeave: Record<MatrixActor, Record<Target, number>>;
}

export async function addAttendanceToFixture(t: TestApp, f: MatrixFixture): Promise<AttendanceFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const tomorrow = shanghaiDate(new Date(Date.now() + 86_400_000));
  const by = (await db.selectFrom('users').select('id').where('username', '=', 'gxsy.principal').executeTakeFirstOrThrow()).id;
  const gate = async (schoolId: number) => {
    const token = `scg_${randomBytes(32).toString('base64url')}`;
    const { id } = await db.insertInto('attendance_gates').values({
      school_id: schoolId, name: '矩阵门禁', token_hash: createHash('sha256').update(token).digest('hex'), token_hint: token.slice(-4), created_by: by, created_at: now, revoked_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return { id, token };
  };
  const leave = async (studentId: number) => {
    const s = await db.selectFrom('students').select(['class_id', 'school_id']).where('id', '=', studentId).executeTakeFirstOrThrow();
    return (await db.insertInto('leave_requests').values({
      student_id: studentId, class_id: s.class_id, school_id: s.school_id, from_day: tomorrow, to_day: tomorrow, part: 'whole', reason: 'sick', note: '',
      status: 'pending', requested_by: by, requested_at: now, decided_by: null, decided_at: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const out: AttendanceFixture = {
    attendanceGate: {} as Record<Target, number>, checkInToken: (await gate(f.school.own)).token,
    withdrawLeave: {} as Record<Target, number>,
    decideLeave: Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as AttendanceFixture['decideLeave'],
  };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    out.attendanceGate[target] = (await gate(f.school[target])).id;
    out.withdrawLeave[target] = await leave(f.student[target]);
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) out.decideLeave[actor][target] = await leave(f.student[target]);
  }
  Object.assign(f, out);
  return out;
}

export function attendanceOf(f: MatrixFixture): AttendanceFixture {
  const c = f as MatrixFixture & Partial<AttendanceFixture>;
  if (!c.checkInToken) throw new Error('the matrix fixture has no attendance records: call addAttendanceToFixture(t, f) in buildMatrixFixture');
  return c as AttendanceFixture;
}
