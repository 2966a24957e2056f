import { type Expression, type Insertable, type Kysely, type SqlBool, type Updateable, sql } from 'kysely';
import type { Department, Role } from '../../../../shared/domain.js';
import type { Database, RoleAssignmentTable, UserTable } from '../../db/schema.js';

export interface PeopleFilter {
  q?: string;
  countyId?: number;
  schoolId?: number;
  role?: Role;
}

const PERSON_COLUMNS = [
  'users.id', 'users.username', 'users.name', 'users.phone', 'users.kind', 'users.disabled', 'users.locked_until',
] as const;

function filtered(db: Kysely<Database>, scope: Expression<SqlBool>, f: PeopleFilter) {
  let query = db.selectFrom('users').where(scope);
  if (f.countyId !== undefined || f.schoolId !== undefined || f.role !== undefined) {
    // One assignment must match every filter given: "principals in 冠县", not "a principal somewhere and something in 冠县".
    const parts = [sql<SqlBool>`f.user_id = users.id`];
    if (f.countyId !== undefined) parts.push(sql<SqlBool>`f.county_id = ${f.countyId}`);
    if (f.schoolId !== undefined) parts.push(sql<SqlBool>`f.school_id = ${f.schoolId}`);
    if (f.role !== undefined) parts.push(sql<SqlBool>`f.role = ${f.role}`);
    query = query.where(sql<SqlBool>`exists (select 1 from role_assignments f where ${sql.join(parts, sql` and `)})`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = (col: string) => sql<SqlBool>`${sql.ref(col)} like ${like} escape '\\'`;
    query = query.where(sql<SqlBool>`(${match('users.username')} or ${match('users.name')} or ${match('users.phone')})`);
  }
  return query;
}

/** One page of people in scope, in id order. */
export function listPeople(db: Kysely<Database>, scope: Expression<SqlBool>, f: PeopleFilter, limit: number, offset: number) {
  return filtered(db, scope, f).select(PERSON_COLUMNS).orderBy('users.id').limit(limit).offset(offset).execute();
}

export async function countPeople(db: Kysely<Database>, scope: Expression<SqlBool>, f: PeopleFilter): Promise<number> {
  const row = await filtered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The next `limit` people in scope after id `afterId`, for exports read a batch at a time. */
export function listPeopleAfter(db: Kysely<Database>, scope: Expression<SqlBool>, f: PeopleFilter, afterId: number, limit: number) {
  return filtered(db, scope, f).select(PERSON_COLUMNS).where('users.id', '>', afterId).orderBy('users.id').limit(limit).execute();
}

export type PersonRow = Awaited<ReturnType<typeof listPeople>>[number];

export function findPerson(db: Kysely<Database>, scope: Expression<SqlBool>, id: number) {
  return db.selectFrom('users').select(PERSON_COLUMNS).where('users.id', '=', id).where(scope).executeTakeFirst();
}

/** Compared without case, as the staff import does: `Zhang.Li` and `zhang.li` would be two accounts nobody can tell apart. */
export function usernameTaken(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').select('id').where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, row: Insertable<UserTable>): Promise<number> {
  const inserted = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function updateUser(db: Kysely<Database>, id: number, set: Updateable<UserTable>) {
  return db.updateTable('users').set(set).where('id', '=', id).execute();
}

export function findAssignments(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('role_assignments')
    .select(['id', 'role', 'department', 'city_id', 'county_id', 'school_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export async function insertAssignment(db: Kysely<Database>, row: Insertable<RoleAssignmentTable>): Promise<number> {
  const inserted = await db.insertInto('role_assignments').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function deleteAssignment(db: Kysely<Database>, userId: number, assignmentId: number) {
  return db.deleteFrom('role_assignments').where('id', '=', assignmentId).where('user_id', '=', userId).execute();
}

export function findRegion(db: Kysely<Database>, id: number) {
  return db.selectFrom('regions').select(['id', 'level', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

export function findSchoolNode(db: Kysely<Database>, id: number) {
  return db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', id).executeTakeFirst();
}

export function findDepartment(db: Kysely<Database>, regionId: number, kind: Department) {
  return db.selectFrom('departments').select('id').where('region_id', '=', regionId).where('kind', '=', kind).executeTakeFirst();
}
