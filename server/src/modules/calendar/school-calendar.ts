import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { eachDay, isoWeekday, isWeekend } from '../../../../shared/dates.js';
import { loadCalendar } from './calendar-view.js';
import * as q from './calendar.queries.js';
import { checkDateRange } from './date-range.js';
import { replacedWeekday } from './timetable-day.js';

/**
 * One school's calendar over a range as a family sees it: each day's verdict and the weekday
 * whose timetable runs (调休: the weekday the working weekend day stands in for), and the terms
 * that apply to the school. For callers that have already decided the school is reachable (the
 * family app: a guardian's child's school), so no actor is asked here. Null: no such school.
 */
export async function schoolCalendar(db: Kysely<Database>, schoolId: number, from: string, to: string) {
  checkDateRange(from, to);
  const calendar = await loadCalendar(db, { schoolIds: [schoolId], from, to });
  const school = calendar.school(schoolId);
  if (!school) return null;
  const days = eachDay(from, to).map((day) => {
    const v = calendar.dayOf(schoolId, day);
    const pub = calendar.publicDayOf(school.cityId, day);
    const timetableWeekday = !v.schoolDay ? null : isWeekend(day) ? replacedWeekday(day) : isoWeekday(day);
    return {
      day, schoolDay: v.schoolDay, reason: v.reason, name: v.name, timetableWeekday,
      publicDay: pub.kind === 'holiday' || pub.kind === 'makeup_workday' ? { kind: pub.kind, name: pub.name ?? '' } : null,
    };
  });
  const terms = (await q.termsOf(db, [school.cityId]))
    .filter((t) => (t.county_id === null || t.county_id === school.countyId) && (t.stage === null || t.stage === school.kind))
    .filter((t) => t.starts_on <= to && t.ends_on >= from)
    .map((t) => ({ name: t.name, startsOn: t.starts_on, endsOn: t.ends_on }));
  return { schoolId, from, to, days, terms };
}

export type SchoolCalendar = NonNullable<Awaited<ReturnType<typeof schoolCalendar>>>;
