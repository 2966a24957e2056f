import type { ExportColumn } from '../../http/xlsx-export.js';
import type { AuditItem } from './audit-review.service.js';

/** Chinese names of the actions the platform records; an action not listed shows its code. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lock': '账号锁定',
  'access.denied': '越权访问被拒绝',
  'access.not_found': '访问不存在或无权查看的资源',
  'school.update': '修改学校信息',
  'school.export': '导出学校名单',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计日志完整性',
  'audit.purge': '清理超过保留期的审计日志',
};

const RESULT_LABELS: Record<AuditItem['result'], string> = { success: '成功', failure: '失败', denied: '拒绝' };

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every record.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `2018-04-04 09:00:00 +08:00`: Beijing time with its zone written out, so a printed sheet is unambiguous. */
export function beijingTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)} +08:00`;
}

export const auditExportColumns: ExportColumn<AuditItem>[] = [
  { header: '时间', width: 26, value: (r) => beijingTime(r.at) },
  { header: '操作人', width: 14, value: (r) => r.actorName || (r.action === 'audit.purge' ? '（系统）' : '（未登录）') },
  { header: '操作', width: 22, value: (r) => (ACTION_LABELS[r.action] ? `${ACTION_LABELS[r.action]}（${r.action}）` : r.action) },
  { header: '对象', width: 28, value: (r) => [r.targetType, r.targetId].filter((x) => x !== null).join(':') },
  { header: '对象名称', width: 24, value: (r) => r.targetName ?? '' },
  { header: '结果', width: 8, value: (r) => RESULT_LABELS[r.result] ?? r.result },
  { header: 'IP', width: 16, value: (r) => r.ip },
  { header: '详情', width: 60, value: (r) => (Object.keys(r.detail).length ? JSON.stringify(r.detail) : '') },
];
