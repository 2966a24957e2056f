import type { Kysely } from 'kysely';
import type { Scope } from '../../access/actor.js';
import type { Database } from '../../db/schema.js';
import { eachDay } from '../../../../shared/dates.js';
import { type CalendarView, loadCalendar, type Place } from './calendar-view.js';
import type { DayReason } from './school-day.js';

/**
 * What a page says about a day before any figure: a school day (figures follow), a weekend, a
 * holiday or exception day off, or outside every term (学期间隔/假期) — where 0 / 0 would read as
 * a failure and the page should instead say why nothing is judged.
 */
export const DAY_STATUSES = ['school-day', 'weekend', 'holiday', 'no-term'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

export function statusOfReason(reason: DayReason): DayStatus {
  switch (reason) {
    case 'term_break': return 'no-term';
    case 'weekend': return 'weekend';
    case 'public_holiday':
    case 'exception_closed': return 'holiday';
    default: return 'school-day';
  }
}

// Across several places the day is what it is for the one closest to school: one school in term
// makes the county's day a school day.
const RANK: Record<DayStatus, number> = { 'school-day': 3, holiday: 2, weekend: 1, 'no-term': 0 };

export interface RangeStatus {
  /** One day: its status; a longer range: 'no-term' when no day of it is in any term, else null. */
  dayStatus: DayStatus | null;
  /** The holiday's or exception's name for a one-day 'holiday'. */
  dayName: string | null;
}

function statusOfPlaces(view: CalendarView, places: readonly Place[], day: string): { status: DayStatus; name: string | null } {
  let best: { status: DayStatus; name: string | null } = { status: 'no-term', name: null };
  for (const p of places) {
    const v = view.dayAt(p, day);
    const status = statusOfReason(v.reason);
    if (RANK[status] > RANK[best.status]) best = { status, name: v.name };
  }
  return best;
}

/**
 * The status of a range for what a page shows: one school, one county, or the caller's whole
 * scope (its cities, counties or schools). A few statements whatever the size of the scope.
 */
export async function rangeStatus(
  db: Kysely<Database>, scope: Scope, only: { countyId?: number; schoolId?: number }, from: string, to: string,
): Promise<RangeStatus> {
  let schoolIds: number[] = [];
  let countyIds: number[] = [];
  let cityIds: number[] = [];
  if (only.schoolId !== undefined) schoolIds = [only.schoolId];
  else if (only.countyId !== undefined) countyIds = [only.countyId];
  else if (scope.all) cityIds = (await db.selectFrom('regions').select('id').where('level', '=', 'city').execute()).map((r) => r.id);
  else ({ schoolIds, countyIds, cityIds } = scope);
  if (!schoolIds.length && !countyIds.length && !cityIds.length) return { dayStatus: null, dayName: null };
  const view = await loadCalendar(db, { schoolIds: schoolIds.length ? schoolIds : undefined, countyIds, cityIds, from, to });
  const places: Place[] = [
    ...view.schools().map((s) => ({ cityId: s.cityId, countyId: s.countyId, schoolId: s.id, kind: s.kind })),
    ...countyIds.flatMap((id) => view.county(id) ?? []),
    ...cityIds.map((cityId) => ({ cityId, countyId: null, schoolId: null })),
  ];
  if (from === to) {
    const s = statusOfPlaces(view, places, from);
    return { dayStatus: s.status, dayName: s.status === 'holiday' ? s.name : null };
  }
  const anyInTerm = eachDay(from, to).some((day) => statusOfPlaces(view, places, day).status !== 'no-term');
  return { dayStatus: anyInTerm ? null : 'no-term', dayName: null };
}
