import type { Kysely } from 'kysely';
import type { Department } from '../../../../shared/domain.js';
import type { Database } from '../../db/schema.js';

/**
 * Who answers for a school's recording compliance (the departments' duties are in
 * access/department-duties.ts): where the rollout has named a person for the school (专人负责, see
 * schoolResponsibles) that person answers; otherwise the county's staff of the 教科所.
 */

export interface Responsible {
  department: Department;
  departmentName: string | null;
  people: { userId: number; name: string }[];
}

/** The department answering for recording compliance in each county, with its staff. */
export async function recordingResponsibles(db: Kysely<Database>, countyIds: readonly number[]): Promise<Map<number, Responsible>> {
  const ids = [...new Set(countyIds)];
  const out = new Map<number, Responsible>();
  if (!ids.length) return out;
  const [departments, staff] = await Promise.all([
    db.selectFrom('departments').select(['region_id', 'name']).where('kind', '=', 'research').where('region_id', 'in', ids).execute(),
    db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['role_assignments.county_id', 'users.id', 'users.name'])
      .where('role_assignments.role', '=', 'dept_staff').where('role_assignments.department', '=', 'research')
      .where('role_assignments.county_id', 'in', ids).where('users.disabled', '=', 0)
      .orderBy('users.id').execute(),
  ]);
  for (const id of ids) out.set(id, { department: 'research', departmentName: null, people: [] });
  for (const d of departments) out.get(d.region_id)!.departmentName = d.name;
  for (const s of staff) {
    const r = out.get(s.county_id!);
    if (r && !r.people.some((p) => p.userId === s.id)) r.people.push({ userId: s.id, name: s.name });
  }
  return out;
}

/** The rollout's named person per school (rollout.service namedPersons), passed in so compliance reads no rollout table. */
export type NamedPersons = (schoolIds: number[]) => Promise<Map<number, { userId: number; name: string } | null>>;

/**
 * Who answers for each school's recording compliance: the county's 教科所, and as the person the
 * school's named person when the rollout has one, else the 教科所's staff.
 */
export async function schoolResponsibles(
  db: Kysely<Database>, schools: readonly { id: number; county_id: number }[], namedPersons?: NamedPersons,
): Promise<Map<number, Responsible>> {
  const [byCounty, named] = await Promise.all([
    recordingResponsibles(db, schools.map((s) => s.county_id)),
    namedPersons ? namedPersons(schools.map((s) => s.id)) : new Map<number, null>(),
  ]);
  const out = new Map<number, Responsible>();
  for (const s of schools) {
    const county = byCounty.get(s.county_id) ?? { department: 'research' as const, departmentName: null, people: [] };
    const person = named.get(s.id);
    out.set(s.id, person ? { ...county, people: [person] } : county);
  }
  return out;
}
