import type { Kysely } from 'kysely';
import type { Department } from '../../../../shared/domain.js';
import type { Database } from '../../db/schema.js';

/**
 * Who receives the generated notifications, from the role assignments of enabled accounts. Read
 * here rather than through the people service because the generators run as the system, with no
 * actor whose scope the people service could apply.
 */

/** Principals of each school: school id → user ids. */
export async function principalsOf(db: Kysely<Database>, schoolIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < schoolIds.length; i += 500) {
    const rows = await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['role_assignments.school_id', 'users.id']).where('role_assignments.role', '=', 'principal')
      .where('role_assignments.school_id', 'in', schoolIds.slice(i, i + 500)).where('users.disabled', '=', 0).execute();
    for (const r of rows) out.set(r.school_id!, [...(out.get(r.school_id!) ?? []), r.id]);
  }
  return out;
}

/** Staff of each county department: `${countyId}:${department}` → user ids, with the department's name. */
export async function departmentStaff(db: Kysely<Database>, countyIds: readonly number[]) {
  const staff = new Map<string, number[]>();
  const names = new Map<string, string>();
  if (!countyIds.length) return { staff, names };
  const [rows, departments] = await Promise.all([
    db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['role_assignments.county_id', 'role_assignments.department', 'users.id'])
      .where('role_assignments.role', '=', 'dept_staff').where('role_assignments.county_id', 'in', [...countyIds])
      .where('users.disabled', '=', 0).execute(),
    db.selectFrom('departments').select(['region_id', 'kind', 'name']).where('region_id', 'in', [...countyIds]).execute(),
  ]);
  for (const r of rows) {
    if (!r.department) continue;
    const key = `${r.county_id}:${r.department}`;
    staff.set(key, [...(staff.get(key) ?? []), r.id]);
  }
  for (const d of departments) names.set(`${d.region_id}:${d.kind}`, d.name);
  return { staff, names };
}

export const departmentKey = (countyId: number, department: Department) => `${countyId}:${department}`;

/** County names by id. */
export async function countyNames(db: Kysely<Database>, countyIds: readonly number[]): Promise<Map<number, string>> {
  if (!countyIds.length) return new Map();
  const rows = await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', [...countyIds]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
