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
import { createLiveClassesService } from '../modules/live/classes.service.js';
import { registerLiveClassesRoutes } from '../modules/live/classes.routes.js';
import { createLiveSessionsService } from '../modules/live/sessions.service.js';
import { registerLiveSessionsRoutes } from '../modules/live/sessions.routes.js';
import { liveRoomLessons } from '../modules/live/room-lessons.js';
import { randomBytes } from 'node:crypto';
import { createReplayService, type EnqueueReplay } from '../modules/live/replay.service.js';
import { registerReplayRoutes } from '../modules/live/replay.routes.js';
import { createKgViewService } from '../modules/live/kg-view.service.js';
import { registerKgViewRoutes } from '../modules/live/kg-view.routes.js';
import { registerKgViewStreamRoutes } from '../modules/live/kg-view-stream.routes.js';
import { createKgStreams } from '../modules/live/media/kg-streams.js';
import { liveMediaConfig } from '../config.js';
import { join } from 'node:path';
import { createInteractionService } from '../modules/live/interaction.service.js';
import { createBusHub } from '../modules/live/interaction-hub.js';
import { registerInteractionRoutes } from '../modules/live/interaction.routes.js';
import { registerLiveMediaRoutes } from '../modules/live/media/media.routes.js';
import type { LiveMetrics } from '../http/metrics.js';

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
  /** The installation's media-token key (secrets.ts); null in apps built without a config. */
  mediaTokenKey?: string | null;
  storage?: ObjectStore;
  jobs?: JobQueue;
  /** The live viewers gauge (/metrics), fed as live pages open and close their channel. */
  liveMetrics?: LiveMetrics;
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
  // Signs live viewers' media tokens: the installation's key (shared by every node); tests without a config get a random one.
  const mediaTokenKey = deps.mediaTokenKey ?? randomBytes(32).toString('base64url');
  const media = createLiveMediaEngine({ config: deps.config, storage: deps.storage, clock: deps.clock, mediaTokenKey });
  closers.push(() => media.stop());
  // Replay: an ended session's tracks become a recorded lesson of the lead school (the `live.replay` job).
  const replay = createReplayService({
    db: deps.db, clock: deps.clock, lessonIngest: deps.recordings?.lessonIngest ?? null, lessons: deps.recordings?.recordings ?? null,
    enqueue: deps.jobs ? ((kind, payload, opts) => deps.jobs!.enqueue(kind, payload, opts)) satisfies EnqueueReplay : null,
  });
  routes.push((app) => registerReplayRoutes(app, { replay }));
  // Schedule and sessions: classes, a session a school day (made each minute by the due task), start and end, each page's media.
  const classes = createLiveClassesService({ db: deps.db, clock: deps.clock, audit: deps.audit });
  const sessions = createLiveSessionsService({
    db: deps.db, clock: deps.clock, audit: deps.audit, media, onEnded: async (session, tracks) => { await replay.onEnded(session, tracks); },
    schoolCalendar: deps.calendar.ofSchool,
  });
  routes.push((app) => registerLiveClassesRoutes(app, { classes }), (app) => registerLiveSessionsRoutes(app, { sessions }));
  due.push({ name: 'live.sessions', run: (now) => sessions.runDue(now) });

  // 园所直播: a kindergarten's guarded live view for the families of one class (kg-view.*).
  // Its streams: the room's camera packaged as a few seconds of live HLS while a window is open, nothing kept.
  const kgStreams = createKgStreams({ config: deps.config?.liveMedia ?? liveMediaConfig({}), dataDir: deps.config?.dataDir ?? join(process.cwd(), 'data') });
  closers.push(() => kgStreams.stopAll());
  const kgView = createKgViewService({
    db: deps.db, clock: deps.clock, audit: deps.audit, org: deps.org, children: deps.family.children, media, streams: kgStreams, tokenKey: media.tokenKey,
    cameraRoom: (actor, roomId) => deps.rooms.roomRefInScope(actor, roomId, 'room:write'),
  });
  routes.push((app) => registerKgViewRoutes(app, { kgView }), (app) => registerKgViewStreamRoutes(app, { db: deps.db, kgView }));
  due.push({ name: 'live.kg_views_quiet', run: (now) => kgView.closeQuiet(now) });
  due.push({ name: 'live.kg_streams_closed', run: (now) => kgView.stopClosedStreams(now) });

  // Interaction: the session's WebSocket channel (hands, calls, questions, polls, attendance) and its record.
  // The replay reads `interaction.recordOf(sessionId)` for its timeline markers.
  // Channel messages travel on the bus (broadcast): sockets on every node hear a session's messages.
  const interaction = createInteractionService({ db: deps.db, clock: deps.clock, hub: createBusHub(deps.events), viewerOf: sessions.viewerOf, onViewers: deps.liveMetrics?.setViewers });
  routes.push((app) => registerInteractionRoutes(app, { interaction }));
  closers.push(() => interaction.close());
  due.push({ name: 'liveAttendanceClose', run: (now) => interaction.closeEndedAttendance(now) });

  routes.push((app) => registerLiveMediaRoutes(app, { db: deps.db, engine: media, now: () => deps.clock.now() }));

  return {
    /** The media engine (the sessions area opens and closes sessions through it). */
    media,
    classes,
    sessions,
    /** Live classes on rooms' timetables, recorders' schedules and offline alerts (rooms' held-lessons seam). */
    roomLessons: liveRoomLessons(deps.db.db),
    /** The kindergarten live view: the media area's playlist route asks kgView.viewerAllowed(roomId, token). */
    kgView,
    interaction,
    register: async (app: AppInstance) => { for (const r of routes) await r(app); },
    /** Runs every area's due work once (the server's maintenance calls it every minute; tests with a moved clock). */
    runDue: async (now: Date) => {
      const done: Record<string, unknown> = {};
      for (const task of due) done[task.name] = await task.run(now);
      return done;
    },
    /** The replay's hook: the sessions service calls `replay.onEnded(session, tracks)` when a session ends. */
    replay,
    /** Stops what the areas started (the supervised Janus, HLS packagers, open channels). */
    close: async () => { for (const c of closers.reverse()) await c(); },
  };
}

export type LiveModule = ReturnType<typeof liveFor>;
