import type { AppEventBus } from '../events/app-events.js';
import type { ComplianceService } from '../modules/compliance/compliance.service.js';
import { stAudioOnRecordingReady } from '../modules/research/st-audio.jobs.js';
import type { EnqueueJob } from './app-jobs.js';

/**
 * Who hears which event: the one place where a higher module subscribes to what a lower one tells.
 * The server (app.ts) and a job worker (worker-main.ts) both subscribe through here, so a lesson
 * processed in either process recounts its school-day. The table is in docs/architecture.md.
 */
export function subscribeAppHandlers(events: AppEventBus, deps: {
  compliance: Pick<ComplianceService, 'onRecordingChanged' | 'onCalendarChanged'>;
  /** The platform queue's enqueue, where jobs are queued from this process (research queues its S-T audio drafts). */
  enqueueJob?: EnqueueJob;
  warn?: (obj: object, msg: string) => void;
}) {
  const { compliance } = deps;
  events.on('recording.ready', (change) => compliance.onRecordingChanged(change));
  // Research: a lesson with two audio channels or tracks gets its S-T draft (only a scan job is queued here).
  if (deps.enqueueJob) events.on('recording.ready', stAudioOnRecordingReady(deps.enqueueJob, deps.warn));
  events.on('recording.changed', (change) => compliance.onRecordingChanged(change));
  events.on('calendar.changed', async ({ place, days }) => ({ schoolDaysRecounted: (await compliance.onCalendarChanged(place, days)).length }));
}
