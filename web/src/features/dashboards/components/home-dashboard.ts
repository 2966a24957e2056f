import type { MeView } from '@shared/domain';

/**
 * Where /dashboard opens for this person: the city view for the city bureau and the system (and
 * for someone over several counties), their county's for a county's staff, their school's for a
 * principal.
 */
export function homeDashboard(me: MeView): { level: 'city' } | { level: 'county' | 'school'; id: number } {
  const grants = me.assignments.filter((a) => a.role !== 'teacher' && a.role !== 'parent');
  if (grants.some((a) => a.countyId === null && a.schoolId === null)) return { level: 'city' };
  const counties = new Set(grants.filter((a) => a.schoolId === null).map((a) => a.countyId));
  const schools = new Set(grants.map((a) => a.schoolId).filter((id) => id !== null));
  if (counties.size === 1 && [...counties][0] != null) return { level: 'county', id: [...counties][0]! };
  if (!counties.size && schools.size === 1) return { level: 'school', id: [...schools][0]! };
  return { level: 'city' };
}

