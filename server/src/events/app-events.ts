import { createBroadcastBus, createEventBus, type EventBus } from './event-bus.js';
import type { EventTransport } from './event-transport.js';
import type { LiveServerMessage } from '../../../shared/live-interaction.js';

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
  /**
   * New notifications are in these people's inboxes, committed (notifications). Broadcast: every
   * node tells its own open notification streams, whichever node or worker wrote the rows. It
   * names people, never content: the browser reads its inbox through the scoped routes.
   */
  'notification.created': { payload: { userIds: readonly number[] }; reply: void };
  /** A message for every open socket of a live session's channel (live/interaction-hub.ts). Broadcast. */
  'live.interaction': { payload: { sessionId: number; message: LiveServerMessage }; reply: void };
}

/**
 * The events that cross nodes (Redis pub/sub, when REDIS_URL is set): only those whose handlers
 * change nothing but what a viewer sees, since each node runs them (event-bus.ts BroadcastBus).
 */
export const BROADCAST_APP_EVENTS = ['notification.created', 'live.interaction'] as const satisfies readonly (keyof AppEvents)[];

export type AppEventBus = EventBus<AppEvents>;
/** What an emitting module is given: it may tell, not listen. */
export type AppEventEmitter = Pick<AppEventBus, 'emit'>;

/**
 * The process's bus. With a transport (several nodes) the broadcast events also reach the other
 * nodes; `listening` resolves once this node hears them, with the function that stops listening.
 */
export function createAppEventBus(opts: { transport?: EventTransport | null; onError?: (err: unknown, name: string) => void } = {}): AppEventBus & {
  listening: Promise<() => Promise<void>>;
} {
  if (!opts.transport) return { ...createEventBus<AppEvents>(), listening: Promise.resolve(async () => {}) };
  return createBroadcastBus<AppEvents>({ transport: opts.transport, broadcast: BROADCAST_APP_EVENTS, onError: opts.onError });
}
