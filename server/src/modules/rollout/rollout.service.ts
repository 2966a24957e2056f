import type { Department, SchoolKind } from '../../../../shared/domain.js';
import { isIsoDate, shanghaiDate } from '../../../../shared/dates.js';
import {
  groupOf, MILESTONES, type Milestone, type Requirement, type SchoolGroup, SCHOOL_GROUPS,
} from '../../../../shared/rollout.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { type BatchInput, type BatchPatch, createBatchWriter, type DeadlinePatch } from './rollout.batches.js';
import { DEPARTMENT_NAMES, MILESTONE_NAMES, REQUIREMENT_NAMES } from './rollout.names.js';
import * as q from './rollout.queries.js';
import { grantsFor, groupsInCounty, kindsOfDepartment, mayWrite, mayWriteFor, type RolloutAction, schoolReach } from './rollout.reach.js';
import {
  builtDepartment, deadlineApplies, type DeadlineRule, type DueItem, metBy, overdueItems, requirementDepartment, type SchoolState,
} from './rollout.rules.js';

type Who = { actor: Actor; ip: string };

/** One county's progress in one batch and school group (the interface reports and dashboards read). */
export interface RolloutCountyRow {
  countyId: number;
  countyName: string;
  countyCode: string;
  batch: string;
  group: SchoolGroup;
  target: number;
  schools: number;
  registered: number;
  installed: number;
  activated: number;
  inRegularUse: number;
  /** Schools with at least one requirement overdue as of the day asked. */
  overdue: number;
}

export interface SchoolQuery {
  countyId?: number;
  batch?: string;
  kind?: SchoolKind;
  department?: Department;
  overdue?: boolean;
  asOf?: string;
}

interface Loaded {
  row: q.SchoolRow;
  state: SchoolState;
  milestones: Map<Milestone, q.MilestoneRow>;
  deadlines: DeadlineRule[];
}

const NO_MILESTONE = { plannedOn: null, doneOn: null };

/**
 * The programme's rollout: batches and their targets, deadlines, each school's milestones and
 * named person, overdue lists and progress per county — within the caller's reach, which for a
 * county department is its county and its duty (rollout.reach.ts).
 */
