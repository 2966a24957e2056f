import type {
  KgLiveHeartbeat, KgLiveParentRooms, KgLiveRoomInput, KgLiveStaffRoom, KgLiveStaffRooms, KgLiveViewLog, KgLiveViewLogList, KgLiveViewStart, KgLiveWatchers,
} from '@shared/live-kg-api-types';
import { api } from '../../../api/client';

/** 园所直播's API, for the family app (watch) and the staff pages (settings, watching now, log). */
const base = '/api/live/kg';

export const liveKgApi = {
  rooms: (signal?: AbortSignal) => api.get<KgLiveParentRooms>(`${base}/rooms`, { signal }),
  startView: (roomId: number, childId?: number) => api.post<KgLiveViewStart>(`${base}/rooms/${roomId}/view`, childId ? { childId } : {}),
  heartbeat: (viewId: number) => api.post<KgLiveHeartbeat>(`${base}/views/${viewId}/heartbeat`),
  endView: (viewId: number) => api.post<KgLiveViewLog>(`${base}/views/${viewId}/end`),
  staffRooms: (signal?: AbortSignal) => api.get<KgLiveStaffRooms>(`${base}/staff/rooms`, { signal }),
  watchers: (roomId: number, signal?: AbortSignal) => api.get<KgLiveWatchers>(`${base}/staff/rooms/${roomId}/watchers`, { signal }),
  log: (query: { day?: string; roomId?: number }, signal?: AbortSignal) => api.get<KgLiveViewLogList>(`${base}/views`, { query, signal }),
  createRoom: (body: KgLiveRoomInput) => api.post<KgLiveStaffRoom>(`${base}/settings/rooms`, body),
  updateRoom: (id: number, body: KgLiveRoomInput) => api.put<KgLiveStaffRoom>(`${base}/settings/rooms/${id}`, body),
  deleteRoom: (id: number) => api.delete<void>(`${base}/settings/rooms/${id}`),
};
