import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { MediaInfo } from '../../media/probe.js';
import type { Track } from './recordings.schema.js';

/**
 * What a lesson's tracks hold in sound, for the research module's S-T draft from audio (given to
 * it by the composition root): read-only, unscoped — the caller has already checked who may see
 * the lesson, or runs as a job.
 */
export interface LessonAudioTrack {
  recordingId: number;
  track: Track;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  /** The uploaded file in the object store; null for lessons kept without media (history rows, shared demo clips). */
  sourceKey: string | null;
  /** The first audio stream's index in the file and its channel count (from the probe); null: no audio, or not probed yet. */
  audio: { streamIndex: number; channels: number } | null;
  /** The loudest sample, dBFS (null: not measured). */
  audioMaxDb: number | null;
  durationSeconds: number | null;
  startOffsetMs: number;
  readyAt: string | null;
}

type Db = Kysely<Database>;

const COLUMNS = [
  'id', 'group_id', 'track', 'status', 'source_key', 'media_prefix', 'media_info', 'has_audio', 'audio_max_db', 'duration_seconds',
  'start_offset_ms', 'ready_at',
] as const;

const selectTracks = (db: Db) => db.selectFrom('recordings').select(COLUMNS);
type Row = Awaited<ReturnType<ReturnType<typeof selectTracks>['execute']>>[number];

function toTrack(r: Row): LessonAudioTrack {
  let audio: LessonAudioTrack['audio'] = null;
  if (r.has_audio === 1 && r.media_info) {
    const info = JSON.parse(r.media_info) as MediaInfo;
    if (info.audio && info.audio.channels > 0) audio = { streamIndex: info.audio.index, channels: info.audio.channels };
  }
  return {
    recordingId: r.id, track: r.track as Track, status: r.status as LessonAudioTrack['status'],
    sourceKey: r.media_prefix || !r.source_key ? null : r.source_key, audio, audioMaxDb: r.audio_max_db,
    durationSeconds: r.duration_seconds, startOffsetMs: r.start_offset_ms, readyAt: r.ready_at,
  };
}

/** Every track of one lesson (school and group id), oldest first. */
export async function lessonAudioTracks(db: Db, schoolId: number, groupId: string): Promise<LessonAudioTrack[]> {
  const rows = await selectTracks(db).where('school_id', '=', schoolId).where('group_id', '=', groupId).orderBy('id').execute();
  return rows.map(toTrack);
}

/**
 * The lessons of a school-day that have a ready track, each with all its tracks: what a
 * `recording.ready` of that day may have completed. Uses the (school_id, school_day) index.
 */
export async function lessonsWithReadyTracksOn(db: Db, schoolId: number, day: string): Promise<{ groupId: string; tracks: LessonAudioTrack[] }[]> {
  const rows = await selectTracks(db).where('school_id', '=', schoolId).where('school_day', '=', day).orderBy('id').execute();
  const byGroup = new Map<string, LessonAudioTrack[]>();
  for (const r of rows) {
    const list = byGroup.get(r.group_id) ?? [];
    list.push(toTrack(r));
    byGroup.set(r.group_id, list);
  }
  return [...byGroup].filter(([, tracks]) => tracks.some((t) => t.status === 'ready')).map(([groupId, tracks]) => ({ groupId, tracks }));
}
