import type { AppEventBus } from '../events/app-events.js';
import type { ComplianceService } from '../modules/compliance/compliance.service.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createNotificationsService } from '../modules/notifications/notifications.service.js';
import { createLessonFacts } from '../modules/recordings/recordings.lesson-facts.js';
import { type BookedLessons, createBookedLessons } from '../modules/research/activities.booked.js';
import { bookingsCoveringLesson } from '../modules/rooms/bookings.service.js';
import { stAudioOnRecordingReady } from '../modules/research/st-audio.jobs.js';
import type { EnqueueJob } from './app-jobs.js';
import type { ConsentNarrowing } from '../modules/resources/consent-narrowing.js';

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

/**
 * Research hears `recording.ready`: a lesson recorded in a room during a research booking joins
 * the booking's activity (modules/research/activities.booked.ts). Subscribed apart from the
 * compliance handlers because research is built after them; the server and a job worker both call it.
 */
export function subscribeResearchHandlers(events: AppEventBus, deps: {
  booked: Pick<BookedLessons, 'onRecordingReady'>;
  /** The platform queue's enqueue, where jobs are queued from this process: the S-T drafts from audio. */
  enqueueJob?: EnqueueJob;
  warn?: (obj: object, msg: string) => void;
}) {
  events.on('recording.ready', (change) => deps.booked.onRecordingReady(change));
  // A lesson with two audio channels or tracks gets its S-T draft (only a scan job is queued here).
  if (deps.enqueueJob) events.on('recording.ready', stAudioOnRecordingReady(deps.enqueueJob, deps.warn));
}

/** The booked-lesson handler as a job worker builds it: from the database alone (and the bus, to announce its notifications). */
export function bookedLessonsFor(db: Db, clock: Clock, events?: AppEventBus): BookedLessons {
  return createBookedLessons({
    db: db.db, clock, audit: createAuditService({ db, clock }), notify: createNotificationsService({ db, clock, events }).notify,
    lessonFacts: createLessonFacts(db.db), bookingsCovering: bookingsCoveringLesson(db.db),
  });
}

/**
 * Resources hears `consent.changed` (students): the lessons of the changed classes are re-capped
 * and narrowed at once where a guardian's consent no longer allows their scope
 * (modules/resources/consent-narrowing.ts). Only the server emits it (a consent is set through the API).
 */
export function subscribeConsentHandlers(events: AppEventBus, deps: { narrowing: Pick<ConsentNarrowing, 'onConsentChanged'> }) {
  events.on('consent.changed', (change) => deps.narrowing.onConsentChanged(change));
}
