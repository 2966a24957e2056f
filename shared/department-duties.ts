import type { Department, SchoolKind } from './domain.js';
import { KINDS_OF_GROUP, type SchoolGroup } from './rollout.js';

/**
 * Which county department answers for what, following the article: the county's 教科所
 * (research) runs the recording rooms and checks each school's ≥ 2 recorded lessons a day (教研);
 * the programme itself is the 电教馆's (edtech) in primary, junior and nine-year schools and the
 * 学前教研室's (preschool) in kindergartens. The one place these rules are written: the server
 * (through access/department-duties.ts) and the web import them.
 */
export type Duty = 'recording' | 'programme';

export function departmentFor(duty: Duty, kind: SchoolKind): Department {
  if (duty === 'recording') return 'research';
  return kind === 'kindergarten' ? 'preschool' : 'edtech';
}

/**
 * Whether a department's figures include a school of this kind: the 教科所 checks every school's
 * recording; the 电教馆 and 学前教研室 each answer for their own schools in the programme.
 */
export function departmentAnswersFor(department: Department, kind: SchoolKind): boolean {
  return department === 'research' || departmentFor('programme', kind) === department;
}

/** The school kinds a department reaches in the programme; null: all (the 教科所, every school has a room). */
export const PROGRAMME_KINDS: Record<Department, readonly SchoolKind[] | null> = {
  research: null,
  edtech: KINDS_OF_GROUP.primaryAndJunior,
  preschool: KINDS_OF_GROUP.kindergarten,
};

/** The rollout groups a department drives: the 电教馆 primary and junior schools, the 学前教研室 kindergartens, the 教科所 looks at both. */
export function programmeGroupsOf(department: Department | null): SchoolGroup[] {
  if (department === 'edtech') return ['primaryAndJunior'];
  if (department === 'preschool') return ['kindergarten'];
  return ['kindergarten', 'primaryAndJunior'];
}

/**
 * Whether a role grant may keep recording rooms and their lessons (room:write, recording:delete):
 * of a county bureau's departments only the 教科所 runs the rooms; every other role keeps what
 * its policy allows.
 */
export function keepsRecordingRooms(grant: { role: string; department: Department | null }): boolean {
  return grant.role !== 'dept_staff' || grant.department === 'research';
}
