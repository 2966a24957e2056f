import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';

type DB = Kysely<Database>;

/** The interaction record's kinds shown on a replay's timeline: hands and polls (and questions asked). */
export const MARKER_KINDS = ['hand.raise', 'hand.call', 'poll.open', 'poll.close', 'question'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** A session with its class, as the replay is built from it (unscoped: the caller is a hook or a job). */
export async function sessionForReplay(db: DB, sessionId: number) {
  return db.selectFrom('live_sessions')
    .innerJoin('live_classes', 'live_classes.id', 'live_sessions.live_class_id')
    .leftJoin('users', 'users.id', 'live_classes.lead_teacher_user_id')
    .select([
      'live_sessions.id', 'live_sessions.status', 'live_sessions.day', 'live_sessions.starts_at', 'live_sessions.ends_at',
      'live_sessions.started_at', 'live_sessions.ended_at', 'live_sessions.replay_recording_id',
      'live_classes.id as class_id', 'live_classes.school_id', 'live_classes.lead_room_id', 'live_classes.lead_teacher_user_id',
      'live_classes.title', 'live_classes.subject', 'live_classes.grade', 'users.name as teacher_name',
    ])
    .where('live_sessions.id', '=', sessionId)
    .executeTakeFirst();
}

/** Records the replay once: a later call (a job run again) leaves the first answer. */
export async function setReplayRecording(db: DB, sessionId: number, recordingId: number): Promise<void> {
  await db.updateTable('live_sessions').set({ replay_recording_id: recordingId })
    .where('id', '=', sessionId).where('replay_recording_id', 'is', null).execute();
}

/** A session whose live class is in the given scope (liveClassInScope on live_classes). */
export async function sessionInScope(db: DB, where: Expression<SqlBool>, sessionId: number) {
  return db.selectFrom('live_sessions')
    .innerJoin('live_classes', 'live_classes.id', 'live_sessions.live_class_id')
    .select([
      'live_sessions.id', 'live_sessions.status', 'live_sessions.started_at', 'live_sessions.ended_at', 'live_sessions.replay_recording_id',
      'live_classes.id as class_id', 'live_classes.school_id', 'live_classes.lead_room_id', 'live_classes.title',
    ])
    .where('live_sessions.id', '=', sessionId)
    .where(where)
    .executeTakeFirst();
}

/** Whether the lead school's session `sessionId` has a replay and its class is in scope (lesson sharing). */
export async function replayInScope(db: DB, where: Expression<SqlBool>, sessionId: number, schoolId: number): Promise<boolean> {
  const row = await db.selectFrom('live_sessions')
    .innerJoin('live_classes', 'live_classes.id', 'live_sessions.live_class_id')
    .select('live_sessions.id')
    .where('live_sessions.id', '=', sessionId)
    .where('live_classes.school_id', '=', schoolId)
    .where('live_sessions.replay_recording_id', 'is not', null)
    .where(where)
    .executeTakeFirst();
  return row !== undefined;
}

/** The lead room and the receiving rooms of a class, with their names and schools'. */
export async function classRooms(db: DB, classId: number, leadRoomId: number) {
  const receiving = await db.selectFrom('live_class_rooms').select('room_id').where('live_class_id', '=', classId).execute();
  const ids = [leadRoomId, ...receiving.map((r) => r.room_id)];
  const rows = await db.selectFrom('rooms')
    .innerJoin('schools', 'schools.id', 'rooms.school_id')
    .select(['rooms.id', 'rooms.name', 'rooms.school_id', 'schools.name as school_name'])
    .where('rooms.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, lead: r.id === leadRoomId }));
}

/** The session's hands, polls and questions, in order. */
export async function markerEvents(db: DB, sessionId: number) {
  return db.selectFrom('live_events').select(['id', 'kind', 'room_id', 'payload', 'at'])
    .where('session_id', '=', sessionId).where('kind', 'in', [...MARKER_KINDS])
    .orderBy('at').orderBy('id').execute();
}
