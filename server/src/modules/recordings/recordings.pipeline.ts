import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline as streamPipeline } from 'node:stream/promises';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Kysely, Selectable } from 'kysely';
import type { Database, RecordingTable } from '../../db/schema.js';
import { assertPlausibleDuration, decidePackaging, ladderFor } from '../../media/decide.js';
import { HLS_PLAYLIST } from '../../media/hls-args.js';
import { isMediaError, MediaError } from '../../media/media-error.js';
import { type GuessedCopy, makeRendition, packageToHls, startGuessedCopy } from '../../media/package-hls.js';
import { type HlsRendition, masterPlaylist } from '../../media/playlist.js';
import { type MediaInfo, probeMedia } from '../../media/probe.js';
import { stageMarks } from '../../media/stage-timings.js';
import { hlsMasterKey, hlsPlaylistKey, hlsPrefix, hlsSegmentKey, recordingPrefix } from '../../storage/keys.js';
import type { DeferredObject, ObjectStore } from '../../storage/object-store.js';
import { FAILED } from './counting.js';
import * as q from './recordings.queries.js';
import type { OnRecordingChanged } from './recordings.service.js';
import { countingRulesOf, type RecordingsSettings } from './recordings.settings.js';
import { verdictOfRow } from './recordings.verdict.js';

/** What the job runner tells a handler about the run. */
export interface RunContext {
  signal?: AbortSignal;
  /** 1 for the first try; a run taken over after a crash repeats its attempt's number. */
  attempt: number;
  maxAttempts: number;
  /** Unique per run, crashed ones included (names the run's work folder). */
  run: number;
}

/** Why the job runner gave a recording's processing up, when no run of the pipeline could say so itself. */
export interface GiveUp {
  jobId: number;
  cause: 'outcome' | 'attempts' | 'lost-runs';
  attempts: number;
  lostRuns: number;
}

export type PipelineOutcome = 'ready' | 'failed' | 'gone' | 'already-ready';

export interface PipelineDeps {
  db: Db;
  clock: Clock;
  store: ObjectStore;
  settings: RecordingsSettings;
  onRecordingChanged: OnRecordingChanged;
  /** Queues the poster/thumbnail job (it may finish after the lesson is playable). */
  enqueueThumbnails: (recordingId: number) => Promise<void>;
  /** Queues the picture check (black / frozen), which may change whether the playable lesson counts. */
  enqueueVisualCheck?: (recordingId: number) => Promise<void>;
  /**
   * Queues, in the transaction that marks the lesson ready, the job that makes its HLS objects
   * durable (recordings.durable.ts). Used where the store defers syncs (local disk).
   */
  enqueueDurable?: (payload: DurablePayload, trx: Kysely<Database>) => Promise<void>;
  /** Test hook: awaited before each step, so a test can kill the process mid-job. */
  beforeStep?: (step: string, recordingId: number) => Promise<void>;
}

type Recording = Selectable<RecordingTable>;

/** What the `recording.durable` job gets: the HLS objects as this run stored them. */
export interface DurablePayload {
  recordingId: number;
  /** The processing run that stored them (one durable job per run). */
  run: number;
  objects: DeferredObject[];
}

const PROGRESS_EVERY_MS = 2000;
// The database never holds -Infinity (digital silence can measure so).
const dbLevel = (db: number) => (Number.isFinite(db) ? Math.round(db * 10) / 10 : -120);

/**
 * The `recording.process` job: probe → validate → decide copy/transcode → package to HLS in one
 * pass that also measures loudness → optional ladder → upload every segment and playlist (the
 * master last) → ready, with `counts`. Each step may run again after kill -9: the work folder is
 * rebuilt, objects are overwritten, and the row turns ready only after every object is stored —
 * the media route serves nothing of a recording that is not ready.
 *
 * On local disk the segments are not fsynced before the lesson turns ready (a 50-minute lesson's
 * 2.3 GiB would double its wait): they are derived from a source that is durable before its
 * upload is acknowledged, so the `recording.durable` job, queued in the same transaction as
 * "ready", fsyncs them afterwards and has them made again if a power cut lost any.
 */
