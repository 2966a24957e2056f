import { groupOf, MILESTONES, type SchoolGroup } from '../../../../shared/rollout.js';
import type { Actor } from '../../access/actor.js';
import type { Loaded } from './rollout.load.js';
import { DEPARTMENT_NAMES, REQUIREMENT_NAMES } from './rollout.names.js';
import { mayWrite, mayWriteFor } from './rollout.reach.js';
import { builtDepartment, type DueItem, metBy, overdueItems, requirementDepartment } from './rollout.rules.js';

/** An overdue requirement as the API shows it: with its names, the department answering and the days it is late. */
export function dueView(d: DueItem, asOf: string) {
  return {
    requirement: d.requirement, requirementName: REQUIREMENT_NAMES[d.requirement], dueOn: d.dueOn, source: d.source,
    deadlineName: d.deadlineName, department: d.department, departmentName: DEPARTMENT_NAMES[d.department],
    daysOverdue: Math.round((Date.parse(asOf) - Date.parse(d.dueOn)) / 86_400_000),
  };
}

/** A programme school as the lists show it, with what the actor may change there. */
export function schoolView(l: Loaded, asOf: string, actor: Actor) {
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
