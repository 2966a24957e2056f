import type { Expression, Kysely, SqlBool, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LiveClassTable } from '../../db/schema/live.js';

type Db = Kysely<Database>;

/*
 * SQL of the live schedule. Every read of classes takes the caller's scope (liveClassInScope) as a
 * predicate on live_classes, so a class outside it is never loaded; the lookups of rooms, schools
 * and teachers used to check a writer's choice are system reads behind the writer's own checks.
 */

const CLASS_COLUMNS = [
  'live_classes.id', 'live_classes.city_id', 'live_classes.county_id', 'live_classes.school_id', 'live_classes.lead_room_id',
  'live_classes.lead_teacher_user_id', 'live_classes.title', 'live_classes.subject', 'live_classes.grade', 'live_classes.weekday',
  'live_classes.starts_on', 'live_classes.until_on', 'live_classes.start_time', 'live_classes.minutes', 'live_classes.status',
  'live_classes.created_at', 'live_classes.updated_at', 'rooms.name as room_name', 'schools.name as school_name', 'schools.code as school_code', 'users.name as teacher_name',
] as const;

function classes(db: Db) {
  return db.selectFrom('live_classes')
    .innerJoin('rooms', 'rooms.id', 'live_classes.lead_room_id')
    .innerJoin('schools', 'schools.id', 'live_classes.school_id')
    .innerJoin('users', 'users.id', 'live_classes.lead_teacher_user_id')
    .select(CLASS_COLUMNS);
}

export type LiveClassRow = NonNullable<Awaited<ReturnType<typeof findClass>>>;

export function findClass(db: Db, id: number, scope: Expression<SqlBool>) {
  return classes(db).where('live_classes.id', '=', id).where(scope).executeTakeFirst();
}

export function listClasses(db: Db, scope: Expression<SqlBool>, f: { status?: string; limit: number; offset: number }) {
  let q = classes(db).where(scope);
  if (f.status) q = q.where('live_classes.status', '=', f.status);
  return q.orderBy('live_classes.status').orderBy('live_classes.weekday').orderBy('live_classes.start_time').orderBy('live_classes.id')
    .limit(f.limit).offset(f.offset).execute();
}

