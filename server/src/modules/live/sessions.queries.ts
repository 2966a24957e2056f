import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/* SQL of live sessions. Reads for a person take the live:read scope on live_classes (joined). */

const SESSION_COLUMNS = [
  'live_sessions.id', 'live_sessions.live_class_id', 'live_sessions.day', 'live_sessions.starts_at', 'live_sessions.ends_at',
  'live_sessions.status', 'live_sessions.mode', 'live_sessions.media', 'live_sessions.started_at', 'live_sessions.ended_at',
  'live_classes.title', 'live_classes.subject', 'live_classes.grade', 'live_classes.lead_room_id', 'live_classes.lead_teacher_user_id',
  'live_classes.school_id', 'live_classes.county_id', 'live_classes.city_id',
  'rooms.name as room_name', 'schools.name as school_name', 'schools.code as school_code', 'users.name as teacher_name',
] as const;

function sessions(db: Db) {
  return db.selectFrom('live_sessions')
    .innerJoin('live_classes', 'live_classes.id', 'live_sessions.live_class_id')
    .innerJoin('rooms', 'rooms.id', 'live_classes.lead_room_id')
    .innerJoin('schools', 'schools.id', 'live_classes.school_id')
    .innerJoin('users', 'users.id', 'live_classes.lead_teacher_user_id')
    .select(SESSION_COLUMNS);
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** A session in scope (scope null: a system read, for the due task). */
export function findSession(db: Db, id: number, scope: Expression<SqlBool> | null) {
  let q = sessions(db).where('live_sessions.id', '=', id);
  if (scope) q = q.where(scope);
  return q.executeTakeFirst();
}

export function sessionsOfDay(db: Db, day: string, scope: Expression<SqlBool>, status?: string) {
  let q = sessions(db).where('live_sessions.day', '=', day).where(scope).where('live_sessions.status', '!=', 'cancelled');
  if (status) q = q.where('live_sessions.status', '=', status);
  return q.orderBy('live_sessions.starts_at').orderBy('live_sessions.id').limit(500).execute();
}

/** Sessions on air whose end lies before `before` (ISO): the due task ends them. */
export function overrunSessions(db: Db, before: string) {
  return sessions(db).where('live_sessions.status', '=', 'live').where('live_sessions.ends_at', '<', before).execute();
}

/** Active classes whose dates cover `day` (the calendar then says whether a weekly one takes place). */
export function classesCovering(db: Db, day: string) {
  return db.selectFrom('live_classes')
    .select(['id', 'school_id', 'weekday', 'starts_on', 'until_on', 'start_time', 'minutes'])
    .where('status', '=', 'active')
    .where('starts_on', '<=', day)
    .where((eb) => eb.or([
      eb.and([eb('weekday', 'is', null), eb('starts_on', '=', day)]),
      eb.and([eb('weekday', 'is not', null), eb.or([eb('until_on', 'is', null), eb('until_on', '>=', day)])]),
    ]))
    .execute();
}

/** Inserts the day's session of a class unless it is there; answers whether it was made. */
export async function insertSession(db: Db, row: { live_class_id: number; day: string; starts_at: string; ends_at: string }): Promise<boolean> {
  const res = await db.insertInto('live_sessions').values({ ...row, mode: null, media: null, started_at: null, ended_at: null, replay_recording_id: null })
    .onConflict((oc) => oc.columns(['live_class_id', 'day']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Moves a session from one status to the next; answers false when another request moved it first. */
export async function moveSession(
  db: Db, id: number, from: string,
  set: { status: string; mode?: string | null; media?: string | null; started_at?: string; ended_at?: string },
): Promise<boolean> {
  const res = await db.updateTable('live_sessions').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
