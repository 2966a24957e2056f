import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { installAccessHooks } from './http/access-hooks.js';
import type { AppInstance } from './http/app-types.js';
import { installErrorHandler } from './http/error-handler.js';
import { withErrorAnswers } from './http/error-answers.js';
import { installValidators } from './http/validators.js';
import { registerWebApp } from './http/web-app.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuditReviewService } from './modules/audit/audit-review.service.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { auditNameSources } from './composition/audit-name-sources.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { registerOrgRoutes } from './modules/org/org.routes.js';
import { createOrgService } from './modules/org/org.service.js';
import { registerOrgBenchRoutes } from './modules/org/org.bench-routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerImportRoutes } from './modules/imports/imports.routes.js';
import { createImportsService } from './modules/imports/imports.service.js';
import { createAssignmentService } from './modules/people/assignments.service.js';
import { registerPeopleRoutes } from './modules/people/people.routes.js';
import { createPeopleService } from './modules/people/people.service.js';
import { registerStudentsRoutes } from './modules/students/students.routes.js';
import { createStudentsService } from './modules/students/students.service.js';
import { registerRoomsRoutes } from './modules/rooms/rooms.routes.js';
import { createRoomsService } from './modules/rooms/rooms.service.js';
import { registerDeviceRoutes } from './modules/rooms/devices.routes.js';
import { createDevicesService } from './modules/rooms/devices.service.js';
import { createRoomAlerts } from './modules/rooms/room-alerts.js';
import type { RoomHeldLessons } from './modules/rooms/held-lessons.js';
import { timetableWeekdays } from './modules/calendar/timetable-day.js';
import { createRoomOfflineNotices } from './modules/notifications/room-offline.notices.js';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.js';
import { createCalendarService } from './modules/calendar/calendar.service.js';
import { registerComplianceRoutes } from './modules/compliance/compliance.routes.js';
import { createComplianceService } from './modules/compliance/compliance.service.js';
import { createQuotaRulesAdmin } from './modules/compliance/quota-rules.admin.js';
import { registerQuotaRuleRoutes } from './modules/compliance/quota-rules.routes.js';
import { registerRolloutRoutes } from './modules/rollout/rollout.routes.js';
import { createRolloutService } from './modules/rollout/rollout.service.js';
import { builtSchoolIds } from './modules/rollout/rollout.bulk.js';
import { registerDashboardsRoutes } from './modules/dashboards/dashboards.routes.js';
import { createDashboardsService } from './modules/dashboards/dashboards.service.js';
import { registerEquityRoutes } from './modules/equity/equity.routes.js';
import { createEquityService } from './modules/equity/equity.service.js';
import { createRecordingStats } from './modules/recordings/recordings.stats.js';
import { registerNotificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { createNotificationStreams } from './modules/notifications/notifications.stream.js';
import { createNotificationGenerators } from './modules/notifications/notifications.generators.js';
import { registerInspectionsRoutes } from './modules/inspections/inspections.routes.js';
import { createInspectionsService } from './modules/inspections/inspections.service.js';
import { registerBulletinsRoutes } from './modules/bulletins/bulletins.routes.js';
import { createBulletinsService } from './modules/bulletins/bulletins.service.js';
import { registerReportsRoutes } from './modules/reports/reports.routes.js';
import { createReportsService } from './modules/reports/reports.service.js';
import { registerVideoRoutes, videoFor } from './composition/video.js';
import { createLessonSharing } from './modules/research/lesson-sharing.js';
import { registerPatrolRoutes } from './modules/patrol/patrol.routes.js';
import { createPatrolService } from './modules/patrol/patrol.service.js';
import { createResearchReach } from './modules/research/research-reach.js';
import { createCommentsService } from './modules/research/comments.service.js';
import { registerCommentsRoutes } from './modules/research/comments.routes.js';
import { registerStRoutes } from './modules/research/st-codings.routes.js';
import { createStCodingsService } from './modules/research/st-codings.service.js';
import { createStCompareService } from './modules/research/st-compare.service.js';
import { registerAnalysisRoutes } from './modules/research/analysis.routes.js';
import { createAnalysisService } from './modules/research/analysis.service.js';
import { registerStAudioRoutes } from './modules/research/st-audio.routes.js';
import { createStAudioService } from './modules/research/st-audio.service.js';
import { registerRubricsModuleRoutes, rubricsModuleFor } from './modules/research/rubrics.module.js';
import { registerCourseware } from './modules/resources/courseware.module.js';
import { notFound } from './http/errors.js';
import { AppError } from './http/errors.js';
import { subscribeAppHandlers, subscribeResearchHandlers } from './composition/app-events.js';
import { subscribeConsentHandlers } from './composition/app-events.js';
import { createConsentService } from './modules/students/consent.service.js';
import { registerConsentRoutes } from './modules/students/consent.routes.js';
import { classConsentCap } from './modules/students/consent.cap.js';
import { createConsentNarrowing } from './modules/resources/consent-narrowing.js';
import { createResearchActivities } from './modules/research/activities.module.js';
import { createBookedLessons } from './modules/research/activities.booked.js';
import { createReviewService } from './modules/resources/review.service.js';
import { registerReviewRoutes } from './modules/resources/review.routes.js';
import { registerFeaturedRoutes } from './modules/resources/featured.routes.js';
import { registerSearchRoutes } from './modules/resources/search.routes.js';
import { createSearchService } from './modules/resources/search.service.js';
import { createLessonFacts } from './modules/recordings/recordings.lesson-facts.js';
import { createBookingsService } from './modules/rooms/bookings.service.js';
import { resourcesModuleFor } from './modules/resources/resources.module.js';
import { createResourceLessonSharing } from './modules/resources/lesson-sharing.js';
import { eitherShares } from './composition/lesson-sharing.js';
// Aliased: the consent narrowing's wiring imports the same function under its own name.
import { classConsentCap as consentCapOfClass } from './modules/students/consent.cap.js';
import { registerBookingsRoutes } from './modules/rooms/bookings.routes.js';
import { type AppEventBus, createAppEventBus } from './events/app-events.js';
import { registerEngagementRoutes } from './modules/resources/engagement.routes.js';
import { familyAndSafetyFor } from './composition/family.js';
import { liveFor } from './composition/live.js';
import { createLiveLessonSharing } from './modules/live/replay.sharing.js';
import { createEngagementService } from './modules/resources/engagement.service.js';
import type { Config } from './config.js';
import type { JobQueue } from './jobs/job-queue.js';
import { type ObjectStore, presignedOrigin } from './storage/object-store.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { installRequestMetrics, registerMetricsRoute } from './http/metrics-route.js';
import { installRequestIds, requestIdOf } from './http/request-id.js';
import { loadSecrets, type Secrets } from './secrets.js';
import type { RedisConnection } from './redis/redis.js';

export interface AppDeps {
  db: Db;
  clock: Clock;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Folder of the built web app; null serves the API alone (tests). */
  webDir: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Registers the unauthenticated baseline routes of `npm run bench` (BENCH_ROUTES=1). Never in production. */
  benchRoutes?: boolean;
  trustProxy?: boolean;
  /** The video pipeline's settings, object store and job queue; without all three /api/recordings, /api/media and /api/uploads are not served. */
  config?: Config;
  storage?: ObjectStore;
  jobs?: JobQueue;
  /** The event bus the job handlers of this process emit on (composition/app-jobs.ts); a new one when absent. */
  events?: AppEventBus;
  /** This process's metrics registry (/metrics); a new one when absent. main.ts shares it with the job runner. */
  metrics?: Metrics;
  /** The installation's secrets (secrets.ts); loaded from the configuration or the database when absent. */
  secrets?: Secrets;
  /** REDIS_URL's connection: rate limits count across every node; absent on one machine (counted in this process). */
  redis?: RedisConnection | null;
}

/** Builds the services from their dependencies and wires every module's routes onto one Fastify app. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // X-Request-Id from a proxy or recorder when sensible, else a UUID; logged as reqId, echoed, carried into jobs.
    genReqId: requestIdOf,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as AppInstance;
  installValidators(app as never);
  installRequestIds(app as never);
  const metrics = deps.metrics ?? createMetrics({ warn: (obj, msg) => app.log.warn(obj, msg) });
  installRequestMetrics(app as never, metrics);
  if (deps.jobs) metrics.watchJobs(deps.jobs);
  if (deps.db.pool) metrics.watchPool(deps.db.pool);

  const events = deps.events ?? createAppEventBus();
  const audit = createAuditService({ db: deps.db, clock: deps.clock });
  const auditReview = createAuditReviewService({ db: deps.db, audit, names: auditNameSources(deps.db.db) });
  const auth = createAuthService({
    db: deps.db, clock: deps.clock, audit, sessions: { idleMinutes: deps.sessionIdleMinutes, maxHours: deps.sessionMaxHours },
  });
  const org = createOrgService({ db: deps.db, clock: deps.clock, audit, builtSchoolIds: (ids) => builtSchoolIds(deps.db.db, ids) });
  const assignments = createAssignmentService({ db: deps.db, clock: deps.clock, audit, auth });
  const people = createPeopleService({ db: deps.db, clock: deps.clock, audit, auth, assignments });
  const students = createStudentsService({ db: deps.db, audit });
  const imports = createImportsService({ db: deps.db, clock: deps.clock, audit });
  // Live classes held in rooms (互动教学): asked at request time, once `live` below is built (rooms never import live).
  const heldLessons: RoomHeldLessons = { ofRoom: (...a) => live.roomLessons.ofRoom(...a), onDay: (...a) => live.roomLessons.onDay(...a) };
  const rooms = createRoomsService({ db: deps.db, clock: deps.clock, audit, org, heldLessons });
  const devices = createDevicesService({ db: deps.db, clock: deps.clock, audit, rooms, heldLessons });
  const rollout = createRolloutService({ db: deps.db, clock: deps.clock, audit });
  const compliance = createComplianceService({ db: deps.db, clock: deps.clock, namedPersons: rollout.namedPersons });
  subscribeAppHandlers(events, { compliance });
  const notifications = createNotificationsService({ db: deps.db, clock: deps.clock, events, warn: (obj, msg) => app.log.warn(obj, msg) });
  // Open notification streams of this node; `notification.created` reaches them from any node (broadcast).
  const notificationStreams = createNotificationStreams();
  events.on('notification.created', (created) => notificationStreams.onCreated(created));
  // Streams stay open: end them before close waits for requests to finish (browsers reconnect elsewhere).
  app.addHook('preClose', async () => notificationStreams.closeAll());
  const notificationGenerators = createNotificationGenerators({
    db: deps.db.db, clock: deps.clock, compliance, notify: notifications.notify,
    reminderHour: deps.config?.quotaReminderHour ?? 15, digestHour: deps.config?.digestHour ?? 7,
  });
  const inspections = createInspectionsService({ db: deps.db, clock: deps.clock, audit, org, notifications });
  const bulletins = createBulletinsService({ db: deps.db, clock: deps.clock, audit, notifications });
  const calendar = createCalendarService({ db: deps.db, clock: deps.clock, audit, events });
  const quotaRules = createQuotaRulesAdmin({ db: deps.db, audit, compliance });
  const dashboards = createDashboardsService({ clock: deps.clock, compliance, recordingStats: createRecordingStats({ db: deps.db }), rollout, calendar });
  const reports = createReportsService({
    db: deps.db, clock: deps.clock, audit, org, compliance, rollout, notify: notifications.notify,
    // Built below with the lessons it patrols; asked only once requests come.
    patrol: { countyFigures: (actor, period) => patrol.countyFigures(actor, period) },
  });
  // Shared by every node: a playback token minted on one is accepted by the others.
  const secrets = deps.secrets ?? (deps.config
    ? await loadSecrets({ db: deps.db, dataDir: deps.config.dataDir, configured: { mediaTokenKey: deps.config.mediaTokenSecret ?? undefined }, now: deps.clock.now() })
    : null);
  const recordings = deps.config && deps.storage && deps.jobs && secrets
    ? videoFor({ db: deps.db, clock: deps.clock, audit, config: deps.config, storage: deps.storage, jobs: deps.jobs, events, mediaTokenKey: secrets.mediaTokenKey,
      viewerOf: (sessionToken) => auth.actorFromToken(sessionToken), notifyDepartment: notifications.notifyDepartment,
      sharedLesson: eitherShares(createLessonSharing(deps.db.db), createResourceLessonSharing(deps.db.db),
        createLiveLessonSharing(deps.db.db)), uploadMetrics: metrics.uploads })
    : null;
  // What research may reach: activities through the access gate, lessons through the recordings
  // service (which asks research back, through lesson-sharing, for lessons shared by activities).
  const lessonFacts = createLessonFacts(deps.db.db);
  const researchReach = createResearchReach({
    db: deps.db.db, clock: deps.clock, lessonFacts,
    lessonOf: async (actor, recordingId) => {
      if (!recordings) throw notFound('录像');
      const r = await recordings.recordings.get(actor, recordingId);
      return { recordingId: r.id, schoolId: r.schoolId, groupId: r.groupId, teacherUserId: r.teacherUserId, title: r.title, durationSeconds: r.durationSeconds };
    },
  });
  // Class patrol (巡课): today's lessons through the recordings service, asked with the actor.
  const patrol = createPatrolService({ db: deps.db, clock: deps.clock, audit, lessons: recordings?.recordings ?? null, org, calendar });
  const rubricsArea = rubricsModuleFor({ db: deps.db.db, clock: deps.clock, audit, reach: researchReach });
  // Offline rooms before lessons: the calendar says which timetable runs, notifications tell the
  // principal and the 电教馆 (the `room.offline` seam: rooms never import either module).
  const roomAlerts = createRoomAlerts({
    db: deps.db,
    timetableWeekdays: (schoolIds, day) => timetableWeekdays(deps.db.db, schoolIds, day),
    onRoomOffline: createRoomOfflineNotices({ db: deps.db.db, notify: notifications.notify }),
    heldLessons,
  });
  // Research activities and groups. Rooms' one-off bookings ask research whether an organiser may
  // book (research's bookingCheck) and research lists an activity's bookings (a getter: built after).
  const research = createResearchActivities({
    db: deps.db, clock: deps.clock, audit, reach: researchReach, notify: notifications.notify, lessonFacts, store: deps.storage,
    watchable: async (actor, id) => {
      if (!recordings) throw notFound('录像');
      return recordings.recordings.get(actor, id);
    },
    bookings: () => bookings,
  });
  const bookings = createBookingsService({ db: deps.db, clock: deps.clock, audit, rooms, purposeCheck: research.bookingCheck });
  subscribeResearchHandlers(events, {
    booked: createBookedLessons({ db: deps.db.db, clock: deps.clock, audit, notify: notifications.notify, lessonFacts, bookingsCovering: bookings.covering }),
    enqueueJob: deps.jobs && ((kind, payload, opts) => deps.jobs!.enqueue(kind, payload, opts)), warn: (obj, msg) => app.log.warn(obj, msg),
  });
  // Guardians' consent (students) tells resources after it commits; resources narrows published lessons at once.
  const consent = createConsentService({ db: deps.db, clock: deps.clock, audit, events });
  subscribeConsentHandlers(events, {
    narrowing: createConsentNarrowing({ db: deps.db.db, clock: deps.clock, audit, notify: notifications.notify, classCap: (classId) => classConsentCap(deps.db.db, classId) }),
  });
  // The family app (阳光少年) and the safe campus.
  const family = familyAndSafetyFor({ db: deps.db, clock: deps.clock, audit, notifications, calendar, events, config: deps.config, storage: deps.storage, jobs: deps.jobs });
  // Interactive teaching (互动教学): live classes, their media, interaction and replay.
  const live = liveFor({ db: deps.db, clock: deps.clock, audit, auth, org, rooms, notifications, calendar, events, recordings, family, mediaTokenKey: secrets?.mediaTokenKey ?? null, config: deps.config, storage: deps.storage, jobs: deps.jobs, liveMetrics: metrics.live });
  app.addHook('onClose', async () => live.close());
  const services = { metrics, audit, auth, org, recordings, notifications, notificationGenerators, roomAlerts, researchReach, research, bookings, family, live, notificationStreams };

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '阳光校园 Sunshine Campus API', version: '0.1.0', description: 'Every route, its schema and the permission it needs.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sc_session' }, deviceToken: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    transform: withErrorAnswers as never,
  });
  // Video segments on S3 come from the bucket by redirect (recordings.media.ts): the CSP must allow its origin.
  const mediaOrigin = deps.storage ? await presignedOrigin(deps.storage) : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> tags at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:', ...(mediaOrigin ? [mediaOrigin] : [])],
        connectSrc: ["'self'", ...(mediaOrigin ? [mediaOrigin] : [])],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, ...(deps.redis ? { redis: deps.redis.client, nameSpace: `${deps.redis.prefix}rate:` } : {}) });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });

  installErrorHandler(app as never, { audit });
  const routes = installAccessHooks(app as never, { auth, audit });

  registerHealthRoutes(app, { db: deps.db, storage: deps.storage, redis: deps.redis });
  registerMetricsRoute(app as never, { metrics, token: deps.config?.metricsToken ?? null });
  registerAuthRoutes(app, { auth, sessionMaxHours: deps.sessionMaxHours });
  registerOrgRoutes(app, { org, audit });
  registerAuditRoutes(app, { auditReview });
  registerPeopleRoutes(app, { people, assignments, audit, clock: deps.clock });
  registerStudentsRoutes(app, { students });
  registerImportRoutes(app, { imports });
  registerRoomsRoutes(app, { rooms, devices });
  registerDeviceRoutes(app, { devices });
  registerCalendarRoutes(app, { calendar });
  registerQuotaRuleRoutes(app, { rules: quotaRules });
  registerComplianceRoutes(app, { compliance, audit });
  registerRolloutRoutes(app, { rollout });
  registerDashboardsRoutes(app, { dashboards });
  registerEquityRoutes(app, { equity: createEquityService({ db: deps.db, clock: deps.clock }), audit });
  registerNotificationsRoutes(app, { notifications, streams: notificationStreams });
  registerInspectionsRoutes(app, { inspections });
  registerBulletinsRoutes(app, { bulletins });
  registerReportsRoutes(app, { reports, audit, exports: { compliance, org, rollout, patrol, clock: deps.clock } });
  registerStRoutes(app, { codings: createStCodingsService({ db: deps.db, clock: deps.clock, reach: researchReach }), compare: createStCompareService({ db: deps.db, reach: researchReach }) });
  if (recordings) registerVideoRoutes(app, recordings, { redis: deps.redis });
  registerCommentsRoutes(app, { comments: createCommentsService({ db: deps.db, clock: deps.clock, audit, reach: researchReach, notify: notifications.notify, assignmentsOf: auth.assignmentViewsOf }) });
  registerAnalysisRoutes(app, { analysis: createAnalysisService({ db: deps.db.db, clock: deps.clock, listTerms: calendar.admin.listTerms }), audit });
  registerPatrolRoutes(app, { patrol, audit });
  research.register(app);
  // The resource library: lessons through the recordings service, the class's consent cap through students.
  const resourceLibrary = resourcesModuleFor({ db: deps.db, clock: deps.clock, audit, lessonFacts, consentCap: (classId) => consentCapOfClass(deps.db.db, classId), watchable: async (actor, id) => { if (!recordings) throw notFound('录像'); return recordings.recordings.get(actor, id); } });
  resourceLibrary.register(app);
  registerBookingsRoutes(app, { bookings });
  if (deps.jobs) registerStAudioRoutes(app, { stAudio: createStAudioService({ db: deps.db.db, clock: deps.clock, reach: researchReach, enqueue: deps.jobs.enqueue, audit }) });
  registerRubricsModuleRoutes(app, rubricsArea);
  // Using resources: a preparation may name a research activity the actor reaches (asked of research's reach).
  registerEngagementRoutes(app, { engagement: createEngagementService({
    db: deps.db, clock: deps.clock, audit,
    activityReachable: (actor, activityId) => researchReach.activity(actor, activityId).then(() => true, (err: unknown) => {
      if (err instanceof AppError && (err.status === 404 || err.status === 403)) return false;
      throw err;
    }),
  }) });
  registerConsentRoutes(app, { consent });
  // Resources' review chain (school → county 教科所 → city) and the featured collection (优课 / 精品课).
  registerReviewRoutes(app, { review: createReviewService({ db: deps.db, clock: deps.clock, audit, notify: notifications.notify, notifyPrincipals: notifications.notifyPrincipals }) });
  registerFeaturedRoutes(app, { db: deps.db });
  registerCourseware(app, { db: deps.db, clock: deps.clock, audit, storage: deps.storage, jobs: deps.jobs });
  registerSearchRoutes(app, { search: createSearchService({ db: deps.db.db }) });
  family.register(app);
  await live.register(app);

  if (deps.benchRoutes) registerOrgBenchRoutes(app, { db: deps.db });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await registerWebApp(app, deps.webDir);
  return { app, services, routes };
}

export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;
