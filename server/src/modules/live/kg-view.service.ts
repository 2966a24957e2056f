import { createHash } from 'node:crypto';
import type { Static } from 'typebox';
import { shanghaiDate, shanghaiInstant, addDays } from '../../../../shared/dates.js';
import { type Actor, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrgService } from '../org/org.service.js';
import type { FamilyChildren, FamilyClass } from '../students/family-children.js';
import type { LiveMediaEngine } from './live-media.js';
import type { KgRtpTarget, KgStreams } from './media/kg-streams.js';
import { kgStreamView } from './kg-view-media.js';
import { issueKgStreamToken, verifyKgStreamToken } from './kg-view-tokens.js';
import type {
  KgHeartbeatSchema, KgParentRoomsSchema, KgRoomBody, KgStaffRoomSchema, KgStaffRoomsSchema, KgViewLogListSchema, KgViewLogQuery,
  KgViewLogSchema, KgViewStartBody, KgViewStartSchema, KgWatchersSchema, KgWindowStateSchema,
} from './kg-view.schema.js';
import * as q from './kg-view.queries.js';
import { insideWindow, type KgWindow, sortWindows, windowEnd, windowProblem, windowText } from './kg-view.windows.js';

/** How often a parent's page says it is still watching. */
export const HEARTBEAT_SECONDS = 20;
/** A view with no heartbeat for this long has ended (the phone slept, the page closed without saying). */
const QUIET_SECONDS = 60;

const PURPOSE_TEXT = { activity: '活动室', classroom: '教室', playground: '户外场地', washroom: '卫生间', sleeping: '午睡室' } as const;
/** Names that say a room is private whatever purpose was picked. */
const PRIVATE_NAME = /卫生间|厕所|洗手间|盥洗|午睡|睡眠|寝室|卧室|休息室/;

type WindowState = Static<typeof KgWindowStateSchema>;
type StaffRoom = Static<typeof KgStaffRoomSchema>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * 园所直播: a kindergarten's guarded live view for families. The principal chooses rooms (never a
 * washroom or sleeping room), the class each serves, weekly windows and a viewer cap; a guardian
 * of a child of that class — and nobody else — watches live inside a window; every view is kept
 * with who, which child, when and how long; the class's teachers see how many watch now. There is
 * no replay for parents: nothing here records or serves a recording.
 */
export interface KgViewDeps {
  db: Db; clock: Clock; audit: AuditService; children: FamilyChildren; media: LiveMediaEngine; org: OrgService;
  /** The rooms' camera streams (media/kg-streams.ts). */
  streams: KgStreams;
  /** Signs parents' stream tokens (the live media key: shared by every node). */
  tokenKey: string;
  /** A recording room the principal may bind as a live-view room's camera (rooms.roomRefInScope); 404 otherwise. */
  cameraRoom: (actor: Actor, roomId: number) => Promise<{ id: number; schoolId: number }>;
}

/** Why a stream request is refused: status, stable code and the parent's words. */
export interface KgStreamRefusal { status: 403 | 404 | 409; code: string; message: string }

