import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { LessonFacts } from '../recordings/recordings.lesson-facts.js';
import type { BookingsService } from '../rooms/bookings.service.js';
import { createActivityFiles } from './activities.files.js';
import { createActivityLessons, type WatchableLesson } from './activities.lessons.js';
import { registerActivitiesRoutes } from './activities.routes.js';
import { createActivityReads } from './activities.service.js';
import { createActivityWrites } from './activities.writes.js';
import { registerGroupsRoutes } from './groups.routes.js';
import { createGroupsService } from './groups.service.js';
import type { ResearchReach } from './research-reach.js';

/**
 * Research activities (教研活动) and groups (教研组, 名师工作室), built once from their
 * dependencies: the reach every research read goes through, recordings' lesson facts and its
 * `get` (who may watch a lesson), the inbox, the object store for lesson plans, and rooms'
 * bookings (a getter: rooms' bookings service is built after, asking research's `bookingCheck`).
 */
export function createResearchActivities(deps: {
  db: Db; clock: Clock; audit: AuditService; reach: ResearchReach; notify: NotificationsService['notify'];
  lessonFacts: LessonFacts; watchable: WatchableLesson; store?: ObjectStore;
  bookings: () => Pick<BookingsService, 'forPurpose' | 'cancelForPurpose'> | null;
}) {
  const { db, clock, audit, reach, notify, lessonFacts } = deps;
  const reads = createActivityReads({ db, clock, reach, lessonFacts, bookingsOf: async (id) => (await deps.bookings()?.forPurpose('research', id)) ?? [] });
  const writes = createActivityWrites({ db, clock, audit, reach, reads, notify, cancelBookingsOf: async (id) => deps.bookings()?.cancelForPurpose('research', id) });
  const lessons = createActivityLessons({ db, clock, audit, reach, reads, lessonFacts, watchable: deps.watchable });
  const files = createActivityFiles({ db, clock, audit, reach, reads, store: deps.store });
  const groups = createGroupsService({ db, clock, audit, notify });
  return {
    reads, writes, lessons, files, groups,
    /** For rooms' bookings: may this organiser book a room of that school for the activity? */
    bookingCheck: lessons.bookingCheck,
    register(app: AppInstance) {
      registerActivitiesRoutes(app, { reads, writes, lessons, files });
      registerGroupsRoutes(app, { groups });
    },
  };
}

export type ResearchActivities = ReturnType<typeof createResearchActivities>;
