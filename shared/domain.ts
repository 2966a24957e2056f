/**
 * Domain vocabulary shared by the server and the web app (see GLOSSARY in the project's shared
 * folder). The web app imports these names; it never re-types them.
 */

export const SCHOOL_KINDS = ['kindergarten', 'primary', 'junior', 'nine_year', 'senior'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const LOCALITIES = ['urban', 'rural'] as const;
export type Locality = (typeof LOCALITIES)[number];

export const DEPARTMENTS = ['research', 'edtech', 'preschool'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const REGION_LEVELS = ['city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * Roles. The three system roles (等保 三员分立) are mutually exclusive on one account and hold
 * no organisational scope; every other role is scoped to a node of the org tree.
 */
export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'city_admin',
  'county_admin',
  'dept_staff',
  'researcher',
  // 督学 / 责任督学: a county- or city-appointed school inspector who patrols and inspects schools.
  'inspector',
  'principal',
  'teacher',
  'parent',
] as const;
export type Role = (typeof ROLES)[number];

export const SYSTEM_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/** Roles an administrator of a given role may grant; system roles are granted by the security admin only. */
export function grantableRoles(granter: Role): readonly Role[] {
  switch (granter) {
    case 'secadmin':
      return ['sysadmin', 'secadmin', 'auditor', 'city_admin', 'county_admin', 'dept_staff', 'researcher', 'inspector', 'principal', 'teacher'];
    case 'city_admin':
      return ['city_admin', 'county_admin', 'dept_staff', 'researcher', 'inspector', 'principal', 'teacher'];
    case 'county_admin':
      return ['county_admin', 'dept_staff', 'researcher', 'inspector', 'principal', 'teacher'];
    default:
      return [];
  }
}

/** Which node a role's assignment must name. */
export const ROLE_SCOPE_LEVEL: Record<Role, 'system' | 'city' | 'county' | 'city_or_county' | 'school' | 'guardian'> = {
  sysadmin: 'system',
  secadmin: 'system',
  auditor: 'system',
  city_admin: 'city',
  county_admin: 'county',
  dept_staff: 'county',
  researcher: 'city_or_county',
  // Scoped like county staff: a county's 责任督学, or the city's.
  inspector: 'city_or_county',
  principal: 'school',
  teacher: 'school',
  parent: 'guardian',
};

/** What can be imported from Excel; each kind has its own template. */
export const IMPORT_KINDS = ['schools', 'classes', 'staff'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Actions the access gate knows. A route names exactly one. */
export const ACTIONS = [
  'org:read',
  'school:write',
  'school:import',
  'school:export',
  'person:read',
  'person:write',
  'person:import',
  'person:export',
  'student:read',
  'audit:read',
  'audit:export',
  'room:write',
  'calendar:write',
  'compliance:read',
  'recording:read',
  'recording:upload',
  'recording:delete',
  // Supervision (issue 4): the programme's rollout, county reports, visits and bulletins.
  'rollout:read',
  'rollout:write',
  'batch:write',
  'report:read',
  'report:write',
  'report:review',
  'inspection:read',
  'inspection:write',
  'bulletin:read',
  'bulletin:write',
  // Online teaching research (issue 9): activities, groups, reviews; observation rubrics (课堂观察量表); class patrol.
  'research:read',
  'research:write',
  'rubric:write',
  'patrol:read',
  'patrol:write',
  // Shared quality resources (issue 10): the library, its review, guardians' consent, the equity picture.
  'resource:read',
  'resource:write',
  'resource:review',
  'consent:read',
  'consent:write',
  'equity:read',
  // The family app and the safe campus (issue 11). Child-level family data (family:read) reaches a
  // guardian's own children, a class's staff's classes and a principal's school (familyReachOf);
  // bureaus see family work only as figures (family:stats), never a child's record.
  'family:read',
  'family:write',
  'class:write',
  'notice:write',
  'family:stats',
  'safety:read',
  'safety:write',
  // 互动教学: live:read joins and watches the live classes of the schools in scope (a receiving
  // school sees only the classes it takes part in: liveClassInScope); live:write schedules them.
  'live:read',
  'live:write',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface RoleAssignmentView {
  id: number;
  role: Role;
  department: Department | null;
  cityId: number | null;
  countyId: number | null;
  schoolId: number | null;
  /** Display name of the node the assignment is scoped to (city, county or school). */
  scopeName: string | null;
}

export interface MeView {
  id: number;
  username: string;
  name: string;
  phone: string | null;
  assignments: RoleAssignmentView[];
  permissions: Action[];
  csrfToken: string;
}
