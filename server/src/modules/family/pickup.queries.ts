import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PickupOneOffTable, PickupPersonTable } from '../../db/schema/family-kindergarten.js';

/** SQL of the pick-up area: persons, one-off authorisations, pick-ups and refusals. */
type Db = Kysely<Database>;
export type PersonRow = Selectable<PickupPersonTable>;
export type OneOffRow = Selectable<PickupOneOffTable>;

export const activePersonsOf = (db: Db, studentIds: readonly number[]) => (studentIds.length
  ? db.selectFrom('pickup_persons').selectAll().where('student_id', 'in', [...studentIds]).where('active', '=', 1).orderBy('id').execute()
  : Promise.resolve([] as PersonRow[]));

export const findPerson = (db: Db, id: number) => db.selectFrom('pickup_persons').selectAll().where('id', '=', id).executeTakeFirst();

export const countActivePersons = async (db: Db, studentId: number) => Number((await db.selectFrom('pickup_persons')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('student_id', '=', studentId).where('active', '=', 1).executeTakeFirstOrThrow()).n);

export const insertPerson = (db: Db, row: Omit<PersonRow, 'id'>) =>
  db.insertInto('pickup_persons').values(row).returningAll().executeTakeFirstOrThrow();

export const disablePerson = (db: Db, id: number, at: string) =>
  db.updateTable('pickup_persons').set({ active: 0, disabled_at: at }).where('id', '=', id).execute();

export const setPersonPhoto = (db: Db, id: number, key: string, type: string) =>
  db.updateTable('pickup_persons').set({ photo_key: key, photo_type: type }).where('id', '=', id).execute();

/** One-offs of the children from `fromDay` on (today's and later ones; used and cancelled ones too). */
export const oneOffsOf = (db: Db, studentIds: readonly number[], fromDay: string) => (studentIds.length
  ? db.selectFrom('pickup_one_offs').selectAll().where('student_id', 'in', [...studentIds]).where('day', '>=', fromDay)
    .orderBy('day').orderBy('id').execute()
  : Promise.resolve([] as OneOffRow[]));

export const findOneOff = (db: Db, id: number) => db.selectFrom('pickup_one_offs').selectAll().where('id', '=', id).executeTakeFirst();

export const countOneOffsOn = async (db: Db, studentId: number, day: string) => Number((await db.selectFrom('pickup_one_offs')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('student_id', '=', studentId).where('day', '=', day)
  .where('cancelled_at', 'is', null).executeTakeFirstOrThrow()).n);

export const insertOneOff = (db: Db, row: Omit<OneOffRow, 'id'>) =>
  db.insertInto('pickup_one_offs').values(row).returningAll().executeTakeFirstOrThrow();

export const cancelOneOff = (db: Db, id: number, at: string) =>
  db.updateTable('pickup_one_offs').set({ cancelled_at: at }).where('id', '=', id).where('used_at', 'is', null).execute();

export const setOneOffPhoto = (db: Db, id: number, key: string, type: string) =>
  db.updateTable('pickup_one_offs').set({ photo_key: key, photo_type: type }).where('id', '=', id).execute();

/** Takes the one-off if nobody took it yet: true only for the one call that did (two desks at once: one wins). */
export const takeOneOff = async (db: Db, id: number, at: string): Promise<boolean> => {
  const r = await db.updateTable('pickup_one_offs').set({ used_at: at }).where('id', '=', id)
    .where('used_at', 'is', null).where('cancelled_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export const pickupsOn = (db: Db, studentIds: readonly number[], day: string) => (studentIds.length
  ? db.selectFrom('kindergarten_pickups').innerJoin('users', 'users.id', 'kindergarten_pickups.recorded_by_user_id')
    .selectAll('kindergarten_pickups').select('users.name as by_name')
    .where('student_id', 'in', [...studentIds]).where('day', '=', day).execute()
  : Promise.resolve([]));

export const refusalsOn = (db: Db, studentIds: readonly number[], day: string) => (studentIds.length
  ? db.selectFrom('pickup_refusals').innerJoin('users', 'users.id', 'pickup_refusals.recorded_by_user_id')
    .selectAll('pickup_refusals').select('users.name as by_name')
    .where('student_id', 'in', [...studentIds]).where('day', '=', day).orderBy('pickup_refusals.id').execute()
  : Promise.resolve([]));

export type PickupLogRow = Awaited<ReturnType<typeof pickupsOn>>[number];
export type RefusalRow = Awaited<ReturnType<typeof refusalsOn>>[number];
