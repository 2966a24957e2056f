import type { Action, Role } from '../../../shared/domain.js';

/**
 * The policy table: which actions each role may take. Where a role may take an action is decided
 * by the scope of the assignment that grants it (see scope.ts), never here.
 *
 * The three system roles follow 等保's separation of duties: the system admin runs the org data,
 * the security admin runs accounts and roles, the auditor only reads the audit log. Bureau and
 * school roles never see children's records except principals, teachers and a child's own parents.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  sysadmin: ['org:read', 'school:write', 'school:import', 'school:export', 'room:write', 'compliance:read', 'rollout:read', 'rollout:write', 'batch:write'],
  secadmin: ['org:read', 'person:read', 'person:write', 'person:import', 'person:export'],
  auditor: ['audit:read', 'audit:export'],
  city_admin: [
    'org:read', 'school:write', 'school:import', 'school:export',
    'person:read', 'person:write', 'person:import', 'person:export', 'room:write', 'calendar:write', 'compliance:read',
    'recording:read', 'rollout:read', 'rollout:write', 'batch:write', 'report:read', 'report:review',
    'inspection:read', 'inspection:write', 'bulletin:read', 'bulletin:write',
    'research:read', 'research:write', 'rubric:write', 'patrol:read',
    'resource:read', 'resource:review', 'equity:read',
    'notice:write', 'family:stats', 'safety:read',
    'live:read', 'live:write',
  ],
  county_admin: [
    'org:read', 'school:write', 'school:import', 'school:export',
    'person:read', 'person:write', 'person:import', 'person:export', 'room:write', 'calendar:write', 'compliance:read',
    'recording:read', 'rollout:read', 'rollout:write', 'report:read', 'report:write',
    'inspection:read', 'inspection:write', 'bulletin:read',
    'research:read', 'research:write', 'rubric:write', 'patrol:read', 'patrol:write',
    'resource:read', 'resource:review', 'equity:read',
    'notice:write', 'family:stats', 'safety:read', 'safety:write',
    'live:read', 'live:write',
  ],
  // room:write: only the 教科所 runs recording rooms; the rooms service refuses other departments.
  // recording:delete: only the 教科所 (research department) may delete; the recordings service refuses other departments.
  dept_staff: [
    'org:read', 'school:export', 'person:read', 'room:write', 'calendar:write', 'compliance:read', 'recording:read', 'recording:delete',
    'rollout:read', 'rollout:write', 'report:read', 'report:write', 'inspection:read', 'inspection:write', 'bulletin:read',
    'research:read', 'research:write', 'rubric:write', 'patrol:read', 'patrol:write',
    'resource:read', 'resource:review', 'equity:read',
    'notice:write', 'family:stats', 'safety:read', 'safety:write',
    'live:read', 'live:write',
  ],
  // A city-level researcher (市教科院) reviews the counties' reports; the reports service refuses county-level ones.
  researcher: [
    'org:read', 'person:read', 'compliance:read', 'recording:read', 'rollout:read', 'report:read', 'report:review', 'inspection:read', 'bulletin:read',
    'research:read', 'research:write', 'rubric:write', 'patrol:read',
    'resource:read', 'resource:review', 'equity:read', 'live:read',
  ],
  // 督学: watches and scores lessons (巡课) and reads what supervision knows of the schools; writes nothing else.
  inspector: [
    'org:read', 'compliance:read', 'recording:read', 'inspection:read', 'bulletin:read', 'research:read', 'patrol:read', 'patrol:write',
    'resource:read', 'equity:read',
    'family:stats', 'safety:read', 'live:read',
  ],
  principal: [
    'org:read', 'person:read', 'student:read', 'room:write', 'calendar:write', 'compliance:read',
    'recording:read', 'recording:upload', 'recording:delete', 'rollout:read', 'inspection:read', 'bulletin:read',
    'research:read', 'research:write', 'patrol:read', 'patrol:write',
    // The school's first review of what its teachers publish; records consent given on paper.
    'resource:read', 'resource:write', 'resource:review', 'consent:read', 'consent:write',
    // The whole school's family work: classes' notices, messages, attendance; the school's safety patrols.
    'family:read', 'class:write', 'notice:write', 'family:stats', 'safety:read', 'safety:write',
    // Schedules the school's live classes, sets kindergarten live-view windows, watches its rooms.
    'live:read', 'live:write',
  ],
  // A teacher reaches research activities only as a member (or a group they lead): see activityInScope.
  teacher: [
    'org:read', 'student:read', 'recording:read', 'recording:upload', 'bulletin:read', 'research:read', 'research:write',
    'resource:read', 'resource:write', 'consent:read',
    // Family work of the classes they teach (class_staff), and the school's safety patrols they are given.
    'family:read', 'class:write', 'notice:write', 'safety:read', 'safety:write',
    // Teaches from a lead room or takes a class in a receiving room of their school.
    'live:read',
  ],
  // A guardian sets their own child's consent to appear in published video (consent:write on their children only).
  // The family app: their own children only (bindings, notices, messages, leave, pick-up persons, medication).
  parent: ['student:read', 'consent:read', 'consent:write', 'family:read', 'family:write'],
};

// Shared with the web app, whose people form offers exactly these roles.
export { grantableRoles } from '../../../shared/domain.js';
