import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { departmentKey, departmentStaff, principalsOf } from './notifications.recipients.js';
import type { Notify } from './notifications.service.js';

/** What the rooms module says when a room is offline before a lesson (its `room.offline` event). */
export interface RoomOfflineNotice {
  roomId: number;
  roomName: string;
  schoolId: number;
  countyId: number;
  /** ISO UTC; with the room it makes the notice once-only. */
  lessonStart: string;
  message: string;
}

/**
 * Puts a room-offline alert into the inboxes of the people who can act on it: the school's
 * principal(s) and the county 电教馆 (edtech department: it runs the recorders). One message each
 * per room and lesson — the dedupe key holds also when the check reruns or another process raises
 * the same alert.
 */
export function createRoomOfflineNotices(deps: { db: Kysely<Database>; notify: Notify }) {
  return async function onRoomOffline(alert: RoomOfflineNotice): Promise<number> {
    const [principals, { staff }] = await Promise.all([principalsOf(deps.db, [alert.schoolId]), departmentStaff(deps.db, [alert.countyId])]);
    const to = [...(principals.get(alert.schoolId) ?? []), ...(staff.get(departmentKey(alert.countyId, 'edtech')) ?? [])];
    return deps.notify(to, {
      kind: 'room_offline',
      title: `录播室「${alert.roomName}」离线，即将上课`,
      body: alert.message,
      link: '/rooms',
      dedupeKey: `room_offline:${alert.roomId}:${alert.lessonStart}`,
    });
  };
}
