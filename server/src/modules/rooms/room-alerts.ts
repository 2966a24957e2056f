import type { Db } from '../../db/database.js';
import { ROOM_TIMING, type RoomTiming, onlineCutoff } from './room-timing.js';
import { shanghaiInstant, shanghaiWallClock } from '../../../../shared/dates.js';
import { NO_HELD_LESSONS, type RoomHeldLessons } from './held-lessons.js';

/** Statuses in which a room is expected to record its timetabled lessons. */
const OPERATING = ['activated', 'in_use'] as const;

function hhmm(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** A room found offline before a timetabled lesson: what the people who answer for it are told. */
export interface RoomOfflineAlert {
  roomId: number;
  roomName: string;
  schoolId: number;
  countyId: number;
  /** The lesson's start, ISO UTC. */
  lessonStart: string;
  /** The lesson's wall-clock start in Asia/Shanghai (HH:MM) and subject, for the message. */
  startsAt: string;
  subject: string;
  message: string;
}

export interface RoomAlertDeps {
  db: Db;
  /**
   * The calendar's answer for a day: per school, the weekday (1 = Monday … 7) whose timetable runs
   * that day, or null when it is no school day (holiday, weekend, between terms). A 调休 working
   * Sunday answers the weekday it stands in for. Passed in by the app (calendar module).
   */
  timetableWeekdays: (schoolIds: readonly number[], day: string) => Promise<ReadonlyMap<number, number | null>>;
  /**
   * Told once per room and lesson, when its alert is first raised (whichever process raises it):
   * the app passes the notifications' handler (principal and 电教馆), or an event bus's emit.
   */
  onRoomOffline: (alert: RoomOfflineAlert) => Promise<unknown>;
  /** Lessons other modules hold in rooms on a day (live classes): covered like timetabled ones. */
  heldLessons?: RoomHeldLessons;
  timing?: Pick<RoomTiming, 'offlineAfterMs' | 'lessonLeadMinutes'>;
}

/**
 * Offline rooms before lessons. `checkBeforeLessons` raises one `offline_before_lesson` alert per
 * room and lesson for each operating room whose next timetabled lesson starts within the lead
 * time (default 15 minutes) on a school day by the calendar, while none of its recorders is online
 * (or it has none), and resolves such alerts of rooms that are online again. Idempotent: run it
 * every minute (maintenance.ts); the unique (room, kind, lesson_start) key keeps a lesson to one
 * alert — and one notice — however often it runs, on however many processes.
 */
export function createRoomAlerts(deps: RoomAlertDeps) {
  const timing = deps.timing ?? ROOM_TIMING;

  /** Held lessons (live classes) in operating rooms starting within a window of one day. */
  async function heldIn(range: { date: string; lo: string; hi: string }) {
    const held = (await (deps.heldLessons ?? NO_HELD_LESSONS).onDay(range.date)).filter((h) => h.startsAt >= range.lo && h.startsAt <= range.hi);
    if (!held.length) return [];
    const rooms = await deps.db.db.selectFrom('rooms').select(['id', 'name', 'school_id', 'county_id', 'city_id'])
      .where('id', 'in', [...new Set(held.map((h) => h.roomId))]).where('status', 'in', OPERATING).execute();
    return held.flatMap((h) => rooms.filter((r) => r.id === h.roomId).map((r) => ({
      room_id: r.id, name: r.name, school_id: r.school_id, county_id: r.county_id, city_id: r.city_id, weekday: 0, starts_at: h.startsAt,
      subject: h.subject, title: h.title,
    })));
  }

  async function checkBeforeLessons(now: Date): Promise<{ raised: number; resolved: number }> {
    const db = deps.db.db;
    const cutoff = onlineCutoff(now, timing);
    const resolved = await resolveOfflineAlerts(deps.db, null, now, cutoff);

    // The window [this minute, now + lead] in wall-clock terms; it may cross midnight.
    const from = shanghaiWallClock(now);
    const until = shanghaiWallClock(new Date(now.getTime() + timing.lessonLeadMinutes * 60_000));
    const ranges = from.date === until.date
      ? [{ date: from.date, lo: from.hhmm, hi: until.hhmm }]
      : [{ date: from.date, lo: from.hhmm, hi: '23:59' }, { date: until.date, lo: '00:00', hi: until.hhmm }];

    let raised = 0;
    for (const range of ranges) {
      // Every weekday's lessons in the window: which weekday applies is the calendar's call, per school.
      const candidates = await db.selectFrom('room_timetable')
        .innerJoin('rooms', 'rooms.id', 'room_timetable.room_id')
        .select(['rooms.id as room_id', 'rooms.name', 'rooms.school_id', 'rooms.county_id', 'rooms.city_id', 'room_timetable.weekday',
          'room_timetable.starts_at', 'room_timetable.subject'])
        .where('rooms.status', 'in', OPERATING)
        .where('room_timetable.starts_at', '>=', range.lo)
        .where('room_timetable.starts_at', '<=', range.hi)
        .execute();
      const weekdays = candidates.length ? await deps.timetableWeekdays([...new Set(candidates.map((l) => l.school_id))], range.date) : new Map();
      const lessons = [...candidates.filter((l) => weekdays.get(l.school_id) === l.weekday), ...await heldIn(range)];
      if (!lessons.length) continue;
      const beats = await db.selectFrom('devices').select(['room_id'])
        .select((eb) => eb.fn.max('last_heartbeat_at').as('last'))
        .where('room_id', 'in', [...new Set(lessons.map((l) => l.room_id))])
        .where('revoked_at', 'is', null)
        .groupBy('room_id')
        .execute();
      const lastBeat = new Map(beats.map((b) => [b.room_id, b.last as string | null]));
      for (const l of lessons) {
        const last = lastBeat.get(l.room_id);
        if (last && last >= cutoff) continue;
        const lessonStart = shanghaiInstant(range.date, l.starts_at).toISOString();
        const state = lastBeat.has(l.room_id)
          ? last ? `录播主机已离线（最后心跳 ${hhmm(new Date(last))}）` : '录播主机从未连接平台'
          : '尚未添加录播主机';
        const lesson = 'title' in l ? `直播课「${l.title}」` : l.subject ? `${l.subject}课` : '课';
        const message = `录播室「${l.name}」${state}，${l.starts_at} 的${lesson}即将开始：请检查录播主机的电源和网络，以免这节课无法${'title' in l ? '直播' : '录制'}`;
        const res = await db.insertInto('room_alerts').values({
          room_id: l.room_id, school_id: l.school_id, county_id: l.county_id, city_id: l.city_id, kind: 'offline_before_lesson',
          lesson_start: lessonStart, created_at: now.toISOString(), resolved_at: null, message,
        }).onConflict((oc) => oc.columns(['room_id', 'kind', 'lesson_start']).doNothing()).executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) continue;
        raised++;
        await deps.onRoomOffline({
          roomId: l.room_id, roomName: l.name, schoolId: l.school_id, countyId: l.county_id, lessonStart, startsAt: l.starts_at,
          subject: l.subject, message,
        });
      }
    }
    return { raised, resolved };
  }

  return { checkBeforeLessons };
}

