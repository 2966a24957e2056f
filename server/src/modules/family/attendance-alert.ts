import { shanghaiWallClock } from '../../../../shared/dates.js';
import { loadCalendar } from '../calendar/calendar-view.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { DEFAULT_ALERT_AT, effectiveStatus, schoolWideActor } from './attendance-day.js';
import type { AttendanceDeps } from './attendance.service.js';
import * as q from './attendance.queries.js';
import * as lq from './leave.queries.js';

// Which schools have a school day today changes only when a calendar is edited: reread every 10 minutes.
const CALENDAR_TTL_MS = 10 * 60_000;

/**
 * The absence alert (今日未到校): at each school's alert time (default 08:30 Asia/Shanghai) on a
 * school day, every child with no arrival and no approved morning leave is named to their
 * guardians, and each class's 班主任 gets one summary. A school's alert runs once a day (a row
 * claims it, so two processes or a rerun send nothing twice); notifications carry dedupe keys too.
 * Runs in the family's due work, every minute.
 */
export function createAbsenceAlert(deps: AttendanceDeps & { notifications: NotificationsService }) {
  const db = deps.db.db;
  let openToday: { day: string; at: number; schoolIds: number[] } | null = null;

  async function schoolsOpen(day: string, now: Date) {
    if (!openToday || openToday.day !== day || now.getTime() - openToday.at > CALENDAR_TTL_MS) {
      const calendar = await loadCalendar(db, { from: day, to: day });
      openToday = { day, at: now.getTime(), schoolIds: calendar.schools().map((s) => s.id).filter((id) => calendar.isSchoolDay(id, day)) };
    }
    return openToday.schoolIds;
  }

  async function alertSchool(schoolId: number, day: string) {
    const kids = await deps.children.children(schoolWideActor(schoolId), 'class:write');
    const ids = kids.map((c) => c.id);
    const [rows, leave] = await Promise.all([q.rowsOf(db, ids, day, day), lq.approvedMorningLeave(db, ids, day, day)]);
    const rowOf = new Map(rows.map((r) => [r.student_id, r]));
    const onLeave = new Set(leave.map((l) => l.student_id));
    const missing = kids.filter((c) => {
      const s = effectiveStatus(rowOf.get(c.id), onLeave.has(c.id));
      return s === null || s === 'absent';
    });
    const guardians = await deps.children.guardiansOf(missing.map((c) => c.id));
    for (const c of missing) {
      const to = guardians.filter((g) => g.studentId === c.id).map((g) => g.userId);
      await deps.notifications.notify(to, {
        kind: 'attendance_absent', title: `${c.label} 今日未到校`,
        body: `${day} 到提醒时间仍未收到${c.name}的到校记录，也没有已批准的请假。如孩子已请假或已到校，请联系班主任。`,
        link: '/family/attendance', dedupeKey: `attendance_absent:${c.id}:${day}`,
      });
    }
    const byClass = new Map<number, typeof missing>();
    for (const c of missing) byClass.set(c.classId, [...(byClass.get(c.classId) ?? []), c]);
    for (const [classId, list] of byClass) {
      const heads = (await deps.children.staffOf(classId)).filter((s) => s.duty === 'head').map((s) => s.userId);
      await deps.notifications.notify(heads, {
        kind: 'attendance_absent_summary', title: `${list[0]!.className} 今日 ${list.length} 名学生未到校`,
        body: `${day} 未到校且未请假：${list.map((c) => c.name).join('、')}。已提醒其家长。`,
        link: `/attendance?classId=${classId}`, dedupeKey: `attendance_absent_summary:${classId}:${day}`,
      });
    }
    return missing.length;
  }

  /** Sends the alerts that are due at `now`; returns how many children were named, by school. */
  async function run(now: Date): Promise<{ schools: number; children: number }> {
    const { date: day, hhmm } = shanghaiWallClock(now);
    const settings = new Map((await q.allSettings(db)).map((s) => [s.school_id, s.alert_at]));
    const earliest = [DEFAULT_ALERT_AT, ...settings.values()].sort()[0]!;
    if (hhmm < earliest) return { schools: 0, children: 0 };
    const done = await q.alertedSchools(db, day);
    const due = (await schoolsOpen(day, now)).filter((id) => !done.has(id) && (settings.get(id) ?? DEFAULT_ALERT_AT) <= hhmm);
    let named = 0;
    let schools = 0;
    for (const schoolId of due) {
      if (!(await q.claimAlertRun(db, schoolId, day, now.toISOString()))) continue;
      const n = await alertSchool(schoolId, day);
      await q.recordAlerted(db, schoolId, day, n);
      named += n;
      schools++;
    }
    return { schools, children: named };
  }

  return { run };
}
