import { type Actor, familyReachOf, scopeOf } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { addDays, eachDay, isIsoDate, isoWeekday, shanghaiDate, shanghaiInstant, spanDays } from '../../../../shared/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar-view.js';
import type { FamilyChildren } from '../students/family-children.js';
import {
  DEFAULT_ALERT_AT, DEFAULT_LATE_AFTER, type DayStatus, asGuardian, covers, effectiveStatus,
} from './attendance-day.js';
import * as q from './attendance.queries.js';
import * as lq from './leave.queries.js';

export interface AttendanceDeps { db: Db; clock: Clock; audit: AuditService; children: FamilyChildren }

type MarkedStatus = 'present' | 'late' | 'absent';

/**
 * Morning attendance: class staff's roll call (the whole class at once, present unless marked
 * otherwise), a parent's view of their child's mornings, the school's times (lateness, absence
 * alert) and the figures bureaus read. Which child and class an actor reaches comes from
 * familyChildren alone; only school days of the school's calendar count.
 */
export function createAttendanceService(deps: AttendanceDeps) {
  const db = deps.db.db;
  const { children } = deps;
  const today = () => shanghaiDate(deps.clock.now());
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  function checkDay(day: string) {
    if (!isIsoDate(day)) throw badRequest('ATTENDANCE_DAY', `日期「${day}」不存在，请按 YYYY-MM-DD 选择一个真实的日期`);
  }

  async function timesOf(schoolId: number) {
    const s = await q.settingsOf(db, schoolId);
    return { alertAt: s?.alert_at ?? DEFAULT_ALERT_AT, lateAfter: s?.late_after ?? DEFAULT_LATE_AFTER, updatedAt: s?.updated_at ?? null };
  }

  async function isSchoolDay(schoolId: number, day: string) {
    return (await loadCalendar(db, { schoolIds: [schoolId], from: day, to: day })).isSchoolDay(schoolId, day);
  }

  /** Each of the actor's own children (as a guardian) this morning: for the family app's home card. */
  async function mine(actor: Actor) {
    const day = today();
    const kids = familyReachOf(actor, 'family:read')?.guardianUserId ? await children.children(asGuardian(actor), 'family:read') : [];
    const ids = kids.map((c) => c.id);
    const [rows, leave] = await Promise.all([q.rowsOf(db, ids, day, day), lq.approvedMorningLeave(db, ids, day, day)]);
    const calendar = kids.length ? await loadCalendar(db, { schoolIds: [...new Set(kids.map((c) => c.schoolId))], from: day, to: day }) : null;
    return {
      day,
      items: kids.map((c) => {
        const row = rows.find((r) => r.student_id === c.id);
        return {
          studentId: c.id, studentNo: c.studentNo, label: c.label, schoolDay: calendar?.isSchoolDay(c.schoolId, day) ?? false,
          status: effectiveStatus(row, leave.some((l) => l.student_id === c.id)), arrivedAt: row?.arrived_at ?? null, leftAt: row?.left_at ?? null,
        };
      }),
    };
  }

  /** One child's mornings of a month (YYYY-MM; default this month), up to today. */
  async function month(actor: Actor, studentId: number, monthText: string | undefined) {
    const child = await children.child(actor, 'family:read', studentId);
    const m = monthText ?? today().slice(0, 7);
    const from = `${m}-01`;
    if (!isIsoDate(from)) throw badRequest('ATTENDANCE_MONTH', `月份应为 YYYY-MM，例如 2026-12，收到「${m}」`);
    const last = addDays(addDays(from, 32).slice(0, 7) + '-01', -1);
    const to = last < today() ? last : today();
    const days = to < from ? [] : eachDay(from, to);
    const [rows, leave, calendar] = await Promise.all([
      q.rowsOf(db, [child.id], from, to), lq.approvedMorningLeave(db, [child.id], from, to),
      loadCalendar(db, { schoolIds: [child.schoolId], from, to: to < from ? from : to }),
    ]);
    const items = days.map((day) => {
      const schoolDay = calendar.isSchoolDay(child.schoolId, day);
      const row = rows.find((r) => r.day === day);
      const status: DayStatus | null = schoolDay ? effectiveStatus(row, leave.some((l) => covers(l, day))) : null;
      return { day, schoolDay, status, arrivedAt: row?.arrived_at ?? null };
    });
    const count = (s: DayStatus) => items.filter((i) => i.status === s).length;
    return {
      studentId: child.id, label: child.label, month: m, items,
      counts: { schoolDays: items.filter((i) => i.schoolDay).length, present: count('present'), late: count('late'), absent: count('absent'), onLeave: count('on_leave') },
    };
  }

  /** A class's roll call of a day (default today): every pupil with what is known of the morning. */
  async function rollCall(actor: Actor, classId: number, dayText: string | undefined) {
    const klass = await children.klass(actor, 'class:write', classId);
    const day = dayText ?? today();
    checkDay(day);
    const pupils = await children.children(actor, 'class:write', { classId });
    const ids = pupils.map((p) => p.id);
    const [rows, leave, schoolDay] = await Promise.all([
      q.rowsOf(db, ids, day, day), lq.approvedMorningLeave(db, ids, day, day), isSchoolDay(klass.schoolId, day),
    ]);
    const items = pupils.map((p) => {
      const row = rows.find((r) => r.student_id === p.id);
      return {
        studentId: p.id, name: p.name, studentNo: p.studentNo, status: effectiveStatus(row, leave.some((l) => l.student_id === p.id)),
        arrivedAt: row?.arrived_at ?? null, source: row?.source ?? null,
      };
    });
    return { classId, className: klass.name, schoolName: klass.schoolName, day, schoolDay, marked: rows.length > 0, items };
  }

  /**
   * Marks the whole class for a school day: every pupil present unless named among the exceptions
   * (late, absent). A pupil the gate saw arrive keeps that arrival; a pupil on approved leave who
   * is not named stays on leave. Future days and days off are refused.
   */
  async function mark(actor: Actor, classId: number, body: { day?: string; exceptions: { studentId: number; status: MarkedStatus; arrivedAt?: string }[] }, ip: string) {
    const klass = await children.klass(actor, 'class:write', classId);
    const day = body.day ?? today();
    checkDay(day);
    if (day > today()) throw badRequest('ATTENDANCE_FUTURE_DAY', `不能为未来的日期（${day}）点名，请选择今天或之前的上学日`);
    if (!(await isSchoolDay(klass.schoolId, day))) throw badRequest('ATTENDANCE_NOT_SCHOOL_DAY', `${day} 不是${klass.schoolName}的上学日（节假日或周末），无需点名`);
    const pupils = await children.children(actor, 'class:write', { classId });
    const byId = new Map(pupils.map((p) => [p.id, p]));
    const seen = new Set<number>();
    for (const e of body.exceptions) {
      if (!byId.has(e.studentId)) throw badRequest('ATTENDANCE_NOT_IN_CLASS', `学生（编号 ${e.studentId}）不在${klass.name}，请刷新名单后重试`);
      if (seen.has(e.studentId)) throw badRequest('ATTENDANCE_DUPLICATE', `${byId.get(e.studentId)!.name}在例外名单中出现了两次，请只保留一项`);
      seen.add(e.studentId);
    }
    const ids = pupils.map((p) => p.id);
    const [rows, leave] = await Promise.all([q.rowsOf(db, ids, day, day), lq.approvedMorningLeave(db, ids, day, day)]);
    const at = deps.clock.now().toISOString();
    const exceptions = new Map(body.exceptions.map((e) => [e.studentId, e]));
    const counts = { present: 0, late: 0, absent: 0, onLeave: 0 };
    await db.transaction().execute(async (trx) => {
      for (const p of pupils) {
        const e = exceptions.get(p.id);
        const row = rows.find((r) => r.student_id === p.id);
        if (!e && leave.some((l) => l.student_id === p.id) && !row?.arrived_at) { counts.onLeave++; continue; }
        let status: MarkedStatus = e?.status ?? (row?.arrived_at ? row.status : 'present');
        let arrivedAt = row?.arrived_at ?? null;
        if (e?.status === 'absent') arrivedAt = null;
        if (e?.arrivedAt) arrivedAt = shanghaiInstant(day, e.arrivedAt).toISOString();
        if (status === 'absent' && arrivedAt) status = 'late';
        counts[status]++;
        await q.upsertDay(trx, {
          student_id: p.id, day, school_id: klass.schoolId, class_id: classId, status, arrived_at: arrivedAt, left_at: row?.left_at ?? null,
          source: e || !row ? 'teacher' : row.source, marked_by: actor.userId, updated_at: at,
        });
      }
    });
    await deps.audit.record({ actor: who(actor), action: 'attendance.mark', targetType: 'class', targetId: classId, result: 'success', ip, detail: { day, ...counts } });
    return { classId, day, ...counts };
  }

  /** The school a principal sets times and gates for; others get 404 for a school they do not lead. */
  function ledSchool(actor: Actor, schoolId: number) {
    const reach = familyReachOf(actor, 'class:write');
    if (!reach) throw forbidden();
    if (!reach.schoolIds.includes(schoolId)) throw notFound('学校');
  }

  async function settings(actor: Actor, schoolId: number) {
    ledSchool(actor, schoolId);
    return { schoolId, ...(await timesOf(schoolId)) };
  }

  async function saveSettings(actor: Actor, schoolId: number, body: { alertAt: string; lateAfter: string }, ip: string) {
    ledSchool(actor, schoolId);
    if (body.lateAfter > body.alertAt) {
      throw badRequest('ATTENDANCE_TIMES', `迟到时间（${body.lateAfter}）应不晚于缺勤提醒时间（${body.alertAt}）：提醒发出时，到校的孩子才已判定是否迟到`);
    }
    const at = deps.clock.now().toISOString();
    await q.saveSettings(db, { schoolId, alertAt: body.alertAt, lateAfter: body.lateAfter, by: actor.userId, at });
    await deps.audit.record({ actor: who(actor), action: 'attendance.settings', targetType: 'school', targetId: schoolId, result: 'success', ip, detail: body });
    return { schoolId, ...(await timesOf(schoolId)) };
  }

  /**
   * Attendance rates of the schools in the actor's family:stats scope, per school day or per ISO
   * week (the week's Monday names it): arrived ÷ (pupils − on leave). Counts only, never a name.
   */
  async function figures(actor: Actor, query: { from: string; to: string; by?: 'day' | 'week'; schoolId?: number }) {
    const scope = scopeOf(actor, 'family:stats');
    if (!scope) throw forbidden();
    if (!isIsoDate(query.from) || !isIsoDate(query.to) || query.to < query.from) {
      throw badRequest('ATTENDANCE_RANGE', `日期范围应为 YYYY-MM-DD 且开始不晚于结束，收到 ${query.from} 至 ${query.to}`);
    }
    if (spanDays(query.from, query.to) > 62) throw badRequest('ATTENDANCE_RANGE', '统计范围最多 62 天，请缩短日期范围');
    const schools = await q.schoolsInScope(db, schoolInScope(scope), query.schoolId);
    if (query.schoolId !== undefined && !schools.length) throw notFound('学校');
    const ids = schools.map((s) => s.id);
    const [counts, leave, calendar] = await Promise.all([
      q.countsOf(db, ids, query.from, query.to), lq.approvedMorningLeaveOfSchools(db, ids, query.from, query.to),
      ids.length ? loadCalendar(db, { schoolIds: ids, from: query.from, to: query.to }) : null,
    ]);
    const days = eachDay(query.from, query.to);
    const bucket = (day: string) => (query.by === 'week' ? addDays(day, 1 - isoWeekday(day)) : day);
    const items = schools.map((s) => {
      const per = new Map<string, { schoolDays: number; expected: number; arrived: number; late: number; absent: number; onLeave: number }>();
      for (const day of days) {
        if (!calendar?.isSchoolDay(s.id, day)) continue;
        const key = bucket(day);
        const b = per.get(key) ?? { schoolDays: 0, expected: 0, arrived: 0, late: 0, absent: 0, onLeave: 0 };
        const n = (status: string) => Number(counts.find((c) => c.school_id === s.id && c.day === day && c.status === status)?.n ?? 0);
        // A child on leave who came anyway counts as arrived, not on leave.
        const onLeave = new Set(leave.filter((l) => l.school_id === s.id && covers(l, day)).map((l) => l.student_id)).size;
        b.schoolDays++;
        b.arrived += n('present') + n('late');
        b.late += n('late');
        b.absent += n('absent');
        b.onLeave += onLeave;
        b.expected += Math.max(0, s.pupils - onLeave);
        per.set(key, b);
      }
      return {
        schoolId: s.id, schoolCode: s.code, schoolName: s.name, pupils: s.pupils,
        periods: [...per.entries()].map(([start, b]) => ({ start, ...b, rate: b.expected ? Math.round((b.arrived / b.expected) * 1000) / 1000 : null })),
      };
    });
    return { from: query.from, to: query.to, by: query.by ?? 'day', items };
  }

  /** The classes whose roll the actor takes, and the schools they lead (for the staff page). */
  async function myClasses(actor: Actor) {
    const items = (await children.classes(actor, 'class:write')).map((c) => ({ id: c.id, name: c.name, schoolId: c.schoolId, schoolName: c.schoolName }));
    return { items, ledSchoolIds: familyReachOf(actor, 'class:write')?.schoolIds ?? [] };
  }

  return { myClasses, mine, month, rollCall, mark, settings, saveSettings, figures, timesOf, isSchoolDay };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
