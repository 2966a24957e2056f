import type { Action, Department, Role } from '../../../shared/domain.js';
import { ROLE_PERMISSIONS } from './policy.js';

/** One role assignment as the access gate sees it. */
export interface Grant {
  assignmentId: number;
  role: Role;
  department: Department | null;
  cityId: number | null;
  countyId: number | null;
  schoolId: number | null;
}

/** The signed-in person behind a request. */
export interface Actor {
  userId: number;
  username: string;
  name: string;
  kind: 'staff' | 'guardian';
  sessionId: number;
  csrfToken: string;
  grants: Grant[];
  permissions: ReadonlySet<Action>;
}

/**
 * Where an action may reach for an actor: everything, or the union of some cities, counties and
 * schools, or (for parents) their own children.
 */
export interface Scope {
  all: boolean;
  cityIds: number[];
  countyIds: number[];
  schoolIds: number[];
  /** Set when the actor reaches children through guardianship (parents). */
  guardianUserId: number | null;
}

export function permissionsOf(grants: readonly Grant[]): Set<Action> {
  const out = new Set<Action>();
  for (const g of grants) for (const a of ROLE_PERMISSIONS[g.role] ?? []) out.add(a);
  return out;
}

/** The scope of `action` for `actor`, or null when no role of theirs grants the action at all. */
export function scopeOf(actor: Pick<Actor, 'userId' | 'grants'>, action: Action): Scope | null {
  const scope: Scope = { all: false, cityIds: [], countyIds: [], schoolIds: [], guardianUserId: null };
  let granted = false;
  for (const g of actor.grants) {
    if (!ROLE_PERMISSIONS[g.role]?.includes(action)) continue;
    granted = true;
    if (g.role === 'parent') scope.guardianUserId = actor.userId;
    else if (g.schoolId !== null) scope.schoolIds.push(g.schoolId);
    else if (g.countyId !== null) scope.countyIds.push(g.countyId);
    else if (g.cityId !== null) scope.cityIds.push(g.cityId);
    else scope.all = true; // system roles hold no node: their reach is the whole installation
  }
  return granted ? scope : null;
}

/**
 * The scope in which an actor supervises research work (activities, patrols): their `action`
 * scope from every grant but the teacher's, so a teacher reaches activities only as a member.
 */
export function supervisingScope(actor: Pick<Actor, 'userId' | 'grants'>, action: Action): Scope | null {
  return scopeOf({ userId: actor.userId, grants: actor.grants.filter((g) => g.role !== 'teacher' && g.role !== 'parent') }, action);
}

/**
 * Where an actor stands for published resources (优质资源): the nodes they belong to, from every
 * grant (a teacher's school, and that school's county and city), and the scope they supervise.
 */
export interface ResourceReach {
  userId: number;
  /** The actor's resource:read scope from every grant but the teacher's: they see their schools' resources in review too. */
  supervising: Scope | null;
  homeCityIds: number[];
  homeCountyIds: number[];
  homeSchoolIds: number[];
}

export function resourceReachOf(actor: Pick<Actor, 'userId' | 'grants'>): ResourceReach {
  const home = (pick: (g: Grant) => number | null) => [...new Set(actor.grants.map(pick).filter((v): v is number => v !== null))];
  const readers = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role]?.includes('resource:read'));
  return {
    userId: actor.userId,
    supervising: supervisingScope(actor, 'resource:read'),
    homeCityIds: home((g) => (readers.includes(g) ? g.cityId : null)),
    homeCountyIds: home((g) => (readers.includes(g) ? g.countyId : null)),
    homeSchoolIds: home((g) => (readers.includes(g) ? g.schoolId : null)),
  };
}

/**
 * Where an actor reaches children's family data (issue 11: notices, messages, homework,
 * attendance, pick-up, care records): a guardian their own children; a teacher the classes they
 * teach (class_staff), not the whole school; a principal their school. Bureaus hold no family
 * reach: they see family work only as figures. `action` is the family action asked for
 * (family:read, family:write or class:write); a grant that does not give it adds nothing.
 */
export interface FamilyReach {
  /** Set for guardians: their children through guardianships. */
  guardianUserId: number | null;
  /** Set for teachers: the classes they are class staff of. */
  classStaffUserId: number | null;
  /** Principals' schools: every class and child of them. */
  schoolIds: number[];
}

export function familyReachOf(actor: Pick<Actor, 'userId' | 'grants'>, action: Action): FamilyReach | null {
  const reach: FamilyReach = { guardianUserId: null, classStaffUserId: null, schoolIds: [] };
  let granted = false;
  for (const g of actor.grants) {
    if (!ROLE_PERMISSIONS[g.role]?.includes(action)) continue;
    if (g.role === 'parent') reach.guardianUserId = actor.userId;
    else if (g.role === 'teacher') reach.classStaffUserId = actor.userId;
    else if (g.role === 'principal' && g.schoolId !== null) reach.schoolIds.push(g.schoolId);
    else continue;
    granted = true;
  }
  return granted ? reach : null;
}
