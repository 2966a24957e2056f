import { describe, expect, it } from 'vitest';
import { upcomingLessons, type WeeklyLesson } from './timetable.js';

const lesson = (weekday: number, startsAt: string, subject: string): WeeklyLesson => ({
  weekday, startsAt, endsAt: `${startsAt.slice(0, 2)}:40`, subject, grade: '三年级', teacher: '',
});

// 2018-04-04 is a Wednesday (weekday 3).
const rooms = [
  { id: 1, name: '录播室一', lessons: [lesson(3, '08:00', '语文'), lesson(3, '10:00', '数学'), lesson(5, '09:00', '英语'), lesson(1, '08:00', '科学')] },
  { id: 2, name: '录播室二', lessons: [lesson(3, '10:00', '音乐'), lesson(4, '14:00', '美术')] },
];

describe('upcoming lessons of the rooms\' weekly timetables', () => {
  it('gives the rest of the day, then the next days in time order, across rooms', () => {
    const next = upcomingLessons(rooms, '2018-04-04', '09:30', 10);
    expect(next.map((x) => [x.day, x.lesson.startsAt, x.lesson.subject, x.roomName])).toEqual([
      ['2018-04-04', '10:00', '数学', '录播室一'],
      ['2018-04-04', '10:00', '音乐', '录播室二'],
      ['2018-04-05', '14:00', '美术', '录播室二'],
      ['2018-04-06', '09:00', '英语', '录播室一'],
      ['2018-04-09', '08:00', '科学', '录播室一'],
      ['2018-04-11', '08:00', '语文', '录播室一'],
      ['2018-04-11', '10:00', '数学', '录播室一'],
      ['2018-04-11', '10:00', '音乐', '录播室二'],
    ]);
  });

  it('keeps a lesson starting this very minute, stops at the limit, and is empty without rooms', () => {
    expect(upcomingLessons(rooms, '2018-04-04', '10:00', 1).map((x) => x.lesson.subject)).toEqual(['数学']);
    expect(upcomingLessons([], '2018-04-04', '00:00', 5)).toEqual([]);
  });
});
