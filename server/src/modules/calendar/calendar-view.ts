import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { eachDay, isWeekend } from '../../../../shared/dates.js';
import * as q from './calendar.queries.js';
import { type PublicDay, publicDay } from './public-holidays.js';
import { type DayOverride, type DayVerdict, decideSchoolDay } from './school-day.js';

export type SchoolPlace = q.SchoolPlace;

/** A node of the org tree a calendar is asked about: a school, or a county or city without one. */
export interface Place {
  cityId: number;
  countyId: number | null;
  schoolId: number | null;
}

/**
 * Everything needed to decide school days for some schools (or counties) over a date range,
 * loaded in a handful of queries, so a computation over many schools and days never queries per day.
 */
export interface CalendarView {
  readonly from: string;
  readonly to: string;
  school(schoolId: number): SchoolPlace | undefined;
  schools(): SchoolPlace[];
  isSchoolDay(schoolId: number, day: string): boolean;
  /** The verdict with its reason, for a school. */
  dayOf(schoolId: number, day: string): DayVerdict;
  /** The verdict for a county or city as a whole (no school's own exceptions). */
  dayAt(place: Place, day: string): DayVerdict;
}

type Range = readonly [string, string];

/**
 * Loads the calendar of the given schools (all schools when omitted) and counties for [from, to].
 * Asking it about another school, or a date outside the range, is a programming error and throws.
 */
export async function loadCalendar(
  db: Kysely<Database>,
  opts: { schoolIds?: readonly number[]; countyIds?: readonly number[]; cityIds?: readonly number[]; from: string; to: string },
): Promise<CalendarView> {
  const { from, to } = opts;
  const wantSchools = opts.schoolIds !== undefined || (!opts.countyIds?.length && !opts.cityIds?.length);
  const schools = wantSchools ? await q.schoolPlaces(db, opts.schoolIds) : [];
  const counties = await q.countyPlaces(db, opts.countyIds ?? []);
  const cityIds = [...new Set([...schools.map((s) => s.cityId), ...counties.map((c) => c.cityId), ...(opts.cityIds ?? [])])];
  const [terms, overrides] = await Promise.all([q.termsOf(db, cityIds), q.overridesOf(db, cityIds, from, to)]);

  const national = new Map<string, PublicDay>();
  for (const day of eachDay(from, to)) national.set(day, publicDay(day));

  const byId = new Map(schools.map((s) => [s.id, s]));
  const overrideMap = new Map<string, DayOverride>();
  for (const o of overrides) {
    const node = o.level === 'school' ? o.school_id : o.level === 'county' ? o.county_id : o.city_id;
    overrideMap.set(`${o.level}:${node}|${o.day}`, { level: o.level, kind: o.kind, name: o.name });
  }

  // A county's term replaces the city's term of the same name (a county may start a week later).
  const termRanges = new Map<string, Range[]>();
  function rangesFor(cityId: number, countyId: number | null): Range[] {
    const key = `${cityId}|${countyId}`;
    let ranges = termRanges.get(key);
    if (!ranges) {
      const byName = new Map<string, Range>();
      for (const t of terms) if (t.city_id === cityId && t.county_id === null) byName.set(t.name, [t.starts_on, t.ends_on]);
      if (countyId !== null) for (const t of terms) if (t.county_id === countyId) byName.set(t.name, [t.starts_on, t.ends_on]);
      ranges = [...byName.values()];
      termRanges.set(key, ranges);
    }
    return ranges;
  }

  function dayAt(place: Place, day: string): DayVerdict {
    const nat = national.get(day);
    if (!nat) throw new RangeError(`calendar loaded for ${from}..${to}, asked about ${day}`);
    const inTerm = rangesFor(place.cityId, place.countyId).some(([a, b]) => a <= day && day <= b);
    const override = (place.schoolId !== null ? overrideMap.get(`school:${place.schoolId}|${day}`) : undefined)
      ?? (place.countyId !== null ? overrideMap.get(`county:${place.countyId}|${day}`) : undefined)
      ?? overrideMap.get(`city:${place.cityId}|${day}`)
      ?? null;
    return decideSchoolDay({ national: nat, inTerm, override }, isWeekend(day));
  }

  function dayOf(schoolId: number, day: string): DayVerdict {
    const s = byId.get(schoolId);
    if (!s) throw new RangeError(`calendar not loaded for school ${schoolId}`);
    return dayAt({ cityId: s.cityId, countyId: s.countyId, schoolId }, day);
  }

  return {
    from, to,
    school: (id) => byId.get(id),
    schools: () => schools,
    isSchoolDay: (schoolId, day) => dayOf(schoolId, day).schoolDay,
    dayOf,
    dayAt,
  };
}

/** One school's verdict on one day (loads a one-day view; for bulk work use loadCalendar). */
export async function isSchoolDay(db: Kysely<Database>, schoolId: number, day: string): Promise<boolean> {
  return (await loadCalendar(db, { schoolIds: [schoolId], from: day, to: day })).isSchoolDay(schoolId, day);
}
