import type {
  AttendanceFigures, AttendanceSettings, GateCreated, Gates, Leave, Leaves, MarkRequest, Marked, MyClasses, RollCall,
} from '@shared/attendance-api-types';
import { api } from '../../../api/client';

/** The classes whose roll the signed-in teacher or principal takes, and the schools they lead. */
export const myClasses = (signal?: AbortSignal) => api.get<MyClasses>('/api/attendance/classes', { signal });
export const rollCall = (classId: number, day: string | undefined, signal?: AbortSignal) =>
  api.get<RollCall>(`/api/classes/${classId}/attendance`, { signal, query: { day } });
/** Saves the roll: everyone present but the exceptions. */
export const markClass = (classId: number, body: MarkRequest) => api.put<Marked>(`/api/classes/${classId}/attendance`, body);
export function importGateFile(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<{ imported: number; arrivals: number }>('/api/attendance/import', form);
}
export const classLeaves = (classId: number, signal?: AbortSignal) => api.get<Leaves>(`/api/classes/${classId}/leave-requests`, { signal });
export const decideLeave = (id: number, decision: 'approved' | 'declined') => api.post<Leave>(`/api/leave-requests/${id}/decision`, { decision });
export const figures = (query: { from: string; to: string; by: 'day' | 'week' }, signal?: AbortSignal) =>
  api.get<AttendanceFigures>('/api/attendance/figures', { signal, query });
export const settings = (schoolId: number, signal?: AbortSignal) => api.get<AttendanceSettings>(`/api/schools/${schoolId}/attendance/settings`, { signal });
export const saveSettings = (schoolId: number, body: { alertAt: string; lateAfter: string }) => api.put<AttendanceSettings>(`/api/schools/${schoolId}/attendance/settings`, body);
export const gates = (schoolId: number, signal?: AbortSignal) => api.get<Gates>(`/api/schools/${schoolId}/attendance/gates`, { signal });
export const createGate = (schoolId: number, name: string) => api.post<GateCreated>(`/api/schools/${schoolId}/attendance/gates`, { name });
export const revokeGate = (schoolId: number, gateId: number) => api.delete<{ revoked: boolean }>(`/api/schools/${schoolId}/attendance/gates/${gateId}`);
