import type { Updateable } from 'kysely';
import type { Action } from '../../../../shared/domain.js';
import { type Actor, type Scope, scopeOf } from '../../access/actor.js';
import { roomKeeperGrants } from '../../access/department-duties.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { RoomTable } from '../../db/schema.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrgService } from '../org/org.service.js';
import { type Lifecycle, type RoomStatus, type StageDates, initialLifecycle, transition } from './room-lifecycle.js';
import { ROOM_TIMING, type RoomTiming, onlineCutoff } from './room-timing.js';
import * as q from './rooms.queries.js';
import type { TRACKS } from './rooms.schema.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import { type LessonView, toDeviceView, toLessonView, toRoomView } from './rooms.views.js';
import { checkTimetable } from './timetable-rules.js';
import { NO_HELD_LESSONS, type RoomHeldLessons } from './held-lessons.js';

type Track = (typeof TRACKS)[number];
type Who = { actor: Actor; ip: string };

export interface NewRoom {
  schoolId: number; name: string; location?: string; vendor?: string; model?: string; tracks?: Track[];
  status?: RoomStatus; statusDate?: string;
}
export type RoomPatch = Partial<Omit<NewRoom, 'schoolId'>> & { reason?: string };

const lifecycleOf = (r: Pick<RoomTable, 'status' | 'planned_on' | 'installed_on' | 'activated_on' | 'in_use_on'>): Lifecycle => ({
  status: r.status,
  dates: { planned: r.planned_on, installed: r.installed_on, activated: r.activated_on, in_use: r.in_use_on },
});
const dateColumns = (d: StageDates) => ({ planned_on: d.planned, installed_on: d.installed, activated_on: d.activated, in_use_on: d.in_use });

/** True when a school (by id, county and city) lies inside a scope. */
export function schoolWithin(scope: Scope, s: { id: number; countyId: number; cityId: number }): boolean {
  return scope.all || scope.cityIds.includes(s.cityId) || scope.countyIds.includes(s.countyId) || scope.schoolIds.includes(s.id);
}

/**
 * Recording rooms (录播室): lifecycle, timetable, live state from heartbeats, alerts. Reading
 * follows `org:read`; writing needs `room:write`, which for county departments means the 教科所.
 */
