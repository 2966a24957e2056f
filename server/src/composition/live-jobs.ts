import type { AppJobDeps, EnqueueJob } from './app-jobs.js';
import { lessonIngestFor } from '../modules/recordings/recordings.module.js';
import { liveReplayJobDefinitions } from '../modules/live/replay.jobs.js';
import { createReplayService } from '../modules/live/replay.service.js';

/**
 * The live classes' jobs, built from what a worker process has: the replay ingests the session's
 * files through the recordings module's lesson ingest (live never writes recordings' tables).
 */
export function liveReplayJobsFor(deps: AppJobDeps & { enqueue: EnqueueJob }) {
  const lessonIngest = lessonIngestFor({ db: deps.db, clock: deps.clock, storage: deps.storage, enqueue: deps.enqueue });
  const replay = createReplayService({ db: deps.db, clock: deps.clock, lessonIngest, enqueue: null, lessons: null });
  return liveReplayJobDefinitions({ replay });
}
