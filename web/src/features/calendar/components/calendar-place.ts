import type { MeView } from '@shared/domain';
import type { CalendarPlace } from '../api/calendar.api';

/** The roles that set a calendar, widest first: the page opens on the widest node the person answers for. */
const WRITERS = ['city_admin', 'county_admin', 'dept_staff', 'principal'] as const;

export interface HomePlace {
  level: 'city' | 'county' | 'school';
  cityId: number;
  place: CalendarPlace;
}

/** The node the person's calendar page opens on (their city, county or school), or null. */
export function homePlace(me: MeView): HomePlace | null {
  const grants = me.assignments.filter((a) => (WRITERS as readonly string[]).includes(a.role) && a.cityId !== null);
  const city = grants.find((a) => a.countyId === null && a.schoolId === null);
  if (city) return { level: 'city', cityId: city.cityId!, place: { cityId: city.cityId! } };
  const county = grants.find((a) => a.countyId !== null && a.schoolId === null);
  if (county) return { level: 'county', cityId: county.cityId!, place: { countyId: county.countyId! } };
  const school = grants.find((a) => a.schoolId !== null);
  return school ? { level: 'school', cityId: school.cityId!, place: { schoolId: school.schoolId! } } : null;
}

/** The school year (its first calendar year) a day belongs to: it turns in August. */
export function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 8 ? year : year - 1;
}

/** The days the page shows for a school year: August to July. */
export function schoolYearRange(year: number): { from: string; to: string } {
  return { from: `${year}-08-01`, to: `${year + 1}-07-31` };
}
