import type { Db } from '../../db/database.js';
import type { Clock } from '../../clock.js';
import type { AppInstance } from '../../http/app-types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { systemTools } from '../../media/system-tools.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { enqueueConvert } from './courseware.jobs.js';
import { registerCoursewareRoutes } from './courseware.routes.js';
import { createCoursewareService } from './courseware.service.js';

/** Courseware of resources, built from what the app has: one line in app.ts. */
export function registerCourseware(app: AppInstance, deps: { db: Db; clock: Clock; audit: AuditService; storage?: ObjectStore; jobs?: JobQueue }) {
  const jobs = deps.jobs;
  const courseware = createCoursewareService({
    db: deps.db.db, clock: deps.clock, audit: deps.audit, store: deps.storage, tools: systemTools,
    enqueueConvert: jobs && ((fileId) => enqueueConvert((kind, payload, opts) => jobs.enqueue(kind, payload, opts), fileId)),
  });
  registerCoursewareRoutes(app, { courseware });
  return courseware;
}
