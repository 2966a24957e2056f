import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { addDays, shanghaiDate } from '../../../../shared/dates.js';
import { checkDateRange } from '../calendar/date-range.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { type RangeStatus, statusOfReason } from '../calendar/day-status.js';
import type { RecordingStats } from '../recordings/recordings.stats.js';
import type { RolloutCountyRow, RolloutService } from '../rollout/rollout.service.js';

export type { RolloutCountyRow };

/** What the dashboards need of the rollout service. */
export type RolloutProgress = Pick<RolloutService, 'countyProgress'>;

/** Days of the trend line, the as-of day included. */
export const TREND_DAYS = 30;
/**
 * Lagging schools drawn on the heatmap, worst first; the list behind it has them all. The heatmap
 * spans the trend's 30 days, not the month so far: early in a month (the demo opens on 04-04) a
 * month-to-date grid would hold three or four columns.
 */
const HEATMAP_ROWS = { city: 30, county: 60 } as const;

/** The periods a dashboard shows for an as-of day: that day, its month up to it, and the 30 days up to it. */
export function periodsOf(asOf: string) {
  return {
    day: { from: asOf, to: asOf },
    month: { from: `${asOf.slice(0, 8)}01`, to: asOf },
    trend: { from: addDays(asOf, -(TREND_DAYS - 1)), to: asOf },
  };
}

/**
 * The city, county and school dashboards: each composes the compliance service (the same
 * `summary` the reports' Excel reads, so their totals agree), the recordings' subject and grade
 * counts, and the rollout's progress per county. Panels the caller's roles do not open (no
 * recording:read, no rollout:read) come back null instead of failing the whole dashboard.
 */
