import type { Grade, Page, School, SchoolFilters, SchoolPatch } from '@shared/api-types';
import { api, download } from '../../../api/client';

/** One page of schools in the caller's scope. */
export function listSchools(filters: SchoolFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<School>> {
  return api.get<Page<School>>('/api/schools', { query: { ...filters }, signal });
}

/** Every school of a county, fetched page by page (the server caps a page at 100). */
export async function listAllSchools(filters: SchoolFilters, signal?: AbortSignal): Promise<School[]> {
  const all: School[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listSchools({ ...filters, page, pageSize: 100 }, signal);
    all.push(...result.items);
    if (result.items.length === 0 || all.length >= result.total) return all;
  }
}

export function getSchool(id: number, signal?: AbortSignal): Promise<School> {
  return api.get<School>(`/api/schools/${id}`, { signal });
}

export function listGrades(schoolId: number, signal?: AbortSignal): Promise<Grade[]> {
  return api.get<Grade[]>(`/api/schools/${schoolId}/classes`, { signal });
}

export function updateSchool(id: number, patch: SchoolPatch): Promise<School> {
  return api.patch<School>(`/api/schools/${id}`, patch);
}

/** Downloads the filtered list as Excel. */
export function exportSchools(filters: SchoolFilters): Promise<void> {
  return download('/api/schools/export.xlsx', { ...filters }, 'schools.xlsx');
}
