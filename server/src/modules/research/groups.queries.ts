import { type Expression, type Insertable, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import type { Database, ResearchGroupMemberTable, ResearchGroupTable } from '../../db/schema.js';

type Q = Kysely<Database>;

/**
 * Research groups an actor reaches: the groups they belong to, and those at a node they supervise
 * (`supervising`: their research:read scope without the teacher role, as for activities).
 */
export function groupInScope(supervising: Scope | null, userId: number): Expression<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`research_groups.id in (select group_id from research_group_members where user_id = ${userId})`];
  if (supervising?.all) return sql<SqlBool>`1 = 1`;
  if (supervising?.cityIds.length) parts.push(sql`research_groups.city_id in (${sql.join(supervising.cityIds)})`);
  if (supervising?.countyIds.length) parts.push(sql`research_groups.county_id in (${sql.join(supervising.countyIds)})`);
  if (supervising?.schoolIds.length) parts.push(sql`research_groups.school_id in (${sql.join(supervising.schoolIds)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export interface GroupFilter {
  memberUserId?: number;
  kind?: ResearchGroupTable['kind'];
  archived?: boolean;
  text?: string;
}

function filtered(db: Q, where: Expression<SqlBool>, f: GroupFilter) {
  let q = db.selectFrom('research_groups').where(where);
  if (f.memberUserId !== undefined) {
    q = q.where('research_groups.id', 'in', (eb) => eb.selectFrom('research_group_members').select('group_id').where('user_id', '=', f.memberUserId!));
  }
  if (f.kind) q = q.where('research_groups.kind', '=', f.kind);
  if (f.archived !== undefined) q = q.where('research_groups.archived_at', f.archived ? 'is not' : 'is', null);
  if (f.text) {
    const words = f.text.replace(/[%_\\]/g, '').trim();
    if (words) q = q.where('research_groups.name', 'like', `%${words}%`);
  }
  return q;
}

function withNames<T extends ReturnType<typeof filtered>>(q: T) {
  return q
    .innerJoin('users as leader', 'leader.id', 'research_groups.leader_user_id')
    .innerJoin('regions as city', 'city.id', 'research_groups.city_id')
    .leftJoin('regions as county', 'county.id', 'research_groups.county_id')
    .leftJoin('schools as school', 'school.id', 'research_groups.school_id')
    .selectAll('research_groups')
    .select([
      'leader.name as leader_name', 'city.name as city_name', 'county.name as county_name', 'school.name as school_name', 'school.code as school_code',
      sql<number>`(select count(*) from research_group_members gm where gm.group_id = research_groups.id)`.as('member_count'),
      sql<number>`(select count(*) from research_activities a where a.group_id = research_groups.id and a.deleted_at is null)`.as('activity_count'),
    ]);
}

export type GroupRow = Awaited<ReturnType<typeof listGroups>>[number];

export function listGroups(db: Q, where: Expression<SqlBool>, f: GroupFilter, limit: number, offset: number) {
  return withNames(filtered(db, where, f)).orderBy('research_groups.archived_at').orderBy('research_groups.name').orderBy('research_groups.id')
    .limit(limit).offset(offset).execute();
}

export async function countGroups(db: Q, where: Expression<SqlBool>, f: GroupFilter): Promise<number> {
  return Number((await filtered(db, where, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export function findGroup(db: Q, where: Expression<SqlBool>, id: number) {
  return withNames(filtered(db, where, {})).where('research_groups.id', '=', id).executeTakeFirst();
}

/** The group row alone, unscoped: for rules about a group the caller names (its leader, its node). */
export function groupRow(db: Q, id: number) {
  return db.selectFrom('research_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function groupMembers(db: Q, groupId: number) {
  return db.selectFrom('research_group_members as gm').innerJoin('users', 'users.id', 'gm.user_id')
    .leftJoin('schools', 'schools.id', 'gm.school_id')
    .select(['gm.user_id', 'gm.role', 'gm.school_id', 'gm.joined_at', 'users.name', 'schools.name as school_name'])
    .where('gm.group_id', '=', groupId)
    .orderBy(sql`case gm.role when 'leader' then 0 else 1 end`).orderBy('users.name').execute();
}

export async function insertGroup(db: Q, row: Insertable<ResearchGroupTable>): Promise<number> {
  return (await db.insertInto('research_groups').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function replaceGroupMembers(db: Q, groupId: number, rows: Omit<Insertable<ResearchGroupMemberTable>, 'group_id'>[]): Promise<void> {
  const keep = new Map(rows.map((r) => [r.user_id, r]));
  const current = await db.selectFrom('research_group_members').select(['id', 'user_id', 'role', 'school_id']).where('group_id', '=', groupId).execute();
  for (const c of current) {
    const next = keep.get(c.user_id);
    if (!next) await db.deleteFrom('research_group_members').where('id', '=', c.id).execute();
    else if (next.role !== c.role || next.school_id !== c.school_id) {
      await db.updateTable('research_group_members').set({ role: next.role, school_id: next.school_id }).where('id', '=', c.id).execute();
    }
    keep.delete(c.user_id);
  }
  if (keep.size) await db.insertInto('research_group_members').values([...keep.values()].map((r) => ({ ...r, group_id: groupId }))).execute();
}
