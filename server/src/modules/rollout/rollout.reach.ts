import { type Expression, type SqlBool, sql } from 'kysely';
import type { Department, SchoolKind } from '../../../../shared/domain.js';
import type { Requirement, SchoolGroup } from '../../../../shared/rollout.js';
import type { Actor, Grant } from '../../access/actor.js';
import { ROLE_PERMISSIONS } from '../../access/policy.js';
import { PROGRAMME_KINDS, programmeGroupsOf } from '../../access/department-duties.js';
import { requirementDepartment } from './rollout.rules.js';

/**
 * Where rollout actions reach. The scope of the role's node (city, county, school) is narrowed for
 * a county department to its duty: the 电教馆 reaches the county's primary, junior and nine-year
 * schools, the 学前教研室 its kindergartens, the 教科所 every programme school (each has a
 * recording room) but records only the recording-room milestones (rollout.rules.ts).
 */
export type RolloutAction = 'rollout:read' | 'rollout:write';

const DEPARTMENT_KINDS = PROGRAMME_KINDS;

/** The department a grant is limited to, or null when the grant's role answers for every duty. */
const dutyOf = (g: Grant): Department | null => (g.role === 'dept_staff' ? g.department : null);

export function grantsFor(actor: Pick<Actor, 'grants'>, action: RolloutAction): Grant[] {
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role]?.includes(action));
}

export interface SchoolCols {
  id: string;
  county: string;
  city: string;
  kind: string;
}
export const SCHOOL_COLS: SchoolCols = { id: 'schools.id', county: 'schools.county_id', city: 'schools.city_id', kind: 'schools.kind' };

/** Programme schools the actor reaches with the action, as a SQL predicate (nothing when no grant). */
export function schoolReach(actor: Pick<Actor, 'grants'>, action: RolloutAction, cols: SchoolCols = SCHOOL_COLS): Expression<SqlBool> {
  const parts = grantsFor(actor, action).map((g) => {
    let node;
    if (g.schoolId !== null) node = sql`${sql.ref(cols.id)} = ${g.schoolId}`;
    else if (g.countyId !== null) node = sql`${sql.ref(cols.county)} = ${g.countyId}`;
    else if (g.cityId !== null) node = sql`${sql.ref(cols.city)} = ${g.cityId}`;
    else node = sql`1 = 1`;
    const duty = dutyOf(g);
    const kinds = duty ? DEPARTMENT_KINDS[duty] : null;
    return kinds ? sql`(${node} and ${sql.ref(cols.kind)} in (${sql.join(kinds)}))` : sql`(${node})`;
  });
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

export interface SchoolPlace {
  id: number;
  countyId: number;
  cityId: number;
  kind: SchoolKind;
}

function grantReaches(g: Grant, s: SchoolPlace): boolean {
  const node = g.schoolId !== null ? g.schoolId === s.id
    : g.countyId !== null ? g.countyId === s.countyId
      : g.cityId !== null ? g.cityId === s.cityId
        : true;
  const duty = dutyOf(g);
  const kinds = duty ? DEPARTMENT_KINDS[duty] : null;
  return node && (!kinds || kinds.includes(s.kind));
}

/**
 * Whether one of the actor's write grants reaching the school answers for what `department` is
 * charged with there: a county department only for its own duty, a bureau for every duty.
 */
export function mayWriteFor(actor: Pick<Actor, 'grants'>, s: SchoolPlace, department: Department): boolean {
  return grantsFor(actor, 'rollout:write').some((g) => {
    if (!grantReaches(g, s)) return false;
    const duty = dutyOf(g);
    return duty === null || duty === department;
  });
}

/** mayWriteFor the department answering for the requirement (the 电教馆 does not record a room's installation). */
export function mayWrite(actor: Pick<Actor, 'grants'>, s: SchoolPlace, r: Requirement): boolean {
  return mayWriteFor(actor, s, requirementDepartment(r, s.kind));
}

/** The school groups the actor sees in a county through grants at county level or above. */
export function groupsInCounty(actor: Pick<Actor, 'grants'>, county: { id: number; cityId: number }): Set<SchoolGroup> {
  const out = new Set<SchoolGroup>();
  for (const g of grantsFor(actor, 'rollout:read')) {
    if (g.schoolId !== null) continue;
    if (g.countyId !== null ? g.countyId !== county.id : g.cityId !== null && g.cityId !== county.cityId) continue;
    for (const group of programmeGroupsOf(dutyOf(g))) out.add(group);
  }
  return out;
}

/** The kinds a department answers for in the programme (the 教科所: all). */
export function kindsOfDepartment(d: Department): readonly SchoolKind[] | null {
  return DEPARTMENT_KINDS[d];
}
