import { isoWeekday } from '../../../../shared/dates.js';

/**
 * When a live class takes place, as pure rules: a weekly class (专递课堂) on its weekday between
 * starts_on and until_on, a one-off on starts_on; the clash test between two classes sharing a
 * room. Which weekday's timetable a day follows is the calendar's call (调休, holidays): callers
 * pass it in.
 */
export interface ClassSlot {
  weekday: number | null;
  startsOn: string;
  untilOn: string | null;
  startTime: string;
  minutes: number;
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** HH:MM a class ends (a class never runs past midnight: 23:59 at the latest). */
export function endTime(slot: Pick<ClassSlot, 'startTime' | 'minutes'>): string {
  const end = Math.min(minuteOf(slot.startTime) + slot.minutes, 23 * 60 + 59);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** The last day a slot may occur (a one-off: its day). */
export const lastDay = (s: ClassSlot) => (s.weekday === null ? s.startsOn : s.untilOn);

/**
 * Whether a class takes place on `day`, given the weekday whose timetable runs that day at the
 * lead school (null: no school day). A one-off takes place on its day whatever the calendar says:
 * whoever scheduled it picked that day.
 */
export function occursOn(s: ClassSlot, day: string, timetableWeekday: number | null): boolean {
  if (s.weekday === null) return day === s.startsOn;
  const last = lastDay(s);
  if (day < s.startsOn || (last !== null && day > last)) return false;
  return timetableWeekday === s.weekday;
}

function daysMeet(a: ClassSlot, b: ClassSlot): boolean {
  const aLast = lastDay(a);
  const bLast = lastDay(b);
  if ((aLast !== null && aLast < b.startsOn) || (bLast !== null && bLast < a.startsOn)) return false;
  if (a.weekday === null && b.weekday === null) return a.startsOn === b.startsOn;
  if (a.weekday === null) return isoWeekday(a.startsOn) === b.weekday;
  if (b.weekday === null) return isoWeekday(b.startsOn) === a.weekday;
  return a.weekday === b.weekday;
}

/** True when two classes could hold the same room at the same time on some day. */
export function slotsOverlap(a: ClassSlot, b: ClassSlot): boolean {
  if (!daysMeet(a, b)) return false;
  const aStart = minuteOf(a.startTime);
  const bStart = minuteOf(b.startTime);
  return aStart < bStart + b.minutes && bStart < aStart + a.minutes;
}

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

/** 每周三 09:00–09:40 / 2026-12-08 09:00–09:40: how a slot is named in messages. */
export function describeSlot(s: ClassSlot): string {
  const when = s.weekday === null ? s.startsOn : `每周${WEEKDAY_NAMES[s.weekday - 1]}`;
  return `${when} ${s.startTime}–${endTime(s)}`;
}
