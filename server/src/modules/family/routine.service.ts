import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { FamilyChildren } from '../students/family-children.js';
import { addDays, isIsoDate, shanghaiDate } from '../../../../shared/dates.js';
import type { HomeworkService } from './homework.service.js';
import * as q from './routine.queries.js';

// The family calendar looks this far ahead by default: the rest of a term.
const CALENDAR_AHEAD_DAYS = 120;

/**
 * A child's campus routine (日常) for the family app: the class's weekly timetable (kept by class
 * staff), today's lessons as the school calendar has them (a holiday has none and says which; a
 * 调休 working weekend day runs the timetable of the weekday it replaces), the day's homework
 * against its limit, and the school calendar's terms, holidays and working days.
 */
export function createRoutineService(deps: {
  db: Db; clock: Clock; audit: AuditService; calendar: CalendarService; children: FamilyChildren; homework: HomeworkService;
}) {
  const db = deps.db.db;
  const today = () => shanghaiDate(deps.clock.now());

  async function timetable(actor: Actor, classId: number) {
    const klass = await deps.children.klass(actor, 'family:read', classId);
    return { classId, className: klass.name, schoolName: klass.schoolName, lessons: await q.timetableOf(db, classId) };
  }

  /** Replaces the class's weekly timetable (class staff, principal). */
  async function saveTimetable(actor: Actor, classId: number, lessons: q.TimetableLesson[], ip: string) {
    await deps.children.klass(actor, 'class:write', classId);
    const seen = new Set<string>();
    for (const l of lessons) {
      const key = `${l.weekday}|${l.period}`;
      if (seen.has(key)) throw badRequest('TIMETABLE_SLOT_TWICE', `星期${l.weekday} 第 ${l.period} 节出现了两次：每个时段只能有一节课`);
      seen.add(key);
      if (l.startsAt >= l.endsAt) throw badRequest('TIMETABLE_TIME_ORDER', `星期${l.weekday} 第 ${l.period} 节的开始时间 ${l.startsAt} 不早于结束时间 ${l.endsAt}：请改正`);
    }
    await q.replaceTimetable(db, classId, lessons.map((l) => ({ ...l, subject: l.subject.trim(), teacherName: l.teacherName.trim() })), actor.userId, deps.clock.now().toISOString());
    await deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action: 'timetable.save', targetType: 'class', targetId: classId, result: 'success', ip,
      detail: { lessons: lessons.length },
    });
    return { classId, lessons: lessons.length };
  }

  function checkDay(day: string) {
    if (!isIsoDate(day)) throw badRequest('DATE_INVALID', `日期 ${day} 不存在：请用 YYYY-MM-DD 格式填写真实日期`);
  }

  /** A child's day: whether school is on and why, its lessons, its homework against the limit. */
  async function dayOf(actor: Actor, childId: number, day = today()) {
    checkDay(day);
    const child = await deps.children.child(actor, 'family:read', childId);
    const calendar = await deps.calendar.ofSchool(child.schoolId, day, day);
    if (!calendar) throw notFound('学校');
    const d = calendar.days[0]!;
    const week = d.timetableWeekday === null ? [] : await q.timetableOf(db, child.classId);
    const homework = await deps.homework.dayOfClass({ id: child.classId, gradeLevel: child.gradeLevel }, day);
    return {
      child: { id: child.id, label: child.label, classId: child.classId, gradeLevel: child.gradeLevel, schoolName: child.schoolName },
      day, schoolDay: d.schoolDay, reason: d.reason, reasonName: d.name ?? d.publicDay?.name ?? null, timetableWeekday: d.timetableWeekday,
      lessons: week.filter((l) => l.weekday === d.timetableWeekday),
      homework: homework.items, writtenMinutes: homework.writtenMinutes, writtenLimit: homework.writtenLimit, overLimit: homework.overLimit,
    };
  }

  /** The school calendar of a child's school: terms, and the days that are not ordinary (holidays, 调休, closures). */
  async function calendarOf(actor: Actor, childId: number, query: { from?: string; to?: string }) {
    const from = query.from ?? today();
    const to = query.to ?? addDays(from, CALENDAR_AHEAD_DAYS);
    checkDay(from);
    checkDay(to);
    const child = await deps.children.child(actor, 'family:read', childId);
    const calendar = await deps.calendar.ofSchool(child.schoolId, from, to);
    if (!calendar) throw notFound('学校');
    return {
      child: { id: child.id, label: child.label, schoolName: child.schoolName }, from, to, terms: calendar.terms,
      days: calendar.days.filter((d) => d.reason !== 'weekend' && d.reason !== 'school_day' && !(d.reason === 'term_break' && !d.publicDay))
        .map((d) => ({ day: d.day, schoolDay: d.schoolDay, reason: d.reason, name: d.name ?? d.publicDay?.name ?? null, timetableWeekday: d.timetableWeekday })),
    };
  }

  /** The children whose routine the caller reads (a guardian's own, class staff's classes', a principal's school's). */
  async function children(actor: Actor) {
    const kids = await deps.children.children(actor, 'family:read');
    return { items: kids.map((c) => ({ id: c.id, label: c.label, studentNo: c.studentNo, classId: c.classId, gradeLevel: c.gradeLevel, schoolName: c.schoolName })) };
  }

  return { timetable, saveTimetable, dayOf, calendarOf, children };
}

export type RoutineService = ReturnType<typeof createRoutineService>;
