import { type Expression, type SqlBool, sql } from 'kysely';
import type { Static } from 'typebox';
import { type Actor, type Scope, scopeOf } from '../../access/actor.js';
import { liveClassInScope, schoolInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import { schoolWithin } from '../rooms/rooms.service.js';
import { type ClassSlot, describeSlot, lastDay, slotsOverlap } from './class-slots.js';
import * as q from './classes.queries.js';
import type { LiveClassListQuery, LiveClassOptions, LiveClassPage, LiveClassPatch, LiveClassSchema, NewLiveClassBody } from './classes.schema.js';

type Who = { actor: Actor; ip: string };
type LiveClassView = Static<typeof LiveClassSchema>;
type Receiving = { room_id: number; school_id: number; county_id: number; city_id: number };
type Choice = Omit<Static<typeof NewLiveClassBody>, 'weekday' | 'untilOn'> & { weekday: number | null; untilOn: string | null };

/** The live:read predicate on live_classes: classes led or received in the actor's scope. */
export function liveReadScope(actor: Actor): Expression<SqlBool> {
  const scope = scopeOf(actor, 'live:read');
  if (!scope) throw forbidden();
  return liveClassInScope(scope);
}

/** Fields whose change moves the class's sessions (a new title or receiving room does not). */
const SCHEDULE_FIELDS = ['leadRoomId', 'weekday', 'startsOn', 'untilOn', 'startTime', 'minutes'] as const;

const cityWide = (scope: Scope, cityId: number) => scope.all || scope.cityIds.includes(cityId);

/**
 * The live schedule (互动教学 / 专递课堂): who leads from which room, which village classrooms
 * receive, when. Schools schedule their own classes (the principal), counties their county's,
 * the city across counties; a room never holds two live classes at once.
 */
export function createLiveClassesService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });
  const today = () => shanghaiDate(deps.clock.now());

  function writeScope(actor: Actor): Scope {
    const scope = scopeOf(actor, 'live:write');
    if (!scope) throw forbidden();
    return scope;
  }
  const writes = (actor: Actor, c: { school_id: number; county_id: number; city_id: number }) => {
    const scope = scopeOf(actor, 'live:write');
    return !!scope && schoolWithin(scope, { id: c.school_id, countyId: c.county_id, cityId: c.city_id });
  };

  async function views(actor: Actor, rows: q.LiveClassRow[]): Promise<LiveClassView[]> {
    const receiving = await q.receivingOf(db, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id, title: r.title, subject: r.subject, grade: r.grade, status: r.status as LiveClassView['status'],
      lead: { roomId: r.lead_room_id, roomName: r.room_name, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, countyId: r.county_id },
      leadTeacherUserId: r.lead_teacher_user_id, leadTeacherName: r.teacher_name,
      receiving: receiving.filter((x) => x.live_class_id === r.id)
        .map((x) => ({ roomId: x.room_id, roomName: x.room_name, schoolId: x.school_id, schoolCode: x.school_code, schoolName: x.school_name, countyId: x.county_id })),
      weekday: r.weekday, startsOn: r.starts_on, untilOn: r.until_on, startTime: r.start_time, minutes: r.minutes,
      canEdit: r.status === 'active' && writes(actor, r), createdAt: r.created_at, updatedAt: r.updated_at,
    }));
  }

  /** A class the actor reads, or 404 (guessed ids and classes of other schools alike). */
  async function readable(actor: Actor, id: number) {
    const row = await q.findClass(db, id, liveReadScope(actor));
    if (!row) throw notFound('直播课');
    return row;
  }

  async function get(actor: Actor, id: number): Promise<LiveClassView> {
    return (await views(actor, [await readable(actor, id)]))[0]!;
  }

  async function list(actor: Actor, f: Static<typeof LiveClassListQuery>): Promise<Static<typeof LiveClassPage>> {
    const scope = liveReadScope(actor);
    const [rows, total] = await Promise.all([
      q.listClasses(db, scope, { status: f.status, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }),
      q.countClasses(db, scope, { status: f.status }),
    ]);
    return { items: await views(actor, rows), total, page: f.page, pageSize: f.pageSize };
  }

  /**
   * Checks a writer's choice of rooms, teacher and slot and answers the lead room's place and the
   * receiving rows; throws 404 for rooms out of reach, 400 for a choice that breaks a rule, 409
   * for a room that already holds a live class then.
   */
  async function checkChoice(actor: Actor, c: Choice, selfId: number | null) {
    const scope = writeScope(actor);
    const lead = await q.roomPlace(db, c.leadRoomId);
    if (!lead || !schoolWithin(scope, { id: lead.school_id, countyId: lead.county_id, cityId: lead.city_id })) throw notFound('主讲教室');
    if (!(await q.teachesAt(db, c.leadTeacherUserId, lead.school_id))) {
      throw badRequest('LIVE_TEACHER_NOT_AT_SCHOOL', `主讲教师须在${lead.school_name}任教：请选择该校的教师`);
    }
    const receiving: Receiving[] = [];
    const names = new Map<number, string>([[lead.id, lead.name]]);
    for (const roomId of c.receivingRoomIds) {
      const room = await q.roomPlace(db, roomId);
      if (!room || !(room.city_id === lead.city_id || scope.all)) throw notFound('接收教室');
      if (room.school_id === lead.school_id) {
        throw badRequest('LIVE_RECEIVING_SAME_SCHOOL', `接收教室「${room.name}」与主讲教室同属${lead.school_name}：请选择其他学校的教室`);
      }
      if (room.county_id !== lead.county_id && !cityWide(scope, room.city_id)) {
        throw badRequest('LIVE_RECEIVING_OTHER_COUNTY', `接收教室「${room.name}」（${room.school_name}）在其他县：跨县的专递课堂由市教育局安排`);
      }
      receiving.push({ room_id: room.id, school_id: room.school_id, county_id: room.county_id, city_id: room.city_id });
      names.set(room.id, `${room.school_name}「${room.name}」`);
    }
    if (c.weekday !== null && c.untilOn !== null && c.untilOn < c.startsOn) {
      throw badRequest('LIVE_CLASS_RANGE', `结束日期 ${c.untilOn} 早于开始日期 ${c.startsOn}：请调换后再保存`);
    }
    const slot: ClassSlot = { weekday: c.weekday, startsOn: c.startsOn, untilOn: c.weekday === null ? null : c.untilOn, startTime: c.startTime, minutes: c.minutes };
    const last = lastDay(slot);
    if (last !== null && last < today()) throw badRequest('LIVE_CLASS_PAST', `所选日期（至 ${last}）已经过去：请选择今天（${today()}）或以后的日期`);
    const [h, m] = c.startTime.split(':').map(Number) as [number, number];
    if (h * 60 + m + c.minutes > 24 * 60) throw badRequest('LIVE_CLASS_PAST_MIDNIGHT', `${c.startTime} 开始、时长 ${c.minutes} 分钟的直播课会跨过午夜：请提前开始时间或缩短时长`);
    await checkClash(slot, [lead.id, ...receiving.map((r) => r.room_id)], names, selfId);
    return { lead, receiving, slot };
  }

  async function checkClash(slot: ClassSlot, roomIds: number[], names: Map<number, string>, selfId: number | null) {
    const others = (await q.activeClassesUsingRooms(db, roomIds)).filter((o) => o.id !== selfId);
    const clashing = others.filter((o) => slotsOverlap(slot, { weekday: o.weekday, startsOn: o.starts_on, untilOn: o.until_on, startTime: o.start_time, minutes: o.minutes }));
    if (!clashing.length) return;
    const rooms = await q.roomIdsOfClasses(db, clashing.map((o) => o.id));
    const other = clashing[0]!;
    const held = [other.lead_room_id, ...rooms.filter((r) => r.live_class_id === other.id).map((r) => r.room_id)];
    const roomId = roomIds.find((id) => held.includes(id))!;
    const otherSlot = { weekday: other.weekday, startsOn: other.starts_on, untilOn: other.until_on, startTime: other.start_time, minutes: other.minutes };
    throw conflict('LIVE_ROOM_BUSY', `${names.get(roomId) ?? '所选教室'}在${describeSlot(otherSlot)}已有直播课「${other.title}」，与所选时间重叠：请换一个时间或教室`, {
      roomId, liveClassId: other.id,
    });
  }

  async function create(w: Who, body: Static<typeof NewLiveClassBody>): Promise<LiveClassView> {
    const choice: Choice = { ...body, weekday: body.weekday ?? null, untilOn: body.untilOn ?? null };
    const { lead, receiving, slot } = await checkChoice(w.actor, choice, null);
    const at = deps.clock.now().toISOString();
    const id = await q.insertClass(db, {
      city_id: lead.city_id, county_id: lead.county_id, school_id: lead.school_id, lead_room_id: lead.id, lead_teacher_user_id: body.leadTeacherUserId,
      title: body.title.trim(), subject: body.subject.trim(), grade: body.grade, weekday: slot.weekday, starts_on: slot.startsOn, until_on: slot.untilOn,
      start_time: slot.startTime, minutes: slot.minutes, created_by: w.actor.userId, created_at: at, updated_at: at,
    }, receiving);
    await deps.audit.record({
      ...by(w), action: 'live.class.create', targetType: 'live_class', targetId: id, result: 'success',
      detail: { leadRoomId: lead.id, receivingRoomIds: receiving.map((r) => r.room_id), slot: describeSlot(slot) },
    });
    return get(w.actor, id);
  }

  /** The class as its writer may change it: readable (404), then led from a school they write for (403). */
  async function writable(actor: Actor, id: number) {
    const row = await readable(actor, id);
    writeScope(actor);
    if (!writes(actor, row)) throw new AppError(403, 'LIVE_CLASS_LEAD_SCHOOL_ONLY', '直播课由主讲学校或其教育局安排：接收学校只能查看');
    return row;
  }

  async function update(w: Who, id: number, patch: Static<typeof LiveClassPatch>): Promise<LiveClassView> {
    const row = await writable(w.actor, id);
    if (row.status !== 'active') throw conflict('LIVE_CLASS_CANCELLED', '这节直播课已取消，不能再修改：请重新排课');
    const current = await q.receivingOf(db, [id]);
    const choice: Choice = {
      title: patch.title ?? row.title, subject: patch.subject ?? row.subject, grade: patch.grade ?? row.grade,
      leadRoomId: patch.leadRoomId ?? row.lead_room_id, leadTeacherUserId: patch.leadTeacherUserId ?? row.lead_teacher_user_id,
      receivingRoomIds: patch.receivingRoomIds ?? current.map((r) => r.room_id),
      weekday: patch.weekday === undefined ? row.weekday : patch.weekday, startsOn: patch.startsOn ?? row.starts_on,
      untilOn: patch.untilOn === undefined ? row.until_on : patch.untilOn, startTime: patch.startTime ?? row.start_time, minutes: patch.minutes ?? row.minutes,
    };
    const { lead, receiving, slot } = await checkChoice(w.actor, choice, id);
    await q.updateClass(db, id, {
      city_id: lead.city_id, county_id: lead.county_id, school_id: lead.school_id, lead_room_id: lead.id, lead_teacher_user_id: choice.leadTeacherUserId,
      title: choice.title.trim(), subject: choice.subject.trim(), grade: choice.grade, weekday: slot.weekday, starts_on: slot.startsOn, until_on: slot.untilOn,
      start_time: slot.startTime, minutes: slot.minutes, updated_at: deps.clock.now().toISOString(),
    }, patch.receivingRoomIds ? receiving : null);
    // Sessions not yet live follow a new time or room: they are made again from it.
    if (SCHEDULE_FIELDS.some((k) => patch[k] !== undefined)) await q.dropUnstartedSessions(db, id, today());
    await deps.audit.record({ ...by(w), action: 'live.class.update', targetType: 'live_class', targetId: id, result: 'success', detail: { changed: Object.keys(patch), slot: describeSlot(slot) } });
    return get(w.actor, id);
  }

  /** Cancels a class: its sessions from today that never went live go with it. Cancelling twice is harmless. */
  async function cancel(w: Who, id: number): Promise<LiveClassView> {
    const row = await writable(w.actor, id);
    if (row.status === 'cancelled') return get(w.actor, id);
    await q.updateClass(db, id, { status: 'cancelled', updated_at: deps.clock.now().toISOString() }, null);
    await q.dropUnstartedSessions(db, id, today());
    await deps.audit.record({ ...by(w), action: 'live.class.cancel', targetType: 'live_class', targetId: id, result: 'success', detail: { title: row.title } });
    return get(w.actor, id);
  }

  /** What the schedule form offers: schools the caller schedules for, and for one of them its rooms, teachers and the rooms that may receive. */
  async function options(actor: Actor, schoolId: number | undefined): Promise<Static<typeof LiveClassOptions>> {
    const scope = writeScope(actor);
    const leadSchools = (await q.schoolsWhere(db, schoolInScope(scope))).map((s) => ({ id: s.id, name: s.name, countyId: s.county_id }));
    const out: Static<typeof LiveClassOptions> = { leadSchools, leadRooms: [], teachers: [], receivingRooms: [] };
    const school = schoolId === undefined ? undefined : (await q.schoolsWhere(db, sql<SqlBool>`id = ${schoolId} and ${schoolInScope(scope)}`, 1))[0];
    if (!school) return out;
    const ref = (r: Awaited<ReturnType<typeof q.roomsWhere>>[number]) => ({ roomId: r.id, roomName: r.name, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, countyId: r.county_id });
    out.leadRooms = (await q.roomsWhere(db, sql<SqlBool>`rooms.school_id = ${school.id}`)).map(ref);
    out.teachers = (await q.teachersOf(db, school.id)).map((t) => ({ userId: t.user_id, name: t.name }));
    const area = cityWide(scope, school.city_id) ? sql`rooms.city_id = ${school.city_id}` : sql`rooms.county_id = ${school.county_id}`;
    out.receivingRooms = (await q.roomsWhere(db, sql<SqlBool>`${area} and rooms.school_id <> ${school.id}`)).map(ref);
    return out;
  }

  return { list, get, create, update, cancel, options, readable };
}

export type LiveClassesService = ReturnType<typeof createLiveClassesService>;
