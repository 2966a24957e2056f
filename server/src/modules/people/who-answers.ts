import type { Kysely } from 'kysely';
import type { Department, Role } from '../../../../shared/domain.js';
import type { Database } from '../../db/schema.js';

/**
 * Who answers for a school or a county, for the modules that tell people things or name them
 * (compliance, notifications, reports, rollout): the one place outside people/ that reads role
 * assignments and accounts. Only enabled accounts count. These are lookups made by the system,
 * not lists shown to an actor, so no scope applies; callers pass ids they have already scoped.
 */

const CHUNK = 500;

export interface PersonRef {
  userId: number;
  name: string;
}

/** Enabled principals of each school: school id → people (by user id). */
export async function principalsOf(db: Kysely<Database>, schoolIds: readonly number[]): Promise<Map<number, PersonRef[]>> {
  const out = new Map<number, PersonRef[]>();
  for (let i = 0; i < schoolIds.length; i += CHUNK) {
    const rows = await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['role_assignments.school_id', 'users.id', 'users.name']).where('role_assignments.role', '=', 'principal')
      .where('role_assignments.school_id', 'in', schoolIds.slice(i, i + CHUNK)).where('users.disabled', '=', 0)
      .orderBy('users.id').execute();
    for (const r of rows) out.set(r.school_id!, [...(out.get(r.school_id!) ?? []), { userId: r.id, name: r.name }]);
  }
  return out;
}

export interface DepartmentStaffRow extends PersonRef {
  countyId: number;
  department: Department;
}

/** Enabled staff of the county departments (of one department when given), by user id. */
export async function departmentStaffOf(db: Kysely<Database>, countyIds: readonly number[], department?: Department): Promise<DepartmentStaffRow[]> {
  const ids = [...new Set(countyIds)];
  if (!ids.length) return [];
  let q = db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['role_assignments.county_id', 'role_assignments.department', 'users.id', 'users.name'])
    .where('role_assignments.role', '=', 'dept_staff').where('role_assignments.county_id', 'in', ids)
    .where('users.disabled', '=', 0).orderBy('users.id');
  if (department) q = q.where('role_assignments.department', '=', department);
  const rows = await q.execute();
  return rows.filter((r) => r.department !== null && r.county_id !== null)
    .map((r) => ({ countyId: r.county_id!, department: r.department!, userId: r.id, name: r.name }));
}

/** The departments' own names in each county (e.g. 冠县教科所), keyed by `${countyId}:${department}`. */
export async function departmentNamesOf(db: Kysely<Database>, countyIds: readonly number[], department?: Department): Promise<Map<string, string>> {
  const ids = [...new Set(countyIds)];
  if (!ids.length) return new Map();
  let q = db.selectFrom('departments').select(['region_id', 'kind', 'name']).where('region_id', 'in', ids);
  if (department) q = q.where('kind', '=', department);
  return new Map((await q.execute()).map((d) => [`${d.region_id}:${d.kind}`, d.name]));
}

/** Enabled people holding one of `roles` at a city's own level (not a county's or a school's). */
export async function cityLevelHolders(db: Kysely<Database>, cityId: number, roles: readonly Role[]): Promise<number[]> {
  if (!roles.length) return [];
  const rows = await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select('users.id').distinct()
    .where('role_assignments.role', 'in', [...roles])
    .where('role_assignments.city_id', '=', cityId).where('role_assignments.county_id', 'is', null)
    .where('users.disabled', '=', 0).execute();
  return rows.map((r) => r.id);
}

/**
 * Staff who may answer for a school by name (专人负责): enabled staff accounts with a role at the
 * school, or at its county's bureau and departments; one row per role held.
 */
export function staffOfSchoolAndCounty(db: Kysely<Database>, school: { id: number; countyId: number }, userId?: number) {
  let q = db.selectFrom('users').innerJoin('role_assignments as ra', 'ra.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.username', 'ra.role', 'ra.department', 'ra.school_id'])
    .where('users.disabled', '=', 0).where('users.kind', '=', 'staff')
    .where((eb) => eb.or([
      eb('ra.school_id', '=', school.id),
      eb.and([eb('ra.county_id', '=', school.countyId), eb('ra.school_id', 'is', null)]),
    ]))
    .orderBy('ra.school_id').orderBy('users.id');
  if (userId !== undefined) q = q.where('users.id', '=', userId);
  return q.execute();
}

