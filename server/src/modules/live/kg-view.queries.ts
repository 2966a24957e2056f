import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LiveKgRoomTable, LiveKgViewTable } from '../../db/schema/live-kg.js';
import type { KgWindow } from './kg-view.windows.js';

/** SQL of the kindergarten live view: rooms, their windows, views and the view log. */
type Db = Kysely<Database>;
export type KgRoomRow = Selectable<LiveKgRoomTable>;
export type KgViewRow = Selectable<LiveKgViewTable>;

/** Live-view rooms (not deleted) of the given classes: the caller's reach decided the classes in SQL first. */
export const roomsOfClasses = (db: Db, classIds: readonly number[], opts: { enabledOnly?: boolean } = {}) => {
  if (!classIds.length) return Promise.resolve([] as KgRoomRow[]);
  let q = db.selectFrom('live_kg_rooms').selectAll().where('class_id', 'in', [...classIds]).where('deleted_at', 'is', null);
  if (opts.enabledOnly) q = q.where('enabled', '=', 1);
  return q.orderBy('class_id').orderBy('id').execute();
};

export const findRoom = (db: Db, id: number) =>
  db.selectFrom('live_kg_rooms').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();

export async function windowsOf(db: Db, roomIds: readonly number[]): Promise<Map<number, KgWindow[]>> {
  const out = new Map<number, KgWindow[]>(roomIds.map((id) => [id, []]));
  if (!roomIds.length) return out;
  const rows = await db.selectFrom('live_kg_windows').select(['kg_room_id', 'weekday', 'from_time', 'to_time'])
    .where('kg_room_id', 'in', [...roomIds]).orderBy('weekday').orderBy('from_time').execute();
  for (const r of rows) out.get(r.kg_room_id)?.push({ weekday: r.weekday, from: r.from_time, to: r.to_time });
  return out;
}

export const insertRoom = (db: Db, row: Insertable<LiveKgRoomTable>) =>
  db.insertInto('live_kg_rooms').values(row).returningAll().executeTakeFirstOrThrow();

export const updateRoom = (db: Db, id: number, patch: Partial<Omit<KgRoomRow, 'id'>>) =>
  db.updateTable('live_kg_rooms').set(patch).where('id', '=', id).execute();

/** Replaces a room's windows with the given ones (in one transaction with the room's update). */
export async function replaceWindows(db: Db, roomId: number, ws: readonly KgWindow[]): Promise<void> {
  await db.deleteFrom('live_kg_windows').where('kg_room_id', '=', roomId).execute();
  if (ws.length) {
    await db.insertInto('live_kg_windows').values(ws.map((w) => ({ kg_room_id: roomId, weekday: w.weekday, from_time: w.from, to_time: w.to }))).execute();
  }
}

/** Open views (not ended) of the rooms; the service decides which have gone quiet. */
export const openViews = (db: Db, roomIds: readonly number[]) => (roomIds.length
  ? db.selectFrom('live_kg_views').selectAll().where('kg_room_id', 'in', [...roomIds]).where('ended_at', 'is', null).orderBy('id').execute()
  : Promise.resolve([] as KgViewRow[]));

/** Open views whose last heartbeat is older than `cutoff` (ISO), in any room. */
export const staleViews = (db: Db, cutoff: string) =>
  db.selectFrom('live_kg_views').selectAll().where('ended_at', 'is', null).where('last_seen_at', '<', cutoff).execute();

export const countLive = async (db: Db, roomId: number, cutoff: string) => Number((await db.selectFrom('live_kg_views')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('kg_room_id', '=', roomId).where('ended_at', 'is', null)
  .where('last_seen_at', '>=', cutoff).executeTakeFirstOrThrow()).n);

export const insertView = (db: Db, row: Insertable<LiveKgViewTable>) =>
  db.insertInto('live_kg_views').values(row).returningAll().executeTakeFirstOrThrow();

/**
 * Takes a seat under the room's cap, or answers null when the room is full (or gone). One
 * transaction on both dialects: the no-op update of the room row comes first and takes its lock
 * (PostgreSQL: the row lock; SQLite: the database's write lock), so two parents racing for the last
 * seat are counted one after the other and only one of them gets it.
 */
