import { defineJob, exponentialBackoff, type JobOutcome } from '../../jobs/job-definition.js';
import type { EnqueueOptions } from '../../jobs/job-queue.js';
import type { createDurableJob } from './recordings.durable.js';
import type { DurablePayload, RecordingPipeline } from './recordings.pipeline.js';
import type { createThumbnailJob } from './recordings.thumbnails.js';
import type { createVisualCheckJob } from './recordings.visual.js';

export const RECORDING_PROCESS = 'recording.process';
export const RECORDING_THUMBNAILS = 'recording.thumbnails';
export const RECORDING_VISUAL = 'recording.visual';
export const RECORDING_DURABLE = 'recording.durable';
export interface RecordingJobPayload {
  recordingId: number;
}

/** Enqueues one of the recording jobs (the platform's JobQueue.enqueue, bound late). */
export type EnqueueRecordingJob = {
  (kind: typeof RECORDING_PROCESS | typeof RECORDING_THUMBNAILS | typeof RECORDING_VISUAL, payload: RecordingJobPayload, opts?: EnqueueOptions): Promise<number>;
  (kind: typeof RECORDING_DURABLE, payload: DurablePayload, opts?: EnqueueOptions): Promise<number>;
};

/** Queues processing of a recording once: a second enqueue of the same recording is a no-op. */
export const enqueueProcessing = (enqueue: EnqueueRecordingJob) => async (recordingId: number) => {
  await enqueue(RECORDING_PROCESS, { recordingId }, { dedupeKey: `${RECORDING_PROCESS}:${recordingId}` });
};

export const enqueueThumbnails = (enqueue: EnqueueRecordingJob) => async (recordingId: number) => {
  await enqueue(RECORDING_THUMBNAILS, { recordingId }, { dedupeKey: `${RECORDING_THUMBNAILS}:${recordingId}` });
};

/** Queues, inside the transaction that marks it ready, the sync of one processing run's objects. */
export const enqueueDurable = (enqueue: EnqueueRecordingJob) => async (payload: DurablePayload, trx: NonNullable<EnqueueOptions['trx']>) => {
  await enqueue(RECORDING_DURABLE, payload, { dedupeKey: `${RECORDING_DURABLE}:${payload.recordingId}:${payload.run}`, trx });
};

/** Processing again after a power cut lost some of a ready lesson's objects (recordings.durable.ts). */
export const enqueueRepackaging = (enqueue: EnqueueRecordingJob) => async (recordingId: number, dedupeKey: string) => {
  await enqueue(RECORDING_PROCESS, { recordingId }, { dedupeKey });
};

/** The processing run's follow-ups, as the pipeline is given them. */
export const pipelineFollowUps = (enqueue: EnqueueRecordingJob) => ({
  enqueueThumbnails: enqueueThumbnails(enqueue),
  enqueueVisualCheck: enqueueVisualCheck(enqueue),
  enqueueDurable: enqueueDurable(enqueue),
});

/** Queues the picture check of a playable recording once (recordings.visual.ts). */
export const enqueueVisualCheck = (enqueue: EnqueueRecordingJob) => async (recordingId: number) => {
  await enqueue(RECORDING_VISUAL, { recordingId }, { dedupeKey: `${RECORDING_VISUAL}:${recordingId}` });
};

/**
 * The recording jobs for the platform's registry (composition/app-jobs.ts). Processing gets a few
 * tries with backoff (a killed or crashed ffmpeg may succeed next time; a file that is not a video
 * fails at once with its reason); thumbnails are a nicety and give up sooner.
 */
export function recordingJobDefinitions(deps: {
  pipeline: RecordingPipeline;
  thumbnails: ReturnType<typeof createThumbnailJob>;
  visual: ReturnType<typeof createVisualCheckJob>;
  durable: ReturnType<typeof createDurableJob>;
}) {
  const process = defineJob<typeof RECORDING_PROCESS, RecordingJobPayload>({
    kind: RECORDING_PROCESS,
    maxAttempts: 5,
    backoffMs: exponentialBackoff(30_000, 30 * 60_000),
    // A 4-hour lesson transcoded at 3× real time, with room to spare.
    timeoutMs: 3 * 3_600_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      const outcome = await deps.pipeline.process(payload.recordingId, ctx);
      ctx.log.info({ recordingId: payload.recordingId, outcome }, 'recording processed');
      if (outcome === 'failed') return { status: 'failed', reason: `recording ${payload.recordingId} cannot be packaged (see its failure_message)`, code: 'RECORDING_FAILED' };
      return { status: 'done' };
    },
    // Given up with no run to say why (runner killed once too often, last attempt timed out): tell the uploader.
    async onFailed(payload, failure) {
      await deps.pipeline.giveUp(payload.recordingId, failure);
    },
  });
  const thumbnails = defineJob<typeof RECORDING_THUMBNAILS, RecordingJobPayload>({
    kind: RECORDING_THUMBNAILS,
    maxAttempts: 3,
    backoffMs: exponentialBackoff(60_000, 10 * 60_000),
    timeoutMs: 3_600_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      await deps.thumbnails.run(payload.recordingId, ctx);
      return { status: 'done' };
    },
  });
  // Keyframes only: about 2 s per 10 minutes of 720p, so even a 4-hour lesson is quick; a failure
  // leaves the lesson counted as packaging judged it, so a few tries are enough.
  const visual = defineJob<typeof RECORDING_VISUAL, RecordingJobPayload>({
    kind: RECORDING_VISUAL,
    maxAttempts: 3,
    backoffMs: exponentialBackoff(60_000, 10 * 60_000),
    timeoutMs: 30 * 60_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      const outcome = await deps.visual.run(payload.recordingId, ctx);
      ctx.log.info({ recordingId: payload.recordingId, outcome }, 'recording picture checked');
      return { status: 'done' };
    },
  });
  // fsyncs of files already written: seconds even for a long lesson; kept trying, since until it
  // succeeds a power cut could still cost the lesson's segments (the source stays safe either way).
  const durable = defineJob<typeof RECORDING_DURABLE, DurablePayload>({
    kind: RECORDING_DURABLE,
    maxAttempts: 10,
    backoffMs: exponentialBackoff(10_000, 10 * 60_000),
    timeoutMs: 30 * 60_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      const { outcome, lost } = await deps.durable.run(payload, ctx.jobId);
      if (outcome === 'repackaging') ctx.log.warn({ recordingId: payload.recordingId, lost: lost.slice(0, 10), lostCount: lost.length }, 'recording objects lost before they were synced; packaging again');
      return { status: 'done' };
    },
  });
  return [process, thumbnails, visual, durable] as const;
}
