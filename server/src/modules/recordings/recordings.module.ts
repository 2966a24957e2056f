import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AppEventEmitter } from '../../events/app-events.js';
import { createIngest } from './recordings.ingest.js';
import { createLessonIngest } from './recordings.ingest-lesson.js';
import { type EnqueueRecordingJob, enqueueProcessing, enqueueRepackaging, pipelineFollowUps, recordingJobDefinitions } from './recordings.jobs.js';
import { createDurableJob } from './recordings.durable.js';
import { createMediaServer } from './recordings.media.js';
import { createViewerCheck } from './media-viewer-check.js';
import { createRecordingPipeline, type PipelineDeps } from './recordings.pipeline.js';
import { purgeExpiredRecordings } from './recordings.retention.js';
import { registerRecordingsRoutes } from './recordings.routes.js';
import { createRecordingsService, type OnRecordingChanged, type SharedLesson } from './recordings.service.js';
import { type RecordingsSettings, recordingsSettingsFrom } from './recordings.settings.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { createThumbnailJob } from './recordings.thumbnails.js';
import { createVisualCheckJob } from './recordings.visual.js';
import { settlingOverlaps } from './recordings.day-verdicts.js';
import { reuseNotifier } from './recordings.reuse-notice.js';
import type { NotifyDepartment } from '../notifications/notifications.service.js';

export interface RecordingsModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  store: ObjectStore;
  /** The platform queue's enqueue; may be bound after this module is built (the queue needs our job definitions). */
  enqueue: EnqueueRecordingJob;
  /** The installation's media-token key (secrets.ts: the same on every node). */
  mediaTokenKey: string;
  /** Where the module tells, after its commits, that a lesson is ready or changed (compliance recounts the school-day). */
  events: AppEventEmitter;
  /** The person behind a session cookie, or null once it has ended (auth.actorFromToken): media requests check it. */
  viewerOf: (sessionToken: string) => Promise<Actor | null>;
  /** Tells a county department (the 教科所 of both schools when a file is reused); none in a worker. */
  notifyDepartment?: NotifyDepartment;
  settings: RecordingsSettings;
  /** Lessons shared with people outside the school's scope (research activities); none in a worker. */
  sharedLesson?: SharedLesson;
  beforeStep?: PipelineDeps['beforeStep'];
}

/**
 * Tells the event bus; a lower module never calls compliance itself. Before telling, the day's
 * overlap verdicts are settled, so the recount sees which of two overlapping lessons counts.
 */
function emitters(db: Db, events: AppEventEmitter): { onRecordingReady: OnRecordingChanged; onRecordingChanged: OnRecordingChanged } {
  return {
    onRecordingReady: settlingOverlaps(db.db, (change) => events.emit('recording.ready', change)),
    onRecordingChanged: settlingOverlaps(db.db, (change) => events.emit('recording.changed', change)),
  };
}

/**
 * Everything of the lesson-video path, built once from its dependencies: ingest (files →
 * recordings; the uploads module feeds it), the processing and thumbnail jobs, playback and media
 * serving, retention. The server builds it with routes; a worker process builds it for `jobs` alone.
 */
