import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { AppEventEmitter } from '../events/app-events.js';
import type { AppInstance } from '../http/app-types.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import { recordingsModuleFor, registerRecordingsModuleRoutes, type RecordingsModuleDeps } from '../modules/recordings/recordings.module.js';
import { registerUploadRoutes } from '../modules/uploads/uploads.routes.js';
import { createUploadsService } from '../modules/uploads/uploads.service.js';
import { uploadsSettingsFrom } from '../modules/uploads/uploads.settings.js';
import type { RedisConnection } from '../redis/redis.js';
import { RedisLocker } from '../redis/redis-locker.js';

/**
 * The lesson-video path as the server runs it: the recordings module, and the uploads module
 * feeding its ingest (uploads → recordings, never back).
 */
export function videoFor(deps: {
  db: Db; clock: Clock; audit: AuditService; config: Config; storage: ObjectStore; jobs: JobQueue; events: AppEventEmitter;
  /** The installation's media-token key (secrets.ts). */
  mediaTokenKey: string;
  viewerOf: RecordingsModuleDeps['viewerOf']; notifyDepartment?: RecordingsModuleDeps['notifyDepartment'];
  sharedLesson?: RecordingsModuleDeps['sharedLesson'];
  /** Where uploads report the bytes they receive (the metrics registry). */
  uploadMetrics?: { bytesReceived(bytes: number): void };
}) {
  const recordings = recordingsModuleFor(deps);
  const uploads = createUploadsService({
    db: deps.db, clock: deps.clock, audit: deps.audit, ingest: recordings.ingest, settings: uploadsSettingsFrom(deps.config),
    onBytesReceived: deps.uploadMetrics && ((bytes) => deps.uploadMetrics!.bytesReceived(bytes)),
  });
  return {
    ...recordings,
    uploads,
    maxUploadBytes: deps.config.maxUploadBytes,
    /**
     * Daily (and once at start): lessons past RETENTION_DAYS, unfinished uploads past their expiry,
     * and uploads whose last byte arrived just before a crash (finished into recordings).
     */
    async purgeExpired() {
      const recordingsPurged = await recordings.purgeExpiredRecordings();
      const uploadsExpired = await uploads.purgeExpiredUploads();
      const uploadsFinished = await uploads.finishStrandedUploads();
      return { recordingsPurged, uploadsExpired, uploadsFinished };
    },
  };
}

export type Video = ReturnType<typeof videoFor>;

/**
 * /api/recordings, /api/media and /api/uploads. With Redis (several nodes) the tus upload lock is
 * shared, so a PATCH may land on any node; without it, in this process.
 */
export function registerVideoRoutes(app: AppInstance, video: Video, opts: { redis?: RedisConnection | null } = {}) {
  registerRecordingsModuleRoutes(app, video);
  const locker = opts.redis ? new RedisLocker(opts.redis) : undefined;
  registerUploadRoutes(app, { uploads: video.uploads, maxUploadBytes: video.maxUploadBytes, locker });
}
