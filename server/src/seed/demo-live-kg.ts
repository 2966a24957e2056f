import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KINDERGARTEN_ACCOUNTS } from './demo-kindergarten.js';

type Db = Kysely<Database>;

/**
 * 园所直播 for the demo: 冠县第一幼儿园 opens the activity room of gxyey.parent's child's class
 * (gxyey.teacher's class) to its families on weekday mornings, 08:30–11:00, 30 viewers at once.
 * Set by the kindergarten's principal. Seeds nothing when a live-view room exists.
 */
export async function seedDemoLiveKg(db: Db, now: Date): Promise<{ rooms: number }> {
  if (await db.selectFrom('live_kg_rooms').select('id').limit(1).executeTakeFirst()) return { rooms: 0 };
  const child = await db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
    .innerJoin('students', 'students.id', 'guardianships.student_id').innerJoin('classes', 'classes.id', 'students.class_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select(['students.class_id', 'classes.name as class_name', 'schools.id as school_id', 'schools.county_id', 'schools.city_id'])
    .where('users.username', '=', KINDERGARTEN_ACCOUNTS.parent.username).orderBy('students.id').executeTakeFirst();
  if (!child) return { rooms: 0 };
  const principal = await db.selectFrom('role_assignments').select('user_id').where('school_id', '=', child.school_id)
    .where('role', '=', 'principal').orderBy('user_id').executeTakeFirst();
  if (!principal) return { rooms: 0 };
  const at = now.toISOString();
  const room = await db.insertInto('live_kg_rooms').values({
    city_id: child.city_id, county_id: child.county_id, school_id: child.school_id, class_id: child.class_id, name: `${child.class_name}活动室`,
    purpose: 'activity', cap: 30, enabled: 1, created_by: principal.user_id, created_at: at, updated_at: at, deleted_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('live_kg_windows').values([1, 2, 3, 4, 5].map((weekday) => ({ kg_room_id: room.id, weekday, from_time: '08:30', to_time: '11:00' }))).execute();
  return { rooms: 1 };
}
