import type {
  NewReport, Page, Report, ReportDetail, ReportFilters, ReportPatch, ReportPeriod, ReportSettings, ReportStatus,
} from '@shared/api-types';
import type { Department } from '@shared/domain';
import { api, download } from '../../../api/client';

// Lists of values for filters, in display order, each a Record over the server's type first so the
// compiler flags a value the server adds or drops.
const STATUS_SET: Record<ReportStatus, true> = { draft: true, submitted: true, returned: true, approved: true };
const PERIOD_SET: Record<ReportPeriod, true> = { monthly: true, weekly: true };
const DEPARTMENT_SET: Record<Department, true> = { research: true, edtech: true, preschool: true };

/** 草稿 → 已提交 → 已退回 → 已通过. */
export const REPORT_STATUSES = Object.keys(STATUS_SET) as ReportStatus[];
export const REPORT_PERIODS = Object.keys(PERIOD_SET) as ReportPeriod[];
export const REPORT_DEPARTMENTS = Object.keys(DEPARTMENT_SET) as Department[];

export function listReports(query: ReportFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<Report>> {
  return api.get<Page<Report>>('/api/reports', { query: { ...query }, signal });
}

export function getReport(id: number, signal?: AbortSignal): Promise<ReportDetail> {
  return api.get<ReportDetail>(`/api/reports/${id}`, { signal });
}

/** Begins the report of the period containing `day`, pre-filled from the data (409 REPORT_EXISTS names the one already begun). */
export function createReport(body: NewReport): Promise<ReportDetail> {
  return api.post<ReportDetail>('/api/reports', body);
}

export function updateReport(id: number, patch: ReportPatch): Promise<ReportDetail> {
  return api.patch<ReportDetail>(`/api/reports/${id}`, patch);
}

/** Takes the figures again from the data. */
export function refreshFigures(id: number): Promise<ReportDetail> {
  return api.post<ReportDetail>(`/api/reports/${id}/figures`);
}

export function submitReport(id: number, comment?: string): Promise<ReportDetail> {
  return api.post<ReportDetail>(`/api/reports/${id}/submit`, comment ? { comment } : {});
}

export function returnReport(id: number, comment: string): Promise<ReportDetail> {
  return api.post<ReportDetail>(`/api/reports/${id}/return`, { comment });
}

export function approveReport(id: number, comment?: string): Promise<ReportDetail> {
  return api.post<ReportDetail>(`/api/reports/${id}/approve`, comment ? { comment } : {});
}

/** The city's period, and the one containing `asOf` (the day the pages open on). */
export function getReportSettings(asOf: string | undefined, signal?: AbortSignal): Promise<ReportSettings> {
  return api.get<ReportSettings>('/api/reports/settings', { query: { asOf }, signal });
}

export function updateReportSettings(period: ReportPeriod): Promise<ReportSettings> {
  return api.put<ReportSettings>('/api/reports/settings', { period });
}

/** 录播课达标情况统计表 over a date range, in the layout offices print. */
export function downloadComplianceTable(from: string, to: string): Promise<void> {
  return download('/api/reports/exports/compliance.xlsx', { from, to }, `compliance-${from}-${to}.xlsx`);
}

/** 阳光放心校园项目实施进度统计表 as of a day. */
export function downloadRolloutTable(asOf: string): Promise<void> {
  return download('/api/reports/exports/rollout.xlsx', { asOf }, `rollout-${asOf}.xlsx`);
}
