import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** One lesson of a class's weekly timetable, as the routes give it. */
export interface TimetableLesson {
  weekday: number;
  period: number;
  startsAt: string;
  endsAt: string;
  subject: string;
  teacherName: string;
}

/** A class's weekly timetable, by weekday then period. */
export async function timetableOf(db: Db, classId: number): Promise<TimetableLesson[]> {
  const rows = await db.selectFrom('class_timetable').select(['weekday', 'period', 'starts_at', 'ends_at', 'subject', 'teacher_name'])
    .where('class_id', '=', classId).orderBy('weekday').orderBy('period').execute();
  return rows.map((r) => ({ weekday: r.weekday, period: r.period, startsAt: r.starts_at, endsAt: r.ends_at, subject: r.subject, teacherName: r.teacher_name }));
}

/** Replaces a class's whole timetable (the editor saves the week at once). */
export async function replaceTimetable(db: Db, classId: number, lessons: readonly TimetableLesson[], byUserId: number | null, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('class_timetable').where('class_id', '=', classId).execute();
    if (!lessons.length) return;
    await trx.insertInto('class_timetable').values(lessons.map((l) => ({
      class_id: classId, weekday: l.weekday, period: l.period, starts_at: l.startsAt, ends_at: l.endsAt,
      subject: l.subject, teacher_name: l.teacherName, updated_by_user_id: byUserId, updated_at: at,
    }))).execute();
  });
}
