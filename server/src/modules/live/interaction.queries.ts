import type { Db } from '../../db/database.js';

/** SQL of the interaction channel: live_events and live_attendance of one session, room names. */

export async function insertEvent(db: Db, e: { sessionId: number; kind: string; roomId: number | null; userId: number | null; payload: unknown; at: string }) {
  const row = await db.db.insertInto('live_events').values({
    session_id: e.sessionId, kind: e.kind, room_id: e.roomId, user_id: e.userId, payload: JSON.stringify(e.payload ?? {}), at: e.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function eventsOf(db: Db, sessionId: number) {
  return db.db.selectFrom('live_events').select(['id', 'kind', 'room_id', 'user_id', 'payload', 'at'])
    .where('session_id', '=', sessionId).orderBy('id').execute();
}

export async function insertAttendance(db: Db, a: { sessionId: number; roomId: number; userId: number; at: string }) {
  const row = await db.db.insertInto('live_attendance').values({
    session_id: a.sessionId, room_id: a.roomId, user_id: a.userId, joined_at: a.at, left_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function closeAttendance(db: Db, id: number, at: string) {
  await db.db.updateTable('live_attendance').set({ left_at: at }).where('id', '=', id).where('left_at', 'is', null).execute();
}

export function attendanceOf(db: Db, sessionId: number) {
  return db.db.selectFrom('live_attendance').select(['id', 'room_id', 'user_id', 'joined_at', 'left_at'])
    .where('session_id', '=', sessionId).orderBy('id').execute();
}

export function roomNames(db: Db, roomIds: number[]) {
  if (roomIds.length === 0) return Promise.resolve([]);
  return db.db.selectFrom('rooms').innerJoin('schools', 'schools.id', 'rooms.school_id')
    .select(['rooms.id', 'rooms.name', 'schools.name as school_name']).where('rooms.id', 'in', roomIds).execute();
}

/** Connections still open in this process when it stops: closed so the record shows the drop. */
export async function closeAttendanceRows(db: Db, ids: number[], at: string) {
  if (ids.length === 0) return;
  await db.db.updateTable('live_attendance').set({ left_at: at }).where('id', 'in', ids).where('left_at', 'is', null).execute();
}

/**
 * Attendance rows still open in sessions that have ended (the node carrying the socket died before
 * it could close them): closed at the session's end, so the record shows when the room left.
 */
export async function closeAttendanceOfEndedSessions(db: Db, now: string) {
  const rows = await db.db.selectFrom('live_attendance').innerJoin('live_sessions', 'live_sessions.id', 'live_attendance.session_id')
    .select(['live_attendance.id', 'live_sessions.ended_at'])
    .where('live_attendance.left_at', 'is', null).where('live_sessions.status', '=', 'ended').execute();
  for (const r of rows) {
    await db.db.updateTable('live_attendance').set({ left_at: r.ended_at ?? now }).where('id', '=', r.id).where('left_at', 'is', null).execute();
  }
  return rows.length;
}
