import type { AppEventBus } from '../events/app-events.js';
import type { ComplianceService } from '../modules/compliance/compliance.service.js';

/**
 * Who hears which event: the one place where a higher module subscribes to what a lower one tells.
 * The server (app.ts) and a job worker (worker-main.ts) both subscribe through here, so a lesson
 * processed in either process recounts its school-day. The table is in docs/architecture.md.
 */
export function subscribeAppHandlers(events: AppEventBus, deps: { compliance: Pick<ComplianceService, 'onRecordingChanged' | 'onCalendarChanged'> }) {
  const { compliance } = deps;
  events.on('recording.ready', (change) => compliance.onRecordingChanged(change));
  events.on('recording.changed', (change) => compliance.onRecordingChanged(change));
  events.on('calendar.changed', async ({ place, days }) => ({ schoolDaysRecounted: (await compliance.onCalendarChanged(place, days)).length }));
}
