import { access } from 'node:fs/promises';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { recordingSourceKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import { NOT_READY } from './counting.js';
import * as q from './recordings.queries.js';
import type { Track } from './recordings.schema.js';

/** What an uploader says about a lesson (validated by the caller: uploads' metadata rules, or the demo). */
export interface LessonMeta {
  schoolId: number;
  roomId: number | null;
  groupId: string;
  track: Track;
  title: string;
  subject: string;
  grade: string;
  classId: number | null;
  teacherUserId: number | null;
  teacherName: string;
  /** ISO instant with offset. */
  lessonStart: string;
  lessonEnd: string | null;
}

export interface IngestInput {
  /** The complete file on local disk. */
  localPath: string;
  sha256: string;
  sizeBytes: number;
  /** The source's extension without the dot (`mp4`); anything odd is stored as `bin`. */
  ext: string;
  meta: LessonMeta;
  uploadedBy: { userId: number | null; deviceId: number | null };
  /** The caller is done with localPath: the store may move it instead of copying. */
  move: boolean;
}

/** Starts processing of a recording (the `recording.process` job), at most once per recording. */
export type EnqueueProcessing = (recordingId: number) => Promise<void>;

/**
 * Turns a complete, hashed file into a recording: one row per distinct SHA-256 (the same file
 * uploaded twice yields one recording), its source stored under keys.ts's source key, and the
 * processing job queued. Every step may be repeated after a crash: a second call with the same
 * file finds the row, puts the source again if it is missing, and re-queues (deduplicated).
 */
export function createIngest(deps: { db: Db; clock: Clock; store: ObjectStore; enqueueProcessing: EnqueueProcessing }) {
  const db = deps.db.db;

  async function ingestFile(input: IngestInput): Promise<{ recordingId: number; duplicate: boolean }> {
    const existing = await q.recordingBySha(db, input.sha256);
    if (existing) {
      if (existing.status === 'queued' || existing.status === 'processing') {
        await ensureSource(existing.source_key, input);
        await deps.enqueueProcessing(existing.id);
      }
      return { recordingId: existing.id, duplicate: true };
    }
    const school = await q.schoolForIngest(db, input.meta.schoolId);
    if (!school) throw new AppError(400, 'SCHOOL_NOT_FOUND', '上传信息中的学校不存在，请核对学校编号');
    const ext = /^[a-z0-9]{1,8}$/.test(input.ext) ? input.ext : 'bin';
    const m = input.meta;
    let recordingId: number;
    try {
      recordingId = await db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('recordings').values({
          school_id: school.id, county_id: school.county_id, city_id: school.city_id, room_id: m.roomId,
          group_id: m.groupId, track: m.track, title: m.title, subject: m.subject, grade: m.grade, class_id: m.classId,
          teacher_user_id: m.teacherUserId, teacher_name: m.teacherName,
          lesson_start: new Date(m.lessonStart).toISOString(), lesson_end: m.lessonEnd ? new Date(m.lessonEnd).toISOString() : null,
          school_day: shanghaiDate(new Date(m.lessonStart)),
          uploaded_by_user_id: input.uploadedBy.userId, uploaded_by_device_id: input.uploadedBy.deviceId,
          sha256: input.sha256, size_bytes: input.sizeBytes, source_key: '', status: 'queued', progress: 0,
          ...q.verdictColumns(NOT_READY), keep: 0,
          created_at: deps.clock.now().toISOString(),
        }).returning('id').executeTakeFirstOrThrow();
        await trx.updateTable('recordings').set({ source_key: recordingSourceKey(row.id, ext) }).where('id', '=', row.id).execute();
        return row.id;
      });
    } catch (err) {
      // Two completions of the same bytes at once: the other one inserted first.
      const raced = await q.recordingBySha(db, input.sha256);
      if (!raced) throw err;
      return ingestFile(input);
    }
    await deps.store.putFile(recordingSourceKey(recordingId, ext), input.localPath, undefined, { move: input.move });
    await deps.enqueueProcessing(recordingId);
    return { recordingId, duplicate: false };
  }

  async function ensureSource(key: string, input: IngestInput): Promise<void> {
    if (await deps.store.head(key)) return;
    const staged = await access(input.localPath).then(() => true, () => false);
    if (staged) await deps.store.putFile(key, input.localPath, undefined, { move: input.move });
  }

  return { ingestFile };
}

export type Ingest = ReturnType<typeof createIngest>;
