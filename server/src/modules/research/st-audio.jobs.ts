import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { SchoolDayChange } from '../../events/app-events.js';
import { defineJob, exponentialBackoff, type JobContext, type JobOutcome } from '../../jobs/job-definition.js';
import type { EnqueueOptions } from '../../jobs/job-queue.js';
import { createFrameMeter, type FrameLevels, onLessonClock, pairMono } from '../../media/audio-frames.js';
import type { FfmpegBinaries } from '../../media/ffmpeg-binaries.js';
import { PCM_SAMPLE_RATE, pcmDecodeArgs, streamPcm } from '../../media/pcm-stream.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { LessonAudioTrack } from '../recordings/recordings.audio-tracks.js';
import { analyseStAudio, ST_AUDIO_TUNING, type StAudioAnalysis } from './st-audio.analysis.js';
import { planStAudio, plansDraft, ST_AUDIO_REASONS, type StAudioPlan, type StAudioReasonCode } from './st-audio.plan.js';
import * as q from './st-audio.queries.js';

export const ST_AUDIO_JOB = 'research.st-audio';
export const ST_AUDIO_SCAN_JOB = 'research.st-audio.scan';
/** The interval of the draft made on its own once a lesson is ready (the S-T method's 30 s). */
export const ST_AUDIO_DEFAULT_INTERVAL = 30;

export interface StAudioJobPayload { draftId: number }

type Enqueue = (kind: string, payload: unknown, opts?: EnqueueOptions) => Promise<number>;

/** Queues the computation of one draft request (once per request: the key names its time). */
export function enqueueDraft(enqueue: Enqueue, row: { id: number; requested_at: string }, trx?: Kysely<Database>): Promise<number> {
  return enqueue(ST_AUDIO_JOB, { draftId: row.id } satisfies StAudioJobPayload, { dedupeKey: `${ST_AUDIO_JOB}:${row.id}:${row.requested_at}`, trx });
}

/**
 * What the `recording.ready` handler does (composition/app-events.ts): queue a scan of that
 * school-day, nothing more, so packaging is not held up. A failure to queue is logged, never
 * thrown: the draft is a nicety, and the lesson must still become ready.
 */
export function stAudioOnRecordingReady(enqueue: Enqueue, warn: (obj: object, msg: string) => void = () => {}) {
  return async (change: SchoolDayChange) => {
    try {
      await enqueue(ST_AUDIO_SCAN_JOB, change);
    } catch (err) {
      warn({ err, change }, 'S-T audio draft scan not queued');
    }
  };
}

/** The detail stored with a done draft: which channel or track was taken as whose, and the levels. */
export interface StAudioDetail {
  source: 'channels' | 'tracks';
  teacher: StAudioSide;
  students: StAudioSide;
  teacherChosenBy: StAudioAnalysis['teacherChosenBy'];
  shares: StAudioAnalysis['shares'];
  durationSeconds: number;
  correlation: number | null;
  levelSpreadDb: number | null;
  frameMs: number;
}
export interface StAudioSide {
  recordingId: number;
  track: string;
  /** The stereo channel (null: a track's own audio). */
  channel: 'left' | 'right' | null;
  speechDb: number;
  noiseDb: number;
  speechSeconds: number;
}

export interface StAudioJobDeps {
  db: Kysely<Database>;
  clock: Clock;
  store: ObjectStore;
  /** Scratch folder for sources fetched from S3 (DATA_DIR/work). */
  workDir: string;
  /** The recordings module's answers (recordings.audio-tracks.ts), given by the composition root. */
  audioTracks: (schoolId: number, groupId: string) => Promise<LessonAudioTrack[]>;
  lessonsWithReadyTracksOn: (schoolId: number, day: string) => Promise<{ groupId: string; tracks: LessonAudioTrack[] }[]>;
  enqueue: Enqueue;
  binaries?: FfmpegBinaries;
}

/**
 * The S-T draft jobs. `research.st-audio` computes one requested draft: plan from the tracks'
 * probe results, decode the chosen audio to 8 kHz PCM streamed through ffmpeg (two decoders side
 * by side for two tracks), measure, analyse, store — the last step guarded, so a rerun or an
 * overtaken request changes nothing. `research.st-audio.scan` follows `recording.ready`: for each
 * lesson of that school-day that can give a draft and has none, it requests one; a draft that was
 * unavailable or failed before a track became ready is requested again.
 */
