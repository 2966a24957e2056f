import type {
  LiveClass, LiveClassChange, LiveClassChoices, LiveClassList, LiveSession, LiveSessions, NewLiveClass,
} from '@shared/live-schedule-api-types';
import type { LiveMediaView } from '@shared/live';
import { api } from '../../../api/client';

export const listLiveClasses = (query: { status?: 'active' | 'cancelled'; page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<LiveClassList>('/api/live/classes', { query, signal });
export const liveClassChoices = (schoolId: number | undefined, signal?: AbortSignal) =>
  api.get<LiveClassChoices>('/api/live/class-options', { query: schoolId ? { schoolId } : {}, signal });
export const scheduleLiveClass = (body: NewLiveClass) => api.post<LiveClass>('/api/live/classes', body);
export const changeLiveClass = (id: number, body: LiveClassChange) => api.patch<LiveClass>(`/api/live/classes/${id}`, body);
export const cancelLiveClass = (id: number) => api.post<LiveClass>(`/api/live/classes/${id}/cancel`);

export const listLiveSessions = (query: { day?: string; status?: 'live' }, signal?: AbortSignal) =>
  api.get<LiveSessions>('/api/live/sessions', { query, signal });
export const getLiveSession = (id: number, signal?: AbortSignal) => api.get<LiveSession>(`/api/live/sessions/${id}`, { signal });
export const startLiveSession = (id: number) => api.post<LiveSession>(`/api/live/sessions/${id}/start`);
export const endLiveSession = (id: number) => api.post<LiveSession>(`/api/live/sessions/${id}/end`);
export const liveSessionMedia = (id: number, roomId: number | null, signal?: AbortSignal) =>
  api.get<LiveMediaView>(`/api/live/sessions/${id}/media`, { query: roomId ? { roomId } : {}, signal });
