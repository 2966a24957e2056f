import { type Expression, type SqlBool, sql } from 'kysely';
import { notFound } from '../../http/errors.js';
import { scopeOf, type Actor } from '../../access/actor.js';
import { liveClassInScope } from '../../access/scope-sql.js';
import type { Db } from '../../db/database.js';
import type { LiveRole } from '../../../../shared/live.js';

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

/**
 * "Who is this actor in this session" for the channel. The same rules as the sessions service's
 * `viewerOf(actor, sessionId)`, kept twice for now: the channel should call viewerOf (issue 12 leftover).
 * The session is read in SQL under the actor's live:read scope; out of scope or guessed → 404.
 * lead: the lead teacher, or staff of the lead school holding live:write;
 * receiving: the actor's school owns a receiving room of the class (a claimed roomId must be one);
 * watcher: anyone else in scope (county staff, 督学, another school's principal on patrol).
 */
export async function interactionViewerOf(db: Db, actor: Actor, sessionId: number, roomId: number | null): Promise<ChannelViewer> {
  const session = await loadSession(db, actor, sessionId);
  if (!session) throw notFound('直播课');
  const writeScope = scopeOf(actor, 'live:write');
  const readScope = scopeOf(actor, 'live:read');
  const isLead = session.leadTeacherUserId === actor.userId || !!writeScope?.schoolIds.includes(session.schoolId);
  const roomIds = [session.leadRoomId, ...session.receivingRooms.map((r) => r.roomId)];
  const base = { session, roomIds };
  if (roomId === null) return { ...base, role: isLead ? 'lead' : 'watcher', roomId: isLead ? session.leadRoomId : null };
  if (roomId === session.leadRoomId && isLead) return { ...base, role: 'lead', roomId };
  const mine = session.receivingRooms.find((r) => r.roomId === roomId && !!readScope?.schoolIds.includes(r.schoolId));
  if (!mine) throw notFound('直播课教室');
  return { ...base, role: 'receiving', roomId };
}

/** The session only when its class is in the actor's live:read scope (no row otherwise). */
export async function loadSession(db: Db, actor: Actor, sessionId: number): Promise<ChannelSession | null> {
  return loadSessionWhere(db, sessionId, liveClassInScope(scopeOf(actor, 'live:read')));
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
