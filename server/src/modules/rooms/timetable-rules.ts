import { badRequest } from '../../http/errors.js';
import type { LessonView } from './rooms.views.js';

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Rejects a weekly timetable whose lessons end before they start, overlap, or name another school's class. */
export function checkTimetable(lessons: readonly LessonView[], classIdsOfSchool: ReadonlySet<number>): void {
  for (const l of lessons) {
    if (l.endsAt <= l.startsAt) {
      throw badRequest('TIMETABLE_END_BEFORE_START', `${WEEKDAYS[l.weekday]} ${l.startsAt} 的课结束时间 ${l.endsAt} 不晚于开始时间，请检查`);
    }
    if (l.classId !== null && !classIdsOfSchool.has(l.classId)) {
      throw badRequest('TIMETABLE_CLASS_UNKNOWN', `${WEEKDAYS[l.weekday]} ${l.startsAt} 的课所选班级不属于本校，请重新选择班级`);
    }
  }
  const sorted = [...lessons].sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.weekday === cur.weekday && cur.startsAt < prev.endsAt) {
      throw badRequest('TIMETABLE_OVERLAP',
        `${WEEKDAYS[cur.weekday]} ${prev.startsAt}–${prev.endsAt} 与 ${cur.startsAt}–${cur.endsAt} 的课时间重叠：同一录播室同一时间只能上一节课`);
    }
  }
}
