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
  const attendance = createAttendanceAreaFor({ ...deps, children }); routes.push(attendance.register); due.push(attendance.due);

  return {
    children,
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
