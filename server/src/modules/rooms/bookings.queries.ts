import type { Insertable, Kysely } from 'kysely';
import type { Database, RoomBookingTable } from '../../db/schema.js';

type Q = Kysely<Database>;

const COLUMNS = [
  'room_bookings.id', 'room_bookings.room_id', 'room_bookings.school_id', 'room_bookings.county_id', 'room_bookings.city_id',
  'room_bookings.starts_at', 'room_bookings.ends_at', 'room_bookings.subject', 'room_bookings.grade', 'room_bookings.teacher_user_id',
  'room_bookings.teacher_name', 'room_bookings.purpose', 'room_bookings.purpose_ref', 'room_bookings.note',
  'room_bookings.created_by_user_id', 'room_bookings.created_at', 'room_bookings.cancelled_at',
  'rooms.name as room_name', 'schools.name as school_name', 'users.name as created_by_name',
] as const;

function withNames(db: Q) {
  return db.selectFrom('room_bookings')
    .innerJoin('rooms', 'rooms.id', 'room_bookings.room_id')
    .innerJoin('schools', 'schools.id', 'room_bookings.school_id')
    .innerJoin('users', 'users.id', 'room_bookings.created_by_user_id')
    .select(COLUMNS)
    .where('room_bookings.cancelled_at', 'is', null);
}

export type BookingRow = NonNullable<Awaited<ReturnType<typeof findBooking>>>;

/** Bookings of one room that overlap [from, to), soonest first. */
export function bookingsOfRoom(db: Q, roomId: number, from: string, to: string) {
  return withNames(db).where('room_bookings.room_id', '=', roomId)
    .where('room_bookings.ends_at', '>', from).where('room_bookings.starts_at', '<', to)
    .orderBy('room_bookings.starts_at').orderBy('room_bookings.id').execute();
}

/** Bookings made for one purpose (a research activity's), soonest first. */
export function bookingsForPurpose(db: Q, purpose: RoomBookingTable['purpose'], ref: number) {
  return withNames(db).where('room_bookings.purpose', '=', purpose).where('room_bookings.purpose_ref', '=', ref)
    .orderBy('room_bookings.starts_at').orderBy('room_bookings.id').execute();
}

/** Bookings of a room whose span (widened by `leadMs` before its start) contains the instant. */
export function bookingsCovering(db: Q, roomId: number, at: string, leadMs: number) {
  const latestStart = new Date(Date.parse(at) + leadMs).toISOString();
  return withNames(db).where('room_bookings.room_id', '=', roomId)
    .where('room_bookings.starts_at', '<=', latestStart).where('room_bookings.ends_at', '>', at)
    .orderBy('room_bookings.starts_at').execute();
}

export function findBooking(db: Q, roomId: number, id: number) {
  return withNames(db).where('room_bookings.room_id', '=', roomId).where('room_bookings.id', '=', id).executeTakeFirst();
}

/** A live booking of the room overlapping [startsAt, endsAt), if any. */
export function overlapping(db: Q, roomId: number, startsAt: string, endsAt: string) {
  return db.selectFrom('room_bookings').select(['id', 'starts_at', 'ends_at'])
    .where('room_id', '=', roomId).where('cancelled_at', 'is', null)
    .where('starts_at', '<', endsAt).where('ends_at', '>', startsAt)
    .executeTakeFirst();
}

export async function insertBooking(db: Q, row: Insertable<RoomBookingTable>): Promise<number> {
  return (await db.insertInto('room_bookings').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function cancelBooking(db: Q, id: number, at: string) {
  return db.updateTable('room_bookings').set({ cancelled_at: at }).where('id', '=', id).where('cancelled_at', 'is', null).execute();
}
