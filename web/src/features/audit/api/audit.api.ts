import type { AuditEntry, AuditFilters, AuditResult, Page } from '@shared/api-types';
import { api, download } from '../../../api/client';

/** The results the filter offers; the compiler checks them against the server's schema. */
const RESULT_SET: Record<AuditResult, true> = { success: true, failure: true, denied: true };
export const AUDIT_RESULTS = Object.keys(RESULT_SET) as AuditResult[];

export function listAudit(filters: AuditFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { query: { ...filters }, signal });
}

export function exportAudit(filters: AuditFilters): Promise<void> {
  return download('/api/audit/export.xlsx', { ...filters }, 'audit.xlsx');
}
