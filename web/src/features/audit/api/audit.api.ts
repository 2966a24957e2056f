import { api, download, type Page } from '../../../api/client';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: AuditResult;
  ip: string;
  /** Structured facts of the event (filter used, rows exported, lock time…). */
  detail: Record<string, unknown>;
}

export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  result?: AuditResult;
}

export function listAudit(filters: AuditFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { query: { ...filters }, signal });
}

export function exportAudit(filters: AuditFilters): Promise<void> {
  return download('/api/audit/export.xlsx', { ...filters }, 'audit.xlsx');
}
