import type { Locality, SchoolKind } from '@shared/domain';
import { api, download, type Page } from '../../../api/client';

// TODO(shared): move School and Grade to shared/ once the server exports its view types there.

export interface School {
  id: number;
  code: string;
  name: string;
  kind: SchoolKind;
  countyId: number;
  countyName: string;
  cityId: number;
  township: string;
  locality: Locality;
  poorVillage: boolean;
  studentCount: number;
  staffCount: number;
  address: string;
  contactName: string;
  contactPhone: string;
  batch: string | null;
}

export interface Grade {
  id: number;
  name: string;
  level: number;
  classes: { id: number; name: string }[];
}

/** The filters of the school list (also the export's). */
export interface SchoolFilters {
  countyId?: number;
  kind?: SchoolKind;
  locality?: Locality;
  poorVillage?: boolean;
  q?: string;
}

export type SchoolPatch = Partial<Omit<School, 'id' | 'countyName' | 'cityId'>>;

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