export function createRecordingsModule(deps: RecordingsModuleDeps) {
  const { db, clock, audit, store } = deps;
  const { onRecordingReady, onRecordingChanged } = emitters(db, deps.events);
  const onReuse = deps.notifyDepartment ? reuseNotifier({ db, notifyDepartment: deps.notifyDepartment }) : undefined;
  const ingest = createIngest({ db, clock, store, enqueueProcessing: enqueueProcessing(deps.enqueue), onReuse });
  const pipeline = createRecordingPipeline({
    db, clock, store, settings: deps.settings, onRecordingChanged: onRecordingReady, ...pipelineFollowUps(deps.enqueue), beforeStep: deps.beforeStep,
  });
  const thumbnails = createThumbnailJob({ db, store, workDir: deps.settings.workDir });
  const visual = createVisualCheckJob({ db, clock, store, settings: deps.settings, onRecordingChanged, beforeStep: deps.beforeStep });
  const durable = createDurableJob({ db, store, enqueueRepackaging: enqueueRepackaging(deps.enqueue) });
  const recordings = createRecordingsService({ db, clock, audit, store, mediaTokenKey: deps.mediaTokenKey, onRecordingChanged, sharedLesson: deps.sharedLesson });
  const viewers = createViewerCheck({
    clock, lookup: async (sessionToken, recordingId) => recordings.watchVerdict(await deps.viewerOf(sessionToken), recordingId),
  });
  const media = createMediaServer({ clock, store, mediaTokenKey: deps.mediaTokenKey, viewers });
  const lessonIngest = createLessonIngest({ db, ingest });
  return {
    ingest, pipeline, recordings, media,
    /** Files on this machine as the tracks of one lesson (the live classes' replay). */
    lessonIngest,
    /** For the platform's job registry. */
    jobs: recordingJobDefinitions({ pipeline, thumbnails, visual, durable }),
    /** Daily (and once at start): deletes lessons past RETENTION_DAYS; resolves with how many. */
    purgeExpiredRecordings: () => purgeExpiredRecordings({ db, clock, store, audit, onRecordingChanged, retentionDays: deps.settings.retentionDays }),
  };
}

export type RecordingsModule = ReturnType<typeof createRecordingsModule>;

/** The module as the server builds it: settings from config, the media token key from the installation's secrets. */
export function recordingsModuleFor(deps: {
  db: Db; clock: Clock; audit: AuditService; config: Config; storage: ObjectStore; jobs: JobQueue; events: AppEventEmitter; mediaTokenKey: string;
  viewerOf: RecordingsModuleDeps['viewerOf']; notifyDepartment?: NotifyDepartment; sharedLesson?: SharedLesson;
}) {
  return createRecordingsModule({
    db: deps.db, clock: deps.clock, audit: deps.audit, store: deps.storage, events: deps.events, viewerOf: deps.viewerOf,
    notifyDepartment: deps.notifyDepartment, sharedLesson: deps.sharedLesson,
    enqueue: (kind, payload, opts) => deps.jobs.enqueue(kind, payload, opts),
    mediaTokenKey: deps.mediaTokenKey,
    settings: recordingsSettingsFrom(deps.config),
  });
}

/** /api/recordings and /api/media. */
export function registerRecordingsModuleRoutes(app: AppInstance, m: RecordingsModule) {
  registerRecordingsRoutes(app, { recordings: m.recordings, media: m.media });
}

/**
 * The recording job definitions for the platform's registry (composition/app-jobs.ts), built from what a
 * worker process has: database, clock, config, storage, the queue's enqueue and the event bus.
 */
export function recordingJobsFor(deps: {
  db: Db; clock: Clock; config: Config; storage: ObjectStore; enqueue: EnqueueRecordingJob; events: AppEventEmitter; beforeStep?: PipelineDeps['beforeStep'];
}) {
  const { db, clock, storage: store } = deps;
  const settings = recordingsSettingsFrom(deps.config);
  const { onRecordingReady, onRecordingChanged } = emitters(db, deps.events);
  const pipeline = createRecordingPipeline({
    db, clock, store, settings, onRecordingChanged: onRecordingReady, ...pipelineFollowUps(deps.enqueue), beforeStep: deps.beforeStep,
  });
  const thumbnails = createThumbnailJob({ db, store, workDir: settings.workDir });
  const visual = createVisualCheckJob({ db, clock, store, settings, onRecordingChanged, beforeStep: deps.beforeStep });
  const durable = createDurableJob({ db, store, enqueueRepackaging: enqueueRepackaging(deps.enqueue) });
  return recordingJobDefinitions({ pipeline, thumbnails, visual, durable });
}

/**
 * Ingest of files on this machine as one lesson's tracks, built from what a worker process has
 * (for other modules' jobs, such as the live classes' replay): no reuse notices there.
 */
export function lessonIngestFor(deps: { db: Db; clock: Clock; storage: ObjectStore; enqueue: EnqueueRecordingJob }) {
  const ingest = createIngest({ db: deps.db, clock: deps.clock, store: deps.storage, enqueueProcessing: enqueueProcessing(deps.enqueue) });
  return createLessonIngest({ db: deps.db, ingest });
}
