import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The username of a school's principal (the seed makes one for every school). */
export async function principalOf(db: Db, schoolId: number): Promise<string> {
  return (await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id').select('users.username')
    .where('role_assignments.school_id', '=', schoolId).where('role_assignments.role', '=', 'principal').orderBy('users.id').executeTakeFirstOrThrow()).username;
}

/** A live-view room straight into the tables (for the matrix and tests of other areas): open every day 00:00–23:59. */
export async function addKgRoom(db: Db, opts: { classId: number; name?: string; cap?: number; byUserId: number }): Promise<number> {
  const klass = await db.selectFrom('classes').innerJoin('schools', 'schools.id', 'classes.school_id')
    .select(['schools.id as school_id', 'schools.county_id', 'schools.city_id']).where('classes.id', '=', opts.classId).executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const room = await db.insertInto('live_kg_rooms').values({
    city_id: klass.city_id, county_id: klass.county_id, school_id: klass.school_id, class_id: opts.classId, name: opts.name ?? '活动室',
    purpose: 'activity', cap: opts.cap ?? 30, enabled: 1, created_by: opts.byUserId, created_at: at, updated_at: at, deleted_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('live_kg_windows').values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ kg_room_id: room.id, weekday, from_time: '00:00', to_time: '23:59' }))).execute();
  return room.id;
}
