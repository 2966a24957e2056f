import type { Kysely } from 'kysely';
import type { Role } from '../../../../shared/domain.js';
import { type Actor, type Scope, scopeOf, supervisingScope } from '../../access/actor.js';
import type { Database } from '../../db/schema.js';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.js';
import { staffGrantsOf } from '../people/who-answers.js';
import * as q from './activities.queries.js';

/**
 * Where research is organised and who may take part — one set of rules for activities and
 * groups. A node is the city (county and school null), a county, or a school. A city research
 * officer organises at city level and invites schools of any county of the city; a county officer
 * within the county; a principal within the school; a teacher within their school, or for a group
 * they lead (its members' schools).
 */
export interface Node {
  cityId: number;
  countyId: number | null;
  schoolId: number | null;
}

export type Level = 'city' | 'county' | 'school';
export const levelOf = (n: Node): Level => (n.schoolId !== null ? 'school' : n.countyId !== null ? 'county' : 'city');

export interface SchoolNode {
  id: number;
  code: string;
  name: string;
  county_id: number;
  city_id: number;
}

/** Roles that take part in research as officers (教研员, county departments, bureaus) rather than at a school. */
export const OFFICER_ROLES: readonly Role[] = ['researcher', 'dept_staff', 'county_admin', 'city_admin'];
/** Roles that take part at their school. */
export const SCHOOL_ROLES: readonly Role[] = ['teacher', 'principal'];

/** Whether a scope reaches a node (the node itself or one above it). */
export function nodeCovered(scope: Scope | null, n: Node): boolean {
  if (!scope) return false;
  if (scope.all || scope.cityIds.includes(n.cityId)) return true;
  if (n.countyId !== null && scope.countyIds.includes(n.countyId)) return true;
  return n.schoolId !== null && scope.schoolIds.includes(n.schoolId);
}

/** Whether a school lies inside a node. */
export function schoolInNode(n: Node, s: Pick<SchoolNode, 'id' | 'county_id' | 'city_id'>): boolean {
  if (n.schoolId !== null) return s.id === n.schoolId;
  if (n.countyId !== null) return s.county_id === n.countyId;
  return s.city_id === n.cityId;
}

/** The schools a person teaches at (their teacher and principal grants). */
export const schoolsTaughtAt = (actor: Actor) => actor.grants.filter((g) => SCHOOL_ROLES.includes(g.role) && g.schoolId !== null).map((g) => g.schoolId!);

/**
 * The node a person organises at when no group is named: their highest supervising grant (city,
 * then county, then school), else the school they teach at. 403 when they hold none.
 */
export async function ownNode(db: Kysely<Database>, actor: Actor): Promise<Node> {
  const sup = supervisingScope(actor, 'research:write');
  if (sup?.cityIds.length) return { cityId: sup.cityIds[0]!, countyId: null, schoolId: null };
  if (sup?.countyIds.length) {
    const county = await q.regionOf(db, sup.countyIds[0]!);
    if (!county?.parent_id) throw forbidden();
    return { cityId: county.parent_id, countyId: county.id, schoolId: null };
  }
  const schoolId = sup?.schoolIds[0] ?? schoolsTaughtAt(actor)[0];
  if (schoolId === undefined) {
    throw new AppError(403, 'RESEARCH_NO_NODE', '您的角色不属于任何学校或教育局，不能组织教研活动');
  }
  const [school] = await q.schoolNodes(db, [schoolId]);
  if (!school) throw forbidden();
  return { cityId: school.city_id, countyId: school.county_id, schoolId: school.id };
}

/**
 * The schools chosen on a form, each one `allowed` lets the actor invite; one they may not invite
 * is a 404 when they cannot see it either (as for any unknown id), else a 400 naming it.
 */
export async function checkSchools(db: Kysely<Database>, actor: Actor, ids: readonly number[], allowed: (s: SchoolNode) => boolean): Promise<SchoolNode[]> {
  const rows = await q.schoolNodes(db, ids);
  const seen = scopeOf(actor, 'org:read');
  for (const id of ids) {
    const s = rows.find((r) => r.id === id);
    // A group's leader knows its members' schools (allowed) without seeing them otherwise.
    if (!s || !(allowed(s) || nodeCovered(seen, { cityId: s.city_id, countyId: s.county_id, schoolId: s.id }))) throw notFound('学校');
    if (!allowed(s)) {
      throw badRequest('RESEARCH_SCHOOL_OUTSIDE', `${s.name}不在本次教研的组织范围内：市级活动可邀请全市学校，县级活动限本县学校，校级活动限本校（教研组活动限组员所在学校）`, { schoolId: s.id });
    }
  }
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

export interface MemberChoice {
  userId: number;
  role: 'teacher' | 'observer';
}

/**
 * The people chosen to take part, each placed at their school: staff teaching at a participating
 * school, officers of the city or of a participating county, or members of the activity's group.
 * Anyone else (or a disabled account) is refused by name; the organiser is left out (they are in
 * already).
 */
export async function checkMembers(db: Kysely<Database>, members: readonly MemberChoice[], ctx: {
  node: Node; schools: readonly SchoolNode[]; organiserUserId: number; groupMembers?: ReadonlyMap<number, number | null>;
}): Promise<{ user_id: number; role: 'teacher' | 'observer'; school_id: number | null }[]> {
  const wanted = members.filter((m) => m.userId !== ctx.organiserUserId);
  const ids = new Set<number>();
  for (const m of wanted) {
    if (ids.has(m.userId)) throw badRequest('RESEARCH_MEMBER_TWICE', '同一个人在成员名单中出现了两次，请合并为一项');
    ids.add(m.userId);
  }
  const grants = await staffGrantsOf(db, [...ids]);
  const schoolIds = new Set(ctx.schools.map((s) => s.id));
  const counties = new Set(ctx.schools.map((s) => s.county_id));
  if (ctx.node.countyId !== null) counties.add(ctx.node.countyId);
  return wanted.map((m) => {
    const mine = grants.filter((g) => g.userId === m.userId);
    const atSchool = mine.find((g) => SCHOOL_ROLES.includes(g.role) && g.schoolId !== null && schoolIds.has(g.schoolId));
    if (atSchool) return { user_id: m.userId, role: m.role, school_id: atSchool.schoolId };
    if (ctx.groupMembers?.has(m.userId)) return { user_id: m.userId, role: m.role, school_id: ctx.groupMembers.get(m.userId) ?? null };
    const officer = mine.find((g) => OFFICER_ROLES.includes(g.role) && g.schoolId === null
      && ((g.countyId !== null && counties.has(g.countyId)) || (g.countyId === null && g.cityId === ctx.node.cityId)));
    if (officer) return { user_id: m.userId, role: m.role, school_id: null };
    const name = mine[0]?.name;
    throw badRequest('RESEARCH_MEMBER_OUTSIDE',
      `${name ?? `账号 ${m.userId}`}不能参加本次教研：成员须是参加学校的教师，或本市、参加学校所在县的教研人员${ctx.groupMembers ? '，或本教研组成员' : ''}`,
      { userId: m.userId });
  });
}