export function createRoomsService(deps: {
  db: Db; clock: Clock; audit: AuditService; org: OrgService; timing?: Partial<RoomTiming>;
  /** Lessons other modules hold in rooms (live classes), shown on the timetable: see held-lessons.ts. */
  heldLessons?: RoomHeldLessons;
}) {
  const db = deps.db.db;
  const timing: RoomTiming = { ...ROOM_TIMING, ...deps.timing };
  const cutoff = () => onlineCutoff(deps.clock.now(), timing);
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  function readScope(actor: Actor): Scope {
    const scope = scopeOf(actor, 'org:read');
    if (!scope) throw forbidden();
    return scope;
  }

  /** The room:write scope, leaving out department grants other than the 教科所's. */
  function writeScope(actor: Actor): Scope {
    const grants = roomKeeperGrants(actor);
    const scope = scopeOf({ userId: actor.userId, grants }, 'room:write');
    if (scope) return scope;
    if (scopeOf(actor, 'room:write')) {
      throw new AppError(403, 'ROOM_WRITE_RESEARCH_ONLY', '录播室由县教科所管理：电教馆、学前教研室的账号只能查看录播室，如需修改请联系本县教科所');
    }
    throw forbidden();
  }

  async function view(row: q.RoomRow) {
    const [latest] = await q.liveDevicesOf(db, [row.id]);
    return toRoomView(row, latest);
  }

  async function listRooms(actor: Actor, filter: q.RoomFilter, page: number, pageSize: number) {
    const where = q.roomInScope(readScope(actor));
    const c = cutoff();
    const [rows, total] = await Promise.all([
      q.listRooms(db, where, filter, c, pageSize, (page - 1) * pageSize),
      q.countRooms(db, where, filter, c),
    ]);
    const devices = await q.liveDevicesOf(db, rows.map((r) => r.id));
    const latest = new Map<number, (typeof devices)[number]>();
    for (const d of devices) if (!latest.has(d.room_id)) latest.set(d.room_id, d);
    return { items: rows.map((r) => toRoomView(r, latest.get(r.id))), total, page, pageSize };
  }

  async function getRoom(actor: Actor, id: number) {
    const row = await q.findRoom(db, q.roomInScope(readScope(actor)), id, cutoff());
    if (!row) throw notFound('录播室');
    const c = cutoff();
    return { ...(await view(row)), devices: (await q.devicesOfRoom(db, id)).map((d) => toDeviceView(d, c)) };
  }

  /** A room the actor may change, or 404 (403 when no role of theirs may change rooms at all). */
  async function roomForWrite(actor: Actor, id: number) {
    const row = await q.findRoom(db, q.roomInScope(writeScope(actor)), id, cutoff());
    if (!row) throw notFound('录播室');
    return row;
  }

  /**
   * A room the actor may reach with `action` (for the upload and recordings modules), or 404.
   * Carries what those modules need to file a recording under the right school.
   */
  async function roomRefInScope(actor: Actor, roomId: number, action: Action) {
    const scope = action === 'room:write' ? writeScope(actor) : scopeOf(actor, action);
    if (!scope) throw forbidden();
    const row = await q.findRoom(db, q.roomInScope(scope), roomId, cutoff());
    if (!row) throw notFound('录播室');
    return { id: row.id, name: row.name, schoolId: row.school_id, countyId: row.county_id, cityId: row.city_id, tracks: JSON.parse(row.tracks) as Track[] };
  }

  async function createRoom(w: Who, body: NewRoom) {
    const scope = writeScope(w.actor);
    const school = await deps.org.getSchool(w.actor, body.schoolId);
    if (!schoolWithin(scope, { id: school.id, countyId: school.countyId, cityId: school.cityId })) throw notFound('学校');
    const name = body.name.trim();
    if (await q.roomNameTaken(db, school.id, name)) throw conflict('ROOM_NAME_TAKEN', `${school.name}已有名为「${name}」的录播室，请换一个名称`);
    const now = deps.clock.now();
    const life = initialLifecycle(body.status ?? 'planned', body.statusDate, shanghaiDate(now));
    const { id } = await db.insertInto('rooms').values({
      school_id: school.id, county_id: school.countyId, city_id: school.cityId, name, location: body.location ?? '',
      vendor: body.vendor ?? '', model: body.model ?? '', tracks: JSON.stringify(body.tracks ?? ['composite']),
      status: life.status, ...dateColumns(life.dates), created_at: now.toISOString(), updated_at: now.toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    await deps.audit.record({ ...by(w), action: 'room.create', targetType: 'room', targetId: id, result: 'success', detail: { schoolId: school.id, name, status: life.status } });
    return getRoom(w.actor, id);
  }

  async function updateRoom(w: Who, id: number, patch: RoomPatch) {
    const row = await roomForWrite(w.actor, id);
    const now = deps.clock.now();
    const set: Updateable<RoomTable> = { updated_at: now.toISOString() };
    const changed: string[] = [];
    if (patch.name !== undefined && patch.name.trim() !== row.name) {
      const name = patch.name.trim();
      if (await q.roomNameTaken(db, row.school_id, name, id)) throw conflict('ROOM_NAME_TAKEN', `${row.school_name}已有名为「${name}」的录播室，请换一个名称`);
      set.name = name;
      changed.push('name');
    }
    for (const k of ['location', 'vendor', 'model'] as const) {
      if (patch[k] !== undefined && patch[k] !== row[k]) { set[k] = patch[k]; changed.push(k); }
    }
    if (patch.tracks) { set.tracks = JSON.stringify(patch.tracks); changed.push('tracks'); }
    const before = lifecycleOf(row);
    const statusChange = (patch.status !== undefined && patch.status !== row.status) || patch.statusDate !== undefined;
    let after = before;
    if (statusChange) {
      after = transition(before, { to: patch.status ?? row.status, date: patch.statusDate, reason: patch.reason }, shanghaiDate(now));
      Object.assign(set, { status: after.status, ...dateColumns(after.dates) });
    } else if (patch.reason?.trim()) {
      throw badRequest('ROOM_REASON_WITHOUT_STATUS', '只有退回录播室状态时才需要填写原因，请同时选择新的状态');
    }
    await q.updateRoom(db, id, set);
    if (changed.length) await deps.audit.record({ ...by(w), action: 'room.update', targetType: 'room', targetId: id, result: 'success', detail: { changed } });
    if (statusChange) {
      await deps.audit.record({
        ...by(w), action: 'room.status', targetType: 'room', targetId: id, result: 'success',
        detail: { from: before.status, to: after.status, dates: after.dates, reason: patch.reason?.trim() || undefined },
      });
    }
    return getRoom(w.actor, id);
  }

  async function summary(actor: Actor, filter: { countyId?: number }) {
    const rows = await q.countsByCounty(db, q.roomInScope(readScope(actor)), filter, cutoff());
    const counties = rows.map((r) => ({
      id: r.id, name: r.name, total: Number(r.total),
      byStatus: { planned: Number(r.planned), installed: Number(r.installed), activated: Number(r.activated), in_use: Number(r.in_use) },
      online: Number(r.online), offline: Number(r.offline), noRecorder: Number(r.no_recorder), openAlerts: Number(r.open_alerts ?? 0),
    }));
    const sum = (f: (c: (typeof counties)[number]) => number) => counties.reduce((n, c) => n + f(c), 0);
    return {
      total: sum((c) => c.total),
      byStatus: {
        planned: sum((c) => c.byStatus.planned), installed: sum((c) => c.byStatus.installed),
        activated: sum((c) => c.byStatus.activated), in_use: sum((c) => c.byStatus.in_use),
      },
      online: sum((c) => c.online), offline: sum((c) => c.offline), noRecorder: sum((c) => c.noRecorder), openAlerts: sum((c) => c.openAlerts),
      counties,
    };
  }

  async function getTimetable(actor: Actor, id: number) {
    await getRoom(actor, id);
    const held = await (deps.heldLessons ?? NO_HELD_LESSONS).ofRoom(id, shanghaiDate(deps.clock.now()));
    return { roomId: id, lessons: (await q.timetableOf(db, id)).map(toLessonView), held };
  }

  /** Replaces the room's weekly timetable as a whole. */
  async function putTimetable(w: Who, id: number, lessons: LessonView[]) {
    const row = await roomForWrite(w.actor, id);
    const needsClasses = lessons.some((l) => l.classId !== null);
    const classIds = needsClasses
      ? new Set((await deps.org.listClasses(w.actor, row.school_id)).flatMap((g) => g.classes.map((c) => c.id)))
      : new Set<number>();
    checkTimetable(lessons, classIds);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('room_timetable').where('room_id', '=', id).execute();
      if (lessons.length) {
        await trx.insertInto('room_timetable').values(lessons.map((l) => ({
          room_id: id, weekday: l.weekday, starts_at: l.startsAt, ends_at: l.endsAt, subject: l.subject.trim(),
          grade: l.grade.trim(), class_id: l.classId, teacher_name: l.teacher.trim(),
        }))).execute();
      }
    });
    await deps.audit.record({ ...by(w), action: 'room.timetable', targetType: 'room', targetId: id, result: 'success', detail: { lessons: lessons.length } });
    return getTimetable(w.actor, id);
  }

  async function listAlerts(actor: Actor, filter: q.AlertFilter, page: number, pageSize: number) {
    const where = q.alertInScope(readScope(actor));
    const [rows, total] = await Promise.all([
      q.listAlerts(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countAlerts(db, where, filter),
    ]);
    const items = rows.map((a) => ({
      id: a.id, roomId: a.room_id, roomName: a.room_name, schoolId: a.school_id, schoolCode: a.school_code, schoolName: a.school_name,
      countyId: a.county_id, kind: a.kind, lessonStart: a.lesson_start, message: a.message, createdAt: a.created_at, resolvedAt: a.resolved_at,
    }));
    return { items, total, page, pageSize };
  }

  return { listRooms, getRoom, roomForWrite, roomRefInScope, createRoom, updateRoom, summary, getTimetable, putTimetable, listAlerts };
}

export type RoomsService = ReturnType<typeof createRoomsService>;
