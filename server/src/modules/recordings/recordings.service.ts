import { type SqlBool, sql } from 'kysely';
import type { Action } from '../../../../shared/domain.js';
import { type Actor, scopeOf } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import { roomKeeperGrants } from '../../access/department-duties.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { recordingPrefix } from '../../storage/keys.js';
import type { AuditService } from '../audit/audit.service.js';
import { issueMediaToken, MEDIA_TOKEN_MAX_SECONDS } from './media-tokens.js';
import type { ViewerVerdict } from './media-viewer-check.js';
import type { CountsReason, CountsReasonValues } from './counting.js';
import * as q from './recordings.queries.js';
import { hasMedia } from './recordings.history.js';
import type { RecordingStatus, Track } from './recordings.schema.js';

export type RecordingFilter = q.RecordingFilter;
/** The list's filter as callers give it: `mine` stands for the caller, never another person's id. */
export type RecordingListQuery = Omit<RecordingFilter, 'personId'> & { mine?: boolean };
/**
 * Whether a lesson outside the actor's scope is shared with them (a research activity they reach
 * has it attached). Given by the composition root; recordings never reads research's tables.
 */
export type SharedLesson = (actor: Actor, lesson: { schoolId: number; groupId: string }) => Promise<boolean>;
/** Tells supervision that a school day's counted lessons may have changed. */
export type OnRecordingChanged = (change: { schoolId: number; day: string }) => Promise<unknown>;

const toSummary = (r: q.RecordingSummaryRow) => ({
  id: r.id, groupId: r.group_id, track: r.track, title: r.title, subject: r.subject, grade: r.grade,
  teacherName: r.teacher_name, teacherUserId: r.teacher_user_id, schoolId: r.school_id, schoolName: r.school_name, schoolCode: r.school_code,
  countyId: r.county_id, roomId: r.room_id, lessonStart: r.lesson_start, lessonEnd: r.lesson_end, schoolDay: r.school_day,
  status: r.status as RecordingStatus, progress: r.progress, durationSeconds: r.duration_seconds, counts: r.counts === 1,
  countsReason: r.counts_reason, countsReasonCode: r.counts_reason_code as CountsReason | null,
  countsReasonValues: r.counts_reason_values ? (JSON.parse(r.counts_reason_values) as CountsReasonValues) : null,
  failureCode: r.failure_code, failureMessage: r.failure_message,
  reuse: r.reuse, reuseOtherCounty: r.reuse_other_county === null ? null : r.reuse_other_county === 1,
  createdAt: r.created_at, readyAt: r.ready_at, hasVideo: hasMedia(r),
});

/**
 * Recorded lessons as people see them: lists and details confined to the caller's scope in SQL,
 * playback grants (short-lived media tokens, each one audited: children appear on these videos),
 * and deletion. Who may watch: the school's staff and county/city research and supervision staff
 * in scope — never parents, never the system roles.
 */