export type RoomAlerts = ReturnType<typeof createRoomAlerts>;

/**
 * Resolves open `offline_before_lesson` alerts of a room (or, with null, of every room) whose
 * recorder has been heard since `cutoff`.
 */
export async function resolveOfflineAlerts(handle: Db, roomId: number | null, now: Date, cutoff = onlineCutoff(now)): Promise<number> {
  let q = handle.db.updateTable('room_alerts').set({ resolved_at: now.toISOString() })
    .where('kind', '=', 'offline_before_lesson')
    .where('resolved_at', 'is', null)
    .where('room_id', 'in', (eb) => eb.selectFrom('devices').select('room_id').where('revoked_at', 'is', null).where('last_heartbeat_at', '>=', cutoff));
  if (roomId !== null) q = q.where('room_id', '=', roomId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Raises (once while open) or resolves the room's `disk_low` alert after a heartbeat. */
export async function updateDiskAlert(
  handle: Db, room: { id: number; name: string; schoolId: number; countyId: number; cityId: number }, diskFreeBytes: number, now: Date,
  threshold = ROOM_TIMING.diskLowBytes,
): Promise<void> {
  const db = handle.db;
  const open = await db.selectFrom('room_alerts').select('id')
    .where('room_id', '=', room.id).where('kind', '=', 'disk_low').where('resolved_at', 'is', null).executeTakeFirst();
  if (diskFreeBytes >= threshold) {
    if (open) await db.updateTable('room_alerts').set({ resolved_at: now.toISOString() }).where('id', '=', open.id).execute();
    return;
  }
  if (open) return;
  const gb = (diskFreeBytes / 1024 ** 3).toFixed(1);
  await db.insertInto('room_alerts').values({
    room_id: room.id, school_id: room.schoolId, county_id: room.countyId, city_id: room.cityId, kind: 'disk_low', lesson_start: null,
    created_at: now.toISOString(), resolved_at: null,
    message: `录播室「${room.name}」的录播主机剩余磁盘空间仅 ${gb} GB，可能录不下今天的课：请确认已上传的录像后在主机上清理空间`,
  }).execute();
}
