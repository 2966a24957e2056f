import { access } from 'node:fs/promises';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { stageMarks } from '../../media/stage-timings.js';
import { recordingSourceKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import { DUPLICATE_OF_OTHER_SCHOOL, NOT_READY } from './counting.js';
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
 * The same file arrived from two schools: `copy` is the later recording (it counts for nobody),
 * `original` the earlier one. Told to both counties' 教科所; each side may only learn its own.
 */
export interface ReusePair {
  copyId: number;
  originalId: number;
  sameCounty: boolean;
}

/**
 * Turns a complete, hashed file into a recording: one row per distinct SHA-256 within a school
 * (the same file uploaded twice by a school yields one recording), its source stored under
 * keys.ts's source key, and the processing job queued. The same bytes from another school become
 * a recording of the uploading school that counts for nobody (`reuse` = 'copy', the earlier one
 * 'original'), reported through `onReuse`; the uploader only ever gets its own recording's id.
 * Every step may be repeated after a crash: a second call with the same file finds the row, puts
 * the source again if it is missing, re-queues (deduplicated) and reports the reuse again
 * (`onReuse` must be idempotent).
 */
export function createIngest(deps: {
  db: Db; clock: Clock; store: ObjectStore; enqueueProcessing: EnqueueProcessing; onReuse?: (pair: ReusePair) => Promise<void>;
}) {
  const db = deps.db.db;

  async function ingestFile(input: IngestInput): Promise<{ recordingId: number; duplicate: boolean }> {
    let id = 0;
    const marks = stageMarks('ingest', () => id);
    marks.mark('start');
    const existing = await q.recordingOfSchoolBySha(db, input.meta.schoolId, input.sha256);
    if (existing) {
      if (existing.status === 'queued' || existing.status === 'processing') {
        await ensureSource(existing.source_key, input);
        await deps.enqueueProcessing(existing.id);
        if (existing.reuse === 'copy') await reportReuse(existing.id, input);
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
        const original = await q.firstRecordingOfOtherSchoolBySha(trx, school.id, input.sha256);
        const otherCounty = original ? (original.county_id !== school.county_id ? 1 : 0) : null;
        if (original) {
          // Another county on either side of any pair of this original makes it "another county".
          await trx.updateTable('recordings')
            .set({ reuse: 'original', reuse_other_county: Math.max(original.reuse_other_county ?? 0, otherCounty!) })
            .where('id', '=', original.id).where((eb) => eb.or([eb('reuse', 'is', null), eb('reuse', '=', 'original')]))
            .execute();
        }
        const row = await trx.insertInto('recordings').values({
          school_id: school.id, county_id: school.county_id, city_id: school.city_id, room_id: m.roomId,
          group_id: m.groupId, track: m.track, title: m.title, subject: m.subject, grade: m.grade, class_id: m.classId,
          teacher_user_id: m.teacherUserId, teacher_name: m.teacherName,
          lesson_start: new Date(m.lessonStart).toISOString(), lesson_end: m.lessonEnd ? new Date(m.lessonEnd).toISOString() : null,
          school_day: shanghaiDate(new Date(m.lessonStart)),
          uploaded_by_user_id: input.uploadedBy.userId, uploaded_by_device_id: input.uploadedBy.deviceId,
          sha256: input.sha256, size_bytes: input.sizeBytes, source_key: '', status: 'queued', progress: 0,
          ...q.verdictColumns(original ? DUPLICATE_OF_OTHER_SCHOOL : NOT_READY), keep: 0,
          reuse: original ? 'copy' : null, reuse_other_county: otherCounty,
          created_at: deps.clock.now().toISOString(),
        }).returning('id').executeTakeFirstOrThrow();
        await trx.updateTable('recordings').set({ source_key: recordingSourceKey(row.id, ext) }).where('id', '=', row.id).execute();
        return row.id;
      });
    } catch (err) {
      // Two completions of the same bytes at once: the other one inserted first.
      const raced = await q.recordingOfSchoolBySha(db, input.meta.schoolId, input.sha256);
      if (!raced) throw err;
      return ingestFile(input);
    }
    id = recordingId;
    marks.mark('inserted');
    // Processing is queued as soon as the source can be read (on local disk: renamed into place),
    // so packaging runs while the same bytes are fsynced; the upload is answered once they are durable.
    await deps.store.putFile(recordingSourceKey(recordingId, ext), input.localPath, undefined, {
      move: input.move,
      onReadable: async () => {
        marks.mark('readable');
        await deps.enqueueProcessing(recordingId);
        marks.mark('enqueued');
      },
    });
    marks.mark('stored');
    await reportReuse(recordingId, input);
    await marks.flush();
    return { recordingId, duplicate: false };
  }

  async function reportReuse(copyId: number, input: IngestInput): Promise<void> {
    if (!deps.onReuse) return;
    const original = await q.firstRecordingOfOtherSchoolBySha(db, input.meta.schoolId, input.sha256);
    const school = await q.schoolForIngest(db, input.meta.schoolId);
    if (!original || !school) return;
    await deps.onReuse({ copyId, originalId: original.id, sameCounty: original.county_id === school.county_id });
  }

  async function ensureSource(key: string, input: IngestInput): Promise<void> {
    const staged = await access(input.localPath).then(() => true, () => false);
    // On local disk the fresh, hashed copy is renamed over the stored one (no copy): a source that
    // was renamed into place but lost its bytes to a power cut before its fsync is whole again.
    if (staged && input.move && deps.store.kind === 'fs') return deps.store.putFile(key, input.localPath, undefined, { move: true });
    if (await deps.store.head(key)) return;
    if (staged) await deps.store.putFile(key, input.localPath, undefined, { move: input.move });
  }

  return { ingestFile };
}

export type Ingest = ReturnType<typeof createIngest>;
