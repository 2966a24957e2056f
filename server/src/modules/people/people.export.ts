import type { ExportColumn } from '../../http/xlsx-export.js';
import type { PersonView } from './people.service.js';
import { roleLabel } from './role-labels.js';

/** 状态 as an admin reads it; a lock that has run out no longer counts. */
export function personStatus(p: PersonView, now: Date): string {
  if (p.disabled) return '停用';
  if (p.lockedUntil && p.lockedUntil > now.toISOString()) return '锁定';
  return '正常';
}

/** The staff list as officials read it; several roles of one person are joined with 「；」. */
export function personExportColumns(now: Date): ExportColumn<PersonView>[] {
  return [
    { header: '用户名', width: 18, value: (p) => p.username },
    { header: '姓名', width: 12, value: (p) => p.name },
    { header: '手机号', width: 14, value: (p) => p.phone ?? '' },
    { header: '角色', width: 24, value: (p) => p.assignments.map((a) => roleLabel(a.role, a.department)).join('；') },
    { header: '所属单位', width: 32, value: (p) => p.assignments.map((a) => a.scopeName ?? '全系统').join('；') },
    { header: '状态', width: 8, value: (p) => personStatus(p, now) },
  ];
}
