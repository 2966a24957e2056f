import type { Kysely } from 'kysely';
import type { Department } from '../../../../shared/domain.js';
import type { Database } from '../../db/schema.js';
import { departmentNamesOf, departmentStaffOf } from '../people/who-answers.js';

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
  const [names, staff] = await Promise.all([departmentNamesOf(db, ids, 'research'), departmentStaffOf(db, ids, 'research')]);
  for (const id of ids) out.set(id, { department: 'research', departmentName: names.get(`${id}:research`) ?? null, people: [] });
  for (const s of staff) {
    const r = out.get(s.countyId);
    if (r && !r.people.some((p) => p.userId === s.userId)) r.people.push({ userId: s.userId, name: s.name });
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
