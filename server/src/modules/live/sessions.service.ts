/*
 * For other live areas (the interaction WebSocket, the replay, the family live view):
 *
 *   viewerOf(actor: Actor, sessionId: number): Promise<{ session: LiveSessionView; role: LiveRole; roomIds: number[] }>
 *     The session as `actor` may see it, their part (lead | receiving | watcher, decided here, never by
 *     the client) and the rooms they speak for (lead: [lead room]; receiving: their school's receiving
 *     rooms of the session; watcher: []). Throws 404 (AppError NOT_FOUND) when the session is out of
 *     the actor's live:read scope or does not exist.
 *
 *   deps.onEnded(session: LiveEndedSession, tracks: LiveRecordedTrack[]): Promise<void>
 *     Called once after a session ended (by its lead, or by the due task 15 minutes past its end),
 *     with what the media engine recorded. The replay area is wired here in composition/live.ts.
 */
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../../shared/dates.js';
import type { LiveMode, LiveRole } from '../../../../shared/live.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import { occursOn } from './class-slots.js';
import { liveReadScope } from './classes.service.js';
import * as cq from './classes.queries.js';
import type { LiveMediaEngine, LiveMediaHandles, LiveRecordedTrack } from './live-media.js';
import * as q from './sessions.queries.js';
import type { LiveMediaViewSchema, LiveSessionList, LiveSessionSchema } from './sessions.schema.js';

type Who = { actor: Actor; ip: string };
export type LiveSessionView = Static<typeof LiveSessionSchema>;

/** What the replay (and anyone else told of an ended session) learns of it. */
export interface LiveEndedSession {
  id: number;
  liveClassId: number;
  title: string;
  subject: string;
  grade: number;
  day: string;
  mode: LiveMode | null;
  startedAt: string | null;
  endedAt: string;
  leadRoomId: number;
  leadSchoolId: number;
  leadTeacherUserId: number;
  receiving: { roomId: number; schoolId: number }[];
}

export interface LiveSessionsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** The calendar's view of one school's days (calendar.ofSchool): which weekday's timetable runs. */
  schoolCalendar: (schoolId: number, from: string, to: string) => Promise<SchoolCalendar | null>;
  media: LiveMediaEngine;
  onEnded?: (session: LiveEndedSession, tracks: LiveRecordedTrack[]) => Promise<void>;
}

/** A session on air this long past its end is ended by the due task (the lead forgot, or lost the page). */
export const OVERRUN_MINUTES = 15;
/** A lead may go on air this long before the timetabled start (to check the picture and sound). */
export const EARLY_START_MINUTES = 30;

const staffOf = (actor: Actor) => new Set(actor.grants.filter((g) => (g.role === 'principal' || g.role === 'teacher') && g.schoolId !== null).map((g) => g.schoolId!));
const principalOf = (actor: Actor, schoolId: number) => actor.grants.some((g) => g.role === 'principal' && g.schoolId === schoolId);

/**
 * Sessions of live classes: one a school day (made by the due task each morning and whenever a day
 * is listed), started and ended by the lead, each caller's part in them decided here.
 */
