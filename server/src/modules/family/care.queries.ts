import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { MedicationTable } from '../../db/schema/family-kindergarten.js';

/** SQL of kindergarten care: arrivals, 晨检, medication and doses. */
type Db = Kysely<Database>;
export type MedicationRow = Selectable<MedicationTable>;

export const arrivalsOn = (db: Db, studentIds: readonly number[], day: string) => (studentIds.length
  ? db.selectFrom('kindergarten_arrivals').innerJoin('users', 'users.id', 'kindergarten_arrivals.recorded_by_user_id')
    .selectAll('kindergarten_arrivals').select('users.name as by_name')
    .where('student_id', 'in', [...studentIds]).where('day', '=', day).execute()
  : Promise.resolve([]));
export type ArrivalRow = Awaited<ReturnType<typeof arrivalsOn>>[number];

export const healthChecksOn = (db: Db, studentIds: readonly number[], day: string) => (studentIds.length
  ? db.selectFrom('health_checks').innerJoin('users', 'users.id', 'health_checks.checked_by_user_id')
    .selectAll('health_checks').select('users.name as by_name')
    .where('student_id', 'in', [...studentIds]).where('day', '=', day).execute()
  : Promise.resolve([]));
export type HealthCheckRow = Awaited<ReturnType<typeof healthChecksOn>>[number];

/** Medication of the children: all of it, or only what is due on `day` (not cancelled, within its dates). */
export function medicationsOf(db: Db, studentIds: readonly number[], dueOn?: string) {
  if (!studentIds.length) return Promise.resolve([] as MedicationRow[]);
  let qb = db.selectFrom('medications').selectAll().where('student_id', 'in', [...studentIds]);
  if (dueOn) qb = qb.where('cancelled_at', 'is', null).where('from_day', '<=', dueOn).where('to_day', '>=', dueOn);
  return qb.orderBy('from_day', 'desc').orderBy('id', 'desc').execute();
}

export const findMedication = (db: Db, id: number) => db.selectFrom('medications').selectAll().where('id', '=', id).executeTakeFirst();

/** Doses of the medications, on one day or all, oldest first. */
export function dosesOf(db: Db, medicationIds: readonly number[], day?: string) {
  if (!medicationIds.length) return Promise.resolve([]);
  let qb = db.selectFrom('medication_doses').innerJoin('users', 'users.id', 'medication_doses.given_by_user_id')
    .selectAll('medication_doses').select('users.name as by_name').where('medication_id', 'in', [...medicationIds]);
  if (day) qb = qb.where('day', '=', day);
  return qb.orderBy('medication_doses.given_at').orderBy('medication_doses.id').execute();
}
export type DoseRow = Awaited<ReturnType<typeof dosesOf>>[number];
