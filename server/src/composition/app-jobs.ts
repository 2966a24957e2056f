import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { AppEventEmitter } from '../events/app-events.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { AnyJobDefinition } from '../jobs/job-definition.js';
import { createJobQueue, type EnqueueOptions, type JobQueue } from '../jobs/job-queue.js';
import { buildJobRegistry, type JobRegistry } from '../jobs/registry.js';
import { recordingJobsFor } from '../modules/recordings/recordings.module.js';
import { stAudioJobsFor } from './research-jobs.js';
import { coursewareJobsFor } from './resources-jobs.js';
import { liveReplayJobsFor } from './live-jobs.js';

/** What the platform's job handlers are built from; the server and `npm run worker` pass the same. */
export interface AppJobDeps {
  db: Db;
  clock: Clock;
  config: Config;
  storage: ObjectStore;
  /** Where handlers tell what they did (a processed lesson: `recording.ready`); compliance hears it (app-events.ts). */
  events: AppEventEmitter;
}

/** Enqueues any registered kind; handed to handlers that queue follow-up jobs. */
export type EnqueueJob = (kind: string, payload: unknown, opts?: EnqueueOptions) => Promise<number>;

/**
 * Every job kind the platform runs. Modules add their definitions here, built from `deps`
 * (`...recordingJobDefinitions({ pipeline: createRecordingPipeline({ ... }), ... })`).
 */
function appJobDefinitions(deps: AppJobDeps & { enqueue: EnqueueJob }): AnyJobDefinition[] {
  return [...recordingJobsFor(deps), ...stAudioJobsFor(deps), ...coursewareJobsFor(deps).definitions,
    ...liveReplayJobsFor(deps)];
}

/**
 * The platform's job registry and queue. The server (which enqueues, and runs jobs when
 * WORKERS > 0) and `npm run worker` both build them here, so a job has one code path wherever
 * it runs. The queue is bound late into the definitions, so handlers can enqueue follow-ups.
 */
export function createAppJobs(deps: AppJobDeps): { registry: JobRegistry; queue: JobQueue } {
  let queue: JobQueue | undefined;
  const enqueue: EnqueueJob = (kind, payload, opts) => {
    if (!queue) throw new Error('the job queue is not built yet');
    return queue.enqueue(kind, payload, opts);
  };
  const registry = buildJobRegistry(appJobDefinitions({ ...deps, enqueue }));
  queue = createJobQueue({ db: deps.db, clock: deps.clock, registry });
  return { registry, queue };
}
