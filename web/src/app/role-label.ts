import type { TFunction } from 'i18next';
import type { RoleAssignmentView } from '@shared/domain';

/** "教研员 · 冠县", "县区部门人员 · 教科所 · 冠县", "安全审计员": a role as people say it. */
export function roleLabel(t: TFunction, assignment: RoleAssignmentView): string {
  let label = t(`roles.${assignment.role}`);
  if (assignment.department) label += ` · ${t(`departments.${assignment.department}`)}`;
  if (assignment.scopeName) label += ` · ${assignment.scopeName}`;
  return label;
}
