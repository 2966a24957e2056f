import type { Kysely } from 'kysely';
import { isIsoDate } from '../../../../shared/dates.js';
import { type DeadlineApplies, type Requirement, REQUIREMENTS } from '../../../../shared/rollout.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { cityFor, citiesWritable } from './rollout.batches.js';
import { auditedBy, deadlineRule, type Who } from './rollout.load.js';
import { REQUIREMENT_NAMES } from './rollout.names.js';
import * as q from './rollout.queries.js';

export interface DeadlineInput {
  /** Needed only by an actor whose batch:write reaches more than one city. */
  cityId?: number;
  name: string;
  dueOn: string;
  appliesTo: DeadlineApplies;
  /** Only schools of this batch; left out or null: every batch. */
  batchCode?: string | null;
  requires: Requirement[];
}
export interface DeadlinePatch { name?: string; dueOn?: string }

const APPLIES_NAMES: Record<DeadlineApplies, string> = { built: '已建成的项目学校', new: '新实施的项目学校' };

/**
 * The city's deadlines (时间节点): what the overdue lists hold programme schools to besides their
 * own plans and their batch's due date. Adding, changing and removing one needs batch:write,
 * within the cities it reaches; every change is audited with what the deadline was.
 *
 * Removing is allowed even for the last deadline that holds a group of schools: a deadline set by
 * mistake must go, and the schools are then still held to their own planned dates and their
 * batch's due date. The audit row keeps the whole deadline, so it can be set again.
 */
export function createDeadlineWriter(deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {
  const { db } = deps;

  function checkName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw badRequest('ROLLOUT_NAME_REQUIRED', '时间节点名称不能为空，请填写（如：未实施项目学校完成注册激活使用和设备安装）');
    return trimmed;
  }

  function checkDue(label: string, dueOn: string) {
    if (!isIsoDate(dueOn)) throw badRequest('ROLLOUT_DATE_INVALID', `时间节点「${label}」的应完成日期「${dueOn}」无效，请使用 2018-04-30 的格式`);
  }

  /** One name per group of schools, so the overdue list's deadline name says which deadline it is. */
  async function checkUnique(d: { cityId: number; name: string; appliesTo: DeadlineApplies; batchCode: string | null }, exceptId?: number) {
    if (await q.sameDeadline(db, d, exceptId)) {
      throw conflict('ROLLOUT_DEADLINE_NAME_TAKEN',
        `本市已有适用于${APPLIES_NAMES[d.appliesTo]}${d.batchCode ? `（${d.batchCode} 批次）` : ''}的时间节点「${d.name}」，请换一个名称，或修改原节点`);
    }
  }

  /** Adds a deadline; the overdue lists hold the schools it applies to from the day after its day. */
  async function create(w: Who, body: DeadlineInput): Promise<number> {
    const cityId = await cityFor(db, w.actor, body.cityId,
      () => badRequest('ROLLOUT_DEADLINE_CITY_REQUIRED', '您可以管理多个市的时间节点，请指定时间节点所属的市（cityId）'));
    const name = checkName(body.name);
    checkDue(name, body.dueOn);
    // In the order the milestones are reached, each once: the deadline reads as the notice does.
    const requires = REQUIREMENTS.filter((r) => body.requires.includes(r));
    if (!requires.length) {
      throw badRequest('ROLLOUT_REQUIREMENTS_REQUIRED',
        `请选择时间节点「${name}」须完成的事项（可多选：${REQUIREMENTS.map((r) => REQUIREMENT_NAMES[r]).join('、')}）`);
    }
    const batchCode = body.batchCode ?? null;
    if (batchCode !== null) {
      const codes = (await q.listBatches(db, [cityId])).map((b) => b.code);
      if (!codes.includes(batchCode)) {
        throw badRequest('ROLLOUT_DEADLINE_BATCH_UNKNOWN', codes.length
          ? `本市没有 ${batchCode} 批次：请从本市的批次（${codes.join('、')}）中选择，或先新建该批次`
          : `本市没有 ${batchCode} 批次，也还没有任何批次：请先新建批次，或让时间节点适用于所有批次`);
      }
    }
    await checkUnique({ cityId, name, appliesTo: body.appliesTo, batchCode });
    const id = await q.insertDeadline(db, {
      city_id: cityId, name, due_on: body.dueOn, applies_to: body.appliesTo, batch_code: batchCode,
      requires: JSON.stringify(requires), created_at: deps.clock.now().toISOString(),
    });
    await deps.audit.record({
      ...auditedBy(w), action: 'rollout.deadline_create', targetType: 'rollout_deadline', targetId: id, result: 'success',
      detail: { cityId, name, dueOn: body.dueOn, appliesTo: body.appliesTo, batchCode, requires },
    });
    return id;
  }

  /** One of the actor's cities' deadlines, or 404 like a missing one. */
  async function findWritable(w: Who, id: number) {
    const cities = citiesWritable(w.actor);
    const deadline = await q.findDeadline(db, id);
    if (!deadline || (cities && !cities.includes(deadline.city_id))) throw notFound('时间节点');
    return deadline;
  }

  /** Renames a deadline or moves its day; which schools it applies to and what it requires stay. */
  async function update(w: Who, id: number, patch: DeadlinePatch): Promise<void> {
    const deadline = await findWritable(w, id);
    const name = checkName(patch.name ?? deadline.name);
    if (patch.dueOn !== undefined) checkDue(deadline.name, patch.dueOn);
    const dueOn = patch.dueOn ?? deadline.due_on;
    await checkUnique({ cityId: deadline.city_id, name, appliesTo: deadline.applies_to, batchCode: deadline.batch_code }, id);
    await q.updateDeadline(db, id, { name, due_on: dueOn });
    await deps.audit.record({
      ...auditedBy(w), action: 'rollout.deadline_update', targetType: 'rollout_deadline', targetId: id, result: 'success',
      detail: { cityId: deadline.city_id, changed: Object.keys(patch), before: { name: deadline.name, dueOn: deadline.due_on }, after: { name, dueOn } },
    });
  }

  /** Removes a deadline; the overdue lists stop holding schools to it at once, for every day asked about. */
  async function remove(w: Who, id: number): Promise<void> {
    const deadline = await findWritable(w, id);
    await q.deleteDeadline(db, id);
    const { id: _id, ...was } = deadlineRule(deadline);
    await deps.audit.record({
      ...auditedBy(w), action: 'rollout.deadline_delete', targetType: 'rollout_deadline', targetId: id, result: 'success',
      detail: { cityId: deadline.city_id, deleted: was },
    });
  }

  return { create, update, remove };
}
