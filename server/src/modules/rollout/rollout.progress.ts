import type { Kysely } from 'kysely';
import { groupOf, type SchoolGroup, SCHOOL_GROUPS } from '../../../../shared/rollout.js';
import type { Actor } from '../../access/actor.js';
import type { Database } from '../../db/schema.js';
import { citiesOf, filterOf, type RolloutLoader, type SchoolQuery } from './rollout.load.js';
import * as q from './rollout.queries.js';
import { groupsInCounty } from './rollout.reach.js';
import { metBy, overdueItems } from './rollout.rules.js';
import { dueView, schoolView } from './rollout.views.js';

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

/**
 * The views across many schools: the programme school list, the overdue list and progress per
 * county against the batches' targets, each as of a day and within the caller's reach.
 */
export function createProgressViews(deps: { db: Kysely<Database> }, loader: RolloutLoader) {
  const { db } = deps;
  const { dayOf, load } = loader;

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

  /**
   * Progress per county × batch × school group against the batch's targets (only groups the caller
   * sees); `countyId` keeps one county (the county dashboard). Four statements: the batches with
   * their targets and counties, then the schools, their milestones and the deadlines.
   */
  async function countyProgress(actor: Actor, query: { batch?: string; asOf?: string; countyId?: number } = {}): Promise<RolloutCountyRow[]> {
    const asOf = dayOf(query.asOf);
    const plan = await q.listBatchesWithTargets(db, citiesOf(actor), query.countyId);
    const loaded = await load(actor, 'rollout:read', { batch: query.batch, countyId: query.countyId }, plan.batches);
    const batchRows = plan.batches.filter((b) => query.batch === undefined || b.code === query.batch);
    const codeOf = new Map(batchRows.map((b) => [b.id, b]));
    const targets = plan.targets.filter((t) => codeOf.has(t.batch_id));
    // Counties of targets come named with them; a county with schools but no target is named by its schools' rows.
    const counties = new Map(plan.counties);
    for (const l of loaded) {
      if (!counties.has(l.row.county_id)) {
        counties.set(l.row.county_id, { id: l.row.county_id, code: l.row.county_code, name: l.row.county_name, parent_id: l.row.city_id });
      }
    }
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

  return { listSchools, overdue, countyProgress, progress };
}
