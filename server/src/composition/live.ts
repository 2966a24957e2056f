import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { AppEventBus } from '../events/app-events.js';
import type { AppInstance } from '../http/app-types.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { CalendarService } from '../modules/calendar/calendar.service.js';
import type { NotificationsService } from '../modules/notifications/notifications.service.js';
import type { RoomsService } from '../modules/rooms/rooms.service.js';
import type { OrgService } from '../modules/org/org.service.js';
import type { Video } from './video.js';
import type { FamilyAndSafety } from './family.js';
import type { DueTask } from './family.js';
import { createLiveMediaEngine } from '../modules/live/media/engine.js';
import { registerLiveMediaRoutes } from '../modules/live/media/media.routes.js';

export interface LiveDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  auth: AuthService;
  org: OrgService;
  rooms: RoomsService;
  notifications: NotificationsService;
  calendar: CalendarService;
  events: AppEventBus;
  /** The recordings module (null when the video pipeline is not configured: tests of other areas). */
  recordings: Video | null;
  /** The family app's children (a parent's kindergarten class for the guarded live view). */
  family: FamilyAndSafety;
  config?: Config;
  storage?: ObjectStore;
  jobs?: JobQueue;
}

/**
 * 互动教学 (issue 12): scheduled live classes from a lead room to receiving rooms, their media
 * (Janus WebRTC, or one-way low-latency HLS where Janus is not installed), the interaction channel,
 * the replay as a recorded lesson, the kindergarten's guarded live view for parents and the patrol
 * wall. One line in app.ts builds it, one registers its routes. Each area adds its lines below:
 * build its service, push its route registration, its due work and what it stops on close.
 */
export function liveFor(deps: LiveDeps) {
  const routes: Array<(app: AppInstance) => void | Promise<void>> = [];
  const due: DueTask[] = [];
  const closers: Array<() => Promise<void>> = [];
  // Areas (keep the order: later areas may use earlier ones' services).
  // Media: Janus (WebRTC) when installed and reachable, else one-way HLS (modules/live/media/).
  const media = createLiveMediaEngine({ config: deps.config, storage: deps.storage, clock: deps.clock });
  closers.push(() => media.stop());
  routes.push((app) => registerLiveMediaRoutes(app, { db: deps.db, engine: media, now: () => deps.clock.now() }));

  return {
    /** The media engine (the sessions area opens and closes sessions through it). */
    media,
    register: async (app: AppInstance) => { for (const r of routes) await r(app); },
    /** Runs every area's due work once (the server's maintenance calls it every minute; tests with a moved clock). */
    runDue: async (now: Date) => {
      const done: Record<string, unknown> = {};
      for (const task of due) done[task.name] = await task.run(now);
      return done;
    },
    /** Stops what the areas started (the supervised Janus, HLS packagers, open channels). */
    close: async () => { for (const c of closers.reverse()) await c(); },
  };
}

export type LiveModule = ReturnType<typeof liveFor>;
