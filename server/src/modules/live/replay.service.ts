import { access, rm } from 'node:fs/promises';
import { type Actor, scopeOf } from '../../access/actor.js';
import { liveClassInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { LessonIngest } from '../recordings/recordings.ingest-lesson.js';
import type { LiveRecordedTrack } from './live-media.js';
import * as q from './replay.queries.js';
import { planReplayTracks, replayGroupId, type ReplayTrack } from './replay.tracks.js';

export const LIVE_REPLAY_JOB = 'live.replay';
export interface LiveReplayPayload {
  sessionId: number;
  tracks: LiveRecordedTrack[];
}
/** The platform queue's enqueue (a job per session at most: its dedupe key). */
export type EnqueueReplay = (kind: typeof LIVE_REPLAY_JOB, payload: LiveReplayPayload, opts: { dedupeKey: string }) => Promise<number>;

/** The part of the recordings service the markers need: the lesson as the actor may see it (404 otherwise). */
export interface ReplayLessons {
  get(actor: Actor, id: number): Promise<{ id: number; lessonStart: string }>;
}

/** The kind of the event that keeps which room became which track of the replay. */
const REPLAY_EVENT = 'replay.tracks';

export type ReplayBuildOutcome = 'built' | 'already' | 'gone' | 'no-files';

const GRADE_NAMES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级', '高一', '高二', '高三'];
const gradeName = (grade: number) => GRADE_NAMES[grade - 1] ?? `${grade}年级`;
const exists = (path: string) => access(path).then(() => true, () => false);

/**
 * The replay of a live class (互动教学): when a session ends its recorded tracks (the lead room's
 * and the receiving rooms') become one recorded lesson of the lead school in its lead room,
 * through the recordings module's ingest, so it is processed, played and counted like any other
 * lesson; the receiving schools reach it through the live lesson sharing (replay.sharing.ts). The
 * hands and polls of the session are markers on its timeline.
 *
 * `onEnded` only queues the `live.replay` job (one per session ever), so the end of a session is
 * quick and a crash while ingesting is resumed by the job runner; the job is idempotent (the
 * ingest finds the files it already stored by their hash, the session keeps its first replay).
 */
export function createReplayService(deps: {
  db: Db;
  clock: Clock;
  /** Null when the video pipeline is not configured: no replay is made. */
  lessonIngest: LessonIngest | null;
  /** Null without a job queue: the replay is then built at once, inside onEnded. */
  enqueue: EnqueueReplay | null;
  lessons: ReplayLessons | null;
}) {
  const db = deps.db.db;

  /** The sessions service's hook when a session ends, with the tracks its media engine recorded. */
  async function onEnded(session: { id: number }, tracks: readonly LiveRecordedTrack[]): Promise<{ queued: boolean }> {
    if (!deps.lessonIngest || tracks.length === 0) return { queued: false };
    const row = await q.sessionForReplay(db, session.id);
    if (!row || row.replay_recording_id !== null) return { queued: false };
    const payload: LiveReplayPayload = {
      sessionId: session.id,
      tracks: tracks.map((t) => ({ roomId: t.roomId, lead: t.lead, path: t.path, startedAt: t.startedAt })),
    };
    if (deps.enqueue) {
      await deps.enqueue(LIVE_REPLAY_JOB, payload, { dedupeKey: `${LIVE_REPLAY_JOB}:${session.id}` });
      return { queued: true };
    }
    await build(payload);
    return { queued: false };
  }

  /** The job's work: every step may run again after a crash. */
  async function build(payload: LiveReplayPayload): Promise<ReplayBuildOutcome> {
    if (!deps.lessonIngest) return 'gone';
    const row = await q.sessionForReplay(db, payload.sessionId);
    if (!row) return 'gone';
    if (row.replay_recording_id !== null) return 'already';
    const present: LiveRecordedTrack[] = [];
    for (const t of payload.tracks) if (await exists(t.path)) present.push(t);
    const planned = planReplayTracks(present);
    if (!planned) return 'no-files';
    const { plan, lessonStart } = planned;
    const lessonEnd = row.ended_at && Date.parse(row.ended_at) > Date.parse(lessonStart) ? row.ended_at : null;
    const { tracks } = await deps.lessonIngest.ingestLocalLesson({
      meta: {
        schoolId: row.school_id, roomId: row.lead_room_id, groupId: replayGroupId(row.id), title: row.title, subject: row.subject,
        grade: gradeName(row.grade), classId: null, teacherUserId: row.lead_teacher_user_id, teacherName: row.teacher_name ?? '',
        lessonStart, lessonEnd,
      },
      files: plan.map((p) => ({ localPath: p.path, track: p.track, startOffsetMs: p.startOffsetMs })),
      uploadedBy: { userId: null, deviceId: null },
    });
    const main = tracks[0]!;
    const rooms = plan.map((p, i) => ({ roomId: p.roomId, lead: p.lead, track: p.track, recordingId: tracks[i]!.recordingId }));
    await db.transaction().execute(async (trx) => {
      const kept = await trx.selectFrom('live_events').select('id').where('session_id', '=', row.id).where('kind', '=', REPLAY_EVENT).executeTakeFirst();
      if (!kept) {
        await trx.insertInto('live_events').values({
          session_id: row.id, kind: REPLAY_EVENT, room_id: null, user_id: null,
          payload: JSON.stringify({ recordingId: main.recordingId, lessonStart, rooms }), at: deps.clock.now().toISOString(),
        }).execute();
      }
      await q.setReplayRecording(trx, row.id, main.recordingId);
    });
    // The recordings module has its own copies now; the engine's files would only fill the disk.
    for (const t of payload.tracks) await rm(t.path, { force: true });
    return 'built';
  }

  /**
   * The replay of a session as the player shows it beside the lesson: which room is which track
   * and the hands and polls at their place on the lesson's clock. Scoped as the live class is
   * (the lead and the receiving schools' staff, their county and city); the lesson itself is read
   * through the recordings service, as the actor may see it.
   */
  async function replayOf(actor: Actor, sessionId: number) {
    const scope = scopeOf(actor, 'live:read');
    if (!scope) throw forbidden();
    const s = await q.sessionInScope(db, liveClassInScope(scope), sessionId);
    if (!s) throw notFound('专递课堂');
    const roomRows = await q.classRooms(db, s.class_id, s.lead_room_id);
    const kept = await db.selectFrom('live_events').select('payload').where('session_id', '=', s.id).where('kind', '=', REPLAY_EVENT).executeTakeFirst();
    const made = kept ? (JSON.parse(kept.payload) as { lessonStart: string; rooms: { roomId: number; track: ReplayTrack }[] }) : null;
    const trackOf = new Map((made?.rooms ?? []).map((r) => [r.roomId, r.track]));
    const rooms = roomRows
      .sort((a, b) => Number(b.lead) - Number(a.lead) || a.id - b.id)
      .map((r) => ({ roomId: r.id, roomName: r.name, schoolId: r.school_id, schoolName: r.school_name, lead: r.lead, track: trackOf.get(r.id) ?? null }));
    const base = { sessionId: s.id, liveClassId: s.class_id, title: s.title, rooms };
    if (s.replay_recording_id === null || !made) return { ...base, recordingId: null, lessonStart: null, markers: [] };
    const lesson = deps.lessons ? await deps.lessons.get(actor, s.replay_recording_id) : { id: s.replay_recording_id, lessonStart: made.lessonStart };
    const zero = Date.parse(lesson.lessonStart);
    const roomName = new Map(roomRows.map((r) => [r.id, r.name]));
    const markers = (await q.markerEvents(db, s.id)).map((e) => ({
      id: e.id, kind: e.kind as q.MarkerKind, atMs: Math.max(0, Date.parse(e.at) - zero), roomId: e.room_id,
      roomName: e.room_id === null ? null : roomName.get(e.room_id) ?? null, text: textOf(e.payload),
    }));
    return { ...base, recordingId: lesson.id, lessonStart: lesson.lessonStart, markers };
  }

  return { onEnded, build, replayOf };
}

export type ReplayService = ReturnType<typeof createReplayService>;

/** A poll's question or a question's text, when the interaction record kept one. */
function textOf(payload: string): string | null {
  try {
    const p = JSON.parse(payload) as Record<string, unknown>;
    for (const key of ['text', 'question', 'title', 'prompt']) {
      const v = p[key];
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
    }
  } catch {
    // A payload that is not JSON has no text to show.
  }
  return null;
}
