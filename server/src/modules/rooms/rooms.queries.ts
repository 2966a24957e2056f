import { type Expression, type Kysely, type SqlBool, type Updateable, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Database, RoomTable } from '../../db/schema.js';

type Q = Kysely<Database>;

/** Rooms carry their school's county and city, so scope needs no join. */
export const roomInScope = (scope: Scope) => schoolInScope(scope, { id: 'rooms.school_id', county: 'rooms.county_id', city: 'rooms.city_id' });

export interface RoomFilter {
  schoolId?: number;
  countyId?: number;
  status?: RoomTable['status'];
  connectivity?: 'online' | 'offline' | 'no_recorder';
}

// Live state is derived from the recorders' heartbeats at read time, never stored on the room.
const lastBeat = sql<string | null>`(select max(d.last_heartbeat_at) from devices d where d.room_id = rooms.id and d.revoked_at is null)`;
const liveDevices = sql<number>`(select count(*) from devices d where d.room_id = rooms.id and d.revoked_at is null)`;
const openAlerts = sql<number>`(select count(*) from room_alerts a where a.room_id = rooms.id and a.resolved_at is null)`;
const connectivity = (cutoff: string) =>
  sql<'online' | 'offline' | 'no_recorder'>`case when ${lastBeat} >= ${cutoff} then 'online' when ${liveDevices} > 0 then 'offline' else 'no_recorder' end`;

function filtered(db: Q, scope: Expression<SqlBool>, f: RoomFilter, cutoff: string) {
  let q = db.selectFrom('rooms').where(scope);
  if (f.schoolId !== undefined) q = q.where('rooms.school_id', '=', f.schoolId);
  if (f.countyId !== undefined) q = q.where('rooms.county_id', '=', f.countyId);
  if (f.status) q = q.where('rooms.status', '=', f.status);
  if (f.connectivity) q = q.where(sql<SqlBool>`${connectivity(cutoff)} = ${f.connectivity}`);
  return q;
}

function withNames(db: Q, scope: Expression<SqlBool>, f: RoomFilter, cutoff: string) {
  return filtered(db, scope, f, cutoff)
    .innerJoin('schools', 'schools.id', 'rooms.school_id')
    .innerJoin('regions as county', 'county.id', 'rooms.county_id')
    .selectAll('rooms')
    .select([
      'schools.code as school_code', 'schools.name as school_name', 'county.name as county_name',
      lastBeat.as('last_heartbeat_at'), liveDevices.as('device_count'), openAlerts.as('open_alerts'), connectivity(cutoff).as('connectivity'),
    ]);
}

export type RoomRow = Awaited<ReturnType<typeof listRooms>>[number];

export function listRooms(db: Q, scope: Expression<SqlBool>, f: RoomFilter, cutoff: string, limit: number, offset: number) {
  return withNames(db, scope, f, cutoff).orderBy('rooms.school_id').orderBy('rooms.id').limit(limit).offset(offset).execute();
}

export async function countRooms(db: Q, scope: Expression<SqlBool>, f: RoomFilter, cutoff: string): Promise<number> {
  const row = await filtered(db, scope, f, cutoff).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findRoom(db: Q, scope: Expression<SqlBool>, id: number, cutoff: string) {
  return withNames(db, scope, {}, cutoff).where('rooms.id', '=', id).executeTakeFirst();
}

/** Live recorders of some rooms, most recently heard first (for disk free and recording state). */
export function liveDevicesOf(db: Q, roomIds: number[]) {
  if (!roomIds.length) return Promise.resolve([]);
  return db.selectFrom('devices').selectAll()
    .where('room_id', 'in', roomIds).where('revoked_at', 'is', null)
    // Never-heard recorders last on both databases (PostgreSQL sorts NULLs first when descending).
    .orderBy(sql`case when last_heartbeat_at is null then 1 else 0 end`).orderBy('last_heartbeat_at', 'desc').orderBy('id', 'desc').execute();
}

export function devicesOfRoom(db: Q, roomId: number) {
  return db.selectFrom('devices').selectAll().where('room_id', '=', roomId).orderBy('id').execute();
}

/** Counts per county by lifecycle status and connectivity, within scope. */
export function countsByCounty(db: Q, scope: Expression<SqlBool>, f: RoomFilter, cutoff: string) {
  const when = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  return filtered(db, scope, f, cutoff)
    .innerJoin('regions as county', 'county.id', 'rooms.county_id')
    .select((eb) => [
      'county.id', 'county.name', 'county.code',
      eb.fn.countAll<number>().as('total'),
      when(sql`rooms.status = 'planned'`).as('planned'),
      when(sql`rooms.status = 'installed'`).as('installed'),
      when(sql`rooms.status = 'activated'`).as('activated'),
      when(sql`rooms.status = 'in_use'`).as('in_use'),
      when(sql`${connectivity(cutoff)} = 'online'`).as('online'),
      when(sql`${connectivity(cutoff)} = 'offline'`).as('offline'),
      when(sql`${connectivity(cutoff)} = 'no_recorder'`).as('no_recorder'),
      sql<number>`sum(${openAlerts})`.as('open_alerts'),
    ])
    .groupBy(['county.id', 'county.name', 'county.code'])
    .orderBy('county.code')
    .execute();
}

export async function roomNameTaken(db: Q, schoolId: number, name: string, exceptId = 0): Promise<boolean> {
  const row = await db.selectFrom('rooms').select('id').where('school_id', '=', schoolId).where('name', '=', name).where('id', '!=', exceptId).executeTakeFirst();
  return row !== undefined;
}

export function updateRoom(db: Q, id: number, set: Updateable<RoomTable>) {
  return db.updateTable('rooms').set(set).where('id', '=', id).execute();
}

export function timetableOf(db: Q, roomId: number) {
  return db.selectFrom('room_timetable').selectAll().where('room_id', '=', roomId).orderBy('weekday').orderBy('starts_at').execute();
}

export interface AlertFilter {
  countyId?: number;
  schoolId?: number;
  open?: boolean;
}

function alertsFiltered(db: Q, scope: Expression<SqlBool>, f: AlertFilter) {
  let q = db.selectFrom('room_alerts').where(scope);
  if (f.countyId !== undefined) q = q.where('room_alerts.county_id', '=', f.countyId);
  if (f.schoolId !== undefined) q = q.where('room_alerts.school_id', '=', f.schoolId);
  if (f.open !== undefined) q = q.where('room_alerts.resolved_at', f.open ? 'is' : 'is not', null);
  return q;
}

export const alertInScope = (scope: Scope) =>
  schoolInScope(scope, { id: 'room_alerts.school_id', county: 'room_alerts.county_id', city: 'room_alerts.city_id' });

export function listAlerts(db: Q, scope: Expression<SqlBool>, f: AlertFilter, limit: number, offset: number) {
  return alertsFiltered(db, scope, f)
    .innerJoin('rooms', 'rooms.id', 'room_alerts.room_id')
    .innerJoin('schools', 'schools.id', 'room_alerts.school_id')
    .selectAll('room_alerts')
    .select(['rooms.name as room_name', 'schools.code as school_code', 'schools.name as school_name'])
    .orderBy('room_alerts.created_at', 'desc').orderBy('room_alerts.id', 'desc')
    .limit(limit).offset(offset).execute();
}

export async function countAlerts(db: Q, scope: Expression<SqlBool>, f: AlertFilter): Promise<number> {
  const row = await alertsFiltered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
