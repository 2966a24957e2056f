import { join } from 'node:path';
import type { AppJobDeps, EnqueueJob } from './app-jobs.js';
import { lessonAudioTracks, lessonsWithReadyTracksOn } from '../modules/recordings/recordings.audio-tracks.js';
import { createStAudioJobs } from '../modules/research/st-audio.jobs.js';

/**
 * The research module's jobs, built from what a worker process has. The S-T draft from audio reads
 * a lesson's tracks through the recordings module's answers (research never reads its tables).
 */
export function stAudioJobsFor(deps: AppJobDeps & { enqueue: EnqueueJob }) {
  const db = deps.db.db;
  return createStAudioJobs({
    db, clock: deps.clock, store: deps.storage, workDir: join(deps.config.dataDir, 'work'), enqueue: deps.enqueue,
    audioTracks: (schoolId, groupId) => lessonAudioTracks(db, schoolId, groupId),
    lessonsWithReadyTracksOn: (schoolId, day) => lessonsWithReadyTracksOn(db, schoolId, day),
  }).definitions;
}
