import { join } from 'node:path';
import type { AppJobDeps, EnqueueJob } from './app-jobs.js';
import { systemTools } from '../media/system-tools.js';
import { createCoursewareJobs } from '../modules/resources/courseware.jobs.js';

/** The resources module's jobs: courseware conversion (LibreOffice, PDF.js, pdftoppm). */
export function coursewareJobsFor(deps: AppJobDeps & { enqueue: EnqueueJob }) {
  return createCoursewareJobs({
    db: deps.db.db, store: deps.storage, workDir: join(deps.config.dataDir, 'work'), tools: systemTools, enqueue: deps.enqueue,
  });
}
