import type { ChildMonth, Leave, LeaveRequest, Leaves, MyToday } from '@shared/attendance-api-types';
import { api } from '../../../api/client';

/** The family app's calls of attendance and leave (client.ts pulls no antd). */
export const myToday = (signal?: AbortSignal) => api.get<MyToday>('/api/attendance/mine', { signal });
export const childMonth = (studentId: number, month: string, signal?: AbortSignal) =>
  api.get<ChildMonth>(`/api/children/${studentId}/attendance`, { signal, query: { month } });
export const askLeave = (studentId: number, body: LeaveRequest) => api.post<Leave>(`/api/children/${studentId}/leave-requests`, body);
export const myLeaves = (signal?: AbortSignal) => api.get<Leaves>('/api/leave-requests/mine', { signal });
export const withdrawLeave = (id: number) => api.post<Leave>(`/api/leave-requests/${id}/withdraw`);

export { shanghaiToday } from '../../family-text';

/** HH:MM (Asia/Shanghai) of an instant. */
export function shanghaiTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

export const STATUS_COLOR = { present: 'success', late: 'warning', absent: 'danger', on_leave: 'primary' } as const;
