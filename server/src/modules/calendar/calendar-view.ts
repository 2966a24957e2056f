import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SchoolKind } from '../../../../shared/domain.js';
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
  /** The school's kind, for terms of one stage; absent: a county or city, in term when any stage is. */
  kind?: SchoolKind | null;
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
  /** A county loaded by id, as a place. */
  county(countyId: number): Place | undefined;
  isSchoolDay(schoolId: number, day: string): boolean;
  /** The verdict with its reason, for a school. */
  dayOf(schoolId: number, day: string): DayVerdict;
  /** The national calendar's day for a city: the city's own entry of the year, else the dataset. */
  publicDayOf(cityId: number, day: string): PublicDay;
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
  const [terms, overrides, entered] = await Promise.all([
    q.termsOf(db, cityIds), q.overridesOf(db, cityIds, from, to), q.publicDaysOf(db, cityIds, from, to),
  ]);

  const national = new Map<string, PublicDay>();
  for (const day of eachDay(from, to)) national.set(day, publicDay(day));
  // A city's own entry of a year the dataset lacks takes the dataset's place on the days it names.
  const enteredMap = new Map<string, PublicDay>(entered.map((e) => [`${e.city_id}|${e.day}`, { kind: e.kind, name: e.name }]));

  const byId = new Map(schools.map((s) => [s.id, s]));
  const overrideMap = new Map<string, DayOverride>();
  for (const o of overrides) {
    const node = o.level === 'school' ? o.school_id : o.level === 'county' ? o.county_id : o.city_id;
    overrideMap.set(`${o.level}:${node}|${o.day}`, { level: o.level, kind: o.kind, name: o.name });
  }

  // A county's term replaces the city's term of the same name (a county may start a week later),
  // and a term of the school's stage replaces the all-stage term of the same name (幼儿园 dates).
  // Without a kind (a county or city as a whole) the terms of every stage count side by side.
  const specificity = (t: q.TermOfCity) => (t.county_id !== null ? 2 : 0) + (t.stage !== null ? 1 : 0);
  const termRanges = new Map<string, Range[]>();
  function rangesFor(cityId: number, countyId: number | null, kind: SchoolKind | null): Range[] {
    const key = `${cityId}|${countyId}|${kind}`;
    let ranges = termRanges.get(key);
    if (!ranges) {
      const byName = new Map<string, Range>();
      const applying = terms
        .filter((t) => t.city_id === cityId && (t.county_id === null || t.county_id === countyId))
        .filter((t) => kind === null || t.stage === null || t.stage === kind)
        .sort((a, b) => specificity(a) - specificity(b));
      for (const t of applying) byName.set(kind === null ? `${t.name}|${t.stage}` : t.name, [t.starts_on, t.ends_on]);
      ranges = [...byName.values()];
      termRanges.set(key, ranges);
    }
    return ranges;
  }

  function dayAt(place: Place, day: string): DayVerdict {
    const nat = enteredMap.get(`${place.cityId}|${day}`) ?? national.get(day);
    if (!nat) throw new RangeError(`calendar loaded for ${from}..${to}, asked about ${day}`);
    const inTerm = rangesFor(place.cityId, place.countyId, place.kind ?? null).some(([a, b]) => a <= day && day <= b);
    const override = (place.schoolId !== null ? overrideMap.get(`school:${place.schoolId}|${day}`) : undefined)
      ?? (place.countyId !== null ? overrideMap.get(`county:${place.countyId}|${day}`) : undefined)
      ?? overrideMap.get(`city:${place.cityId}|${day}`)
      ?? null;
    return decideSchoolDay({ national: nat, inTerm, override }, isWeekend(day));
  }

  function dayOf(schoolId: number, day: string): DayVerdict {
    const s = byId.get(schoolId);
    if (!s) throw new RangeError(`calendar not loaded for school ${schoolId}`);
    return dayAt({ cityId: s.cityId, countyId: s.countyId, schoolId, kind: s.kind }, day);
  }

  return {
    from, to,
    school: (id) => byId.get(id),
    schools: () => schools,
    county: (id) => {
      const c = counties.find((x) => x.id === id);
      return c ? { cityId: c.cityId, countyId: c.id, schoolId: null } : undefined;
    },
    isSchoolDay: (schoolId, day) => dayOf(schoolId, day).schoolDay,
    publicDayOf: (cityId, day) => enteredMap.get(`${cityId}|${day}`) ?? national.get(day) ?? publicDay(day),
    dayOf,
    dayAt,
  };
}

/** One school's verdict on one day (loads a one-day view; for bulk work use loadCalendar). */
export async function isSchoolDay(db: Kysely<Database>, schoolId: number, day: string): Promise<boolean> {
  return (await loadCalendar(db, { schoolIds: [schoolId], from: day, to: day })).isSchoolDay(schoolId, day);
}
