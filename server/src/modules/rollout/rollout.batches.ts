import type { Kysely } from 'kysely';
import type { SchoolKind } from '../../../../shared/domain.js';
import { groupOf, SCHOOL_GROUPS, type SchoolGroup } from '../../../../shared/rollout.js';
import { isIsoDate } from '../../../../shared/dates.js';
import { type Actor, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { apportion } from '../../../../shared/apportion.js';
import type { AuditService } from '../audit/audit.service.js';
import { auditedBy, type Who } from './rollout.load.js';
import { GROUP_NAMES } from './rollout.names.js';
import * as q from './rollout.queries.js';

export type Targets = Record<SchoolGroup, number>;
export interface CountyTarget { countyId: number; kindergarten: number; primaryAndJunior: number }

export interface BatchInput {
  /** Needed only by an actor whose batch:write reaches more than one city. */
  cityId?: number;
  code: string;
  name: string;
  dueOn: string;
  targets: Targets;
  /** Each county's share; left out, the targets are shared out by the county's programme schools of the batch. */
  counties?: CountyTarget[];
}
export type BatchPatch = Partial<Omit<BatchInput, 'cityId' | 'code'>>;

/**
 * Shares a batch's city targets out over the counties in proportion to each county's programme
 * schools of the batch and group (evenly when the batch has none yet); the parts add up exactly.
 */
export function shareTargets(
  countyIds: readonly number[], counts: readonly { county_id: number; batch: string | null; kind: SchoolKind; n: number }[], code: string, targets: Targets,
) {
  return SCHOOL_GROUPS.flatMap((g) => {
    const weights = countyIds.map((id) => counts.filter((n) => n.county_id === id && n.batch === code && groupOf(n.kind) === g)
      .reduce((s, n) => s + Number(n.n), 0));
    const parts = targets[g] === 0 ? countyIds.map(() => 0)
      : apportion(targets[g], weights.some((w) => w > 0) ? weights : countyIds.map(() => 1));
    return countyIds.map((countyId, i) => ({ countyId, group: g, target: parts[i] ?? 0 }));
  });
}

/** The cities whose plan (batches, deadlines) the actor may change; null: every city. Refuses (403) an actor without batch:write. */
export function citiesWritable(actor: Actor): number[] | null {
  const scope = scopeOf(actor, 'batch:write');
  if (!scope) throw forbidden();
  return scope.all ? null : scope.cityIds;
}

/**
 * The city a new batch or deadline belongs to: the one named, if the actor may change its plan
 * (404 otherwise, like a missing city), or the actor's only city. `unnamed` is the error for an
 * actor who reaches several cities and named none.
 */
export async function cityFor(db: Kysely<Database>, actor: Actor, cityId: number | undefined, unnamed: () => Error): Promise<number> {
  const cities = citiesWritable(actor);
  if (cityId === undefined) {
    if (cities?.length === 1) return cities[0] as number;
    throw unnamed();
  }
  if (cities && !cities.includes(cityId)) throw notFound('市');
  const city = await db.selectFrom('regions').select('id').where('id', '=', cityId).where('level', '=', 'city').executeTakeFirst();
  if (!city) throw notFound('市');
  return cityId;
}

/**
 * Batches are the city's plan: creating and changing batches (and their county targets) need
 * batch:write, within the cities it reaches. Deadlines: rollout.deadlines.ts.
 */
export function createBatchWriter(deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {
  const { db } = deps;

  function checkDue(dueOn: string) {
    if (!isIsoDate(dueOn)) throw badRequest('ROLLOUT_DATE_INVALID', `批次完成日期「${dueOn}」无效，请使用 2018-08-31 的格式`);
  }

  /** County targets as given (checked to add up to the city's), or shared out by programme schools. */
  async function countyTargets(cityId: number, code: string, targets: Targets, given: CountyTarget[] | undefined) {
    const counties = await q.countiesOfCity(db, cityId);
    if (given) {
      const known = new Set(counties.map((c) => c.id));
      const stray = given.find((g) => !known.has(g.countyId));
      if (stray) throw badRequest('ROLLOUT_TARGET_COUNTY_UNKNOWN', `县(市、区) ${stray.countyId} 不属于本市，请检查各县目标`);
      for (const g of SCHOOL_GROUPS) {
        const sum = given.reduce((n, c) => n + c[g], 0);
        if (sum !== targets[g]) {
          throw badRequest('ROLLOUT_TARGETS_DO_NOT_ADD_UP', `各县${GROUP_NAMES[g]}目标之和为 ${sum}，与全市目标 ${targets[g]} 不一致，请调整`);
        }
      }
      return SCHOOL_GROUPS.flatMap((g) => given.map((c) => ({ countyId: c.countyId, group: g, target: c[g] })));
    }
    return shareTargets(counties.map((c) => c.id), await q.programmeCounts(db, cityId), code, targets);
  }

  async function create(w: Who, body: BatchInput): Promise<number> {
    const cityId = await cityFor(db, w.actor, body.cityId,
      () => badRequest('ROLLOUT_BATCH_CITY_REQUIRED', '您可以管理多个市的批次，请指定批次所属的市（cityId）'));
    checkDue(body.dueOn);
    if (await q.batchCodeTaken(db, cityId, body.code)) throw conflict('ROLLOUT_BATCH_CODE_TAKEN', `本市已有批次 ${body.code}，请换一个批次编号或修改原批次`);
    const rows = await countyTargets(cityId, body.code, body.targets, body.counties);
    const now = deps.clock.now().toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('rollout_batches').values({
        city_id: cityId, code: body.code, name: body.name.trim(), due_on: body.dueOn,
        target_kindergarten: body.targets.kindergarten, target_primary_junior: body.targets.primaryAndJunior, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await q.putTargets(trx, id, rows);
      return id;
    });
    await deps.audit.record({ ...auditedBy(w), action: 'rollout.batch_create', targetType: 'rollout_batch', targetId: id, result: 'success', detail: { cityId, code: body.code, dueOn: body.dueOn, targets: body.targets } });
    return id;
  }

  async function update(w: Who, id: number, patch: BatchPatch): Promise<void> {
    const cities = citiesWritable(w.actor);
    const batch = await q.findBatch(db, id);
    if (!batch || (cities && !cities.includes(batch.city_id))) throw notFound('批次');
    if (patch.dueOn !== undefined) checkDue(patch.dueOn);
    const targets = patch.targets ?? { kindergarten: batch.target_kindergarten, primaryAndJunior: batch.target_primary_junior };
    const retarget = patch.targets !== undefined || patch.counties !== undefined;
    const rows = retarget ? await countyTargets(batch.city_id, batch.code, targets, patch.counties) : null;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('rollout_batches').set({
        name: patch.name?.trim() ?? batch.name, due_on: patch.dueOn ?? batch.due_on,
        target_kindergarten: targets.kindergarten, target_primary_junior: targets.primaryAndJunior, updated_at: deps.clock.now().toISOString(),
      }).where('id', '=', id).execute();
      if (rows) await q.putTargets(trx, id, rows);
    });
    await deps.audit.record({ ...auditedBy(w), action: 'rollout.batch_update', targetType: 'rollout_batch', targetId: id, result: 'success', detail: { changed: Object.keys(patch), targets: patch.targets } });
  }

  return { create, update };
}