export function createKgViewService(deps: KgViewDeps) {
  const db = deps.db.db;
  const { children } = deps;
  const now = () => deps.clock.now();
  const quietCutoff = (at: Date) => new Date(at.getTime() - QUIET_SECONDS * 1000).toISOString();
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });
  const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

  /** The actor as a guardian only: staff who are also parents watch for their own children, never for the classes they teach. */
  const asGuardian = (actor: Actor): Actor => ({ ...actor, grants: actor.grants.filter((g) => g.role === 'parent') });

  /** Kindergartens whose live view the actor sets: live:write granted at the school itself (its principal). */
  const managedSchools = (actor: Actor) => new Set(scopeOf({ userId: actor.userId, grants: actor.grants.filter((g) => g.schoolId !== null) }, 'live:write')?.schoolIds ?? []);

  function windowState(room: q.KgRoomRow, ws: readonly KgWindow[], at: Date): WindowState {
    const sorted = sortWindows(ws);
    if (!room.enabled) return { open: false, text: '园所暂未开放这个房间的直播', windows: sorted };
    return { open: insideWindow(sorted, at), text: windowText(sorted, at), windows: sorted };
  }

  /** Ends views whose page went quiet; answers how many it ended. The due work and every count call it. */
  async function closeQuiet(at: Date): Promise<number> {
    let n = 0;
    for (const v of await q.staleViews(db, quietCutoff(at))) {
      if (await q.endView(db, v.id, { at: v.last_seen_at, seconds: seconds(v.started_at, v.last_seen_at), reason: 'timeout' })) n++;
    }
    return n;
  }

  // ---- parents ----

  /** The guardian's kindergarten children, by class. */
  async function guardianChildren(actor: Actor) {
    const kids = (await children.children(asGuardian(actor), 'family:read')).filter((c) => c.schoolKind === 'kindergarten');
    const byClass = new Map<number, typeof kids>();
    for (const c of kids) byClass.set(c.classId, [...(byClass.get(c.classId) ?? []), c]);
    return byClass;
  }

  async function parentRooms(actor: Actor): Promise<Static<typeof KgParentRoomsSchema>> {
    const byClass = await guardianChildren(actor);
    const rooms = await q.roomsOfClasses(db, [...byClass.keys()], { enabledOnly: true });
    const windows = await q.windowsOf(db, rooms.map((r) => r.id));
    const at = now();
    return {
      items: rooms.map((r) => {
        const kids = byClass.get(r.class_id)!;
        return {
          id: r.id, name: r.name, purpose: r.purpose, classId: r.class_id, className: kids[0]!.className, schoolName: kids[0]!.schoolName,
          children: kids.map((c) => ({ id: c.id, label: c.label })), window: windowState(r, windows.get(r.id) ?? [], at),
        };
      }),
    };
  }

  /** A room a guardian may watch (a child of theirs in its class), with that child; else 404. */
  async function roomForGuardian(actor: Actor, roomId: number, childId?: number) {
    const room = await q.findRoom(db, roomId);
    const kids = room ? (await guardianChildren(actor)).get(room.class_id) : undefined;
    if (!room || !kids) throw notFound('直播房间');
    const child = childId === undefined ? kids[0] : kids.find((c) => c.id === childId);
    if (!child) throw notFound('孩子');
    return { room, child };
  }

  async function startView(actor: Actor, roomId: number, body: Static<typeof KgViewStartBody>): Promise<Static<typeof KgViewStartSchema>> {
    const { room, child } = await roomForGuardian(actor, roomId, body.childId);
    const at = now();
    const window = windowState(room, (await q.windowsOf(db, [room.id])).get(room.id) ?? [], at);
    if (!window.open) throw conflict('LIVE_KG_CLOSED', window.text, { windows: window.windows, text: window.text });
    const iso = at.toISOString();
    // A reload or a second tab replaces the parent's earlier view of the room instead of taking another seat.
    for (const v of await q.openViews(db, [room.id])) {
      if (v.user_id === actor.userId) await q.endView(db, v.id, { at: iso, seconds: seconds(v.started_at, iso), reason: 'replaced' });
    }
    await closeQuiet(at);
    // The token dies with the window it was issued in: past its end it opens nothing, whatever the page does.
    const until = windowEnd(window.windows, at) ?? at;
    const token = issueKgStreamToken(deps.tokenKey, { roomId: room.id, userId: actor.userId, expiresAt: Math.floor(until.getTime() / 1000) });
    // Counting and taking the seat happen under the room's lock: two parents racing for the last seat, one gets it.
    const view = await q.insertViewUnderCap(db, {
      kg_room_id: room.id, school_id: room.school_id, class_id: room.class_id, student_id: child.id, user_id: actor.userId,
      token_hash: hashToken(token), started_at: iso, last_seen_at: iso, ended_at: null, seconds: null, end_reason: null,
    }, quietCutoff(at));
    if (!view) throw full(room);
    return {
      viewId: view.id, roomId: room.id, startedAt: iso, heartbeatSeconds: HEARTBEAT_SECONDS, window,
      media: kgStreamView(deps.media, { id: view.id, roomId: room.id, token }),
    };
  }

  const full = (room: q.KgRoomRow) => conflict('LIVE_KG_FULL', `观看人数已满（${room.name}最多 ${room.cap} 人同时观看），请稍后再试`, { cap: room.cap });

  /** The actor's own view (a guessed id of someone else's is 404). */
  async function ownView(actor: Actor, viewId: number) {
    const view = await q.findView(db, viewId);
    if (!view || view.user_id !== actor.userId) throw notFound('观看记录');
    return view;
  }

  /** Still watching: keeps the view open; past the window's end the view closes and the page is told the window. */
  async function heartbeat(actor: Actor, viewId: number): Promise<Static<typeof KgHeartbeatSchema>> {
    const view = await ownView(actor, viewId);
    const at = now();
    const iso = at.toISOString();
    if (view.ended_at) throw conflict('LIVE_KG_VIEW_ENDED', '这次观看已结束：请重新进入直播');
    if (view.last_seen_at < quietCutoff(at)) {
      await q.endView(db, view.id, { at: view.last_seen_at, seconds: seconds(view.started_at, view.last_seen_at), reason: 'timeout' });
      throw conflict('LIVE_KG_VIEW_ENDED', '这次观看已结束（太久没有回应）：请重新进入直播');
    }
    const room = await q.findRoom(db, view.kg_room_id);
    const window = room ? windowState(room, (await q.windowsOf(db, [room.id])).get(room.id) ?? [], at) : null;
    if (!room || !window?.open) {
      await q.endView(db, view.id, { at: iso, seconds: seconds(view.started_at, iso), reason: 'window_closed' });
      const text = window?.text ?? '园所已关闭这个房间的直播';
      throw conflict('LIVE_KG_CLOSED', text, { windows: window?.windows ?? [], text });
    }
    await q.touchView(db, view.id, iso);
    return { viewId: view.id, open: true, lastSeenAt: iso };
  }

  async function endView(actor: Actor, viewId: number): Promise<Static<typeof KgViewLogSchema>> {
    const view = await ownView(actor, viewId);
    const iso = now().toISOString();
    if (!view.ended_at) await q.endView(db, view.id, { at: iso, seconds: seconds(view.started_at, iso), reason: 'ended' });
    const child = await children.child(asGuardian(actor), 'family:read', view.student_id);
    return logView(await q.viewLogRow(db, view.id), child.className);
  }

  // ---- staff ----

  /** Kindergarten classes the actor reaches as staff (class:write: a teacher's own, a principal's school's). */
  async function staffClasses(actor: Actor): Promise<Map<number, FamilyClass>> {
    const staff: Actor = { ...actor, grants: actor.grants.filter((g) => g.role !== 'parent') };
    const list = (await children.classes(staff, 'class:write')).filter((c) => c.schoolKind === 'kindergarten');
    return new Map(list.map((c) => [c.id, c]));
  }

  async function staffRoomViews(actor: Actor, rooms: q.KgRoomRow[], classes: Map<number, FamilyClass>): Promise<StaffRoom[]> {
    const at = now();
    await closeQuiet(at);
    const windows = await q.windowsOf(db, rooms.map((r) => r.id));
    const open = await q.openViews(db, rooms.map((r) => r.id));
    const managed = managedSchools(actor);
    return rooms.map((r) => ({
      id: r.id, name: r.name, purpose: r.purpose, classId: r.class_id, className: classes.get(r.class_id)?.name ?? '', schoolId: r.school_id,
      cap: r.cap, enabled: !!r.enabled, window: windowState(r, windows.get(r.id) ?? [], at),
      watchingNow: open.filter((v) => v.kg_room_id === r.id).length, canEdit: managed.has(r.school_id),
      roomId: r.room_id, streaming: deps.streams.rooms().includes(r.id),
    }));
  }

  /** The rooms of the actor's classes with how many watch now: the teacher's screen and the principal's settings. */
  async function staffRooms(actor: Actor): Promise<Static<typeof KgStaffRoomsSchema>> {
    const classes = await staffClasses(actor);
    return { items: await staffRoomViews(actor, await q.roomsOfClasses(db, [...classes.keys()]), classes) };
  }

  async function roomForStaff(actor: Actor, roomId: number) {
    const classes = await staffClasses(actor);
    const room = await q.findRoom(db, roomId);
    if (!room || !classes.has(room.class_id)) throw notFound('直播房间');
    return { room, classes };
  }

  async function watchers(actor: Actor, roomId: number): Promise<Static<typeof KgWatchersSchema>> {
    const { room } = await roomForStaff(actor, roomId);
    await closeQuiet(now());
    const open = await q.openViews(db, [room.id]);
    const names = new Map((await q.watcherNames(db, open.map((v) => v.id))).map((n) => [n.id, n]));
    return {
      roomId: room.id, watchingNow: open.length, cap: room.cap,
      viewers: open.map((v) => ({ viewId: v.id, viewerName: names.get(v.id)?.viewer_name ?? '', childName: names.get(v.id)?.child_name ?? '', since: v.started_at })),
    };
  }

  function logView(r: q.KgViewLogRow, className: string): Static<typeof KgViewLogSchema> {
    return {
      id: r.id, roomId: r.kg_room_id, roomName: r.room_name, classId: r.class_id, className,
      studentId: r.student_id, childName: r.child_name, userId: r.user_id, viewerName: r.viewer_name, startedAt: r.started_at, lastSeenAt: r.last_seen_at,
      endedAt: r.ended_at, seconds: r.seconds ?? seconds(r.started_at, now().toISOString()), endReason: r.end_reason,
    };
  }

  /** Who watched which room for which child, when and how long, on one day (Asia/Shanghai). */
  async function viewLog(actor: Actor, query: Static<typeof KgViewLogQuery>): Promise<Static<typeof KgViewLogListSchema>> {
    const classes = await staffClasses(actor);
    let roomIds = await q.allRoomIdsOfClasses(db, [...classes.keys()]);
    if (query.roomId !== undefined) roomIds = roomIds.filter((id) => id === query.roomId);
    const day = query.day ?? shanghaiDate(now());
    const from = shanghaiInstant(day, '00:00').toISOString();
    const to = shanghaiInstant(addDays(day, 1), '00:00').toISOString();
    const items = (await q.viewLog(db, roomIds, from, to)).map((r) => logView(r, classes.get(r.class_id)?.name ?? ''));
    return { items, total: items.length };
  }

  // ---- the principal's settings ----

  const principalOnly = () => new AppError(403, 'LIVE_KG_PRINCIPAL_ONLY', '园所直播只能由幼儿园园长设置（开放哪些房间、时段和人数上限）');

  /** The class a principal may open a room for: a class of a kindergarten they lead; else 404 (403 when they lead none). */
  async function classForSettings(actor: Actor, classId: number): Promise<FamilyClass> {
    const managed = managedSchools(actor);
    if (!managed.size) throw principalOnly();
    const klass = await children.klass({ ...actor, grants: actor.grants.filter((g) => g.role === 'principal') }, 'class:write', classId);
    if (!managed.has(klass.schoolId)) throw notFound('班级');
    if (klass.schoolKind !== 'kindergarten') throw badRequest('LIVE_KG_KINDERGARTEN_ONLY', `${klass.schoolName}不是幼儿园：园所直播只用于幼儿园`);
    return klass;
  }

  function checkBody(body: Static<typeof KgRoomBody>) {
    if (body.purpose === 'washroom' || body.purpose === 'sleeping' || PRIVATE_NAME.test(body.name)) {
      const what = body.purpose === 'washroom' || body.purpose === 'sleeping' ? PURPOSE_TEXT[body.purpose] : `「${body.name}」`;
      throw badRequest('LIVE_KG_PRIVATE_ROOM', `${what}不能开放直播：卫生间、午睡室等涉及孩子隐私的房间一律不开放，请只选活动室、教室或户外场地`);
    }
    const problem = windowProblem(body.windows);
    if (problem) throw badRequest('LIVE_KG_WINDOW_INVALID', problem);
  }

  /** The camera's recording room: one of the kindergarten's own (another school's, or a guessed id, is 404). */
  async function cameraFor(actor: Actor, body: Static<typeof KgRoomBody>, schoolId: number): Promise<number | null> {
    if (body.roomId === undefined || body.roomId === null) return null;
    const room = await deps.cameraRoom(actor, body.roomId);
    if (room.schoolId !== schoolId) throw notFound('录播室');
    return room.id;
  }

  async function roomForSettings(actor: Actor, id: number) {
    const managed = managedSchools(actor);
    if (!managed.size) throw principalOnly();
    const room = await q.findRoom(db, id);
    if (!room || !managed.has(room.school_id)) throw notFound('直播房间');
    return room;
  }

  async function answerRoom(actor: Actor, id: number): Promise<StaffRoom> {
    const classes = await staffClasses(actor);
    const room = await q.findRoom(db, id);
    return (await staffRoomViews(actor, [room!], classes))[0]!;
  }

  async function createRoom(actor: Actor, body: Static<typeof KgRoomBody>, ip: string): Promise<StaffRoom> {
    const klass = await classForSettings(actor, body.classId);
    checkBody(body);
    const camera = await cameraFor(actor, body, klass.schoolId);
    const iso = now().toISOString();
    const school = await deps.org.getSchool(actor, klass.schoolId);
    const row = await deps.db.db.transaction().execute(async (trx) => {
      const r = await q.insertRoom(trx, {
        city_id: school.cityId, county_id: school.countyId, school_id: klass.schoolId, class_id: klass.id, name: body.name.trim(), room_id: camera,
        purpose: body.purpose as q.KgRoomRow['purpose'], cap: body.cap, enabled: body.enabled === false ? 0 : 1,
        created_by: actor.userId, created_at: iso, updated_at: iso, deleted_at: null,
      });
      await q.replaceWindows(trx, r.id, body.windows);
      return r;
    });
    await deps.audit.record({
      actor: who(actor), action: 'live.kg_room_create', targetType: 'live_kg_room', targetId: row.id, result: 'success', ip,
      detail: { classId: klass.id, purpose: body.purpose, cap: body.cap, windows: body.windows, roomId: camera },
    });
    return answerRoom(actor, row.id);
  }

  async function updateRoom(actor: Actor, id: number, body: Static<typeof KgRoomBody>, ip: string): Promise<StaffRoom> {
    const room = await roomForSettings(actor, id);
    const klass = await classForSettings(actor, body.classId);
    if (klass.schoolId !== room.school_id) throw notFound('班级');
    checkBody(body);
    const camera = body.roomId === undefined ? room.room_id : await cameraFor(actor, body, room.school_id);
    const iso = now().toISOString();
    await deps.db.db.transaction().execute(async (trx) => {
      await q.updateRoom(trx, id, {
        class_id: klass.id, name: body.name.trim(), purpose: body.purpose as q.KgRoomRow['purpose'], cap: body.cap,
        enabled: body.enabled === false ? 0 : 1, updated_at: iso, room_id: camera,
      });
      await q.replaceWindows(trx, id, body.windows);
    });
    // A room moved to another class, or switched off, stops every view of it now.
    if (klass.id !== room.class_id || body.enabled === false) await endAllViews(id, iso, 'window_closed');
    // Another class, switched off or another camera: the running stream stops now (the recorder asks again).
    if (klass.id !== room.class_id || body.enabled === false || camera !== room.room_id) await deps.streams.stop(id);
    await deps.audit.record({
      actor: who(actor), action: 'live.kg_room_update', targetType: 'live_kg_room', targetId: id, result: 'success', ip,
      detail: { classId: klass.id, purpose: body.purpose, cap: body.cap, enabled: body.enabled !== false, windows: body.windows, roomId: camera },
    });
    return answerRoom(actor, id);
  }

  async function endAllViews(roomId: number, iso: string, reason: string) {
    for (const v of await q.openViews(db, [roomId])) await q.endView(db, v.id, { at: iso, seconds: seconds(v.started_at, iso), reason });
  }

  async function deleteRoom(actor: Actor, id: number, ip: string): Promise<void> {
    await roomForSettings(actor, id);
    const iso = now().toISOString();
    await endAllViews(id, iso, 'window_closed');
    await q.updateRoom(db, id, { deleted_at: iso, enabled: 0, updated_at: iso });
    await deps.streams.stop(id);
    await deps.audit.record({ actor: who(actor), action: 'live.kg_room_delete', targetType: 'live_kg_room', targetId: id, result: 'success', ip });
  }

  // ---- the stream ----

  const refusal = (status: KgStreamRefusal['status'], code: string, message: string): KgStreamRefusal => ({ status, code, message });
  const badToken = () => refusal(403, 'LIVE_KG_TOKEN_INVALID', '直播观看凭证无效或已过期：请重新进入直播');

  /**
   * May this token fetch the room's stream now? Asked on every playlist request (a segment only
   * needs the token: it is useless without a fresh playlist). Null when allowed, else why not:
   * a token not signed for this room and this parent, or past its window's end (403); the view
   * ended or gone quiet (403); the parent no longer a guardian of a child of the class (403); the
   * window closed or the room switched off (409, with the window); the principal lowered the cap
   * below this view's seat (409). `actor` null skips the guardian check (the module's own callers).
   */
  async function viewerVerdict(actor: Actor | null, roomId: number, token: string): Promise<KgStreamRefusal | null> {
    const at = now();
    const grant = verifyKgStreamToken(deps.tokenKey, token, Math.floor(at.getTime() / 1000));
    if (!grant || grant.roomId !== roomId || (actor && grant.userId !== actor.userId)) return badToken();
    const view = await q.viewsByTokenHash(db, roomId, hashToken(token));
    if (!view || view.user_id !== grant.userId || view.last_seen_at < quietCutoff(at)) return refusal(403, 'LIVE_KG_VIEW_ENDED', '这次观看已结束：请重新进入直播');
    const room = await q.findRoom(db, roomId);
    if (actor) {
      const kids = room ? (await guardianChildren(actor)).get(room.class_id) : undefined;
      if (!kids?.some((c) => c.id === view.student_id)) return refusal(403, 'LIVE_KG_NOT_GUARDIAN', '您已不是这个班幼儿的家长，不能观看这个房间的直播');
    }
    const window = room ? windowState(room, (await q.windowsOf(db, [roomId])).get(roomId) ?? [], at) : null;
    if (!room || !window?.open) return refusal(409, 'LIVE_KG_CLOSED', window?.text ?? '园所已关闭这个房间的直播');
    if (await q.liveViewsBefore(db, roomId, view.id, quietCutoff(at)) >= room.cap) return refusal(409, 'LIVE_KG_FULL', full(room).message);
    return null;
  }

  /** True when `viewerVerdict` lets the token through (without the guardian check: see there). */
  const viewerAllowed = async (roomId: number, token: string) => (await viewerVerdict(null, roomId, token)) === null;

  /** A playlist (after the full verdict) or a segment (after the token) of a room's live stream: the file's path. */
  async function streamFile(actor: Actor, roomId: number, token: string, file: string): Promise<{ path: string; playlist: boolean }> {
    const playlist = file.endsWith('.m3u8');
    const at = now();
    const grant = verifyKgStreamToken(deps.tokenKey, token, Math.floor(at.getTime() / 1000));
    let no: KgStreamRefusal | null = !grant || grant.roomId !== roomId || grant.userId !== actor.userId ? badToken() : null;
    if (!no && playlist) no = await viewerVerdict(actor, roomId, token);
    if (no) throw new AppError(no.status, no.code, no.message);
    const path = deps.streams.file(roomId, file);
    if (!path) throw new AppError(404, 'LIVE_KG_NO_PICTURE', '直播画面尚未开始：园所的摄像头还没有推流，请稍候');
    return { path, playlist };
  }

  /**
   * Where a recorder sends its picture: the enabled live-view room its recording room is the
   * camera of, inside an open window (the stream starts then); else 404, and it asks again later.
   */
  async function recorderTarget(cameraRoomId: number): Promise<{ kgRoomId: number; mode: 'hls'; until: string; rtp: KgRtpTarget }> {
    const at = now();
    const rooms = await q.roomsOfCamera(db, cameraRoomId);
    const windows = await q.windowsOf(db, rooms.map((r) => r.id));
    for (const r of rooms) {
      const ws = windows.get(r.id) ?? [];
      const end = insideWindow(ws, at) ? windowEnd(ws, at) : null;
      if (end) return { kgRoomId: r.id, mode: 'hls', until: end.toISOString(), rtp: await deps.streams.ensure(r.id) };
    }
    throw notFound('开放中的园所直播');
  }

  /** Due work: stops the streams of rooms whose window closed (or that were switched off); their segments go with them. */
  async function stopClosedStreams(at: Date): Promise<number> {
    const streaming = deps.streams.rooms();
    const rooms = new Map((await q.roomsById(db, streaming)).map((r) => [r.id, r]));
    const windows = await q.windowsOf(db, streaming);
    let n = 0;
    for (const id of streaming) {
      const r = rooms.get(id);
      if (r && !r.deleted_at && r.room_id !== null && windowState(r, windows.get(id) ?? [], at).open) continue;
      await deps.streams.stop(id);
      n++;
    }
    return n;
  }

  return {
    parentRooms, startView, heartbeat, endView, staffRooms, watchers, viewLog, createRoom, updateRoom, deleteRoom, viewerAllowed, viewerVerdict,
    streamFile, recorderTarget,
    /** Due work: closes views whose page went quiet (the log gets their end and duration). */
    closeQuiet,
    /** Due work: ends streams outside their windows. */
    stopClosedStreams,
  };
}

export type KgViewService = ReturnType<typeof createKgViewService>;
