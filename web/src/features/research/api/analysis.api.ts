import type {
  AnalysisAbsent, AnalysisCounties, AnalysisMine, AnalysisPeriodQuery, AnalysisSchools, AnalysisTeachers, AnalysisTerms,
} from '@shared/research-analysis-types';
import { api, download } from '../../../api/client';

/** 教研分析: the terms it can cover, and each list with its .xlsx download. */

export function getAnalysisTerms(countyId: number | undefined, signal?: AbortSignal): Promise<AnalysisTerms> {
  return api.get<AnalysisTerms>('/api/research/analysis/terms', { query: { countyId }, signal });
}

export function getAnalysisCounties(period: AnalysisPeriodQuery, signal?: AbortSignal): Promise<AnalysisCounties> {
  return api.get<AnalysisCounties>('/api/research/analysis/counties', { query: { ...period }, signal });
}

export function getAnalysisSchools(q: AnalysisPeriodQuery & { countyId?: number }, signal?: AbortSignal): Promise<AnalysisSchools> {
  return api.get<AnalysisSchools>('/api/research/analysis/schools', { query: { ...q }, signal });
}

export function getAnalysisAbsent(q: AnalysisPeriodQuery & { countyId?: number }, signal?: AbortSignal): Promise<AnalysisAbsent> {
  return api.get<AnalysisAbsent>('/api/research/analysis/absent', { query: { ...q }, signal });
}

export function getAnalysisTeachers(schoolId: number, period: AnalysisPeriodQuery, signal?: AbortSignal): Promise<AnalysisTeachers> {
  return api.get<AnalysisTeachers>(`/api/research/analysis/schools/${schoolId}/teachers`, { query: { ...period }, signal });
}

export function getMyResearch(period: AnalysisPeriodQuery, signal?: AbortSignal): Promise<AnalysisMine> {
  return api.get<AnalysisMine>('/api/research/analysis/me', { query: { ...period }, signal });
}

export const exportAnalysis = {
  counties: (period: AnalysisPeriodQuery) => download('/api/research/analysis/counties/export.xlsx', { ...period }, 'research-counties.xlsx'),
  schools: (q: AnalysisPeriodQuery & { countyId?: number }) => download('/api/research/analysis/schools/export.xlsx', { ...q }, 'research-schools.xlsx'),
  absent: (q: AnalysisPeriodQuery & { countyId?: number }) => download('/api/research/analysis/absent/export.xlsx', { ...q }, 'research-absent.xlsx'),
  teachers: (schoolId: number, period: AnalysisPeriodQuery) =>
    download(`/api/research/analysis/schools/${schoolId}/teachers/export.xlsx`, { ...period }, 'research-teachers.xlsx'),
};