export function createRecordingsService(deps: {
  db: Db; clock: Clock; audit: AuditService; store: ObjectStore; mediaTokenKey: string; onRecordingChanged: OnRecordingChanged;
  sharedLesson?: SharedLesson;
}) {
  const db = deps.db.db;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  function scopeFor(actor: Actor, action: Action) {
    // Of a county bureau's departments only the 教科所 may delete lessons (it runs the rooms).
    const grants = action === 'recording:delete'
      ? roomKeeperGrants(actor)
      : actor.grants;
    const scope = scopeOf({ userId: actor.userId, grants }, action);
    if (!scope) throw forbidden();
    return schoolInScope(scope, q.RECORDING_SCOPE_COLUMNS);
  }

  /** One lesson track the actor may watch: in their scope, or shared with them through research. */
  async function findReadable(actor: Actor, id: number) {
    const inScope = await q.findRecording(db, scopeFor(actor, 'recording:read'), id);
    if (inScope || !deps.sharedLesson) return inScope;
    const r = await q.findRecording(db, sql<SqlBool>`1 = 1`, id);
    return r && (await deps.sharedLesson(actor, { schoolId: r.school_id, groupId: r.group_id })) ? r : undefined;
  }

  /**
   * Lessons in the actor's recording:read scope. `within` confines the list further to another
   * action's scope (class patrol lists only the schools the actor patrols), both in SQL.
   */
  async function list(actor: Actor, query: RecordingListQuery, page: number, pageSize: number, opts: { within?: Action } = {}) {
    const where = opts.within
      ? sql<SqlBool>`(${scopeFor(actor, 'recording:read')} and ${scopeFor(actor, opts.within)})`
      : scopeFor(actor, 'recording:read');
    const { mine, ...rest } = query;
    const filter: RecordingFilter = mine ? { ...rest, personId: actor.userId } : rest;
    const [rows, total] = await Promise.all([
      q.listRecordings(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countRecordings(db, where, filter),
    ]);
    return { items: rows.map(toSummary), total, page, pageSize };
  }

  async function get(actor: Actor, id: number) {
    const r = await findReadable(actor, id);
    if (!r) throw notFound('录像');
    const tracks = await q.groupTracks(db, r.school_id, r.group_id);
    return {
      ...toSummary(r),
      sizeBytes: Number(r.size_bytes), sha256: r.sha256, packaging: r.packaging,
      hasAudio: r.has_audio === null ? null : r.has_audio === 1, audioMaxDb: r.audio_max_db, keep: r.keep === 1,
      tracks: tracks.map((t) => ({
        id: t.id, track: t.track as Track, status: t.status as RecordingStatus, progress: t.progress, startOffsetMs: t.start_offset_ms,
      })),
    };
  }

  /** Media tokens for every ready track of the lesson; audited as a view of the lesson. */
  async function playback(actor: Actor, id: number, ip: string) {
    const r = await findReadable(actor, id);
    if (!r) throw notFound('录像');
    if (r.status !== 'ready') {
      throw new AppError(409, 'RECORDING_NOT_READY', `录像尚未处理完成（进度 ${r.progress}%），处理完成后即可观看`);
    }
    if (!hasMedia(r)) {
      throw new AppError(409, 'RECORDING_NO_MEDIA', '这节录播课是历史记录：平台只保存了课程信息和计数结果，没有视频文件，无法播放');
    }
    const ready = (await q.groupTracks(db, r.school_id, r.group_id)).filter((t) => t.status === 'ready');
    const expiresAt = Math.floor(deps.clock.now().getTime() / 1000) + MEDIA_TOKEN_MAX_SECONDS;
    const tokenOf = (recordingId: number) => issueMediaToken(deps.mediaTokenKey, { recordingId, viewerUserId: actor.userId, expiresAt }, actor.sessionId);
    const url = (token: string, file: string) => `/api/media/${token}/${file}`;
    const tracks = ready.map((t) => {
      const token = tokenOf(t.id);
      return {
        recordingId: t.id, track: t.track as Track, master: url(token, 'master.m3u8'), poster: url(token, 'poster.jpg'),
        thumbnails: url(token, 'thumbs/sprite.vtt'), startOffsetMs: t.start_offset_ms,
      };
    });
    const token = tokenOf(r.id);
    await deps.audit.record({
      actor: who(actor), action: 'recording.view', targetType: 'recording', targetId: id, result: 'success', ip,
      detail: { schoolId: r.school_id, groupId: r.group_id, tracks: ready.map((t) => t.id), expiresAt: new Date(expiresAt * 1000).toISOString() },
    });
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString(), master: url(token, 'master.m3u8'), tracks };
  }

  /**
   * Poster frames for a wall of lessons: a media token per ready lesson with pictures, among the
   * given ids in the actor's scope. The tokens open the lesson's media like a playback grant, so
   * the call is audited as one `recording.posters` row naming the lessons.
   */
  async function posters(actor: Actor, ids: readonly number[], ip: string): Promise<Map<number, string>> {
    const rows = (await q.readyAmong(db, scopeFor(actor, 'recording:read'), ids)).filter(hasMedia);
    const out = new Map<number, string>();
    if (!rows.length) return out;
    const expiresAt = Math.floor(deps.clock.now().getTime() / 1000) + MEDIA_TOKEN_MAX_SECONDS;
    for (const r of rows) {
      const token = issueMediaToken(deps.mediaTokenKey, { recordingId: r.id, viewerUserId: actor.userId, expiresAt }, actor.sessionId);
      out.set(r.id, `/api/media/${token}/poster.jpg`);
    }
    await deps.audit.record({
      actor: who(actor), action: 'recording.posters', targetType: 'recording', targetId: null, result: 'success', ip,
      detail: { recordingIds: [...out.keys()], expiresAt: new Date(expiresAt * 1000).toISOString() },
    });
    return out;
  }

  /**
   * For media serving: whether the person behind a session (null: ended) may still watch a
   * recording, and whether it is ready. One scoped read; the media route caches the answer briefly.
   */
  async function watchVerdict(actor: Actor | null, recordingId: number): Promise<ViewerVerdict> {
    if (!actor) return { sessionId: null, userId: null, mayWatch: false, ready: false, mediaPrefix: null };
    let r;
    try {
      r = await findReadable(actor, recordingId);
    } catch {
      return { sessionId: actor.sessionId, userId: actor.userId, mayWatch: false, ready: false, mediaPrefix: null };
    }
    return { sessionId: actor.sessionId, userId: actor.userId, mayWatch: r !== undefined, ready: r?.status === 'ready', mediaPrefix: r?.media_prefix ?? null };
  }

  /**
   * Sets where a track's first frame lies on the lesson's clock (its camera started that many ms
   * after the others; negative: before). Those who manage the school's lessons may (as for
   * deletion: the principal, the county 教科所); audited with the value it replaced.
   */
  async function setStartOffset(actor: Actor, id: number, startOffsetMs: number, ip: string) {
    const r = await q.findRecording(db, scopeFor(actor, 'recording:delete'), id);
    if (!r) throw notFound('录像');
    const before = await q.startOffsetOf(db, id);
    await q.updateRecording(db, id, { start_offset_ms: startOffsetMs });
    await deps.audit.record({
      actor: who(actor), action: 'recording.offset', targetType: 'recording', targetId: id, result: 'success', ip,
      detail: { schoolId: r.school_id, groupId: r.group_id, track: r.track, from: before, to: startOffsetMs },
    });
    return { id, track: r.track as Track, status: r.status as RecordingStatus, progress: r.progress, startOffsetMs };
  }

  /** Deletes one track: its objects first, then its row, so nothing is left unreachable. */
  async function remove(actor: Actor, id: number, ip: string): Promise<void> {
    const r = await q.findRecording(db, scopeFor(actor, 'recording:delete'), id);
    if (!r) throw notFound('录像');
    const objects = await deps.store.deletePrefix(recordingPrefix(id));
    await q.deleteRecordingRow(db, id);
    await deps.audit.record({
      actor: who(actor), action: 'recording.delete', targetType: 'recording', targetId: id, result: 'success', ip,
      detail: { schoolId: r.school_id, schoolDay: r.school_day, groupId: r.group_id, track: r.track, title: r.title, objects },
    });
    await deps.onRecordingChanged({ schoolId: r.school_id, day: r.school_day });
  }

  return { list, get, playback, posters, watchVerdict, setStartOffset, remove };
}

export type RecordingsService = ReturnType<typeof createRecordingsService>;