export const insertViewUnderCap = (db: Db, row: Insertable<LiveKgViewTable>, cutoff: string) => db.transaction().execute(async (trx) => {
  const room = await trx.updateTable('live_kg_rooms').set((eb) => ({ cap: eb.ref('cap') }))
    .where('id', '=', row.kg_room_id).where('deleted_at', 'is', null).returning('cap').executeTakeFirst();
  if (!room || await countLive(trx, row.kg_room_id, cutoff) >= room.cap) return null;
  return trx.insertInto('live_kg_views').values(row).returningAll().executeTakeFirstOrThrow();
});

/** How many live views of the room took their seat before this one (over the cap when the principal lowered it). */
export const liveViewsBefore = async (db: Db, roomId: number, viewId: number, cutoff: string) => Number((await db.selectFrom('live_kg_views')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('kg_room_id', '=', roomId).where('ended_at', 'is', null)
  .where('last_seen_at', '>=', cutoff).where('id', '<', viewId).executeTakeFirstOrThrow()).n);

/** The enabled live-view rooms whose camera is the given recording room (its recorder asks where to stream). */
export const roomsOfCamera = (db: Db, cameraRoomId: number) =>
  db.selectFrom('live_kg_rooms').selectAll().where('room_id', '=', cameraRoomId).where('enabled', '=', 1).where('deleted_at', 'is', null).orderBy('id').execute();

/** Rooms by id (deleted ones too: a stream of a deleted room is stopped by the due work). */
export const roomsById = (db: Db, ids: readonly number[]) => (ids.length
  ? db.selectFrom('live_kg_rooms').selectAll().where('id', 'in', [...ids]).execute()
  : Promise.resolve([] as KgRoomRow[]));

export const findView = (db: Db, id: number) => db.selectFrom('live_kg_views').selectAll().where('id', '=', id).executeTakeFirst();

export const touchView = (db: Db, id: number, at: string) =>
  db.updateTable('live_kg_views').set({ last_seen_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();

/** Closes a view if still open: true only for the call that closed it. */
export const endView = async (db: Db, id: number, end: { at: string; seconds: number; reason: string }) => {
  const r = await db.updateTable('live_kg_views').set({ ended_at: end.at, seconds: end.seconds, end_reason: end.reason })
    .where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export const viewsByTokenHash = (db: Db, roomId: number, tokenHash: string) =>
  db.selectFrom('live_kg_views').selectAll().where('kg_room_id', '=', roomId).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).executeTakeFirst();

const logQuery = (db: Db) => db.selectFrom('live_kg_views')
  .innerJoin('live_kg_rooms', 'live_kg_rooms.id', 'live_kg_views.kg_room_id')
  .innerJoin('users', 'users.id', 'live_kg_views.user_id')
  .innerJoin('students', 'students.id', 'live_kg_views.student_id')
  .selectAll('live_kg_views').select(['live_kg_rooms.name as room_name', 'users.name as viewer_name', 'students.name as child_name']);

/** The view log of the rooms between two instants (ISO), newest first, with the room's, the viewer's and the child's names. */
export const viewLog = (db: Db, roomIds: readonly number[], from: string, to: string) => (roomIds.length
  ? logQuery(db).where('live_kg_views.kg_room_id', 'in', [...roomIds]).where('live_kg_views.started_at', '>=', from).where('live_kg_views.started_at', '<', to)
    .orderBy('live_kg_views.started_at', 'desc').orderBy('live_kg_views.id', 'desc').limit(500).execute()
  : Promise.resolve([]));

export const viewLogRow = (db: Db, id: number) => logQuery(db).where('live_kg_views.id', '=', id).executeTakeFirstOrThrow();

/** Every live-view room of the classes, deleted ones too (their views stay in the log). */
export const allRoomIdsOfClasses = async (db: Db, classIds: readonly number[]) => (classIds.length
  ? (await db.selectFrom('live_kg_rooms').select('id').where('class_id', 'in', [...classIds]).execute()).map((r) => r.id)
  : []);

export type KgViewLogRow = Awaited<ReturnType<typeof viewLog>>[number];

/** Names of the viewers and children of open views (the teacher's "watching now"). */
export const watcherNames = (db: Db, viewIds: readonly number[]) => (viewIds.length
  ? db.selectFrom('live_kg_views').innerJoin('users', 'users.id', 'live_kg_views.user_id').innerJoin('students', 'students.id', 'live_kg_views.student_id')
    .select(['live_kg_views.id', 'users.name as viewer_name', 'students.name as child_name']).where('live_kg_views.id', 'in', [...viewIds]).execute()
  : Promise.resolve([]));
