import type { Department, SchoolKind } from '../../../../shared/domain.js';
import { type DeadlineApplies, MILESTONES, type Milestone, type Requirement } from '../../../../shared/rollout.js';
import { departmentFor } from '../../access/department-duties.js';

/**
 * The article's rules for the rollout, as pure functions of a school's state and a day.
 *
 * Routing: the 教科所 "负责推进学校录播室的安装和使用工作" — the recording room's installation and
 * use — so equipment installed and in regular use are the 教科所's milestones; registering and
 * activating the school on the platform, and the named person (专人负责), are the programme's:
 * the 电教馆's in primary, junior and nine-year schools, the 学前教研室's in kindergartens.
 */
export function requirementDepartment(r: Requirement, kind: SchoolKind): Department {
  return r === 'installed' || r === 'in_regular_use' ? departmentFor('recording', kind) : departmentFor('programme', kind);
}

/**
 * Who says whether a school was already built when the programme's deadlines were set: the
 * programme's department, since the flag only chooses which of the programme's deadlines holds it.
 */
export function builtDepartment(kind: SchoolKind): Department {
  return departmentFor('programme', kind);
}

/** The milestones a batch's due date requires: the school built, registered and activated. */
export const BATCH_REQUIRES: readonly Requirement[] = ['registered', 'installed', 'activated'];

export interface DeadlineRule {
  id: number;
  name: string;
  dueOn: string;
  appliesTo: DeadlineApplies;
  /** Only schools of this batch; null for every batch. */
  batchCode: string | null;
  requires: readonly Requirement[];
}

export interface MilestoneState {
  plannedOn: string | null;
  doneOn: string | null;
}

/** What the rules need to know of one programme school. */
export interface SchoolState {
  kind: SchoolKind;
  batch: string;
  /** The programme was already built when the deadlines were set. */
  built: boolean;
  batchDueOn: string | null;
  milestones: Record<Milestone, MilestoneState>;
  namedSince: string | null;
}

export type DueSource = 'plan' | 'deadline' | 'batch';

export interface DueItem {
  requirement: Requirement;
  dueOn: string;
  source: DueSource;
  /** The deadline's name when the source is a deadline. */
  deadlineName: string | null;
  department: Department;
}

export function deadlineApplies(d: DeadlineRule, s: Pick<SchoolState, 'built' | 'batch'>): boolean {
  return (d.appliesTo === 'built') === s.built && (d.batchCode === null || d.batchCode === s.batch);
}

/** Each requirement's earliest due date for the school: its own plan, a deadline or its batch's due date. */
export function dueItems(s: SchoolState, deadlines: readonly DeadlineRule[]): DueItem[] {
  const due = new Map<Requirement, DueItem>();
  const offer = (requirement: Requirement, dueOn: string | null, source: DueSource, deadlineName: string | null = null) => {
    if (!dueOn) return;
    const known = due.get(requirement);
    if (known && known.dueOn <= dueOn) return;
    due.set(requirement, { requirement, dueOn, source, deadlineName, department: requirementDepartment(requirement, s.kind) });
  };
  for (const m of MILESTONES) offer(m, s.milestones[m].plannedOn, 'plan');
  for (const d of deadlines) if (deadlineApplies(d, s)) for (const r of d.requires) offer(r, d.dueOn, 'deadline', d.name);
  for (const r of BATCH_REQUIRES) offer(r, s.batchDueOn, 'batch');
  return [...due.values()];
}

/** Whether a requirement was met by the end of `asOf`. */
export function metBy(s: SchoolState, r: Requirement, asOf: string): boolean {
  const on = r === 'named_person' ? s.namedSince : s.milestones[r].doneOn;
  return on !== null && on <= asOf;
}

/** Requirements whose due date has passed by `asOf` (a thing due on the 30th is overdue from the 1st). */
export function overdueItems(s: SchoolState, deadlines: readonly DeadlineRule[], asOf: string): DueItem[] {
  return dueItems(s, deadlines).filter((d) => d.dueOn < asOf && !metBy(s, d.requirement, asOf));
}

/** Which milestones a department records for a school of this kind. */
export function milestonesOf(department: Department, kind: SchoolKind): Milestone[] {
  return MILESTONES.filter((m) => requirementDepartment(m, kind) === department);
}
