import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { AppEventBus } from '../events/app-events.js';
import type { AppInstance } from '../http/app-types.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import type { CalendarService } from '../modules/calendar/calendar.service.js';
import type { NotificationsService } from '../modules/notifications/notifications.service.js';
import { createFamilyChildren } from '../modules/students/family-children.js';
import { registerCareRoutes } from '../modules/family/care.routes.js';
import { createCareService } from '../modules/family/care.service.js';
import { kindergartenPhotos } from '../modules/family/kindergarten-photos.js';
import { kindergartenReach } from '../modules/family/kindergarten-reach.js';
import { registerPickupRoutes } from '../modules/family/pickup.routes.js';
import { createPickupService } from '../modules/family/pickup.service.js';
import { registerFamilyHomeRoutes } from '../modules/family/home.routes.js';
import { createFamilyHomeService } from '../modules/family/home.service.js';
import { createGuardianships } from '../modules/students/guardianships.js';
import { createClassStaffService } from '../modules/students/class-staff.service.js';
import { registerClassStaffRoutes } from '../modules/students/class-staff.routes.js';
import { createBindingService } from '../modules/family/binding.service.js';
import { registerBindingRoutes } from '../modules/family/binding.routes.js';
import { createMessagesService } from '../modules/family/messages.service.js';
import { registerMessagesRoutes } from '../modules/family/messages.routes.js';
import { createNoticeAttachments } from '../modules/family/notices.attachments.js';
import { createNoticeAudience } from '../modules/family/notices.audience.js';
import { createNoticesInbox } from '../modules/family/notices.inbox.js';
import { registerNoticesRoutes } from '../modules/family/notices.routes.js';
import { createNoticesService } from '../modules/family/notices.service.js';
import { createHomeworkService } from '../modules/family/homework.service.js';
import { registerHomeworkRoutes } from '../modules/family/homework.routes.js';
import { createRoutineService } from '../modules/family/routine.service.js';
import { registerRoutineRoutes } from '../modules/family/routine.routes.js';
import { safetyModuleFor } from '../modules/safety/safety.module.js';
import { createAttendanceAreaFor } from '../modules/family/attendance.area.js';

export interface FamilyDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationsService;
  calendar: CalendarService;
  events: AppEventBus;
  config?: Config;
  storage?: ObjectStore;
  jobs?: JobQueue;
}

/** Work an area does on the clock (an absence alert at its hour, an overdue hazard's escalation, a notice held over quiet hours). */
export type DueTask = { name: string; run: (now: Date) => Promise<unknown> };

/**
 * The family app (阳光少年) and the safe campus (issue 11), built from what the app has: one line
 * in app.ts builds it, one registers its routes. Every area learns which children and classes an
 * actor reaches from `children` (students' familyChildren, over the access gate's familyReachOf).
 * Each area adds its lines below: build its service, push its route registration and its due work.
 */
export function familyAndSafetyFor(deps: FamilyDeps) {
  const children = createFamilyChildren(deps.db.db);
  const routes: Array<(app: AppInstance) => void> = [];
  const due: DueTask[] = [];
  // Areas (keep the order: later areas may use earlier ones' services).
  // Kindergarten: pick-up (接送) and care (入园, 晨检, 委托服药).
  const kindergarten = { reach: kindergartenReach(children), photos: kindergartenPhotos(deps.storage) };
  const pickup = createPickupService({ ...deps, ...kindergarten });
  const care = createCareService({ ...deps, ...kindergarten });
  routes.push((app) => registerPickupRoutes(app, { pickup }), (app) => registerCareRoutes(app, { care }));
  // The family app's home (shell): whom the signed-in person looks after.
  const home = createFamilyHomeService({ children });
  routes.push((app) => registerFamilyHomeRoutes(app, { home }));
  // Binding: class staff (principal assigns), invitation codes, parents' requests, guardianships.
  const classStaff = createClassStaffService({ db: deps.db, audit: deps.audit, children });
  routes.push((app) => registerClassStaffRoutes(app, { classStaff }));
  const binding = createBindingService({ db: deps.db, clock: deps.clock, audit: deps.audit, children, guardianships: createGuardianships(deps.db.db), notify: deps.notifications.notify });
  routes.push((app) => registerBindingRoutes(app, { binding }));
  const messages = createMessagesService({ db: deps.db, clock: deps.clock, audit: deps.audit, notifications: deps.notifications, children });
  routes.push((app) => registerMessagesRoutes(app, { messages }));
  // Notices: the push is notifications' notify, called directly (floor 2, below family).
  const notices = createNoticesService({ db: deps.db, clock: deps.clock, audit: deps.audit, notify: deps.notifications.notify });
  const noticesInbox = createNoticesInbox({ db: deps.db, clock: deps.clock });
  const noticeAttachments = createNoticeAttachments({ db: deps.db, clock: deps.clock, store: deps.storage });
  routes.push((app) => registerNoticesRoutes(app, { notices, inbox: noticesInbox, attachments: noticeAttachments, audience: createNoticeAudience({ db: deps.db, children }) }));
  due.push({ name: 'notices.push', run: (now) => notices.pushDue(now) });
  // Routine (日常): class timetables, a child's day and school calendar, homework against the national limits.
  const homework = createHomeworkService({ db: deps.db, clock: deps.clock, audit: deps.audit, notifications: deps.notifications, children });
  const routine = createRoutineService({ db: deps.db, clock: deps.clock, audit: deps.audit, calendar: deps.calendar, children, homework });
  routes.push((app) => registerRoutineRoutes(app, { routine }), (app) => registerHomeworkRoutes(app, { homework }));
  const safety = safetyModuleFor(deps);
  routes.push(safety.register);
  due.push(safety.due);
  const attendance = createAttendanceAreaFor({ ...deps, children }); routes.push(attendance.register); due.push(attendance.due);

  return {
    children,
    notices,
    pickup,
    care,
    register: (app: AppInstance) => routes.forEach((r) => r(app)),
    /** Runs every area's due work once (the server's maintenance calls it every minute; tests with a moved clock). */
    runDue: async (now: Date) => {
      const done: Record<string, unknown> = {};
      for (const task of due) done[task.name] = await task.run(now);
      return done;
    },
  };
}

export type FamilyAndSafety = ReturnType<typeof familyAndSafetyFor>;
