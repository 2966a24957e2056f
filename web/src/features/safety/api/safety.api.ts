import type {
  DrillList, Drill, HazardDetail, HazardList, NewDrill, NewHazard, NewSafetyCheck, SafetyCheck, SafetyCheckList, SafetyStats, SchoolAreas,
} from '@shared/safety-api-types';
import type { HazardStatus, SafetyArea } from '@shared/safety-checklists';
import { api } from '../../../api/client';

export const schoolAreas = (schoolId: number, signal?: AbortSignal) => api.get<SchoolAreas>(`/api/safety/schools/${schoolId}/areas`, { signal });
export const setSchoolAreas = (schoolId: number, enabled: SafetyArea[]) => api.put<SchoolAreas>(`/api/safety/schools/${schoolId}/areas`, { enabled });

export const listSafetyChecks = (query: { schoolId?: number; page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<SafetyCheckList>('/api/safety/checks', { query, signal });
export const recordSafetyCheck = (body: NewSafetyCheck) => api.post<SafetyCheck>('/api/safety/checks', body);

export const listHazards = (query: { schoolId?: number; status?: HazardStatus; escalated?: boolean; page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<HazardList>('/api/safety/hazards', { query, signal });
export const getHazard = (id: number, signal?: AbortSignal) => api.get<HazardDetail>(`/api/safety/hazards/${id}`, { signal });
export const reportHazard = (body: NewHazard) => api.post<HazardDetail>('/api/safety/hazards', body);
export const startHazard = (id: number) => api.post<HazardDetail>(`/api/safety/hazards/${id}/start`);
export const rectifyHazard = (id: number, note: string) => api.post<HazardDetail>(`/api/safety/hazards/${id}/rectify`, { note });
export const verifyHazard = (id: number, accepted: boolean, note?: string) => api.post<HazardDetail>(`/api/safety/hazards/${id}/verify`, { accepted, note });

/** Uploads one photo (JPEG or PNG, ≤ 10 MB), as found or of the rectification. */
export function uploadHazardPhoto(id: number, stage: 'report' | 'rectification', file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<unknown>(`/api/safety/hazards/${id}/photos?stage=${stage}`, form);
}
export const hazardPhotoUrl = (id: number, photoId: number) => `/api/safety/hazards/${id}/photos/${photoId}`;

export const listDrills = (query: { schoolId?: number; page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<DrillList>('/api/safety/drills', { query, signal });
export const recordDrill = (body: NewDrill) => api.post<Drill>('/api/safety/drills', body);

export const safetyStats = (signal?: AbortSignal) => api.get<SafetyStats>('/api/safety/stats', { signal });
