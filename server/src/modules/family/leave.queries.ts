import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LeaveRequestTable } from '../../db/schema/family-attendance.js';
import type { Insertable } from 'kysely';

type Db = Kysely<Database>;

const COLUMNS = [
  'leave_requests.id', 'leave_requests.student_id', 'leave_requests.class_id', 'leave_requests.school_id', 'leave_requests.from_day',
  'leave_requests.to_day', 'leave_requests.part', 'leave_requests.reason', 'leave_requests.note', 'leave_requests.status',
  'leave_requests.requested_at', 'leave_requests.decided_at',
] as const;

export function insertLeave(db: Db, row: Insertable<LeaveRequestTable>) {
  return db.insertInto('leave_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

export function leaveById(db: Db, id: number) {
  return db.selectFrom('leave_requests').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type LeaveRow = NonNullable<Awaited<ReturnType<typeof leaveById>>>;

/** Leave requests of some children, newest first. */
export function leavesOfChildren(db: Db, studentIds: readonly number[], limit = 200) {
  if (!studentIds.length) return Promise.resolve([] as LeaveRow[]);
  return db.selectFrom('leave_requests').select(COLUMNS).where('student_id', 'in', [...studentIds])
    .orderBy('from_day', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Leave requests of a class, pending first, then newest. */
export function leavesOfClass(db: Db, classId: number, status?: LeaveRow['status']) {
  let q = db.selectFrom('leave_requests').select(COLUMNS).where('class_id', '=', classId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('from_day', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** Approved leave that keeps children away in the morning (whole day or morning) over days. */
export function approvedMorningLeave(db: Db, studentIds: readonly number[], from: string, to: string) {
  if (!studentIds.length) return Promise.resolve([]);
  return db.selectFrom('leave_requests').select(['student_id', 'from_day', 'to_day'])
    .where('student_id', 'in', [...studentIds]).where('status', '=', 'approved').where('part', 'in', ['whole', 'am'])
    .where('from_day', '<=', to).where('to_day', '>=', from).execute();
}

/** Same for whole schools (figures, the absence alert). */
export function approvedMorningLeaveOfSchools(db: Db, schoolIds: readonly number[], from: string, to: string) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db.selectFrom('leave_requests').select(['student_id', 'school_id', 'from_day', 'to_day'])
    .where('school_id', 'in', [...schoolIds]).where('status', '=', 'approved').where('part', 'in', ['whole', 'am'])
    .where('from_day', '<=', to).where('to_day', '>=', from).execute();
}

export function decide(db: Db, id: number, status: 'approved' | 'declined' | 'withdrawn', by: number, at: string) {
  return db.updateTable('leave_requests').set({ status, decided_by: by, decided_at: at })
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
}
