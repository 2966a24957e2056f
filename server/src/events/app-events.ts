import { createEventBus, type EventBus } from './event-bus.js';

/** A school-day whose recorded lessons changed. */
export interface SchoolDayChange {
  schoolId: number;
  day: string;
}

/** Where a calendar change applies: a whole city, a county or one school. */
export type CalendarPlace = { cityId: number } | { countyId: number } | { schoolId: number };

/**
 * The platform's events: what each carries and what its handlers answer. Who emits and who hears
 * each is in docs/architecture.md; the subscriptions are in composition/app-events.ts.
 */
export interface AppEvents {
  /** A lesson finished processing and is playable (recordings' pipeline); `recordingId` names the track. */
  'recording.ready': { payload: SchoolDayChange & { recordingId?: number }; reply: unknown };
  /** A lesson left its school-day otherwise: deleted, or purged past its retention (recordings). */
  'recording.changed': { payload: SchoolDayChange; reply: unknown };
  /** Holidays, workdays or terms changed on these days at this place (calendar). */
  'calendar.changed': { payload: { place: CalendarPlace; days: readonly string[] }; reply: { schoolDaysRecounted: number } };
  /**
   * A guardian's (or the school's) consent for pupils appearing in published video changed
   * (students); resources re-caps the published lessons of these classes. `narrowed`: some
   * consent became narrower. The reply: how many resources had their scope narrowed.
   */
  'consent.changed': { payload: { schoolId: number; classIds: readonly number[]; narrowed: boolean }; reply: { resourcesNarrowed: number } };
}

export type AppEventBus = EventBus<AppEvents>;
/** What an emitting module is given: it may tell, not listen. */
export type AppEventEmitter = Pick<AppEventBus, 'emit'>;

export function createAppEventBus(): AppEventBus {
  return createEventBus<AppEvents>();
}