export function createStAudioJobs(deps: StAudioJobDeps) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();

  async function compute(draftId: number, ctx: JobContext): Promise<'gone' | 'settled' | 'stale'> {
    const row = await q.draftById(db, draftId);
    if (!row || row.status !== 'queued') return 'gone';
    const plan = planStAudio(await deps.audioTracks(row.school_id, row.group_id));
    if (!plansDraft(plan)) return (await unavailable(row, plan.code)) ? 'settled' : 'stale';
    const work = join(deps.workDir, `st-audio-${draftId}-${ctx.run}`);
    await clearWorkDirs(deps.workDir, draftId);
    try {
      const levels = await levelsOf(plan, work, ctx.signal).catch((err: unknown) => {
        if (err instanceof MissingSource) return null;
        throw err;
      });
      if (!levels) return (await unavailable(row, 'ST_AUDIO_NONE', { why: 'no-source' })) ? 'settled' : 'stale';
      const outcome = analyseStAudio(levels, { intervalSeconds: row.interval_seconds, roles: plan.kind });
      if (outcome.kind === 'unavailable') {
        return (await unavailable(row, outcome.code, { why: outcome.why, correlation: outcome.correlation, levelSpreadDb: outcome.levelSpreadDb })) ? 'settled' : 'stale';
      }
      const detail = detailOf(plan, outcome.analysis);
      const done = await q.settleDraft(db, row, {
        status: 'done', reason_code: null, reason_message: null, codes: outcome.analysis.codes, detail: JSON.stringify(detail), computed_at: now(),
      });
      return done ? 'settled' : 'stale';
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  function unavailable(row: q.StAudioDraftRow, code: StAudioReasonCode, detail: object | null = null) {
    return q.settleDraft(db, row, {
      status: code === 'ST_AUDIO_FAILED' ? 'failed' : 'unavailable', reason_code: code, reason_message: ST_AUDIO_REASONS[code],
      codes: null, detail: detail && JSON.stringify(detail), computed_at: now(),
    });
  }

  async function levelsOf(plan: Exclude<StAudioPlan, { kind: 'unavailable' }>, work: string, signal: AbortSignal): Promise<FrameLevels> {
    if (plan.kind === 'channels') return onLessonClock(await measure(plan.track, 'stereo', work, signal), plan.track.startOffsetMs);
    const [teacher, students] = await Promise.all([
      measure(plan.teacher, 'mono', work, signal).then((l) => onLessonClock(l, plan.teacher.startOffsetMs)),
      measure(plan.students, 'mono', work, signal).then((l) => onLessonClock(l, plan.students.startOffsetMs)),
    ]);
    return pairMono(teacher, students);
  }

  async function measure(track: LessonAudioTrack, layout: 'stereo' | 'mono', work: string, signal: AbortSignal): Promise<FrameLevels> {
    return frameLevelsOfFile(await localSource(track, work), { layout, streamIndex: track.audio!.streamIndex, signal, binaries: deps.binaries });
  }

  /** The uploaded file: the disk store's own file, or a download from S3 into the work folder (as the pipeline does). */
  async function localSource(track: LessonAudioTrack, work: string): Promise<string> {
    const key = track.sourceKey!;
    const local = deps.store.localPath(key);
    if (local) {
      if (!(await deps.store.head(key))) throw new MissingSource(key);
      return local;
    }
    await mkdir(work, { recursive: true });
    const obj = await deps.store.get(key);
    if (!obj) throw new MissingSource(key);
    const path = join(work, `source-${track.recordingId}.${key.split('.').pop()}`);
    await pipeline(obj.body, createWriteStream(path));
    return path;
  }

  async function scan(change: SchoolDayChange): Promise<number> {
    let queued = 0;
    for (const lesson of await deps.lessonsWithReadyTracksOn(change.schoolId, change.day)) {
      const drafts = await q.draftsOfLesson(db, change.schoolId, lesson.groupId);
      const latestReady = lesson.tracks.reduce((max, t) => (t.readyAt && t.readyAt > max ? t.readyAt : max), '');
      for (const d of drafts) {
        if ((d.status === 'unavailable' || d.status === 'failed') && (!d.computed_at || latestReady > d.computed_at)) {
          await db.transaction().execute(async (trx) => enqueueDraft(deps.enqueue, await q.requeueDraft(trx, d, now()), trx));
          queued++;
        } else if (d.status === 'queued') {
          // Its job exists (the key dedupes); this only heals a request whose job was never written.
          await enqueueDraft(deps.enqueue, d);
        }
      }
      const plan = planStAudio(lesson.tracks);
      if (plansDraft(plan) && !drafts.some((d) => d.interval_seconds === ST_AUDIO_DEFAULT_INTERVAL)) {
        const created = await db.transaction().execute(async (trx) => {
          const made = await q.insertQueuedDraft(trx, { schoolId: change.schoolId, groupId: lesson.groupId }, ST_AUDIO_DEFAULT_INTERVAL, now());
          if (made.created) await enqueueDraft(deps.enqueue, made.row, trx);
          return made.created;
        });
        if (created) queued++;
      }
    }
    return queued;
  }

  const draftJob = defineJob<typeof ST_AUDIO_JOB, StAudioJobPayload>({
    kind: ST_AUDIO_JOB,
    maxAttempts: 3,
    backoffMs: exponentialBackoff(60_000, 10 * 60_000),
    // Decoding runs at well over 50× real time: a 4-hour lesson in minutes.
    timeoutMs: 30 * 60_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      const outcome = await compute(payload.draftId, ctx);
      ctx.log.info({ draftId: payload.draftId, outcome }, 'S-T audio draft');
      return { status: 'done' };
    },
    async onFailed(payload) {
      const row = await q.draftById(db, payload.draftId);
      if (row?.status === 'queued') await unavailable(row, 'ST_AUDIO_FAILED');
    },
  });
  const scanJob = defineJob<typeof ST_AUDIO_SCAN_JOB, SchoolDayChange>({
    kind: ST_AUDIO_SCAN_JOB,
    maxAttempts: 3,
    backoffMs: exponentialBackoff(30_000, 5 * 60_000),
    timeoutMs: 5 * 60_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      const queued = await scan(payload);
      if (queued) ctx.log.info({ ...payload, queued }, 'S-T audio drafts queued');
      return { status: 'done' };
    },
  });
  return { compute, scan, definitions: [draftJob, scanJob] as const };
}

