import type { AppJobDeps } from './app-jobs.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { announceSystemTools } from '../media/system-tools.js';
import { coursewareJobsFor } from './resources-jobs.js';

/**
 * At server start: says which courseware tools run (LibreOffice, pdftoppm) and what waits for
 * which package, then queues the files that waited for LibreOffice if it is now installed.
 * Never stops the start: the demo runs without either package.
 */
export async function startCourseware(log: { info(obj: object, msg: string): void; warn(obj: object | string, msg?: string): void }, deps: AppJobDeps & { queue: JobQueue }) {
  try {
    await announceSystemTools({ info: (o, m) => log.info(o, m), warn: (m) => log.warn(m) });
    const jobs = coursewareJobsFor({ ...deps, enqueue: (kind, payload, opts) => deps.queue.enqueue(kind, payload, opts) });
    const n = await jobs.requeueAwaiting(deps.clock.now().toISOString().replace(/[^0-9]/g, ''));
    if (n) log.info({ files: n }, 'courseware conversions queued at start');
  } catch (err) {
    log.warn({ err }, 'courseware conversions not queued at start');
  }
}
