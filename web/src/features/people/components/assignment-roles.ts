import { grantableRoles, type MeView, type Role } from '@shared/domain';

/**
 * Roles offered when granting: those any of the person's roles may grant, by the same rule the
 * server applies (grantableRoles). The server also checks the scope and answers 403 otherwise.
 */
export function offeredRoles(me: MeView): Role[] {
  const offered = new Set(me.assignments.flatMap((assignment) => grantableRoles(assignment.role)));
  return [...offered];
}
