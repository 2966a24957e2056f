import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { HeldLesson, RoomHeldLessons } from '../rooms/held-lessons.js';
import { endTime } from './class-slots.js';

type Db = Kysely<Database>;

/**
 * Live classes as rooms see them (rooms' held-lessons seam): every involved room's timetable shows
 * the class, the lead room's recorder learns today's sessions, offline alerts cover them. A system
 * read: rooms ask with the room the caller has already reached.
 */
export function liveRoomLessons(db: Db): RoomHeldLessons {
  function classRows() {
    return db.selectFrom('live_classes')
      .innerJoin('users', 'users.id', 'live_classes.lead_teacher_user_id')
      .innerJoin('schools', 'schools.id', 'live_classes.school_id')
      .select(['live_classes.id', 'live_classes.lead_room_id', 'live_classes.title', 'live_classes.subject', 'live_classes.grade', 'live_classes.weekday',
        'live_classes.starts_on', 'live_classes.until_on', 'live_classes.start_time', 'live_classes.minutes', 'users.name as teacher', 'schools.name as school_name'])
      .where('live_classes.status', '=', 'active');
  }
  type Row = Awaited<ReturnType<ReturnType<typeof classRows>['execute']>>[number];
  const held = (r: Row, roomId: number, day: string | null, sessionId: number | null): HeldLesson => ({
    roomId, role: roomId === r.lead_room_id ? 'lead' : 'receiving', weekday: day ? null : r.weekday, day: day ?? (r.weekday === null ? r.starts_on : null),
    startsOn: r.starts_on, untilOn: r.until_on, startsAt: r.start_time, endsAt: endTime({ startTime: r.start_time, minutes: r.minutes }),
    title: r.title, subject: r.subject, grade: `${r.grade}年级`, teacher: r.teacher, fromSchool: r.school_name, classId: r.id, sessionId,
  });

  return {
    async ofRoom(roomId, today) {
      const rows = await classRows()
        .where((eb) => eb.or([
          eb('live_classes.lead_room_id', '=', roomId),
          eb('live_classes.id', 'in', eb.selectFrom('live_class_rooms').select('live_class_id').where('room_id', '=', roomId)),
        ]))
        .where((eb) => eb.or([
          eb.and([eb('live_classes.weekday', 'is', null), eb('live_classes.starts_on', '>=', today)]),
          eb.and([eb('live_classes.weekday', 'is not', null), eb.or([eb('live_classes.until_on', 'is', null), eb('live_classes.until_on', '>=', today)])]),
        ]))
        .orderBy('live_classes.weekday').orderBy('live_classes.start_time').execute();
      return rows.map((r) => held(r, roomId, null, null));
    },

    async onDay(day, roomId) {
      // The day's sessions, made by the live due task (each minute) or when the day was listed.
      const sessions = await db.selectFrom('live_sessions').select(['id', 'live_class_id'])
        .where('day', '=', day).where('status', 'in', ['scheduled', 'live']).execute();
      if (!sessions.length) return [];
      const classIds = [...new Set(sessions.map((s) => s.live_class_id))];
      const [rows, receiving] = await Promise.all([
        classRows().where('live_classes.id', 'in', classIds).execute(),
        db.selectFrom('live_class_rooms').select(['live_class_id', 'room_id']).where('live_class_id', 'in', classIds).execute(),
      ]);
      const out: HeldLesson[] = [];
      for (const s of sessions) {
        const r = rows.find((x) => x.id === s.live_class_id);
        if (!r) continue;
        const rooms = [r.lead_room_id, ...receiving.filter((x) => x.live_class_id === r.id).map((x) => x.room_id)];
        for (const id of rooms) if (roomId === undefined || id === roomId) out.push(held(r, id, day, s.id));
      }
      return out;
    },
  };
}
