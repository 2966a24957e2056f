import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addDays, isoWeekday, shanghaiDate } from '../../../shared/dates.js';

type Db = Kysely<Database>;

/**
 * 互动教学 for the demo: one weekly 专递课堂 led from 冠县实验小学's recording room by gxsy.teacher
 * to two village schools of 冠县 (a room made for each where it has none), on today's weekday
 * (Monday at weekends) at 10:00, so 今日直播 and the rooms' timetables show it on a school day.
 * Seeds nothing when live classes exist.
 */
export async function seedDemoLive(db: Db, now: Date): Promise<{ classes: number; rooms: number }> {
  const out = { classes: 0, rooms: 0 };
  if (await db.selectFrom('live_classes').select('id').limit(1).executeTakeFirst()) return out;
  const lead = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('name', '=', '冠县实验小学').executeTakeFirst();
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'gxsy.teacher').executeTakeFirst();
  if (!lead || !teacher) return out;
  const iso = now.toISOString();
  const roomOf = async (school: { id: number; county_id: number; city_id: number }, name: string) => {
    const room = await db.selectFrom('rooms').select('id').where('school_id', '=', school.id).orderBy('id').executeTakeFirst();
    if (room) return room.id;
    out.rooms++;
    return (await db.insertInto('rooms').values({
      city_id: school.city_id, county_id: school.county_id, school_id: school.id, name, location: '教学楼一楼', vendor: '', model: '',
      tracks: '["composite"]', status: 'in_use', created_at: iso, updated_at: iso,
    }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const leadRoom = await roomOf(lead, '专递课堂主讲教室');
  // Village schools: named for their township (镇/乡/村), primary schools first.
  const villages = (await db.selectFrom('schools').select(['id', 'name', 'county_id', 'city_id', 'kind'])
    .where('county_id', '=', lead.county_id).where('id', '!=', lead.id).where('kind', 'in', ['primary', 'nine_year']).orderBy('code').execute())
    .filter((s) => /[镇乡村]/.test(s.name)).slice(0, 2);
  if (villages.length < 2) return out;
  const receiving: number[] = [];
  for (const v of villages) receiving.push(await roomOf(v, '专递课堂接收教室'));
  const today = shanghaiDate(now);
  const weekday = isoWeekday(today) <= 5 ? isoWeekday(today) : 1;
  const { id } = await db.insertInto('live_classes').values({
    city_id: lead.city_id, county_id: lead.county_id, school_id: lead.id, lead_room_id: leadRoom, lead_teacher_user_id: teacher.id,
    title: '三年级英语专递课堂', subject: '英语', grade: 3, weekday, starts_on: addDays(today, -28), until_on: null, start_time: '10:00', minutes: 40,
    created_by: teacher.id, created_at: iso, updated_at: iso,
  }).returning('id').executeTakeFirstOrThrow();
  const rooms = await db.selectFrom('rooms').select(['id', 'school_id', 'county_id', 'city_id']).where('id', 'in', receiving).execute();
  await db.insertInto('live_class_rooms').values(rooms.map((r) => ({ live_class_id: id, room_id: r.id, school_id: r.school_id, county_id: r.county_id, city_id: r.city_id }))).execute();
  out.classes = 1;
  return out;
}