export async function countClasses(db: Db, scope: Expression<SqlBool>, f: { status?: string }): Promise<number> {
  let q = db.selectFrom('live_classes').select((eb) => eb.fn.countAll<number>().as('n')).where(scope);
  if (f.status) q = q.where('live_classes.status', '=', f.status);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Receiving rooms of some classes, with their rooms' and schools' names. */
export function receivingOf(db: Db, classIds: readonly number[]) {
  if (!classIds.length) return Promise.resolve([]);
  return db.selectFrom('live_class_rooms')
    .innerJoin('rooms', 'rooms.id', 'live_class_rooms.room_id')
    .innerJoin('schools', 'schools.id', 'live_class_rooms.school_id')
    .select(['live_class_rooms.live_class_id', 'live_class_rooms.room_id', 'live_class_rooms.school_id', 'live_class_rooms.county_id',
      'rooms.name as room_name', 'schools.name as school_name', 'schools.code as school_code'])
    .where('live_class_rooms.live_class_id', 'in', classIds)
    .orderBy('live_class_rooms.live_class_id').orderBy('live_class_rooms.room_id')
    .execute();
}

/** A room with its school's place (system read: the service decides whether the writer may pick it). */
export function roomPlace(db: Db, roomId: number) {
  return db.selectFrom('rooms').innerJoin('schools', 'schools.id', 'rooms.school_id')
    .select(['rooms.id', 'rooms.name', 'rooms.school_id', 'rooms.county_id', 'rooms.city_id', 'schools.name as school_name'])
    .where('rooms.id', '=', roomId).executeTakeFirst();
}

/** Rooms of schools matching `where` on `schools` (the schedule form's choices). */
export function roomsWhere(db: Db, where: Expression<SqlBool>, limit = 500) {
  return db.selectFrom('rooms').innerJoin('schools', 'schools.id', 'rooms.school_id')
    .select(['rooms.id', 'rooms.name', 'rooms.school_id', 'rooms.county_id', 'schools.name as school_name', 'schools.code as school_code'])
    .where(where).orderBy('schools.code').orderBy('rooms.id').limit(limit).execute();
}

export function schoolsWhere(db: Db, where: Expression<SqlBool>, limit = 500) {
  return db.selectFrom('schools').select(['id', 'name', 'county_id', 'city_id']).where(where).orderBy('code').limit(limit).execute();
}

/** Whether a person holds a teaching or leading assignment at a school. */
export async function teachesAt(db: Db, userId: number, schoolId: number): Promise<boolean> {
  const row = await db.selectFrom('role_assignments').select('user_id')
    .where('user_id', '=', userId).where('school_id', '=', schoolId).where('role', 'in', ['teacher', 'principal'])
    .executeTakeFirst();
  return !!row;
}

export function teachersOf(db: Db, schoolId: number) {
  return db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id as user_id', 'users.name']).distinct()
    .where('role_assignments.school_id', '=', schoolId).where('role_assignments.role', 'in', ['teacher', 'principal'])
    .orderBy('users.id').limit(500).execute();
}

/** Active classes that hold any of the rooms (as lead or receiving room), for the clash check. */
export function activeClassesUsingRooms(db: Db, roomIds: readonly number[]) {
  return db.selectFrom('live_classes')
    .select(['id', 'title', 'lead_room_id', 'weekday', 'starts_on', 'until_on', 'start_time', 'minutes'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([
      eb('lead_room_id', 'in', roomIds),
      eb('id', 'in', eb.selectFrom('live_class_rooms').select('live_class_id').where('room_id', 'in', roomIds)),
    ]))
    .execute();
}

export function roomIdsOfClasses(db: Db, classIds: readonly number[]) {
  if (!classIds.length) return Promise.resolve([]);
  return db.selectFrom('live_class_rooms').select(['live_class_id', 'room_id']).where('live_class_id', 'in', classIds).execute();
}

export async function insertClass(db: Db, row: Omit<LiveClassTable, 'id' | 'status'>, receiving: { room_id: number; school_id: number; county_id: number; city_id: number }[]) {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('live_classes').values(row).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('live_class_rooms').values(receiving.map((r) => ({ ...r, live_class_id: id }))).execute();
    return id;
  });
}

export async function updateClass(
  db: Db, id: number, set: Updateable<LiveClassTable>,
  receiving: { room_id: number; school_id: number; county_id: number; city_id: number }[] | null,
) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('live_classes').set(set).where('id', '=', id).execute();
    if (receiving) {
      await trx.deleteFrom('live_class_rooms').where('live_class_id', '=', id).execute();
      await trx.insertInto('live_class_rooms').values(receiving.map((r) => ({ ...r, live_class_id: id }))).execute();
    }
  });
}

/**
 * Drops the class's sessions from `fromDay` on that never went live and hold no interaction
 * record, so a changed or cancelled schedule is materialised afresh; the others are marked
 * cancelled (kept for their record).
 */
export async function dropUnstartedSessions(db: Db, classId: number, fromDay: string) {
  const unstarted = db.selectFrom('live_sessions').select('id')
    .where('live_class_id', '=', classId).where('day', '>=', fromDay).where('status', '=', 'scheduled');
  await db.updateTable('live_sessions').set({ status: 'cancelled' })
    .where('id', 'in', unstarted)
    .where((eb) => eb.or([
      eb('id', 'in', eb.selectFrom('live_events').select('session_id')),
      eb('id', 'in', eb.selectFrom('live_attendance').select('session_id')),
    ]))
    .execute();
  await db.deleteFrom('live_sessions')
    .where('live_class_id', '=', classId).where('day', '>=', fromDay).where('status', '=', 'scheduled')
    .execute();
}
