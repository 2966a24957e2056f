import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { AppInstance } from '../../http/app-types.js';
import type { AuditService } from '../audit/audit.service.js';
import { registerActivityExportRoutes } from './activity-export.routes.js';
import { createActivityExport, type StFigures, stFiguresOf } from './activity-export.service.js';
import type { ResearchReach } from './research-reach.js';
import { registerRubricsRoutes } from './rubrics.routes.js';
import { createRubricsService } from './rubrics.service.js';
import { registerScoresRoutes } from './scores.routes.js';
import { createScoresService } from './scores.service.js';

/**
 * Observation rubrics (课堂观察量表), scoring lessons on them, and the activity's 评课记录 export,
 * built together: app.ts makes them with one call and registers their routes with another.
 * `rubrics.assertUsable` is for the activities area (an activity may only choose a published
 * rubric in reach); the export takes Rt, Ch and the lesson type from the S-T area's analyseCodes.
 */
export function rubricsModuleFor(deps: { db: Kysely<Database>; clock: Clock; audit: AuditService; reach: ResearchReach; stFigures?: StFigures }) {
  const rubrics = createRubricsService({ db: deps.db, clock: deps.clock, audit: deps.audit });
  const scores = createScoresService({ db: deps.db, clock: deps.clock, reach: deps.reach, rubrics });
  const exports = createActivityExport({ db: deps.db, clock: deps.clock, audit: deps.audit, reach: deps.reach, scores, stFigures: deps.stFigures ?? stFiguresOf });
  return { rubrics, scores, exports };
}

export type RubricsModule = ReturnType<typeof rubricsModuleFor>;

export function registerRubricsModuleRoutes(app: AppInstance, m: RubricsModule) {
  registerRubricsRoutes(app, { rubrics: m.rubrics });
  registerScoresRoutes(app, { scores: m.scores });
  registerActivityExportRoutes(app, { exports: m.exports });
}
