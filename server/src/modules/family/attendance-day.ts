import type { Actor } from '../../access/actor.js';
import { shanghaiWallClock } from '../../../../shared/dates.js';
import type { AttendanceStatus } from '../../db/schema/family-attendance.js';

/** A child's morning as the pages show it: what was marked, or leave, or nothing yet. */
export type DayStatus = AttendanceStatus | 'on_leave';

/** The default times of a school that has set none (Asia/Shanghai). */
export const DEFAULT_ALERT_AT = '08:30';
export const DEFAULT_LATE_AFTER = '08:00';

/**
 * The day's status: an arrival counts even on a day of leave (the child came after all); else
 * approved morning leave makes it on_leave; else what was marked (absent), or null: not yet known.
 */
export function effectiveStatus(row: { status: AttendanceStatus } | undefined, onLeave: boolean): DayStatus | null {
  if (row && row.status !== 'absent') return row.status;
  if (onLeave) return 'on_leave';
  return row?.status ?? null;
}

/** Present or late by the school's lateness time (an arrival after it is late). */
export function arrivalStatus(arrivedAt: Date, lateAfter: string): 'present' | 'late' {
  return shanghaiWallClock(arrivedAt).hhmm > lateAfter ? 'late' : 'present';
}

/** Whether a leave (from, to) covers a day. */
export const covers = (l: { from_day: string; to_day: string }, day: string) => l.from_day <= day && day <= l.to_day;

/**
 * An actor standing for a school's whole staff (a principal of it): the gate, the absence alert and
 * the import's school-wide lookups learn the school's children through familyChildren with it, as
 * no person is behind them.
 */
export function schoolWideActor(schoolId: number): Actor {
  return {
    userId: 0, username: '', name: '', kind: 'staff', sessionId: 0, csrfToken: '', permissions: new Set(),
    grants: [{ assignmentId: 0, role: 'principal', department: null, cityId: null, countyId: null, schoolId }],
  };
}

/** The actor with only their guardian grant: "my children", never the classes they teach. */
export function asGuardian(actor: Actor): Actor {
  return { ...actor, grants: actor.grants.filter((g) => g.role === 'parent') };
}
