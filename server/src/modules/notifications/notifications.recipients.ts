import type { Kysely } from 'kysely';
import type { Department } from '../../../../shared/domain.js';
import type { Database } from '../../db/schema.js';
import { departmentNamesOf, departmentStaffOf, principalsOf as principalPeopleOf } from '../people/who-answers.js';

/**
 * Who receives the generated notifications: enabled accounts, as people/who-answers.ts finds them
 * (the generators run as the system, with no actor whose scope the people service could apply).
 */

/** Principals of each school: school id → user ids. */
export async function principalsOf(db: Kysely<Database>, schoolIds: readonly number[]): Promise<Map<number, number[]>> {
  const people = await principalPeopleOf(db, schoolIds);
  return new Map([...people].map(([schoolId, ps]) => [schoolId, ps.map((p) => p.userId)]));
}

/** Staff of each county department: `${countyId}:${department}` → user ids, with the department's name. */
export async function departmentStaff(db: Kysely<Database>, countyIds: readonly number[]) {
  const staff = new Map<string, number[]>();
  const [rows, names] = await Promise.all([departmentStaffOf(db, countyIds), departmentNamesOf(db, countyIds)]);
  for (const r of rows) {
    const key = departmentKey(r.countyId, r.department);
    staff.set(key, [...(staff.get(key) ?? []), r.userId]);
  }
  return { staff, names };
}

export const departmentKey = (countyId: number, department: Department) => `${countyId}:${department}`;

/** County names by id. */
export async function countyNames(db: Kysely<Database>, countyIds: readonly number[]): Promise<Map<number, string>> {
  if (!countyIds.length) return new Map();
  const rows = await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', [...countyIds]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