export function createRecordingPipeline(deps: PipelineDeps) {
  const db = deps.db.db;
  const step = async (name: string, id: number) => deps.beforeStep?.(name, id);

  async function process(recordingId: number, ctx: RunContext): Promise<PipelineOutcome> {
    const marks = stageMarks('process', recordingId);
    marks.mark('start');
    try {
      return await processOnce(recordingId, ctx, marks);
    } finally {
      await marks.flush();
    }
  }

  async function processOnce(recordingId: number, ctx: RunContext, marks: ReturnType<typeof stageMarks>): Promise<PipelineOutcome> {
    const row = await q.recordingRow(db, recordingId);
    if (!row) return 'gone';
    if (row.status === 'ready') {
      // A rerun after a crash between "ready" and the follow-ups: repeat them (both are idempotent).
      await deps.onRecordingChanged({ schoolId: row.school_id, day: row.school_day, recordingId });
      await deps.enqueueThumbnails(recordingId);
      await deps.enqueueVisualCheck?.(recordingId);
      return 'already-ready';
    }
    await q.updateRecording(db, recordingId, { status: 'processing', progress: 0, failure_code: null, failure_message: null });
    // One folder per run: an ffmpeg orphaned by a killed runner may still be writing the last one.
    await clearWorkDirs(deps.settings.workDir, recordingId);
    const work = join(deps.settings.workDir, `recording-${recordingId}-${ctx.run}`);
    const progress = progressSaver(recordingId);
    let guess: GuessedCopy | null = null;
    try {
      await step('fetch', recordingId);
      const source = await localSource(row, work);
      marks.mark('fetched');
      await step('probe', recordingId);
      const sourceDir = join(work, 'hls', 'source');
      // The source rendition's share of the progress bar: less when ladder rungs follow it.
      let packShare = 80;
      const packOpts = { signal: ctx.signal, onProgress: (p: number) => progress.set(5 + Math.floor((p * packShare) / 100)) };
      // Copy packaging starts beside the probe; the probe's answer adopts it or stops it.
      guess = startGuessedCopy(source, sourceDir, packOpts);
      const info = await probeMedia(source, { signal: ctx.signal });
      marks.mark('probed');
      assertPlausibleDuration(info, { minSeconds: deps.settings.recordingMinSeconds, maxSeconds: deps.settings.recordingMaxSeconds });
      // Saved while ffmpeg packages: on one disk this commit's fsync queues behind the source's
      // (gigabytes being written back) and took a second of the wait when packaging waited for it.
      const infoSaved = q.updateRecording(db, recordingId, { media_info: JSON.stringify(info), duration_seconds: info.durationSeconds })
        .then(() => marks.mark('infoSaved'));
      progress.set(5);

      await step('package', recordingId);
      const decision = decidePackaging(info);
      const rungs = ladderFor(info, deps.settings.hlsLadder);
      if (rungs.length) packShare = 60;
      const packing = guess.adopt(info, decision).then((adopted) => adopted ?? packageToHls(source, sourceDir, info, decision, packOpts));
      const [packed] = await Promise.all([packing, infoSaved]);
      marks.mark('packaged');
      if (packed.videoDoneAt) marks.mark('packagedVideo', packed.videoDoneAt);
      if (packed.audioDoneAt) marks.mark('audioLevels', packed.audioDoneAt);
      const renditions: HlsRendition[] = [...packed.renditions];
      for (const [i, rung] of rungs.entries()) {
        await step(`rendition:${rung.name}`, recordingId);
        const share = 20 / rungs.length;
        renditions.push(await makeRendition(source, join(work, 'hls', rung.name), info, rung, {
          signal: ctx.signal, onProgress: (p) => progress.set(65 + Math.floor(i * share + (p * share) / 100)),
        }));
      }

      await step('upload', recordingId);
      progress.set(86);
      marks.mark('renditions');
      const stored = await uploadHls(recordingId, renditions, work);
      marks.mark('uploaded');
      progress.stop();

      await step('ready', recordingId);
      const durable = stored.length ? { recordingId, run: ctx.run, objects: stored } : null;
      return await markReady(row, info, packed.durationSeconds, packed.audio?.maxVolumeDb ?? null, decision.video, renditions, { marks, durable });
    } catch (err) {
      progress.stop();
      // Not adopted (the probe refused the file, or packaging failed): no ffmpeg outlives the run.
      await guess?.cancel();
      // Shut down, timed out or taken over: the job runs again; the recording has not failed.
      if (ctx.signal?.aborted) throw err;
      if (isMediaError(err) && (!err.retryable || ctx.attempt >= ctx.maxAttempts)) {
        await markFailed(recordingId, err);
        return 'failed';
      }
      if (ctx.attempt >= ctx.maxAttempts) {
        await markFailed(recordingId, new MediaError('MEDIA_FFMPEG_FAILED', '视频处理多次失败，请联系平台管理员', String(err)));
      }
      throw err;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** The source as a local file: the disk store's own file, or a download from S3 into the work folder. */
  async function localSource(row: Recording, work: string): Promise<string> {
    const local = deps.store.localPath(row.source_key);
    if (local) return local;
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const obj = await deps.store.get(row.source_key);
    if (!obj) throw new MediaError('MEDIA_NOT_VIDEO', '找不到上传的原始文件，请重新上传', `no object ${row.source_key}`);
    const path = join(work, `source.${row.source_key.split('.').pop()}`);
    await streamPipeline(obj.body, createWriteStream(path));
    return path;
  }

  /**
   * Segments, then each rendition's playlist, then the master playlist: a reader following links
   * never meets a gap. Answers the objects whose sync was deferred (none unless the store defers
   * and the durable job is wired).
   */
  async function uploadHls(recordingId: number, renditions: HlsRendition[], work: string): Promise<DeferredObject[]> {
    const deferSync = Boolean(deps.store.syncDeferred && deps.enqueueDurable);
    const deferred: DeferredObject[] = [];
    const put = async (key: string, path: string) => {
      if (deferSync) deferred.push({ key, size: (await stat(path)).size });
      await deps.store.putFile(key, path, undefined, { move: true, deferSync });
    };
    await deps.store.deletePrefix(hlsPrefix(recordingId));
    for (const r of renditions) {
      await inParallel(r.segments, 4, (s) => put(hlsSegmentKey(recordingId, r.name, s.file), join(r.dir, s.file)));
      await put(hlsPlaylistKey(recordingId, r.name), join(r.dir, HLS_PLAYLIST));
    }
    const master = join(work, 'hls', 'master.m3u8');
    await mkdir(join(work, 'hls'), { recursive: true });
    await writeFile(master, masterPlaylist(renditions));
    await put(hlsMasterKey(recordingId), master);
    return deferred;
  }

  async function markReady(
    row: Recording, info: MediaInfo, playable: number, maxDb: number | null, packaging: 'copy' | 'transcode', renditions: HlsRendition[],
    { marks, durable }: { marks?: ReturnType<typeof stageMarks>; durable?: DurablePayload | null } = {},
  ): Promise<PipelineOutcome> {
    const school = await q.schoolForIngest(db, row.school_id);
    const duration = playable > 0 ? playable : info.durationSeconds;
    const verdict = verdictOfRow({
      ...row, status: 'ready', duration_seconds: duration, has_audio: info.audio ? 1 : 0, audio_max_db: maxDb === null ? null : dbLevel(maxDb),
    }, school!.kind, countingRulesOf(deps.settings));
    const res = await db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('recordings').set({
        status: 'ready', progress: 100, ready_at: deps.clock.now().toISOString(), duration_seconds: duration, packaging,
        renditions: JSON.stringify(renditions.map((r) => ({ name: r.name, width: r.width, height: r.height, bandwidth: r.bandwidth }))),
        has_audio: info.audio ? 1 : 0, audio_max_db: maxDb === null ? null : dbLevel(maxDb),
        ...q.verdictColumns(verdict), failure_code: null, failure_message: null,
      }).where('id', '=', row.id).where('status', '=', 'processing').executeTakeFirst();
      // Ready and "make it durable" exist together or not at all: no crash can leave a ready lesson unsynced and forgotten.
      if (Number(updated.numUpdatedRows) > 0 && durable) await deps.enqueueDurable!(durable, trx);
      return updated;
    });
    marks?.mark('ready');
    if (Number(res.numUpdatedRows) === 0) {
      // Deleted while we packaged: take back what we stored.
      await deps.store.deletePrefix(recordingPrefix(row.id));
      return 'gone';
    }
    await deps.onRecordingChanged({ schoolId: row.school_id, day: row.school_day, recordingId: row.id });
    await deps.enqueueThumbnails(row.id);
    await deps.enqueueVisualCheck?.(row.id);
    marks?.mark('followUpsQueued');
    return 'ready';
  }

  /**
   * The job gave up without a run saying why (its runners kept dying, or its last attempt timed
   * out): the lesson fails with a reason its uploader can act on, instead of `processing` forever.
   * A recording already ready or failed (with its own reason) is left as it is.
   */
  async function giveUp(recordingId: number, why: GiveUp): Promise<void> {
    const message = why.cause === 'lost-runs'
      ? `视频处理被意外中断了 ${why.lostRuns} 次（处理进程在处理这节课时停止，例如服务器被强制重启或内存不足），平台已停止处理：请联系平台管理员排查服务器（处理任务 #${why.jobId}）`
      : `视频处理已尝试 ${why.attempts} 次仍未完成（如处理超时），平台已停止处理：请联系平台管理员查看处理任务 #${why.jobId} 的记录`;
    const code = why.cause === 'lost-runs' ? 'RECORDING_PROCESSING_INTERRUPTED' : 'RECORDING_PROCESSING_GAVE_UP';
    await db.updateTable('recordings').set({
      status: 'failed', failure_code: code, failure_message: message, ...q.verdictColumns(FAILED),
    }).where('id', '=', recordingId).where('status', 'in', ['queued', 'processing']).execute();
  }

  async function markFailed(recordingId: number, err: MediaError): Promise<void> {
    await q.updateRecording(db, recordingId, {
      status: 'failed', failure_code: err.code, failure_message: err.message, ...q.verdictColumns(FAILED),
    });
  }

  // Progress is for people watching a page: a write every couple of seconds is plenty.
  function progressSaver(recordingId: number) {
    let shown = 0;
    let wanted = 0;
    let last = 0;
    let stopped = false;
    const flush = () => {
      if (stopped || wanted <= shown) return;
      shown = wanted;
      last = Date.now();
      void q.setProgress(db, recordingId, Math.min(99, shown)).catch(() => undefined);
    };
    return {
      set(p: number) {
        wanted = Math.max(wanted, p);
        if (Date.now() - last >= PROGRESS_EVERY_MS) flush();
      },
      stop() {
        flush();
        stopped = true;
      },
    };
  }

  return { process, giveUp };
}

export type RecordingPipeline = ReturnType<typeof createRecordingPipeline>;

async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function clearWorkDirs(workDir: string, recordingId: number): Promise<void> {
  const names = await readdir(workDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(`recording-${recordingId}-`)) await rm(join(workDir, name), { recursive: true, force: true });
  }
}