/** Rows with their author's name (`created_by_name`), for lists that show who wrote each. */
export async function withAuthorNames<T extends { created_by_user_id: number }>(db: Kysely<Database>, rows: T[]): Promise<(T & { created_by_name: string })[]> {
  const names = await namesOf(db, rows.map((r) => r.created_by_user_id));
  return rows.map((r) => ({ ...r, created_by_name: names.get(r.created_by_user_id) ?? '' }));
}

/** Display names of accounts (disabled ones too: a name on a past record stays). */
export async function namesOf(db: Kysely<Database>, userIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)];
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids.slice(i, i + CHUNK)).execute()) out.set(r.id, r.name);
  }
  return out;
}

/** One role an enabled staff account holds, with its node (research checks who may join an activity). */
export interface StaffGrantRow extends PersonRef {
  role: Role;
  department: Department | null;
  cityId: number | null;
  countyId: number | null;
  schoolId: number | null;
}

const STAFF_GRANT_COLUMNS = [
  'users.id', 'users.name', 'role_assignments.role', 'role_assignments.department',
  'role_assignments.city_id', 'role_assignments.county_id', 'role_assignments.school_id',
] as const;

const toStaffGrant = (r: { id: number; name: string; role: string; department: Department | null; city_id: number | null; county_id: number | null; school_id: number | null }): StaffGrantRow => ({
  userId: r.id, name: r.name, role: r.role as Role, department: r.department, cityId: r.city_id, countyId: r.county_id, schoolId: r.school_id,
});

/** Every role of these enabled staff accounts (several rows for a person with several roles). */
export async function staffGrantsOf(db: Kysely<Database>, userIds: readonly number[]): Promise<StaffGrantRow[]> {
  const ids = [...new Set(userIds)];
  const out: StaffGrantRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(STAFF_GRANT_COLUMNS).where('users.id', 'in', ids.slice(i, i + CHUNK))
      .where('users.disabled', '=', 0).where('users.kind', '=', 'staff').orderBy('users.id').execute();
    out.push(...rows.map(toStaffGrant));
  }
  return out;
}

/**
 * Enabled staff holding `roles` at exactly one node: a school's staff, a county's own level
 * (bureau and departments), or a city's own level; by name, at most `limit`.
 */
export async function staffAtNode(
  db: Kysely<Database>, node: { schoolId: number } | { countyId: number } | { cityId: number }, roles: readonly Role[], opts: { text?: string; limit: number },
): Promise<StaffGrantRow[]> {
  if (!roles.length) return [];
  let q = db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(STAFF_GRANT_COLUMNS).where('role_assignments.role', 'in', [...roles])
    .where('users.disabled', '=', 0).where('users.kind', '=', 'staff');
  if ('schoolId' in node) q = q.where('role_assignments.school_id', '=', node.schoolId);
  else if ('countyId' in node) q = q.where('role_assignments.county_id', '=', node.countyId).where('role_assignments.school_id', 'is', null);
  else q = q.where('role_assignments.city_id', '=', node.cityId).where('role_assignments.county_id', 'is', null);
  if (opts.text) q = q.where('users.name', 'like', `%${opts.text.replace(/[%_\\]/g, '')}%`);
  return (await q.orderBy('users.name').orderBy('users.id').limit(opts.limit).execute()).map(toStaffGrant);
}

/** Enabled teachers of a school (by user id): whom a principal may make a class's 班主任 or 任课教师. */
export async function teachersOf(db: Kysely<Database>, schoolId: number): Promise<PersonRef[]> {
  const rows = await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.name']).distinct().where('role_assignments.role', '=', 'teacher')
    .where('role_assignments.school_id', '=', schoolId).where('users.disabled', '=', 0)
    .orderBy('users.id').execute();
  return rows.map((r) => ({ userId: r.id, name: r.name }));
}
