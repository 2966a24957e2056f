import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import type { AuditService } from '../audit/audit.service.js';
import type { LessonFacts } from '../recordings/recordings.lesson-facts.js';
import { type ClassConsentCap, createResourcePublishing, type WatchableLesson } from './resources.publish.js';
import { registerResourcesRoutes } from './resources.routes.js';
import { createResourceLibrary } from './resources.service.js';
import { reindexResource } from './search-index.js';

/**
 * The resource library's core (publishing and browsing), built once from its dependencies:
 * recordings' lesson facts and its `get` (which lessons the publisher may see), and students'
 * consent cap of a class. Other resource areas (review, courseware, uses) take `library.reachable`.
 */
export function resourcesModuleFor(deps: {
  db: Db; clock: Clock; audit: AuditService; lessonFacts: LessonFacts; watchable: WatchableLesson; consentCap: ClassConsentCap;
}) {
  const library = createResourceLibrary({ db: deps.db, lessonFacts: deps.lessonFacts });
  const publishing = createResourcePublishing({
    db: deps.db, clock: deps.clock, audit: deps.audit, library, lessonFacts: deps.lessonFacts, watchable: deps.watchable,
    consentCap: deps.consentCap, reindex: (id) => reindexResource(deps.db.db, id),
  });
  return {
    library, publishing,
    register(app: AppInstance) {
      registerResourcesRoutes(app, { library, publishing });
    },
  };
}

export type ResourcesModule = ReturnType<typeof resourcesModuleFor>;
