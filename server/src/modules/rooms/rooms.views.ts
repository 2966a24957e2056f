import type { Selectable } from 'kysely';
import type { DeviceTable, RoomTimetableTable } from '../../db/schema.js';
import type { RoomRow } from './rooms.queries.js';
import type { TRACKS } from './rooms.schema.js';

type Track = (typeof TRACKS)[number];
export type DeviceRow = Selectable<DeviceTable>;

export interface DeviceView {
  id: number; name: string; serial: string; tokenHint: string; createdAt: string; rotatedAt: string | null;
  revokedAt: string | null; lastHeartbeatAt: string | null; online: boolean; state: 'recording' | 'idle' | null;
  diskFreeBytes: number | null; firmware: string | null; lastIp: string | null;
}

/** A recorder as staff see it: never its token, only the token's last four characters. */
export function toDeviceView(d: DeviceRow, cutoff: string): DeviceView {
  const online = d.revoked_at === null && d.last_heartbeat_at !== null && d.last_heartbeat_at >= cutoff;
  return {
    id: d.id, name: d.name, serial: d.serial, tokenHint: d.token_hint, createdAt: d.created_at, rotatedAt: d.rotated_at,
    revokedAt: d.revoked_at, lastHeartbeatAt: d.last_heartbeat_at, online, state: online ? d.last_state : null,
    diskFreeBytes: d.disk_free_bytes === null ? null : Number(d.disk_free_bytes), firmware: d.firmware, lastIp: d.last_ip,
  };
}

export interface RoomView {
  id: number; schoolId: number; schoolCode: string; schoolName: string; countyId: number; countyName: string;
  name: string; location: string; vendor: string; model: string; tracks: Track[]; status: RoomRow['status'];
  plannedOn: string | null; installedOn: string | null; activatedOn: string | null; inUseOn: string | null;
  connectivity: 'online' | 'offline' | 'no_recorder'; lastHeartbeatAt: string | null; diskFreeBytes: number | null;
  recorderState: 'recording' | 'idle' | null; deviceCount: number; openAlerts: number; updatedAt: string;
}

/** A room with its live state; `latest` is its most recently heard live recorder. */
export function toRoomView(r: RoomRow, latest: DeviceRow | undefined): RoomView {
  const online = r.connectivity === 'online';
  return {
    id: r.id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, countyId: r.county_id,
    countyName: r.county_name, name: r.name, location: r.location, vendor: r.vendor, model: r.model,
    tracks: JSON.parse(r.tracks) as Track[], status: r.status, plannedOn: r.planned_on, installedOn: r.installed_on,
    activatedOn: r.activated_on, inUseOn: r.in_use_on, connectivity: r.connectivity, lastHeartbeatAt: r.last_heartbeat_at,
    diskFreeBytes: latest?.disk_free_bytes == null ? null : Number(latest.disk_free_bytes),
    recorderState: online ? (latest?.last_state ?? null) : null,
    deviceCount: Number(r.device_count), openAlerts: Number(r.open_alerts), updatedAt: r.updated_at,
  };
}

export interface LessonView {
  weekday: number; startsAt: string; endsAt: string; subject: string; grade: string; classId: number | null; teacher: string;
}

export function toLessonView(l: Selectable<RoomTimetableTable>): LessonView {
  return { weekday: l.weekday, startsAt: l.starts_at, endsAt: l.ends_at, subject: l.subject, grade: l.grade, classId: l.class_id, teacher: l.teacher_name };
}
