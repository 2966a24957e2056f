import type { Kysely } from 'kysely';
import { isIsoDate, shanghaiDate } from '../../../../shared/dates.js';
import { MILESTONES, type Milestone, type Requirement } from '../../../../shared/rollout.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { AppError, badRequest } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { auditedBy, type Loaded, requireGrant, type RolloutLoader, type Who } from './rollout.load.js';
import { DEPARTMENT_NAMES, MILESTONE_NAMES, REQUIREMENT_NAMES } from './rollout.names.js';
import * as q from './rollout.queries.js';
import { mayWrite, mayWriteFor } from './rollout.reach.js';
import { builtDepartment, deadlineApplies, metBy, requirementDepartment } from './rollout.rules.js';
import { schoolView } from './rollout.views.js';

/**
 * One programme school: its detail (milestones with evidence, the deadlines that hold it) and the
 * writes on it — a milestone, the named person (专人负责), whether it was already built. Each write
 * is checked against the department answering for it (rollout.reach.ts), audited, and answers
 * with the school's detail.
 */
export function createSchoolRecords(deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }, loader: RolloutLoader) {
  const { db } = deps;
  const { today, dayOf, loadOne } = loader;

  /** One school: milestones with evidence and who recorded them, deadlines that apply, what is overdue. */
  async function getSchool(actor: Actor, id: number, query: { asOf?: string } = {}) {
    const asOf = dayOf(query.asOf);
    const l = await loadOne(actor, 'rollout:read', id);
    const view = schoolView(l, asOf, actor);
    const flipped = { ...l.state, built: !l.state.built };
    return {
      ...view, asOf,
      batchDueOn: l.state.batchDueOn,
      deadlines: l.deadlines.filter((d) => deadlineApplies(d, l.state))
        .map((d) => ({ id: d.id, name: d.name, dueOn: d.dueOn, requires: [...d.requires], met: d.requires.every((r) => metBy(l.state, r, asOf)) })),
      // What a change of the built flag would hold the school to, for the confirmation that asks.
      deadlinesIfBuiltChanged: l.deadlines.filter((d) => deadlineApplies(d, flipped))
        .map((d) => ({ id: d.id, name: d.name, dueOn: d.dueOn, requires: [...d.requires] })),
      milestones: view.milestones.map((m) => {
        const r = l.milestones.get(m.milestone);
        return {
          ...m, evidenceNote: r?.evidence_note ?? null, evidenceLink: r?.evidence_link ?? null,
          recordedBy: r?.recorded_by_user_id != null ? { userId: r.recorded_by_user_id, name: r.recorded_by_name ?? '' } : null,
          recordedAt: r?.recorded_at ?? null,
        };
      }),
    };
  }

  function checkDate(label: string, day: string, latest: string) {
    if (!isIsoDate(day)) throw badRequest('ROLLOUT_DATE_INVALID', `${label}「${day}」无效，请使用 2018-04-04 的格式`);
    if (day > latest) throw badRequest('ROLLOUT_DATE_IN_FUTURE', `${label} ${day} 晚于今天（${latest}），只能记录已经完成的节点`);
  }

  function dutyRefused(l: Loaded, r: Requirement): AppError {
    const d = requirementDepartment(r, l.row.kind);
    return new AppError(403, 'ROLLOUT_NOT_YOUR_DUTY',
      `${l.row.name}的「${REQUIREMENT_NAMES[r]}」由县${DEPARTMENT_NAMES[d]}负责记录，您所在的部门只能查看；如需修改请联系${l.row.county_name}${DEPARTMENT_NAMES[d]}`);
  }

  const placeOf = (l: Loaded) => ({ id: l.row.id, countyId: l.row.county_id, cityId: l.row.city_id, kind: l.row.kind });

  /** Records a milestone (done date with evidence, and/or the school's planned date) for a school. */
  async function recordMilestone(w: Who, id: number, body: {
    milestone: Milestone; doneOn?: string; plannedOn?: string; evidenceNote?: string; evidenceLink?: string;
  }) {
    const l = await loadOne(w.actor, 'rollout:read', id);
    requireGrant(w.actor, 'rollout:write');
    const place = placeOf(l);
    if (!mayWrite(w.actor, place, body.milestone)) throw dutyRefused(l, body.milestone);
    const name = MILESTONE_NAMES[body.milestone];
    if (body.doneOn === undefined && body.plannedOn === undefined) {
      throw badRequest('ROLLOUT_NOTHING_TO_RECORD', `请填写「${name}」的完成日期（连同佐证）或计划日期`);
    }
    const note = body.evidenceNote?.trim() || null;
    const link = body.evidenceLink?.trim() || null;
    const before = l.milestones.get(body.milestone);
    let doneOn = before?.done_on ?? null;
    if (body.doneOn !== undefined) {
      checkDate(`「${name}」的完成日期`, body.doneOn, today());
      if (!note && !link) {
        throw badRequest('ROLLOUT_EVIDENCE_REQUIRED', `记录「${name}」已完成需要佐证：请填写说明（如验收单号、激活账号）或附上链接`);
      }
      const at = MILESTONES.indexOf(body.milestone);
      for (const [i, m] of MILESTONES.entries()) {
        const other = l.state.milestones[m].doneOn;
        if (!other || m === body.milestone) continue;
        if ((i < at && other > body.doneOn) || (i > at && other < body.doneOn)) {
          throw badRequest('ROLLOUT_DATE_OUT_OF_ORDER',
            `「${name}」的完成日期 ${body.doneOn} 与「${MILESTONE_NAMES[m]}」的完成日期 ${other} 先后颠倒，请检查日期`);
        }
      }
      doneOn = body.doneOn;
    }
    if (body.plannedOn !== undefined && !isIsoDate(body.plannedOn)) {
      throw badRequest('ROLLOUT_DATE_INVALID', `「${name}」的计划日期「${body.plannedOn}」无效，请使用 2018-04-04 的格式`);
    }
    const now = deps.clock.now().toISOString();
    const recorded = body.doneOn !== undefined;
    await q.ensureRolloutSchool(db, place, now);
    await q.upsertMilestone(db, {
      school_id: id, milestone: body.milestone, county_id: l.row.county_id, city_id: l.row.city_id,
      planned_on: body.plannedOn ?? before?.planned_on ?? null, done_on: doneOn,
      evidence_note: recorded ? note : before?.evidence_note ?? null, evidence_link: recorded ? link : before?.evidence_link ?? null,
      recorded_by_user_id: recorded ? w.actor.userId : before?.recorded_by_user_id ?? null,
      recorded_at: recorded ? now : before?.recorded_at ?? null,
    });
    await deps.audit.record({
      ...auditedBy(w), action: 'rollout.milestone', targetType: 'school', targetId: id, result: 'success',
      detail: {
        milestone: body.milestone, doneOn: body.doneOn, plannedOn: body.plannedOn, evidenceNote: recorded ? note : undefined,
        evidenceLink: recorded ? link : undefined, before: before ? { doneOn: before.done_on, plannedOn: before.planned_on } : null,
      },
    });
    return getSchool(w.actor, id);
  }

  /** Staff who may be named for the school: accounts of the school, or of its county's bureau. */
  async function namedPersonCandidates(actor: Actor, id: number) {
    const l = await loadOne(actor, 'rollout:write', id);
    const rows = await q.namedPersonCandidates(db, { id: l.row.id, countyId: l.row.county_id });
    const seen = new Set<number>();
    return {
      items: rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({
        userId: r.id, name: r.name, username: r.username, role: r.role, department: r.department, atSchool: r.school_id !== null,
      })),
    };
  }

  /** Names the person responsible for the school's programme (专人负责). */
  async function setNamedPerson(w: Who, id: number, body: { userId: number }) {
    const l = await loadOne(w.actor, 'rollout:read', id);
    requireGrant(w.actor, 'rollout:write');
    const place = placeOf(l);
    if (!mayWrite(w.actor, place, 'named_person')) throw dutyRefused(l, 'named_person');
    const [person] = await q.namedPersonCandidates(db, { id: l.row.id, countyId: l.row.county_id }, body.userId);
    if (!person) {
      throw badRequest('ROLLOUT_NAMED_PERSON_NOT_ELIGIBLE',
        `负责人须是${l.row.name}或${l.row.county_name}教育局（含教科所、电教馆、学前教研室）的在用账号，请从候选人中选择`);
    }
    const now = deps.clock.now();
    await q.ensureRolloutSchool(db, place, now.toISOString());
    await q.setNamedPerson(db, id, person.id, shanghaiDate(now), w.actor.userId, now.toISOString());
    await deps.audit.record({
      ...auditedBy(w), action: 'rollout.named_person', targetType: 'school', targetId: id, result: 'success',
      detail: { userId: person.id, name: person.name, before: l.row.named_user_id },
    });
    return getSchool(w.actor, id);
  }

  /**
   * Says whether the school was already built when the deadlines were set (已建成录播室), which
   * chooses the deadlines it is held to. Set by hand, never derived from milestone dates: see
   * rollout.demo-seed.ts. The note says why, for the audit log.
   */
  async function setBuilt(w: Who, id: number, body: { built: boolean; note?: string }) {
    const l = await loadOne(w.actor, 'rollout:read', id);
    requireGrant(w.actor, 'rollout:write');
    const place = placeOf(l);
    const department = builtDepartment(l.row.kind);
    if (!mayWriteFor(w.actor, place, department)) {
      throw new AppError(403, 'ROLLOUT_NOT_YOUR_DUTY',
        `${l.row.name}是否已建成录播室由县${DEPARTMENT_NAMES[department]}确定，您所在的部门只能查看；如需修改请联系${l.row.county_name}${DEPARTMENT_NAMES[department]}`);
    }
    const now = deps.clock.now().toISOString();
    await q.ensureRolloutSchool(db, place, now);
    await q.setBuilt(db, id, body.built, now);
    await deps.audit.record({
      ...auditedBy(w), action: 'rollout.built', targetType: 'school', targetId: id, result: 'success',
      detail: { built: body.built, before: l.state.built, note: body.note?.trim() || undefined },
    });
    return getSchool(w.actor, id);
  }

  /** The named person of each school (no scope check: callers pass ids they already scoped). */
  async function namedPersons(schoolIds: number[]): Promise<Map<number, { userId: number; name: string } | null>> {
    const out = new Map<number, { userId: number; name: string } | null>(schoolIds.map((id) => [id, null]));
    for (const r of await q.namedPersonsOf(db, [...new Set(schoolIds)])) out.set(r.school_id, { userId: r.id, name: r.name });
    return out;
  }

  return { getSchool, recordMilestone, namedPersonCandidates, setNamedPerson, setBuilt, namedPersons };
}
