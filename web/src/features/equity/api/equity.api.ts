import type { EquityOverview, EquityRecommendations, EquitySchoolsPage, EquitySchoolsQuery } from '@shared/equity-api-types';
import { api, download } from '../../../api/client';

/** The equity page: figures of the city and each county of the caller's scope for a month. */
export function getEquity(query: { month?: string; countyId?: number }, signal?: AbortSignal): Promise<EquityOverview> {
  return api.get<EquityOverview>('/api/equity', { query: { ...query }, signal });
}

/** The schools behind a figure, a page at a time. */
export function listEquitySchools(query: EquitySchoolsQuery & { page: number; pageSize: number }, signal?: AbortSignal): Promise<EquitySchoolsPage> {
  return api.get<EquitySchoolsPage>('/api/equity/schools', { query: { ...query }, signal });
}

/** The page as a workbook. */
export function exportEquity(query: { month?: string; countyId?: number }): Promise<void> {
  return download('/api/equity/export.xlsx', { ...query }, 'equity.xlsx');
}

/** Featured lessons a school has not used yet, for its home page. */
export function getRecommendations(schoolId: number, signal?: AbortSignal): Promise<EquityRecommendations> {
  return api.get<EquityRecommendations>('/api/equity/recommendations', { query: { schoolId }, signal });
}
