import type { Kysely } from 'kysely';
import type { Department, SchoolKind } from '../../../../shared/domain.js';
import { isIsoDate, shanghaiDate } from '../../../../shared/dates.js';
import { MILESTONES, type Milestone, type Requirement } from '../../../../shared/rollout.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import * as q from './rollout.queries.js';
import { grantsFor, kindsOfDepartment, type RolloutAction, schoolReach } from './rollout.reach.js';
import type { DeadlineRule, SchoolState } from './rollout.rules.js';

/** Who is writing, for the access checks and the audit log. */
export type Who = { actor: Actor; ip: string };

/** The audit log's actor and address of a write. */
export const auditedBy = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

export interface SchoolQuery {
  countyId?: number;
  batch?: string;
  kind?: SchoolKind;
  department?: Department;
  overdue?: boolean;
  asOf?: string;
}

/** One programme school in reach: its row, its state for the rules, its milestone rows and its city's deadlines. */
export interface Loaded {
  row: q.SchoolRow;
  state: SchoolState;
  milestones: Map<Milestone, q.MilestoneRow>;
  deadlines: DeadlineRule[];
}

const NO_MILESTONE = { plannedOn: null, doneOn: null };

/** Refuses an actor with no grant of the action anywhere (403); where it reaches is the queries' business. */
export function requireGrant(actor: Actor, action: RolloutAction): void {
  if (!grantsFor(actor, action).length) throw forbidden();
}

/** Cities whose batches and deadlines the actor reads (null: every city). */
export function citiesOf(actor: Actor): number[] | null {
  const grants = grantsFor(actor, 'rollout:read');
  if (grants.some((g) => g.cityId === null)) return null;
  return [...new Set(grants.map((g) => g.cityId as number))];
}

/** A deadline row as the rules read it. */
export function deadlineRule(d: q.DeadlineRow): DeadlineRule {
  return { id: d.id, name: d.name, dueOn: d.due_on, appliesTo: d.applies_to, batchCode: d.batch_code, requires: JSON.parse(d.requires) as Requirement[] };
}

/** The programme filter of a list query: a department narrows the kinds to those it answers for. */
export function filterOf(query: SchoolQuery): q.ProgrammeFilter {
  const kinds = query.department ? kindsOfDepartment(query.department) : null;
  const kindList = query.kind ? (kinds && !kinds.includes(query.kind) ? [] : [query.kind]) : kinds ?? undefined;
  return { countyId: query.countyId, batch: query.batch, kinds: kindList };
}

/**
 * What every rollout view and write starts from: the programme schools the caller reaches, each
 * with its milestones, its batch's due date and its city's deadlines, and the day asked about.
 */
export function createRolloutLoader(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db } = deps;
  const today = () => shanghaiDate(deps.clock.now());

  /** The day a view is as of: the one asked for, checked, or today (Asia/Shanghai). */
  function dayOf(asOf: string | undefined): string {
    if (asOf === undefined) return today();
    if (!isIsoDate(asOf)) throw badRequest('ROLLOUT_AS_OF_INVALID', `日期「${asOf}」无效，请使用 2018-04-04 的格式`);
    return asOf;
  }

  async function deadlinesByCity(cityIds: number[] | null) {
    const out = new Map<number, DeadlineRule[]>();
    for (const d of await q.listDeadlines(db, cityIds)) {
      const list = out.get(d.city_id) ?? [];
      list.push(deadlineRule(d));
      out.set(d.city_id, list);
    }
    return out;
  }

  /**
   * Programme schools in reach with their state, filtered by the query's place and kind. `batches`:
   * the caller's cities' batches when the caller has read them already.
   */
  async function load(
    actor: Actor, action: RolloutAction, f: q.ProgrammeFilter, batches?: Awaited<ReturnType<typeof q.listBatches>>,
  ): Promise<Loaded[]> {
    requireGrant(actor, action);
    const reach = schoolReach(actor, action);
    const cities = citiesOf(actor);
    const [rows, milestoneRows, batchRows, deadlines] = await Promise.all([
      q.listSchools(db, reach, f), q.listMilestones(db, reach, f), batches ?? q.listBatches(db, cities), deadlinesByCity(cities),
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

  /** One programme school in reach, or 404 like a missing one. */
  async function loadOne(actor: Actor, action: RolloutAction, id: number): Promise<Loaded> {
    const [l] = await load(actor, action, { schoolId: id });
    if (!l) throw notFound('项目学校');
    return l;
  }

  return { today, dayOf, load, loadOne };
}

export type RolloutLoader = ReturnType<typeof createRolloutLoader>;
