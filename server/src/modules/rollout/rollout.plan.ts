import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { type BatchInput, type BatchPatch, createBatchWriter } from './rollout.batches.js';
import { createDeadlineWriter, type DeadlineInput, type DeadlinePatch } from './rollout.deadlines.js';
import { citiesOf, deadlineRule, requireGrant, type Who } from './rollout.load.js';
import * as q from './rollout.queries.js';
import { groupsInCounty } from './rollout.reach.js';

/**
 * The city's plan as the API shows it (批次与时间节点): batches with each county's share of the
 * targets, and deadlines. Everyone with rollout:read reads the plan of their cities; the writes
 * (rollout.batches.ts, rollout.deadlines.ts) answer with the changed item as listed here.
 */
export function createRolloutPlan(deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {
  const { db } = deps;
  const batches = createBatchWriter(deps);
  const deadlines = createDeadlineWriter(deps);

  async function listBatches(actor: Actor) {
    requireGrant(actor, 'rollout:read');
    const rows = await q.listBatches(db, citiesOf(actor));
    const targets = await q.listTargets(db, rows.map((b) => b.id));
    const counties = new Map((await q.countiesById(db, [...new Set(targets.map((t) => t.county_id))])).map((c) => [c.id, c]));
    return {
      items: rows.map((b) => {
        const per = new Map<number, { countyId: number; countyName: string; countyCode: string; kindergarten: number; primaryAndJunior: number }>();
        for (const t of targets.filter((x) => x.batch_id === b.id)) {
          const c = counties.get(t.county_id);
          if (!c || !groupsInCounty(actor, { id: c.id, cityId: c.parent_id as number }).size) continue;
          const e = per.get(c.id) ?? { countyId: c.id, countyName: c.name, countyCode: c.code, kindergarten: 0, primaryAndJunior: 0 };
          e[t.school_group] = t.target;
          per.set(c.id, e);
        }
        return {
          id: b.id, cityId: b.city_id, code: b.code, name: b.name, dueOn: b.due_on,
          targets: { kindergarten: b.target_kindergarten, primaryAndJunior: b.target_primary_junior },
          counties: [...per.values()].sort((x, y) => x.countyCode.localeCompare(y.countyCode)),
        };
      }),
    };
  }

  async function listDeadlines(actor: Actor) {
    requireGrant(actor, 'rollout:read');
    return {
      items: (await q.listDeadlines(db, citiesOf(actor))).map((d) => {
        const { id, name, dueOn, appliesTo, batchCode, requires } = deadlineRule(d);
        return { id, cityId: d.city_id, name, dueOn, appliesTo, batchCode, requires: [...requires] };
      }),
    };
  }

  async function createBatch(w: Who, body: BatchInput) {
    const id = await batches.create(w, body);
    return (await listBatches(w.actor)).items.find((b) => b.id === id)!;
  }

  async function updateBatch(w: Who, id: number, patch: BatchPatch) {
    await batches.update(w, id, patch);
    return (await listBatches(w.actor)).items.find((b) => b.id === id)!;
  }

  /** Adds a deadline to the city's plan; the overdue lists follow at once. */
  async function createDeadline(w: Who, body: DeadlineInput) {
    const id = await deadlines.create(w, body);
    return (await listDeadlines(w.actor)).items.find((d) => d.id === id)!;
  }

  /** Moves or renames one of the city's deadlines; the overdue lists follow at once. */
  async function updateDeadline(w: Who, id: number, patch: DeadlinePatch) {
    await deadlines.update(w, id, patch);
    return (await listDeadlines(w.actor)).items.find((d) => d.id === id)!;
  }

  /** Removes one of the city's deadlines (see rollout.deadlines.ts for why even the last one may go). */
  async function deleteDeadline(w: Who, id: number): Promise<void> {
    await deadlines.remove(w, id);
  }

  return { listBatches, createBatch, updateBatch, listDeadlines, createDeadline, updateDeadline, deleteDeadline };
}
