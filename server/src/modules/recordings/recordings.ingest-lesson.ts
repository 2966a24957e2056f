import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Db } from '../../db/database.js';
import type { Ingest, LessonMeta } from './recordings.ingest.js';
import * as q from './recordings.queries.js';
import type { Track } from './recordings.schema.js';

/** One camera of a lesson recorded on this machine (a live class's room, for instance). */
export interface LocalLessonFile {
  localPath: string;
  track: Track;
  /** Where the file's first frame lies on the lesson's clock (ms after the lesson's start). */
  startOffsetMs: number;
}

export interface LocalLessonInput {
  /** The lesson as an uploader would describe it; each file becomes the track it names. */
  meta: Omit<LessonMeta, 'track'>;
  files: readonly LocalLessonFile[];
  uploadedBy: { userId: number | null; deviceId: number | null };
}

/**
 * Ingests files already on this machine as the tracks of one lesson (one group id), without an
 * upload: what other modules (the live classes' replay) call instead of touching our tables.
 * Each file goes through the same ingest as an upload (hashed, stored, processing queued), so a
 * repeated call after a crash finds the recordings it made and only sets what is missing. The
 * files are copied, never moved: the caller deletes them once the call has returned.
 */
export function createLessonIngest(deps: { db: Db; ingest: Ingest }) {
  const db = deps.db.db;

  async function ingestLocalLesson(input: LocalLessonInput): Promise<{ tracks: { track: Track; recordingId: number }[] }> {
    const tracks: { track: Track; recordingId: number }[] = [];
    for (const file of input.files) {
      const [sha256, st] = await Promise.all([sha256Of(file.localPath), stat(file.localPath)]);
      const { recordingId } = await deps.ingest.ingestFile({
        localPath: file.localPath, sha256, sizeBytes: st.size, ext: extname(file.localPath).slice(1).toLowerCase(),
        meta: { ...input.meta, track: file.track }, uploadedBy: input.uploadedBy, move: false,
      });
      // Setting it again is harmless; the player lines the cameras up with it.
      if (file.startOffsetMs) await q.updateRecording(db, recordingId, { start_offset_ms: Math.round(file.startOffsetMs) });
      tracks.push({ track: file.track, recordingId });
    }
    return { tracks };
  }

  return { ingestLocalLesson };
}

export type LessonIngest = ReturnType<typeof createLessonIngest>;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
