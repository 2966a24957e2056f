import type { Department, SchoolKind } from '../../../../shared/domain.js';
import type { Actor } from '../../access/actor.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import { departmentAnswersFor, programmeGroupsOf } from '../../access/department-duties.js';
import type { RolloutCountyRow, RolloutService } from '../rollout/rollout.service.js';
import type { PatrolService } from '../patrol/patrol.service.js';

export type { RolloutCountyRow };

/** What the reports need of the rollout service. */
export type RolloutProgress = Pick<RolloutService, 'countyProgress'>;
/** What the reports need of class patrol: a county's figures over the period. */
export type PatrolFiguresSource = Pick<PatrolService, 'countyFigures'>;

/** Class patrol (巡课) in the county over the period: every school of the county, whichever department reports. */
export interface PatrolFigures {
  patrols: number;
  lessons: number;
  schools: number;
  patrollers: number;
  /** The mean patrol score (1–5); null without patrols. */
  meanScore: number | null;
}

export interface ComplianceFigures {
  schools: number;
  schoolDays: number;
  metDays: number;
  missedDays: number;
  pendingDays: number;
  rate: number | null;
}

export interface LaggingSchool {
  id: number;
  code: string;
  name: string;
  kind: SchoolKind;
  missedDays: number;
  rate: number | null;
}

/** The figures a report is pre-filled with: a snapshot, so an approved report reads as it was approved. */
export interface ReportFigures {
  /** The range the compliance figures cover: the period, cut at the day they were taken. */
  from: string;
  to: string;
  compliance: {
    /** All tracked schools of the county (what the 教科所 checks). */
    county: ComplianceFigures;
    /** The schools the report's department answers for. */
    department: ComplianceFigures & { department: Department };
    /** Schools of the department's duty that missed a day, worst first (at most LAGGING_SHOWN). */
    lagging: LaggingSchool[];
    laggingTotal: number;
  };
  /** The programme's rollout in the county for the department's schools; null when not available. */
  rollout: RolloutCountyRow[] | null;
  /** Class patrol in the county; absent in reports taken before patrols were reported, null when not available. */
  patrol?: PatrolFigures | null;
}

export const LAGGING_SHOWN = 10;
const EMPTY: ComplianceFigures = { schools: 0, schoolDays: 0, metDays: 0, missedDays: 0, pendingDays: 0, rate: null };

/** Which rollout groups a department drives: the 电教馆 primary and junior schools, the 学前教研室 kindergartens, the 教科所 looks at both. */
export function rolloutGroupsOf(department: Department): RolloutCountyRow['group'][] {
  return programmeGroupsOf(department);
}

/**
 * Takes a county department's figures for [from, to] as `actor` sees them, through the compliance
 * service's summary (the figures the dashboard and the Excel export show), the rollout service
 * and class patrol.
 */
export async function takeFigures(
  deps: { compliance: ComplianceService; rollout?: RolloutProgress; patrol?: PatrolFiguresSource },
  actor: Actor,
  report: { countyId: number; department: Department; from: string; to: string },
): Promise<ReportFigures> {
  const { countyId, department, from, to } = report;
  const summary = await deps.compliance.summary(actor, { from, to });
  const row = summary.rows.find((r) => r.id === countyId);
  const pick = (f: ComplianceFigures | undefined): ComplianceFigures => (f ? {
    schools: f.schools, schoolDays: f.schoolDays, metDays: f.metDays, missedDays: f.missedDays, pendingDays: f.pendingDays, rate: f.rate,
  } : EMPTY);
  const part = summary.level === 'county' ? summary.rows.find((r) => r.id === countyId)?.departments?.find((d) => d.department === department) : undefined;

  const lagging: LaggingSchool[] = [];
  let laggingTotal = 0;
  // A county holds a few hundred schools at most; the ones that missed a day come worst first.
  for (let page = 1; page <= 50; page++) {
    const { items } = await deps.compliance.listSchools(actor, { from, to, countyId, met: false, order: 'worst', page, pageSize: 100 }, { dayStatus: false });
    for (const s of items) {
      if (!departmentAnswersFor(department, s.kind) || s.missedDays === 0) continue;
      laggingTotal++;
      if (lagging.length < LAGGING_SHOWN) lagging.push({ id: s.id, code: s.code, name: s.name, kind: s.kind, missedDays: s.missedDays, rate: s.rate });
    }
    if (items.length < 100) break;
  }

  let rollout: RolloutCountyRow[] | null = null;
  if (deps.rollout) {
    const groups = rolloutGroupsOf(department);
    rollout = (await deps.rollout.countyProgress(actor, { asOf: to }))
      .filter((r) => r.countyId === countyId && groups.includes(r.group))
      .sort((a, b) => a.batch.localeCompare(b.batch) || a.group.localeCompare(b.group));
  }

  const patrol = deps.patrol ? await deps.patrol.countyFigures(actor, { countyId, from, to }) : null;

  return {
    from, to,
    compliance: { county: pick(row), department: { department, ...pick(part) }, lagging, laggingTotal },
    rollout,
    patrol,
  };
}
