import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { createHazardsService } from './hazards.service.js';
import { createSafetyEscalation } from './safety.escalation.js';
import { registerSafetyRoutes } from './safety.routes.js';
import { createSafetyService } from './safety.service.js';

/** 平安校园 built from its deps: its services, its routes, and its due work (escalating overdue hazards). */
export function safetyModuleFor(deps: { db: Db; clock: Clock; audit: AuditService; notifications: NotificationsService; storage?: ObjectStore }) {
  const hazards = createHazardsService(deps);
  const safety = createSafetyService({ ...deps, hazards });
  const escalation = createSafetyEscalation({ db: deps.db.db, audit: deps.audit, notifications: deps.notifications });
  return {
    hazards, safety,
    register: (app: AppInstance) => registerSafetyRoutes(app, { safety, hazards }),
    due: { name: 'safety.escalate', run: (now: Date) => escalation.run(now) },
  };
}
