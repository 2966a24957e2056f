import type {
  AlertFilters, Connectivity, DeviceToken, NewRoom, Page, Room, RoomAlert, RoomDetail, RoomFilters, RoomPatch, RoomStatus,
  RoomSummary, Timetable, TimetableLesson, Track,
} from '@shared/api-types';
import { api } from '../../../api/client';

// Lists of values for filters and forms, in display order. Each is a Record over the server's
// type first, so the compiler flags a value the server adds or drops.
const STATUS_SET: Record<RoomStatus, true> = { planned: true, installed: true, activated: true, in_use: true };
const CONNECTIVITY_SET: Record<Connectivity, true> = { online: true, offline: true, no_recorder: true };
const TRACK_SET: Record<Track, true> = { composite: true, teacher: true, students: true, blackboard: true, screen: true };

/** 计划建设 → 设备安装 → 激活 → 常态化使用. */
export const ROOM_STATUSES = Object.keys(STATUS_SET) as RoomStatus[];
export const CONNECTIVITIES = Object.keys(CONNECTIVITY_SET) as Connectivity[];
export const TRACKS = Object.keys(TRACK_SET) as Track[];

/** One page of rooms in the caller's scope, with their live state. */
export function listRooms(query: RoomFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<Room>> {
  return api.get<Page<Room>>('/api/rooms', { query: { ...query }, signal });
}

/** Every room matching the filter, page by page (the server caps a page at 100). */
export async function listAllRooms(filters: RoomFilters, signal?: AbortSignal): Promise<Room[]> {
  const all: Room[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listRooms({ ...filters, page, pageSize: 100 }, signal);
    all.push(...result.items);
    if (result.items.length === 0 || all.length >= result.total) return all;
  }
}

/** Counts by lifecycle status and online state, in all and per county. */
export function getRoomSummary(countyId: number | undefined, signal?: AbortSignal): Promise<RoomSummary> {
  return api.get<RoomSummary>('/api/rooms/summary', { query: { countyId }, signal });
}

export function listAlerts(query: AlertFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<RoomAlert>> {
  return api.get<Page<RoomAlert>>('/api/rooms/alerts', { query: { ...query }, signal });
}

export function getRoom(id: number, signal?: AbortSignal): Promise<RoomDetail> {
  return api.get<RoomDetail>(`/api/rooms/${id}`, { signal });
}

export function createRoom(room: NewRoom): Promise<RoomDetail> {
  return api.post<RoomDetail>('/api/rooms', room);
}

/** Edits a room or moves its lifecycle (a step back needs `reason`). */
export function updateRoom(id: number, patch: RoomPatch): Promise<RoomDetail> {
  return api.patch<RoomDetail>(`/api/rooms/${id}`, patch);
}

/** Adds a recorder; the answer holds its token, which the server never shows again. */
export function createDevice(roomId: number, name?: string): Promise<DeviceToken> {
  return api.post<DeviceToken>(`/api/rooms/${roomId}/devices`, name ? { name } : {});
}

/** A new token for a recorder; the old one stops working at once. */
export function rotateDevice(roomId: number, deviceId: number): Promise<DeviceToken> {
  return api.post<DeviceToken>(`/api/rooms/${roomId}/devices/${deviceId}/rotate`);
}

export function revokeDevice(roomId: number, deviceId: number): Promise<void> {
  return api.delete<void>(`/api/rooms/${roomId}/devices/${deviceId}`);
}

export function getTimetable(roomId: number, signal?: AbortSignal): Promise<Timetable> {
  return api.get<Timetable>(`/api/rooms/${roomId}/timetable`, { signal });
}

/** Replaces the room's weekly timetable. */
export function saveTimetable(roomId: number, lessons: TimetableLesson[]): Promise<Timetable> {
  return api.put<Timetable>(`/api/rooms/${roomId}/timetable`, { lessons });
}
