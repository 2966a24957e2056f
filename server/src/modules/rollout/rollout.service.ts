import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import { createRolloutLoader } from './rollout.load.js';
import { createRolloutPlan } from './rollout.plan.js';
import { createProgressViews } from './rollout.progress.js';
import { createSchoolRecords } from './rollout.school.js';

export type { SchoolQuery } from './rollout.load.js';
export type { RolloutCountyRow } from './rollout.progress.js';

/**
 * The programme's rollout: batches and their targets, deadlines, each school's milestones and
 * named person, overdue lists and progress per county — within the caller's reach, which for a
 * county department is its county and its duty (rollout.reach.ts).
 *
 * Put together from its parts: the city's plan (rollout.plan.ts), the views across schools
 * (rollout.progress.ts) and one school's detail and writes (rollout.school.ts), all reading
 * programme schools through one loader (rollout.load.ts).
 */
export function createRolloutService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const parts = { db: deps.db.db, clock: deps.clock, audit: deps.audit };
  const loader = createRolloutLoader(parts);
  const { listBatches, createBatch, updateBatch, listDeadlines, createDeadline, updateDeadline, deleteDeadline } = createRolloutPlan(parts);
  const { countyProgress, progress, listSchools, overdue } = createProgressViews(parts, loader);
  const { getSchool, recordMilestone, namedPersonCandidates, setNamedPerson, setBuilt, namedPersons } = createSchoolRecords(parts, loader);
  return {
    listBatches, createBatch, updateBatch, listDeadlines, createDeadline, updateDeadline, deleteDeadline,
    countyProgress, progress, listSchools, getSchool, overdue,
    recordMilestone, namedPersonCandidates, setNamedPerson, setBuilt, namedPersons,
  };
}

export type RolloutService = ReturnType<typeof createRolloutService>;
