import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../../shared/dates.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import * as q from './bookings.queries.js';
import type { BOOKING_PURPOSES, BookingListQuery, CreateBookingBody } from './bookings.schema.js';
import type { RoomsService } from './rooms.service.js';

type Who = { actor: Actor; ip: string };
export type BookingPurpose = (typeof BOOKING_PURPOSES)[number];

/**
 * Asked before a booking is made or cancelled for a purpose (a research activity): throws when
 * the actor may not (404 for an activity out of reach, 403 for one they do not organise, 400 for
 * a room of a school not taking part), else answers what the room's timetable shows. Given by the
 * composition root: rooms never import research.
 */
export type BookingPurposeCheck = (actor: Actor, ask: {
  purpose: BookingPurpose; purposeRef: number; schoolId: number; teacherUserId: number | null;
}) => Promise<{ subject: string; grade: string; note: string; teacherName: string }>;

/** The longest one-off booking: a double lesson with its breaks. */
const MAX_HOURS = 4;
/** A lesson that starts up to this much before its booking (the recorder was started early) still belongs to it. */
export const BOOKING_LEAD_MS = 15 * 60_000;

/**
 * Live bookings of a room during which a lesson starting at `lessonStart` was recorded: a system
 * lookup for the `recording.ready` handler (in the server or a job worker), no actor involved.
 */
export function bookingsCoveringLesson(db: Kysely<Database>) {
  return async (roomId: number, lessonStart: string) => (await q.bookingsCovering(db, roomId, lessonStart, BOOKING_LEAD_MS)).map(toBookingView);
}

export function toBookingView(r: q.BookingRow) {
  return {
    id: r.id, roomId: r.room_id, roomName: r.room_name, schoolId: r.school_id, schoolName: r.school_name, startsAt: r.starts_at,
    endsAt: r.ends_at, subject: r.subject, grade: r.grade, teacherUserId: r.teacher_user_id, teacherName: r.teacher_name,
    purpose: r.purpose, purposeRef: r.purpose_ref, note: r.note, createdByName: r.created_by_name, createdAt: r.created_at,
  };
}

/**
 * One-off bookings of a recording room (“record it in room X at time T”): shown on the room's
 * timetable beside the weekly lessons, made and cancelled by whoever organises the purpose they
 * serve (the purpose check decides), read by whoever reads the room.
 */
export function createBookingsService(deps: {
  db: Db; clock: Clock; audit: AuditService; rooms: Pick<RoomsService, 'roomRefInScope'>; purposeCheck: BookingPurposeCheck;
}) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  async function list(actor: Actor, roomId: number, query: Static<typeof BookingListQuery>) {
    const room = await deps.rooms.roomRefInScope(actor, roomId, 'org:read');
    const from = query.from ?? shanghaiDate(deps.clock.now());
    const to = query.to ?? addDays(from, 55);
    if (to < from) throw badRequest('ROOM_BOOKING_RANGE', `结束日期 ${to} 早于开始日期 ${from}，请调换后再查询`);
    const rows = await q.bookingsOfRoom(db, room.id, shanghaiInstant(from, '00:00').toISOString(), shanghaiInstant(addDays(to, 1), '00:00').toISOString());
    return { roomId: room.id, from, to, items: rows.map(toBookingView) };
  }

  async function create(w: Who, roomId: number, body: Static<typeof CreateBookingBody>) {
    if (!w.actor.permissions.has('research:write')) throw forbidden();
    // A room the actor can see; the purpose check then says whether they may book it for that purpose.
    const room = await deps.rooms.roomRefInScope(w.actor, roomId, 'org:read');
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    if (endsAt <= startsAt) throw badRequest('ROOM_BOOKING_ENDS_FIRST', '结束时间必须晚于开始时间，请检查预约的上课时间');
    if (endsAt.getTime() - startsAt.getTime() > MAX_HOURS * 3_600_000) {
      throw badRequest('ROOM_BOOKING_TOO_LONG', `一次预约最长 ${MAX_HOURS} 小时，请按课时分别预约`);
    }
    if (endsAt <= deps.clock.now()) throw badRequest('ROOM_BOOKING_PAST', '预约的时间已经过去，请选择今后的上课时间');
    const teacherUserId = body.teacherUserId ?? null;
    const shown = await deps.purposeCheck(w.actor, { purpose: body.purpose, purposeRef: body.purposeRef, schoolId: room.schoolId, teacherUserId });
    const clash = await q.overlapping(db, room.id, startsAt.toISOString(), endsAt.toISOString());
    if (clash) {
      throw conflict('ROOM_BOOKING_OVERLAP', `${room.name}在 ${clash.starts_at.slice(0, 16).replace('T', ' ')}（UTC）起已有预约，与所选时间重叠，请换一个时间或录播室`);
    }
    const id = await q.insertBooking(db, {
      room_id: room.id, school_id: room.schoolId, county_id: room.countyId, city_id: room.cityId,
      starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString(), subject: shown.subject, grade: shown.grade,
      teacher_user_id: teacherUserId, teacher_name: body.teacherName?.trim() || shown.teacherName, purpose: body.purpose,
      purpose_ref: body.purposeRef, note: body.note?.trim() || shown.note, created_by_user_id: w.actor.userId,
      created_at: deps.clock.now().toISOString(), cancelled_at: null,
    });
    await deps.audit.record({
      ...by(w), action: 'room.booking.create', targetType: 'room', targetId: room.id, result: 'success',
      detail: { bookingId: id, purpose: body.purpose, purposeRef: body.purposeRef, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    return toBookingView((await q.findBooking(db, room.id, id))!);
  }

  /** Cancels a booking: its maker, or whoever the purpose check lets book for its purpose. */
  async function cancel(w: Who, roomId: number, bookingId: number) {
    if (!w.actor.permissions.has('research:write')) throw forbidden();
    const room = await deps.rooms.roomRefInScope(w.actor, roomId, 'org:read');
    const row = await q.findBooking(db, room.id, bookingId);
    if (!row) throw notFound('录播室预约');
    if (row.created_by_user_id !== w.actor.userId && row.purpose_ref !== null) {
      await deps.purposeCheck(w.actor, { purpose: row.purpose, purposeRef: row.purpose_ref, schoolId: row.school_id, teacherUserId: null });
    }
    await q.cancelBooking(db, row.id, deps.clock.now().toISOString());
    await deps.audit.record({
      ...by(w), action: 'room.booking.cancel', targetType: 'room', targetId: room.id, result: 'success',
      detail: { bookingId: row.id, purpose: row.purpose, purposeRef: row.purpose_ref, startsAt: row.starts_at },
    });
  }

  /** The live bookings made for one purpose (an activity's page lists them); the caller has reached the purpose. */
  async function forPurpose(purpose: BookingPurpose, ref: number) {
    return (await q.bookingsForPurpose(db, purpose, ref)).map(toBookingView);
  }

  /** Cancels every live booking made for a purpose that went away (a deleted activity); resolves with how many. */
  async function cancelForPurpose(purpose: BookingPurpose, ref: number): Promise<number> {
    const rows = await q.bookingsForPurpose(db, purpose, ref);
    for (const r of rows) await q.cancelBooking(db, r.id, deps.clock.now().toISOString());
    return rows.length;
  }

  return { list, create, cancel, forPurpose, cancelForPurpose, covering: bookingsCoveringLesson(db) };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
