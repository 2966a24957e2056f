import type { Department, Role } from '../../../../shared/domain.js';

/** Role names as bureau staff say them, for messages and exports. */
export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '安全审计员',
  city_admin: '市教育局管理员',
  county_admin: '县教育局管理员',
  dept_staff: '业务科室人员',
  researcher: '教研员',
  inspector: '督学',
  principal: '校长',
  teacher: '教师',
  parent: '家长',
};

export const DEPARTMENT_LABELS: Record<Department, string> = {
  research: '教科所',
  edtech: '电教馆',
  preschool: '学前教研室',
};

/** 「教科所人员」 for department staff, the plain role name otherwise. */
export function roleLabel(role: Role, department: Department | null): string {
  if (role === 'dept_staff' && department) return `${DEPARTMENT_LABELS[department]}人员`;
  return ROLE_LABELS[role];
}
