import type { Dayjs } from 'dayjs';
import type { TimetableLesson } from '@shared/api-types';

export interface NextLesson extends TimetableLesson {
  roomId: number;
  roomName: string;
  /** The day it falls on (YYYY-MM-DD, Asia/Shanghai). */
  day: string;
}

/**
 * The next `limit` lessons of the rooms' weekly timetables from a moment on (Liaocheng wall-clock
 * time), looking a week ahead: today's lessons still to start, then the following days'.
 */
export function nextLessons(
  rooms: { id: number; name: string; lessons: TimetableLesson[] }[], from: Dayjs, limit: number,
): NextLesson[] {
  const out: NextLesson[] = [];
  for (let offset = 0; offset < 7 && out.length < limit; offset++) {
    const date = from.add(offset, 'day');
    const weekday = ((date.day() + 6) % 7) + 1;
    const now = offset === 0 ? from.format('HH:mm') : '00:00';
    const today = rooms
      .flatMap((room) => room.lessons.map((lesson) => ({ ...lesson, roomId: room.id, roomName: room.name, day: date.format('YYYY-MM-DD') })))
      .filter((lesson) => lesson.weekday === weekday && lesson.startsAt >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.roomName.localeCompare(b.roomName));
    out.push(...today);
  }
  return out.slice(0, limit);
}
