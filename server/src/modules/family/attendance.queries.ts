import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AttendanceDayTable, AttendanceStatus } from '../../db/schema/family-attendance.js';

type Db = Kysely<Database>;

/** The attendance rows of some children over days (from and to included). */
export function rowsOf(db: Db, studentIds: readonly number[], from: string, to: string) {
  if (!studentIds.length) return Promise.resolve([]);
  return db.selectFrom('attendance_days').select(['student_id', 'day', 'status', 'arrived_at', 'left_at', 'source'])
    .where('student_id', 'in', [...studentIds]).where('day', '>=', from).where('day', '<=', to).execute();
}

export type AttendanceRow = Awaited<ReturnType<typeof rowsOf>>[number];

/** One child's row of a day, if any. */
export function rowOf(db: Db, studentId: number, day: string) {
  return db.selectFrom('attendance_days').select(['status', 'arrived_at', 'left_at', 'source'])
    .where('student_id', '=', studentId).where('day', '=', day).executeTakeFirst();
}

/** Writes a child's day (one row per child and day; a later write replaces the earlier). */
export function upsertDay(db: Db, row: AttendanceDayTable) {
  return db.insertInto('attendance_days').values(row)
    .onConflict((oc) => oc.columns(['student_id', 'day']).doUpdateSet({
      status: row.status, arrived_at: row.arrived_at, source: row.source, marked_by: row.marked_by, updated_at: row.updated_at,
    }))
    .execute();
}

export function setLeft(db: Db, studentId: number, day: string, at: string) {
  return db.updateTable('attendance_days').set({ left_at: at, updated_at: at }).where('student_id', '=', studentId).where('day', '=', day).execute();
}

/** Status counts of some schools' days, by school, day and status. */
export function countsOf(db: Db, schoolIds: readonly number[], from: string, to: string) {
  if (!schoolIds.length) return Promise.resolve([]);
  return db.selectFrom('attendance_days').select(['school_id', 'day', 'status'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('school_id', 'in', [...schoolIds]).where('day', '>=', from).where('day', '<=', to)
    .groupBy(['school_id', 'day', 'status']).execute();
}

export function settingsOf(db: Db, schoolId: number) {
  return db.selectFrom('attendance_settings').select(['alert_at', 'late_after', 'updated_at']).where('school_id', '=', schoolId).executeTakeFirst();
}

export function allSettings(db: Db) {
  return db.selectFrom('attendance_settings').select(['school_id', 'alert_at', 'late_after']).execute();
}

export function saveSettings(db: Db, s: { schoolId: number; alertAt: string; lateAfter: string; by: number; at: string }) {
  const values = { alert_at: s.alertAt, late_after: s.lateAfter, updated_by: s.by, updated_at: s.at };
  return db.insertInto('attendance_settings').values({ school_id: s.schoolId, ...values })
    .onConflict((oc) => oc.column('school_id').doUpdateSet(values)).execute();
}

/** Schools whose absence alert of the day has run. */
export async function alertedSchools(db: Db, day: string): Promise<Set<number>> {
  const rows = await db.selectFrom('attendance_alert_runs').select('school_id').where('day', '=', day).execute();
  return new Set(rows.map((r) => r.school_id));
}

/** Marks a school's alert of the day as run; false when another run got there first. */
export async function claimAlertRun(db: Db, schoolId: number, day: string, at: string): Promise<boolean> {
  const res = await db.insertInto('attendance_alert_runs').values({ school_id: schoolId, day, alerted: 0, ran_at: at })
    .onConflict((oc) => oc.columns(['school_id', 'day']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function recordAlerted(db: Db, schoolId: number, day: string, alerted: number) {
  return db.updateTable('attendance_alert_runs').set({ alerted }).where('school_id', '=', schoolId).where('day', '=', day).execute();
}

export type { AttendanceStatus };

/**
 * Schools in a family:stats scope (the predicate is on `schools`), with their pupil counts: the
 * figures' denominators. Counts only; no child's row leaves this query.
 */
export function schoolsInScope(db: Db, scope: Expression<SqlBool>, schoolId?: number) {
  let q = db.selectFrom('schools').select(['schools.id', 'schools.code', 'schools.name'])
    .select((eb) => eb.selectFrom('students').whereRef('students.school_id', '=', 'schools.id').select((e) => e.fn.countAll<number | string>().as('n')).as('pupils_raw'))
    .where(scope);
  if (schoolId !== undefined) q = q.where('schools.id', '=', schoolId);
  return q.orderBy('schools.id').limit(1000).execute().then((rows) => rows.map((r) => ({ id: r.id, code: r.code, name: r.name, pupils: Number(r.pupils_raw ?? 0) })));
}
