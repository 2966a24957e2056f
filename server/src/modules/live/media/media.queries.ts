import type { Db } from '../../../db/database.js';

/** The session of a lead room that is on air now (a recorder asks where to send its stream). */
export async function liveSessionLedFrom(db: Db, roomId: number) {
  return db.db.selectFrom('live_sessions')
    .innerJoin('live_classes', 'live_classes.id', 'live_sessions.live_class_id')
    .select(['live_sessions.id', 'live_sessions.mode', 'live_sessions.media'])
    .where('live_classes.lead_room_id', '=', roomId)
    .where('live_sessions.status', '=', 'live')
    .where('live_sessions.media', 'is not', null)
    .orderBy('live_sessions.started_at', 'desc')
    .executeTakeFirst();
}