export function createRolloutService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const db = deps.db.db;
  const today = () => shanghaiDate(deps.clock.now());
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });
  const batches = createBatchWriter({ db, clock: deps.clock, audit: deps.audit });

  function dayOf(asOf: string | undefined): string {
    if (asOf === undefined) return today();
    if (!isIsoDate(asOf)) throw badRequest('ROLLOUT_AS_OF_INVALID', `日期「${asOf}」无效，请使用 2018-04-04 的格式`);
    return asOf;
  }

  function requireGrant(actor: Actor, action: RolloutAction) {
    if (!grantsFor(actor, action).length) throw forbidden();
  }

  /** Cities whose batches and deadlines the actor reads (null: every city). */
  function citiesOf(actor: Actor): number[] | null {
    const grants = grantsFor(actor, 'rollout:read');
    if (grants.some((g) => g.cityId === null)) return null;
    return [...new Set(grants.map((g) => g.cityId as number))];
  }

  async function deadlinesByCity(cityIds: number[] | null) {
    const out = new Map<number, DeadlineRule[]>();
    for (const d of await q.listDeadlines(db, cityIds)) {
      const list = out.get(d.city_id) ?? [];
      list.push({ id: d.id, name: d.name, dueOn: d.due_on, appliesTo: d.applies_to, batchCode: d.batch_code, requires: JSON.parse(d.requires) as Requirement[] });
      out.set(d.city_id, list);
    }
    return out;
  }

  /** Programme schools in reach with their state, filtered by the query's place and kind. */
  async function load(actor: Actor, action: RolloutAction, f: q.ProgrammeFilter): Promise<Loaded[]> {
    requireGrant(actor, action);
    const reach = schoolReach(actor, action);
    const [rows, milestoneRows, batchRows, deadlines] = await Promise.all([
      q.listSchools(db, reach, f), q.listMilestones(db, reach, f), q.listBatches(db, citiesOf(actor)), deadlinesByCity(citiesOf(actor)),
    ]);
    const dues = new Map(batchRows.map((b) => [`${b.city_id}:${b.code}`, b.due_on]));
    const bySchool = new Map<number, Map<Milestone, q.MilestoneRow>>();
    for (const m of milestoneRows) {
      const map = bySchool.get(m.school_id) ?? new Map<Milestone, q.MilestoneRow>();
      map.set(m.milestone, m);
      bySchool.set(m.school_id, map);
    }
    return rows.map((row) => {
      const milestones = bySchool.get(row.id) ?? new Map<Milestone, q.MilestoneRow>();
      const state: SchoolState = {
        kind: row.kind, batch: row.batch as string, built: row.built === 1,
        batchDueOn: dues.get(`${row.city_id}:${row.batch}`) ?? null,
        milestones: Object.fromEntries(MILESTONES.map((m) => {
          const r = milestones.get(m);
          return [m, r ? { plannedOn: r.planned_on, doneOn: r.done_on } : NO_MILESTONE];
        })) as SchoolState['milestones'],
        namedSince: row.named_user_id !== null ? row.named_since : null,
      };
      return { row, state, milestones, deadlines: deadlines.get(row.city_id) ?? [] };
    });
  }

  const filterOf = (query: SchoolQuery): q.ProgrammeFilter => {
    const kinds = query.department ? kindsOfDepartment(query.department) : null;
    const kindList = query.kind ? (kinds && !kinds.includes(query.kind) ? [] : [query.kind]) : kinds ?? undefined;
    return { countyId: query.countyId, batch: query.batch, kinds: kindList };
  };

  const dueView = (d: DueItem, asOf: string) => ({
    requirement: d.requirement, requirementName: REQUIREMENT_NAMES[d.requirement], dueOn: d.dueOn, source: d.source,
    deadlineName: d.deadlineName, department: d.department, departmentName: DEPARTMENT_NAMES[d.department],
    daysOverdue: Math.round((Date.parse(asOf) - Date.parse(d.dueOn)) / 86_400_000),
  });

  function schoolView(l: Loaded, asOf: string, actor: Actor) {
    const { row, state } = l;
    const place = { id: row.id, countyId: row.county_id, cityId: row.city_id, kind: row.kind };
    const overdue = overdueItems(state, l.deadlines, asOf);
    return {
      id: row.id, code: row.code, name: row.name, kind: row.kind, countyId: row.county_id, countyName: row.county_name,
      batch: row.batch as string, group: groupOf(row.kind) as SchoolGroup, built: state.built,
      programmeDepartment: requirementDepartment('registered', row.kind),
      namedPerson: row.named_user_id !== null && row.named_name !== null
        ? { userId: row.named_user_id, name: row.named_name, since: row.named_since } : null,
      milestones: MILESTONES.map((m) => ({
        milestone: m, plannedOn: state.milestones[m].plannedOn, doneOn: state.milestones[m].doneOn,
        done: metBy(state, m, asOf), department: requirementDepartment(m, row.kind),
        canRecord: mayWrite(actor, place, m),
      })),
      overdue: overdue.map((d) => dueView(d, asOf)),
      canSetNamedPerson: mayWrite(actor, place, 'named_person'),
      canSetBuilt: mayWriteFor(actor, place, builtDepartment(row.kind)),
    };
  }

  /** Programme schools with their milestones and what is overdue as of the day asked. */
  async function listSchools(actor: Actor, query: SchoolQuery & { page: number; pageSize: number }) {
    const asOf = dayOf(query.asOf);
    let loaded = await load(actor, 'rollout:read', filterOf(query));
    if (query.overdue !== undefined) {
      loaded = loaded.filter((l) => {
        const items = overdueItems(l.state, l.deadlines, asOf).filter((d) => !query.department || d.department === query.department);
        return (items.length > 0) === query.overdue;
      });
    }
    const offset = (query.page - 1) * query.pageSize;
    return {
      asOf, total: loaded.length, page: query.page, pageSize: query.pageSize,
      items: loaded.slice(offset, offset + query.pageSize).map((l) => schoolView(l, asOf, actor)),
    };
  }

  async function loadOne(actor: Actor, action: RolloutAction, id: number) {
    const [l] = await load(actor, action, { schoolId: id });
    if (!l) throw notFound('项目学校');
    return l;
  }

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

  /** Overdue requirements, one line per school and requirement, longest overdue first. */
  async function overdue(actor: Actor, query: SchoolQuery) {
    const asOf = dayOf(query.asOf);
    const loaded = await load(actor, 'rollout:read', filterOf({ ...query, department: undefined }));
    const items = loaded.flatMap((l) => overdueItems(l.state, l.deadlines, asOf)
      .filter((d) => !query.department || d.department === query.department)
      .map((d) => ({
        schoolId: l.row.id, schoolCode: l.row.code, schoolName: l.row.name, kind: l.row.kind, countyId: l.row.county_id,
        countyName: l.row.county_name, batch: l.row.batch as string, built: l.state.built,
        namedPerson: l.row.named_user_id !== null && l.row.named_name !== null ? { userId: l.row.named_user_id, name: l.row.named_name } : null,
        ...dueView(d, asOf),
      })));
    items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.schoolCode.localeCompare(b.schoolCode) || a.requirement.localeCompare(b.requirement));
    return { asOf, total: items.length, items };
  }

  /** Progress per county × batch × school group against the batch's targets (only groups the caller sees). */
  async function countyProgress(actor: Actor, query: { batch?: string; asOf?: string } = {}): Promise<RolloutCountyRow[]> {
    const asOf = dayOf(query.asOf);
    const loaded = await load(actor, 'rollout:read', { batch: query.batch });
    const batchRows = (await q.listBatches(db, citiesOf(actor))).filter((b) => query.batch === undefined || b.code === query.batch);
    const targets = await q.listTargets(db, batchRows.map((b) => b.id));
    const codeOf = new Map(batchRows.map((b) => [b.id, b]));
    const counties = new Map((await q.countiesById(db, [...new Set([...targets.map((t) => t.county_id), ...loaded.map((l) => l.row.county_id)])]))
      .map((c) => [c.id, c]));
    const rows = new Map<string, RolloutCountyRow & { dueOn: string }>();
    const rowFor = (countyId: number, batch: string, group: SchoolGroup, dueOn: string) => {
      const key = `${countyId}:${batch}:${group}`;
      let r = rows.get(key);
      if (!r) {
        const c = counties.get(countyId);
        r = {
          countyId, countyName: c?.name ?? '', countyCode: c?.code ?? '', batch, group, target: 0, schools: 0,
          registered: 0, installed: 0, activated: 0, inRegularUse: 0, overdue: 0, dueOn,
        };
        rows.set(key, r);
      }
      return r;
    };
    for (const t of targets) {
      const b = codeOf.get(t.batch_id)!;
      const county = counties.get(t.county_id);
      if (!county || !groupsInCounty(actor, { id: county.id, cityId: county.parent_id as number }).has(t.school_group)) continue;
      if (t.target > 0) rowFor(t.county_id, b.code, t.school_group, b.due_on).target += t.target;
    }
    for (const l of loaded) {
      const group = groupOf(l.row.kind);
      if (!group) continue;
      const r = rowFor(l.row.county_id, l.state.batch, group, l.state.batchDueOn ?? '9999');
      r.schools += 1;
      if (metBy(l.state, 'registered', asOf)) r.registered += 1;
      if (metBy(l.state, 'installed', asOf)) r.installed += 1;
      if (metBy(l.state, 'activated', asOf)) r.activated += 1;
      if (metBy(l.state, 'in_regular_use', asOf)) r.inRegularUse += 1;
      if (overdueItems(l.state, l.deadlines, asOf).length) r.overdue += 1;
    }
    return [...rows.values()]
      .sort((a, b) => a.countyCode.localeCompare(b.countyCode) || a.dueOn.localeCompare(b.dueOn) || a.batch.localeCompare(b.batch)
        || SCHOOL_GROUPS.indexOf(a.group) - SCHOOL_GROUPS.indexOf(b.group))
      .map(({ dueOn: _d, ...r }) => r);
  }

  /** countyProgress with the day it is as of, for the route. */
  async function progress(actor: Actor, query: { batch?: string; asOf?: string }) {
    const asOf = dayOf(query.asOf);
    return { asOf, rows: await countyProgress(actor, { ...query, asOf }) };
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

  /** Records a milestone (done date with evidence, and/or the school's planned date) for a school. */
  async function recordMilestone(w: Who, id: number, body: {
    milestone: Milestone; doneOn?: string; plannedOn?: string; evidenceNote?: string; evidenceLink?: string;
  }) {
    const l = await loadOne(w.actor, 'rollout:read', id);
    requireGrant(w.actor, 'rollout:write');
    const place = { id: l.row.id, countyId: l.row.county_id, cityId: l.row.city_id, kind: l.row.kind };
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
      ...by(w), action: 'rollout.milestone', targetType: 'school', targetId: id, result: 'success',
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
    const place = { id: l.row.id, countyId: l.row.county_id, cityId: l.row.city_id, kind: l.row.kind };
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
      ...by(w), action: 'rollout.named_person', targetType: 'school', targetId: id, result: 'success',
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
    const place = { id: l.row.id, countyId: l.row.county_id, cityId: l.row.city_id, kind: l.row.kind };
    const department = builtDepartment(l.row.kind);
    if (!mayWriteFor(w.actor, place, department)) {
      throw new AppError(403, 'ROLLOUT_NOT_YOUR_DUTY',
        `${l.row.name}是否已建成录播室由县${DEPARTMENT_NAMES[department]}确定，您所在的部门只能查看；如需修改请联系${l.row.county_name}${DEPARTMENT_NAMES[department]}`);
    }
    const now = deps.clock.now().toISOString();
    await q.ensureRolloutSchool(db, place, now);
    await q.setBuilt(db, id, body.built, now);
    await deps.audit.record({
      ...by(w), action: 'rollout.built', targetType: 'school', targetId: id, result: 'success',
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
      items: (await q.listDeadlines(db, citiesOf(actor))).map((d) => ({
        id: d.id, cityId: d.city_id, name: d.name, dueOn: d.due_on, appliesTo: d.applies_to, batchCode: d.batch_code,
        requires: JSON.parse(d.requires) as Requirement[],
      })),
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

  /** Moves or renames one of the city's deadlines; the overdue lists follow at once. */
  async function updateDeadline(w: Who, id: number, patch: DeadlinePatch) {
    await batches.updateDeadline(w, id, patch);
    return (await listDeadlines(w.actor)).items.find((d) => d.id === id)!;
  }

  return {
    listBatches, createBatch, updateBatch, listDeadlines, updateDeadline, countyProgress, progress, listSchools, getSchool, overdue,
    recordMilestone, namedPersonCandidates, setNamedPerson, setBuilt, namedPersons,
  };
}

export type RolloutService = ReturnType<typeof createRolloutService>;
