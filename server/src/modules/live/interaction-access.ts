import { type Expression, type SqlBool, sql } from 'kysely';
import { notFound } from '../../http/errors.js';
import type { Db } from '../../db/database.js';
import type { LiveRole } from '../../../../shared/live.js';
import type { LiveSessionView } from './sessions.service.js';

/** A session as the interaction channel needs it, with its class's lead and receiving rooms. */
export interface ChannelSession {
  id: number;
  liveClassId: number;
  status: string;
  startsAt: string;
  startedAt: string | null;
  schoolId: number;
  leadRoomId: number;
  leadTeacherUserId: number;
  receivingRooms: Array<{ roomId: number; schoolId: number }>;
}

/** Who stands where in one session: the role, and the room the connection speaks for (null for watchers). */
export interface ChannelViewer {
  session: ChannelSession;
  role: LiveRole;
  roomId: number | null;
  /** Every room of the class (lead first), for the per-room view. */
  roomIds: number[];
}

/** What the sessions service's `viewerOf(actor, sessionId)` answers: the one place that decides who may see a session and as what. */
export interface SessionViewer { session: LiveSessionView; role: LiveRole; roomIds: number[] }

/** The channel's shape of a session the sessions service let the actor see. */
export function channelSession(s: LiveSessionView): ChannelSession {
  return {
    id: s.id, liveClassId: s.liveClassId, status: s.status, startsAt: s.startsAt, startedAt: s.startedAt, schoolId: s.lead.schoolId,
    leadRoomId: s.lead.roomId, leadTeacherUserId: s.leadTeacherUserId, receivingRooms: s.receiving.map((r) => ({ roomId: r.roomId, schoolId: r.schoolId })),
  };
}

/**
 * The connection's place, from the sessions service's verdict (viewerOf: scope, role and rooms are
 * decided there, never here). Without a room the lead speaks for the lead room and anyone else
 * only watches; a claimed room must be one of the rooms viewerOf gave the actor, else 404.
 */
export function channelViewer(v: SessionViewer, roomId: number | null): ChannelViewer {
  const session = channelSession(v.session);
  const base = { session, roomIds: [session.leadRoomId, ...session.receivingRooms.map((r) => r.roomId)] };
  if (roomId === null) return v.role === 'lead' ? { ...base, role: 'lead', roomId: session.leadRoomId } : { ...base, role: 'watcher', roomId: null };
  if (v.role === 'watcher' || !v.roomIds.includes(roomId)) throw notFound('直播课教室');
  return { ...base, role: v.role, roomId };
}

/** The session without a scope: for the module's own callers (the replay's recordOf), never for a request. */
export async function loadSessionUnscoped(db: Db, sessionId: number): Promise<ChannelSession | null> {
  return loadSessionWhere(db, sessionId, sql<SqlBool>`1 = 1`);
}

async function loadSessionWhere(db: Db, sessionId: number, inScope: Expression<SqlBool>): Promise<ChannelSession | null> {
  const row = await db.db.selectFrom('live_sessions as s')
    .innerJoin('live_classes', 'live_classes.id', 's.live_class_id')
    .select(['s.id', 's.live_class_id', 's.status', 's.starts_at', 's.started_at', 'live_classes.school_id', 'live_classes.lead_room_id', 'live_classes.lead_teacher_user_id'])
    .where('s.id', '=', sessionId)
    .where(inScope)
    .executeTakeFirst();
  if (!row) return null;
  const rooms = await db.db.selectFrom('live_class_rooms').select(['room_id', 'school_id'])
    .where('live_class_id', '=', row.live_class_id).orderBy('room_id').execute();
  return {
    id: row.id, liveClassId: row.live_class_id, status: row.status, startsAt: row.starts_at, startedAt: row.started_at,
    schoolId: row.school_id, leadRoomId: row.lead_room_id, leadTeacherUserId: row.lead_teacher_user_id,
    receivingRooms: rooms.map((r) => ({ roomId: r.room_id, schoolId: r.school_id })),
  };
}
