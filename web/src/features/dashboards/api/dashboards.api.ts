import type { CityDashboard, ComplianceSchool, ComplianceSchoolFilters, CountyDashboard, Page, SchoolDashboard } from '@shared/api-types';
import { api, download } from '../../../api/client';

/** Every county in the caller's scope, as of a day. */
export function getCityDashboard(asOf: string, signal?: AbortSignal): Promise<CityDashboard> {
  return api.get<CityDashboard>('/api/dashboards/city', { query: { asOf }, signal });
}

/** One county, school by school. */
export function getCountyDashboard(countyId: number, asOf: string, signal?: AbortSignal): Promise<CountyDashboard> {
  return api.get<CountyDashboard>(`/api/dashboards/counties/${countyId}`, { query: { asOf }, signal });
}

/** One school: its month day by day, its trend and its lessons. */
export function getSchoolDashboard(schoolId: number, asOf: string, signal?: AbortSignal): Promise<SchoolDashboard> {
  return api.get<SchoolDashboard>(`/api/dashboards/schools/${schoolId}`, { query: { asOf }, signal });
}

/** Schools with their compliance over a range, ranked, with streaks and the person responsible. */
export function listComplianceSchools(
  query: Partial<ComplianceSchoolFilters> & { page: number; pageSize: number }, signal?: AbortSignal,
): Promise<Page<ComplianceSchool>> {
  return api.get<Page<ComplianceSchool>>('/api/compliance/schools', { query: { ...query }, signal });
}

/** The school list as shown (same filter and order, every page) as an .xlsx download. */
export function exportComplianceSchools(filters: ComplianceSchoolFilters): Promise<void> {
  return download('/api/compliance/schools/export.xlsx', { ...filters }, 'compliance-schools.xlsx');
}
