import chineseDays from 'chinese-days';
import type { Kysely } from 'kysely';
import { addDays, isoWeekday, maxDay, minDay } from '../../../shared/dates.js';
import type { Database } from '../db/schema.js';
import { DEMO_TERMS } from '../modules/calendar/calendar.demo-seed.js';
import { upsertTerm } from '../modules/calendar/calendar.queries.js';

/**
 * The terms of the school years around the day the demo first starts, so "today" and "this month"
 * fall in a term on any date, as they would in a city using the platform now. Shandong's pattern:
 * the autumn term from 1 September (the next Monday when that is a weekend) to the Friday before
 * 23 January or two weeks before the Spring Festival, whichever comes first; the spring term from
 * the Monday 12 days or more after the Spring Festival to the first Friday of July (by 5 July).
 * The Spring Festival comes from the lunar calendar of the `chinese-days` dataset, which the
 * platform's holidays and 调休 also come from, so this works for any year.
 */

export interface DemoTerm {
  name: string;
  startsOn: string;
  endsOn: string;
}

const NUMERALS = ['一', '二'] as const;

/** The first day from `day` on (itself included) whose ISO weekday is `weekday`. */
function onOrAfter(day: string, weekday: number): string {
  return addDays(day, (weekday - isoWeekday(day) + 7) % 7);
}

/** The last day up to `day` (itself included) whose ISO weekday is `weekday`. */
function onOrBefore(day: string, weekday: number): string {
  return addDays(day, -((isoWeekday(day) - weekday + 7) % 7));
}

/** The Spring Festival (lunar 1st of the 1st month) of a Gregorian year. */
export function springFestival(year: number): string {
  return chineseDays.getSolarDateFromLunar(`${year}-01-01`).date;
}

/** The two terms of the school year starting in September of `startYear`. */
export function schoolYearTerms(startYear: number): [DemoTerm, DemoTerm] {
  const festival = springFestival(startYear + 1);
  const schoolYear = `${startYear}—${startYear + 1}学年`;
  const september = `${startYear}-09-01`;
  const autumnStart = isoWeekday(september) >= 6 ? onOrAfter(september, 1) : september;
  const autumnEnd = onOrBefore(minDay(`${startYear + 1}-01-23`, addDays(festival, -14)), 5);
  const springStart = onOrAfter(maxDay(addDays(festival, 12), `${startYear + 1}-02-14`), 1);
  const springEnd = onOrBefore(`${startYear + 1}-07-05`, 5);
  return [
    { name: `${schoolYear}第${NUMERALS[0]}学期`, startsOn: autumnStart, endsOn: autumnEnd },
    { name: `${schoolYear}第${NUMERALS[1]}学期`, startsOn: springStart, endsOn: springEnd },
  ];
}

/**
 * The terms around `today`: the school year that contains it or has just ended (in the summer
 * break), and the one after, so the days before today and the weeks after it are both covered.
 * Terms of the 2018 programme's school years are left to the 2018 calendar.
 */
export function termsAround(today: string): DemoTerm[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // From August on, the school year starting this September is the next one to begin.
  const current = month >= 8 ? year : year - 1;
  const taken = new Set<string>(DEMO_TERMS.map((t) => t.name));
  const programme = DEMO_TERMS.map((t) => [t.startsOn, t.endsOn] as const);
  return [...schoolYearTerms(current - 1), ...schoolYearTerms(current)]
    .filter((t) => !taken.has(t.name) && !programme.some(([from, to]) => t.startsOn <= to && from <= t.endsOn));
}

/** The term that contains `day`, or null in a break. */
export function termOn(terms: readonly DemoTerm[], day: string): DemoTerm | null {
  return terms.find((t) => t.startsOn <= day && day <= t.endsOn) ?? null;
}

/**
 * The last day with lessons up to `today`: today in a term, else the last day of the term before
 * it (the summer or winter break shows the weeks before the break).
 */
export function lastTermDay(terms: readonly DemoTerm[], today: string): string | null {
  if (termOn(terms, today)) return today;
  const before = terms.filter((t) => t.endsOn < today).sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  return before.at(-1)?.endsOn ?? null;
}

/** Saves the terms around `today` as the city's school calendar; returns them. */
export async function seedCurrentTerms(db: Kysely<Database>, cityId: number, today: string, now: Date): Promise<DemoTerm[]> {
  const terms = termsAround(today);
  for (const t of terms) await upsertTerm(db, { cityId, countyId: null, name: t.name, startsOn: t.startsOn, endsOn: t.endsOn }, now.toISOString());
  return terms;
}
