import type { Generated } from 'kysely';

/** The school calendar, quota rules and the per-school-day compliance rollup. Conventions: see ../schema.ts. */

/** A school term (学期) of a city, or a county's own dates for a term of the same name. */
export interface SchoolTermTable {
  id: Generated<number>;
  /** 'city:<id>' or 'county:<id>'. */
  scope_key: string;
  city_id: number;
  county_id: number | null;
  name: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
  /** The kind of school the term applies to; null: every kind. */
  stage: Generated<'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior' | null>;
}

/** A city's entry of the national holidays and 调休 days for a year the holiday dataset lacks. */
export interface PublicDayTable {
  id: Generated<number>;
  city_id: number;
  day: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
  created_by_user_id: number | null;
  created_at: string;
}

/**
 * A day that differs from the national holiday dataset: a city's correction or import, or a
 * county's or school's exception (exam day, closure, a school's own holiday, an extra school day).
 */
export interface CalendarOverrideTable {
  id: Generated<number>;
  /** 'city:<id>', 'county:<id>' or 'school:<id>'. */
  scope_key: string;
  level: 'city' | 'county' | 'school';
  city_id: number;
  county_id: number | null;
  school_id: number | null;
  day: string;
  /** holiday: no lessons that day; workday: a school day. */
  kind: 'holiday' | 'workday';
  name: string;
  created_by_user_id: number | null;
  created_at: string;
}

/** Minimum counted lessons per school day, by scope and school kind, from a date (null: every kind). */
export interface QuotaRuleTable {
  id: Generated<number>;
  city_id: number;
  county_id: number | null;
  school_kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior' | null;
  min_lessons: number;
  effective_from: string;
  effective_to: string | null;
  created_at: string;
}

/** Schools whose compliance is computed, from the day their recording is expected. */
export interface ComplianceTrackingTable {
  school_id: number;
  county_id: number;
  city_id: number;
  since: string;
  created_at: string;
}

/** The per-school-per-day compliance rollup (see compliance/compliance.recompute.ts). */
export interface ComplianceDayTable {
  school_id: number;
  county_id: number;
  city_id: number;
  school_kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
  day: string;
  school_day: number;
  /** The quota that day (0 on a day without school). */
  required: number;
  /** Distinct lessons counted by the recordings' `counts` field. */
  counted: number;
  met: number;
  /** Why the day is or is not a school day (calendar/school-day.ts DayReason). */
  reason: string;
  /** The holiday's or exception's name, when there is one. */
  reason_name: string | null;
  computed_at: string;
}

/** Totals of compliance_days per county, kind of school and day, kept with it. */
export interface ComplianceCountyDayTable {
  day: string;
  county_id: number;
  school_kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
  city_id: number;
  /** Tracked schools for which the day was a school day. */
  school_days: number;
  met_days: number;
}
