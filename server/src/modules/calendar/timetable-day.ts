import chineseDays from 'chinese-days';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, isoWeekday, isWeekend } from '../../../../shared/dates.js';
import { loadCalendar } from './calendar-view.js';
import { publicDay } from './public-holidays.js';

// 调休 pairs lie close together: the working weekend days within a few weeks of the days off they pay for.
const PAIR_WINDOW_DAYS = 20;

const inLieu = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // A local-midnight Date: the package reads dates through local getters (as public-holidays.ts).
  return chineseDays.isInLieu(new Date(y, m - 1, d));
};

/**
 * The weekday whose timetable a 调休 working weekend day follows: the weekday it pays for. The
 * national dataset names both the working weekend days and the weekdays taken off in lieu by their
 * holiday (2018-04-08, a Sunday of 清明, pays for Friday 2018-04-06); they are paired in date order
 * within the holiday. Null when the day is no such working day, or the dataset has no pair for it.
 */
export function replacedWeekday(day: string): number | null {
  const own = publicDay(day);
  if (own.kind !== 'makeup_workday' || own.name === null) return null;
  const makeups: string[] = [];
  const offs: string[] = [];
  for (let i = -PAIR_WINDOW_DAYS; i <= PAIR_WINDOW_DAYS; i++) {
    const d = addDays(day, i);
    const p = publicDay(d);
    if (p.name !== own.name) continue;
    if (p.kind === 'makeup_workday') makeups.push(d);
    else if (p.kind === 'holiday' && !isWeekend(d) && inLieu(d)) offs.push(d);
  }
  if (!offs.length) return null;
  const index = Math.min(makeups.indexOf(day), offs.length - 1);
  return isoWeekday(offs[index]!);
}

/**
 * Per school, the weekday (1 = Monday … 7) whose timetable runs on `day`, or null when the school
 * calendar says it is no school day (public holiday, weekend, between terms, the school's or
 * county's own closure). An ordinary school day follows its own weekday; a working weekend day
 * (调休, or an extra school day a county or school opened) follows the weekday it stands in for,
 * and when that cannot be known it has no timetable (null).
 */
export async function timetableWeekdays(db: Kysely<Database>, schoolIds: readonly number[], day: string): Promise<Map<number, number | null>> {
  const out = new Map<number, number | null>();
  if (!schoolIds.length) return out;
  const calendar = await loadCalendar(db, { schoolIds, from: day, to: day });
  const own = isoWeekday(day);
  const standIn = isWeekend(day) ? replacedWeekday(day) : null;
  for (const id of schoolIds) {
    if (!calendar.school(id)) {
      out.set(id, null);
      continue;
    }
    const verdict = calendar.dayOf(id, day);
    out.set(id, !verdict.schoolDay ? null : isWeekend(day) ? standIn : own);
  }
  return out;
}
