import { addDays, isoWeekday } from './dates.js';

/** A lesson of a room's weekly timetable, as the rooms API gives it. */
export interface WeeklyLesson {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Asia/Shanghai wall-clock time, HH:MM. */
  startsAt: string;
  endsAt: string;
  subject: string;
  grade: string;
  teacher: string;
}

export interface UpcomingLesson<L extends WeeklyLesson = WeeklyLesson> {
  lesson: L;
  roomId: number;
  roomName: string;
  /** The day it falls on, YYYY-MM-DD. */
  day: string;
}

/**
 * The next `limit` lessons of rooms' weekly timetables from a day and time (Liaocheng wall-clock)
 * on, up to the same weekday a week later: that day's lessons not yet started, then the following
 * days', in time order. The weekly timetable alone: whether a day is a school day is the calendar's to say.
 */
export function upcomingLessons<L extends WeeklyLesson>(
  rooms: readonly { id: number; name: string; lessons: readonly L[] }[], fromDay: string, fromTime: string, limit: number,
): UpcomingLesson<L>[] {
  const out: UpcomingLesson<L>[] = [];
  for (let offset = 0; offset <= 7 && out.length < limit; offset++) {
    const day = addDays(fromDay, offset);
    const weekday = isoWeekday(day);
    const after = offset === 0 ? fromTime : '00:00';
    const due = rooms
      .flatMap((room) => room.lessons.map((lesson) => ({ lesson, roomId: room.id, roomName: room.name, day })))
      .filter((x) => x.lesson.weekday === weekday && x.lesson.startsAt >= after)
      .sort((a, b) => a.lesson.startsAt.localeCompare(b.lesson.startsAt) || a.roomName.localeCompare(b.roomName));
    out.push(...due);
  }
  return out.slice(0, limit);
}
