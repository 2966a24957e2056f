import type { MeView } from '@shared/domain';

/**
 * The one school a principal's or teacher's home opens on: set when every school-level grant the
 * person holds is at the same school and nothing reaches wider (a county's staff keep the county
 * view). Parents' grants do not count: a parent's child is not a workplace.
 */
export function homeSchool(me: MeView): { id: number; name: string | null } | null {
  const grants = me.assignments.filter((a) => a.role !== 'parent');
  if (!grants.length || grants.some((a) => a.schoolId === null)) return null;
  const ids = new Set(grants.map((a) => a.schoolId));
  if (ids.size !== 1) return null;
  const first = grants[0]!;
  return { id: first.schoolId!, name: first.scopeName };
}
