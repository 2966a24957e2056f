import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { registerUploadRoutes } from '../uploads/uploads.routes.js';
import { createUploadsService, type UploadsSettings } from '../uploads/uploads.service.js';
import { createIngest } from './recordings.ingest.js';
import { type EnqueueRecordingJob, enqueueProcessing, enqueueThumbnails, enqueueVisualCheck, recordingJobDefinitions } from './recordings.jobs.js';
import { createMediaServer } from './recordings.media.js';
import { createRecordingPipeline, type PipelineDeps } from './recordings.pipeline.js';
import { purgeExpiredRecordings } from './recordings.retention.js';
import { registerRecordingsRoutes } from './recordings.routes.js';
import { createRecordingsService, type OnRecordingChanged } from './recordings.service.js';
import { type RecordingsSettings, recordingsSettingsFrom, uploadsSettingsFrom } from './recordings.settings.js';
import { loadOrCreateSecrets } from '../../secrets.js';
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
  /** loadOrCreateSecrets(dataDir).mediaTokenKey */
  mediaTokenKey: string;
  /** Supervision's recount of a school day (compliance.onRecordingChanged). */
  onRecordingChanged: OnRecordingChanged;
  /** Tells a county department (the 教科所 of both schools when a file is reused); none in a worker. */
  notifyDepartment?: NotifyDepartment;
  settings: RecordingsSettings;
  uploads: UploadsSettings;
  beforeStep?: PipelineDeps['beforeStep'];
}

/**
 * Everything of the lesson-video path, built once from its dependencies: ingest (tus uploads →
 * recordings), the processing and thumbnail jobs, playback and media serving, retention. The
 * server builds it with routes; a worker process builds it for `jobs` alone.
 */
export function createRecordingsModule(deps: RecordingsModuleDeps) {
  const { db, clock, audit, store } = deps;
  const onRecordingChanged = settlingOverlaps(db.db, deps.onRecordingChanged);
  const onReuse = deps.notifyDepartment ? reuseNotifier({ db, notifyDepartment: deps.notifyDepartment }) : undefined;
  const ingest = createIngest({ db, clock, store, enqueueProcessing: enqueueProcessing(deps.enqueue), onReuse });
  const pipeline = createRecordingPipeline({
    db, clock, store, settings: deps.settings, onRecordingChanged, enqueueThumbnails: enqueueThumbnails(deps.enqueue),
    enqueueVisualCheck: enqueueVisualCheck(deps.enqueue), beforeStep: deps.beforeStep,
  });
  const thumbnails = createThumbnailJob({ db, store, workDir: deps.settings.workDir });
  const visual = createVisualCheckJob({ db, clock, store, settings: deps.settings, onRecordingChanged, beforeStep: deps.beforeStep });
  const recordings = createRecordingsService({ db, clock, audit, store, mediaTokenKey: deps.mediaTokenKey, onRecordingChanged });
  const media = createMediaServer({ db, clock, store, mediaTokenKey: deps.mediaTokenKey });
  const uploads = createUploadsService({ db, clock, audit, ingest, settings: deps.uploads });
  return {
    ingest, pipeline, recordings, media, uploads,
    /** For the platform's job registry. */
    jobs: recordingJobDefinitions({ pipeline, thumbnails, visual }),
    /**
     * Daily (and once at start): lessons past RETENTION_DAYS, unfinished uploads past their expiry,
     * and uploads whose last byte arrived just before a crash (finished into recordings).
     */
    async purgeExpired() {
      const recordingsPurged = await purgeExpiredRecordings({ db, clock, store, audit, onRecordingChanged, retentionDays: deps.settings.retentionDays });
      const uploadsExpired = await uploads.purgeExpiredUploads();
      const uploadsFinished = await uploads.finishStrandedUploads();
      return { recordingsPurged, uploadsExpired, uploadsFinished };
    },
  };
}

export type RecordingsModule = ReturnType<typeof createRecordingsModule>;

/** The module as the server builds it: settings from config, the media token key from DATA_DIR's secrets. */
export function recordingsModuleFor(deps: {
  db: Db; clock: Clock; audit: AuditService; config: Config; storage: ObjectStore; jobs: JobQueue; onRecordingChanged: OnRecordingChanged;
  notifyDepartment?: NotifyDepartment;
}) {
  const m = createRecordingsModule({
    db: deps.db, clock: deps.clock, audit: deps.audit, store: deps.storage, onRecordingChanged: deps.onRecordingChanged,
    notifyDepartment: deps.notifyDepartment,
    enqueue: (kind, payload, opts) => deps.jobs.enqueue(kind, payload, opts),
    mediaTokenKey: loadOrCreateSecrets(deps.config.dataDir).mediaTokenKey,
    settings: recordingsSettingsFrom(deps.config), uploads: uploadsSettingsFrom(deps.config),
  });
  return { ...m, maxUploadBytes: deps.config.maxUploadBytes };
}

/** /api/recordings, /api/media and /api/uploads. */
export function registerRecordingsModuleRoutes(app: AppInstance, m: RecordingsModule & { maxUploadBytes: number }) {
  registerRecordingsRoutes(app, { recordings: m.recordings, media: m.media });
  registerUploadRoutes(app, { uploads: m.uploads, maxUploadBytes: m.maxUploadBytes });
}

/**
 * The recording job definitions for the platform's registry (jobs/app-jobs.ts), built from what a
 * worker process has: database, clock, config, storage, and the queue's enqueue.
 */
export function recordingJobsFor(deps: {
  db: Db; clock: Clock; config: Config; storage: ObjectStore; enqueue: EnqueueRecordingJob; beforeStep?: PipelineDeps['beforeStep'];
}) {
  const { db, clock, storage: store } = deps;
  const settings = recordingsSettingsFrom(deps.config);
  const compliance = createComplianceService({ db, clock });
  const onRecordingChanged = settlingOverlaps(db.db, (change) => compliance.onRecordingChanged(change));
  const pipeline = createRecordingPipeline({
    db, clock, store, settings, onRecordingChanged, enqueueThumbnails: enqueueThumbnails(deps.enqueue),
    enqueueVisualCheck: enqueueVisualCheck(deps.enqueue), beforeStep: deps.beforeStep,
  });
  const thumbnails = createThumbnailJob({ db, store, workDir: settings.workDir });
  const visual = createVisualCheckJob({ db, clock, store, settings, onRecordingChanged, beforeStep: deps.beforeStep });
  return recordingJobDefinitions({ pipeline, thumbnails, visual });
}