/** The lesson's uploaded file is not in the store (removed by hand, or never kept): no sound to read. */
class MissingSource extends Error {
  constructor(key: string) {
    super(`no object ${key}`);
  }
}

/**
 * A file's audio stream, decoded by ffmpeg to 8 kHz PCM streamed into the frame meter: nothing but
 * one level per 20 ms frame and channel is kept (the job's step, and the bench's).
 */
export async function frameLevelsOfFile(path: string, opts: {
  layout: 'stereo' | 'mono'; streamIndex?: number; signal?: AbortSignal; binaries?: FfmpegBinaries; trustedInput?: boolean;
}): Promise<FrameLevels> {
  const meter = createFrameMeter({ channels: opts.layout === 'stereo' ? 2 : 1, sampleRate: PCM_SAMPLE_RATE, frameMs: ST_AUDIO_TUNING.frameMs });
  const args = pcmDecodeArgs(path, { layout: opts.layout, streamIndex: opts.streamIndex, trustedInput: opts.trustedInput });
  await streamPcm(args, (chunk) => meter.push(chunk), { signal: opts.signal, binaries: opts.binaries });
  return meter.finish();
}

function detailOf(plan: Exclude<StAudioPlan, { kind: 'unavailable' }>, a: StAudioAnalysis): StAudioDetail {
  const side = (channel: 0 | 1): StAudioSide => {
    const stats = a.channels[channel];
    const track = plan.kind === 'tracks' ? (channel === 0 ? plan.teacher : plan.students) : plan.track;
    return {
      recordingId: track.recordingId, track: track.track, channel: plan.kind === 'channels' ? (channel === 0 ? 'left' : 'right') : null,
      speechDb: stats.speechDb, noiseDb: stats.noiseDb, speechSeconds: stats.speechSeconds,
    };
  };
  return {
    source: plan.kind, teacher: side(a.teacherChannel), students: side(a.teacherChannel === 0 ? 1 : 0), teacherChosenBy: a.teacherChosenBy,
    shares: a.shares, durationSeconds: a.durationSeconds, correlation: a.correlation, levelSpreadDb: a.levelSpreadDb, frameMs: ST_AUDIO_TUNING.frameMs,
  };
}

async function clearWorkDirs(workDir: string, draftId: number): Promise<void> {
  const names = await readdir(workDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(`st-audio-${draftId}-`)) await rm(join(workDir, name), { recursive: true, force: true });
  }
}