export function createDashboardsService(deps: {
  clock: Clock;
  compliance: ComplianceService;
  recordingStats: RecordingStats;
  /** The rollout's progress per county; without it the rollout panel is null. */
  rollout?: RolloutProgress | null;
  /** What the as-of day is (school day, holiday, outside every term); without it the status is null. */
  calendar?: Pick<CalendarService, 'dayStatus'> | null;
}) {
  const { compliance, recordingStats } = deps;
  const today = () => shanghaiDate(deps.clock.now());
  const asOfOf = (query: { asOf?: string }) => {
    const asOf = query.asOf ?? today();
    checkDateRange(asOf, asOf);
    return asOf;
  };

  function recordings(actor: Actor, range: { from: string; to: string }, only: { countyId?: number; schoolId?: number }) {
    if (!actor.permissions.has('recording:read')) return Promise.resolve(null);
    return recordingStats.bySubjectAndGrade(actor, { ...range, ...only }).then((rows) => ({ ...range, rows }));
  }

  async function rollout(actor: Actor, asOf: string, countyId?: number) {
    if (!deps.rollout || !actor.permissions.has('rollout:read')) return null;
    const rows = await deps.rollout.countyProgress(actor, countyId === undefined ? { asOf } : { asOf, countyId });
    return countyId === undefined ? rows : rows.filter((r) => r.countyId === countyId);
  }

  /**
   * What the day is, said once. A day some school was judged on is a school day (one school in
   * term makes the region's day one), so the calendar is read only to explain a day without figures.
   */
  function dayStatus(actor: Actor, asOf: string, only: { countyId?: number }, judgedSchoolDays: number): Promise<RangeStatus> {
    if (judgedSchoolDays > 0) return Promise.resolve({ dayStatus: 'school-day', dayName: null });
    if (!deps.calendar) return Promise.resolve({ dayStatus: null, dayName: null });
    return deps.calendar.dayStatus(actor, 'compliance:read', only, asOf, asOf);
  }

  function rolloutKpi(rows: RolloutCountyRow[] | null) {
    if (!rows) return null;
    const target = rows.reduce((n, r) => n + r.target, 0);
    const activated = rows.reduce((n, r) => n + r.activated, 0);
    const overdue = rows.reduce((n, r) => n + r.overdue, 0);
    return { target, activated, overdue, rate: target > 0 ? activated / target : null };
  }

  /** Every county in the caller's scope: figures per county, lagging schools, rollout per county. */
  async function city(actor: Actor, query: { asOf?: string }) {
    const asOf = asOfOf(query);
    const p = periodsOf(asOf);
    const [board, progress, bySubject] = await Promise.all([
      compliance.cityBoard(actor, { ...p, heatmapRows: HEATMAP_ROWS.city }),
      rollout(actor, asOf),
      recordings(actor, p.month, {}),
    ]);
    const { day, month } = board;
    const status = await dayStatus(actor, asOf, {}, day.total.schoolDays);
    return {
      level: 'city' as const, asOf, today: day.today, periods: p, ...status,
      kpis: { day: day.total, month: month.total, laggingSchools: board.laggingSchools, rollout: rolloutKpi(progress) },
      day, month, trend: board.trend, heatmap: board.heatmap, rollout: progress, recordings: bySubject,
    };
  }

  /**
   * One county in the caller's scope, school by school; 404 for a county outside it. Compliance
   * reads the county and its schools once and their days once (countyBoard), and the rollout
   * loads this county's schools only: eight statements with the session check.
   */
  async function county(actor: Actor, countyId: number, query: { asOf?: string }) {
    const asOf = asOfOf(query);
    const p = periodsOf(asOf);
    // The board answers 404 for a county outside the scope before anything else is read.
    const board = await compliance.countyBoard(actor, countyId, { ...p, heatmapRows: HEATMAP_ROWS.county });
    const [progress, bySubject] = await Promise.all([
      rollout(actor, asOf, countyId),
      recordings(actor, p.month, { countyId }),
    ]);
    const { day, month } = board;
    const status = await dayStatus(actor, asOf, { countyId }, day.total.schoolDays);
    return {
      level: 'county' as const, asOf, today: day.today, periods: p, ...status,
      county: { id: board.county.id, code: board.county.code, name: board.county.name, departments: board.county.departments },
      kpis: { day: day.total, month: month.total, laggingSchools: board.laggingSchools, rollout: rolloutKpi(progress) },
      day, month, trend: board.trend, heatmap: board.heatmap, rollout: progress, recordings: bySubject,
    };
  }

  /** One school in the caller's scope: its last 30 days day by day, its trend and its month's lessons; 404 outside it. */
  async function school(actor: Actor, schoolId: number, query: { asOf?: string }) {
    const asOf = asOfOf(query);
    const p = periodsOf(asOf);
    // The trend's 30 days, as the regional heatmap: the month so far may be a few days only.
    const { days, trend } = await compliance.schoolBoard(actor, schoolId, p.trend);
    const bySubject = await recordings(actor, p.month, { schoolId });
    const asOfDay = days.days.find((d) => d.day === asOf)!;
    const status = statusOfReason(asOfDay.reason);
    return {
      level: 'school' as const, asOf, today: today(), periods: p, dayStatus: status, dayName: status === 'holiday' ? asOfDay.reasonName : null,
      school: days.school, tracked: days.tracked, trackedSince: days.trackedSince,
      kpis: { day: figuresOfDays(days.days.filter((d) => d.day === asOf)), month: figuresOfDays(days.days.filter((d) => d.day >= p.month.from)) },
      days, trend, recordings: bySubject,
    };
  }

  return { city, county, school };
}

/** A school's figures from its days, as the summary counts them: school days with a row, today's unmet ones pending. */
function figuresOfDays(days: { schoolDay: boolean; met: boolean | null; pending: boolean }[]) {
  const school = days.filter((d) => d.schoolDay && d.met !== null);
  const metDays = school.filter((d) => d.met).length;
  const pendingDays = school.filter((d) => d.pending).length;
  const judged = school.length - pendingDays;
  return { schoolDays: school.length, metDays, missedDays: judged - metDays, pendingDays, rate: judged > 0 ? metDays / judged : null };
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
