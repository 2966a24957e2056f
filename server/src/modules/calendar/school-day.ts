import type { PublicDay } from './public-holidays.js';

/**
 * Why a date is, or is not, a school day:
 * - `school_day`: an ordinary weekday in term;
 * - `makeup_workday`: a weekend day made a working day to move a holiday (调休);
 * - `weekend`, `public_holiday` (法定节假日), `term_break` (寒暑假, between terms);
 * - `exception_closed` / `exception_open`: a county's or school's own exception (exam day,
 *   closure, the school's own holiday; or an extra school day).
 */
export const DAY_REASONS = [
  'school_day', 'makeup_workday', 'weekend', 'public_holiday', 'term_break', 'exception_closed', 'exception_open',
] as const;
export type DayReason = (typeof DAY_REASONS)[number];

export type OverrideLevel = 'city' | 'county' | 'school';

export interface DayOverride {
  level: OverrideLevel;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface DayFacts {
  /** The national dataset's verdict. */
  national: PublicDay;
  /** Whether a term of the school (or county, or city) covers the date. */
  inTerm: boolean;
  /** The most specific override of the date for the place, if any (school over county over city). */
  override: DayOverride | null;
}

export interface DayVerdict {
  schoolDay: boolean;
  reason: DayReason;
  /** The holiday's or exception's name. */
  name: string | null;
  /** Where an override came from, when one decided the day. */
  level: OverrideLevel | null;
}

/**
 * THE rule for a school day. Between terms there is no school whatever else holds. Within a term
 * the most specific override decides; a city's override corrects the national dataset (and reads
 * like it), a county's or school's is an exception. Otherwise the national calendar decides.
 */
export function decideSchoolDay(facts: DayFacts, weekend: boolean): DayVerdict {
  if (!facts.inTerm) return { schoolDay: false, reason: 'term_break', name: null, level: null };
  const o = facts.override;
  if (o) {
    const open = o.kind === 'workday';
    if (o.level === 'city') {
      const reason: DayReason = open ? (weekend ? 'makeup_workday' : 'school_day') : 'public_holiday';
      return { schoolDay: open, reason, name: o.name, level: 'city' };
    }
    return { schoolDay: open, reason: open ? 'exception_open' : 'exception_closed', name: o.name, level: o.level };
  }
  switch (facts.national.kind) {
    case 'holiday':
      return { schoolDay: false, reason: 'public_holiday', name: facts.national.name, level: null };
    case 'makeup_workday':
      return { schoolDay: true, reason: 'makeup_workday', name: facts.national.name, level: null };
    case 'weekend':
      return { schoolDay: false, reason: 'weekend', name: null, level: null };
    default:
      return { schoolDay: true, reason: 'school_day', name: null, level: null };
  }
}
