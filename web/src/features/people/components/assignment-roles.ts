import { ROLE_SCOPE_LEVEL, ROLES, SYSTEM_ROLES, type MeView, type Role } from '@shared/domain';

/**
 * Roles offered when granting. Parents are linked to children elsewhere, and only the security
 * administrator grants the three system roles; the server checks the full rule
 * (grantableRoles in server/src/access/policy.ts) and answers 403 to anything else.
 */
export function offeredRoles(me: MeView): Role[] {
  const isSecadmin = me.assignments.some((assignment) => assignment.role === 'secadmin');
  return ROLES.filter((role) => ROLE_SCOPE_LEVEL[role] !== 'guardian' && (isSecadmin || !SYSTEM_ROLES.includes(role)));
}