export function createLiveSessionsService(deps: LiveSessionsDeps) {
  const db = deps.db.db;
  const onEnded = deps.onEnded ?? (async () => {});
  const today = () => shanghaiDate(deps.clock.now());

  /** Makes the day's sessions of every active class that takes place then; answers how many were made. Idempotent. */
  async function materialise(day: string): Promise<number> {
    const classes = await q.classesCovering(db, day);
    const weekdays = new Map<number, number | null>();
    for (const schoolId of new Set(classes.filter((c) => c.weekday !== null).map((c) => c.school_id))) {
      const cal = await deps.schoolCalendar(schoolId, day, day);
      weekdays.set(schoolId, cal?.days[0]?.timetableWeekday ?? null);
    }
    let made = 0;
    for (const c of classes) {
      const slot = { weekday: c.weekday, startsOn: c.starts_on, untilOn: c.until_on, startTime: c.start_time, minutes: c.minutes };
      if (!occursOn(slot, day, weekdays.get(c.school_id) ?? null)) continue;
      const startsAt = shanghaiInstant(day, c.start_time);
      const endsAt = new Date(startsAt.getTime() + c.minutes * 60_000);
      if (await q.insertSession(db, { live_class_id: c.id, day, starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString() })) made++;
    }
    return made;
  }

  async function views(actor: Actor, rows: q.SessionRow[]): Promise<LiveSessionView[]> {
    const receiving = await cq.receivingOf(db, [...new Set(rows.map((r) => r.live_class_id))]);
    const mine = staffOf(actor);
    return rows.map((r) => {
      const rooms = receiving.filter((x) => x.live_class_id === r.live_class_id);
      const part = partOf(actor, r, rooms, mine);
      return {
        id: r.id, liveClassId: r.live_class_id, title: r.title, subject: r.subject, grade: r.grade, day: r.day, startsAt: r.starts_at, endsAt: r.ends_at,
        status: r.status as LiveSessionView['status'], mode: r.mode as LiveMode | null, startedAt: r.started_at, endedAt: r.ended_at,
        lead: { roomId: r.lead_room_id, roomName: r.room_name, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name },
        leadTeacherUserId: r.lead_teacher_user_id, leadTeacherName: r.teacher_name,
        receiving: rooms.map((x) => ({ roomId: x.room_id, roomName: x.room_name, schoolId: x.school_id, schoolCode: x.school_code, schoolName: x.school_name })),
        role: part.role, roomId: part.roomIds[0] ?? null, canControl: controls(actor, r),
      };
    });
  }

  function partOf(actor: Actor, r: q.SessionRow, rooms: { room_id: number; school_id: number }[], mine = staffOf(actor)): { role: LiveRole; roomIds: number[] } {
    if (r.lead_teacher_user_id === actor.userId || mine.has(r.school_id)) return { role: 'lead', roomIds: [r.lead_room_id] };
    const ours = rooms.filter((x) => mine.has(x.school_id)).map((x) => x.room_id);
    if (ours.length) return { role: 'receiving', roomIds: ours };
    return { role: 'watcher', roomIds: [] };
  }

  const controls = (actor: Actor, r: q.SessionRow) => r.lead_teacher_user_id === actor.userId || principalOf(actor, r.school_id);

  async function readable(actor: Actor, id: number) {
    const row = await q.findSession(db, id, liveReadScope(actor));
    if (!row) throw notFound('直播');
    return row;
  }

  async function list(actor: Actor, f: { day?: string; status?: string }): Promise<Static<typeof LiveSessionList>> {
    const day = f.day ?? today();
    const scope = liveReadScope(actor);
    // Today's and later days' sessions are made when asked for; past days show what took place.
    if (day >= today() && day <= addDays(today(), 366)) await materialise(day);
    return { day, items: await views(actor, await q.sessionsOfDay(db, day, scope, f.status)) };
  }

  async function get(actor: Actor, id: number): Promise<LiveSessionView> {
    return (await views(actor, [await readable(actor, id)]))[0]!;
  }

  /** The session, the actor's part and rooms (see the comment at the top); 404 out of scope. */
  async function viewerOf(actor: Actor, sessionId: number): Promise<{ session: LiveSessionView; role: LiveRole; roomIds: number[] }> {
    const row = await readable(actor, sessionId);
    const rooms = await cq.receivingOf(db, [row.live_class_id]);
    const part = partOf(actor, row, rooms);
    return { session: (await views(actor, [row]))[0]!, ...part };
  }

  async function controllable(actor: Actor, id: number) {
    const row = await readable(actor, id);
    if (!controls(actor, row)) throw new AppError(403, 'LIVE_LEAD_ONLY', '只有主讲教师或主讲学校的校长可以开始和结束直播');
    return row;
  }

  async function endedView(row: q.SessionRow, endedAt: string): Promise<LiveEndedSession> {
    const rooms = await cq.receivingOf(db, [row.live_class_id]);
    return {
      id: row.id, liveClassId: row.live_class_id, title: row.title, subject: row.subject, grade: row.grade, day: row.day,
      mode: row.mode as LiveMode | null, startedAt: row.started_at, endedAt, leadRoomId: row.lead_room_id, leadSchoolId: row.school_id,
      leadTeacherUserId: row.lead_teacher_user_id, receiving: rooms.map((x) => ({ roomId: x.room_id, schoolId: x.school_id })),
    };
  }

  /** Goes on air: the media engine opens the session's rooms (WebRTC or one-way HLS). Starting a live session again answers it as it is. */
  async function start(w: Who, id: number): Promise<LiveSessionView> {
    const row = await controllable(w.actor, id);
    if (row.status === 'live') return get(w.actor, id);
    if (row.status !== 'scheduled') throw conflict('LIVE_SESSION_OVER', '这节直播已经结束，不能再次开始');
    const now = deps.clock.now();
    if (now.getTime() < new Date(row.starts_at).getTime() - EARLY_START_MINUTES * 60_000) {
      throw conflict('LIVE_SESSION_TOO_EARLY', `直播 ${shanghaiClock(row.starts_at)} 开始，最早可提前 ${EARLY_START_MINUTES} 分钟开始：请稍后再试`);
    }
    if (now.toISOString() >= row.ends_at) throw conflict('LIVE_SESSION_MISSED', `这节直播应于 ${shanghaiClock(row.ends_at)} 结束，已过时间，不能再开始`);
    // Claim it first, so two clicks open the media once.
    if (!(await q.moveSession(db, id, 'scheduled', { status: 'live', started_at: now.toISOString() }))) return get(w.actor, id);
    const rooms = await cq.receivingOf(db, [row.live_class_id]);
    let opened: { mode: LiveMode; handles: LiveMediaHandles };
    try {
      opened = await deps.media.open({ id, leadRoomId: row.lead_room_id, receivingRoomIds: rooms.map((r) => r.room_id) });
    } catch (err) {
      await db.updateTable('live_sessions').set({ status: 'scheduled', started_at: null }).where('id', '=', id).execute();
      throw err;
    }
    await db.updateTable('live_sessions').set({ mode: opened.mode, media: JSON.stringify(opened.handles) }).where('id', '=', id).execute();
    await deps.audit.record({
      actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip, action: 'live.session.start', targetType: 'live_session', targetId: id,
      result: 'success', detail: { liveClassId: row.live_class_id, mode: opened.mode },
    });
    return get(w.actor, id);
  }

  /** Ends a session on air: the media engine closes it, then the replay hook hears of it. */
  async function finish(row: q.SessionRow, now: Date): Promise<boolean> {
    const endedAt = now.toISOString();
    if (!(await q.moveSession(db, row.id, 'live', { status: 'ended', ended_at: endedAt }))) return false;
    const handles = row.media ? (JSON.parse(row.media) as LiveMediaHandles) : {};
    const { tracks } = await deps.media.close(row.id, handles);
    await onEnded(await endedView({ ...row, status: 'ended', ended_at: endedAt }, endedAt), tracks);
    return true;
  }

  /** Ends the session (its lead). Ending an ended session answers it as it is. */
  async function end(w: Who, id: number): Promise<LiveSessionView> {
    const row = await controllable(w.actor, id);
    if (row.status === 'ended') return get(w.actor, id);
    if (row.status !== 'live') throw conflict('LIVE_SESSION_NOT_LIVE', '这节直播尚未开始，无需结束');
    if (await finish(row, deps.clock.now())) {
      await deps.audit.record({
        actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip, action: 'live.session.end', targetType: 'live_session', targetId: id,
        result: 'success', detail: { liveClassId: row.live_class_id },
      });
    }
    return get(w.actor, id);
  }

  /**
   * What one page plays and sends. The part is the server's: a roomId names the caller's own
   * receiving room (or the lead room, for the lead); any other room is 404.
   */
  async function mediaFor(actor: Actor, id: number, roomId: number | undefined): Promise<Static<typeof LiveMediaViewSchema>> {
    const { session, role, roomIds } = await viewerOf(actor, id);
    if (roomId !== undefined && !roomIds.includes(roomId)) throw notFound('接收教室');
    if (session.status !== 'live') {
      throw conflict(session.status === 'ended' ? 'LIVE_SESSION_OVER' : 'LIVE_SESSION_NOT_LIVE', session.status === 'ended' ? '这节直播已经结束' : `直播尚未开始（${shanghaiClock(session.startsAt)} 开始）`);
    }
    const row = (await q.findSession(db, id, null))!;
    // The media engine signs and checks its own viewer tokens (its HLS route verifies them).
    const viewerToken = deps.media.mediaToken(id, actor.userId);
    return deps.media.viewFor(
      { id, mode: (row.mode ?? 'hls') as LiveMode, handles: row.media ? (JSON.parse(row.media) as LiveMediaHandles) : {} },
      { role, roomId: roomId ?? roomIds[0] ?? null, viewerToken },
    );
  }

  /**
   * The clock's work: today's sessions made (every minute is cheap: the unique (class, day) key
   * keeps one), sessions still on air 15 minutes past their end ended.
   */
  async function runDue(now: Date): Promise<{ made: number; ended: number }> {
    const made = await materialise(shanghaiDate(now));
    let ended = 0;
    for (const row of await q.overrunSessions(db, new Date(now.getTime() - OVERRUN_MINUTES * 60_000).toISOString())) {
      if (await finish(row, now)) {
        ended++;
        await deps.audit.record({
          actor: null, ip: '', action: 'live.session.end', targetType: 'live_session', targetId: row.id, result: 'success',
          detail: { liveClassId: row.live_class_id, overrun: true },
        });
      }
    }
    return { made, ended };
  }

  return { list, get, viewerOf, start, end, mediaFor, materialise, runDue };
}

function shanghaiClock(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

export type LiveSessionsService = ReturnType<typeof createLiveSessionsService>;
