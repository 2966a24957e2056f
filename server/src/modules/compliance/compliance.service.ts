import type { Kysely } from 'kysely';
import { DEPARTMENTS, type SchoolKind } from '../../../../shared/domain.js';
import type { Actor, Scope } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import { regionInScope, schoolInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { forbidden, notFound } from '../../http/errors.js';
import { eachDay, shanghaiDate } from '../../../../shared/dates.js';
import { checkDateRange } from '../calendar/date-range.js';
import { loadCalendar } from '../calendar/calendar-view.js';
import { rangeStatus } from '../calendar/day-status.js';
import * as q from './compliance.queries.js';
import {
  type CalendarNode, pairsForCalendarChange, recomputeRecentDays, recomputeSchoolDays, recountSchoolDay, type SchoolDayKey, trackSchools,
} from './compliance.recompute.js';
import { countedOn } from './compliance.counted-on.js';
import { DEFAULT_MIN_LESSONS, findQuotaRule, insertQuotaRule, listQuotaRules, type QuotaRule, updateQuotaRuleRow } from './quota-rules.js';
import { departmentAnswersFor } from '../../access/department-duties.js';
import { type NamedPersons, schoolResponsibles } from './responsibility.js';
import { streaksOf } from './streaks.js';
import { dailyTotals, heatCells, latestDayWithRows, trendDays } from './compliance.trend.js';
import * as board from './compliance.county-board.js';

interface Figures {
  schoolDays: number;
  metDays: number;
  missedDays: number;
  pendingDays: number;
  rate: number | null;
}

function figures(schoolDays: number, metDays: number, pendingDays: number): Figures {
  const judged = schoolDays - pendingDays;
  return { schoolDays, metDays, missedDays: judged - metDays, pendingDays, rate: judged > 0 ? metDays / judged : null };
}

/** Competition ranking (1, 1, 3) by rate, best first; rows without a rate get none. */
function rankByRate<T extends { rate: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const rates = rows.map((r) => r.rate).filter((r): r is number => r !== null).sort((a, b) => b - a);
  return rows.map((r) => ({ ...r, rank: r.rate === null ? null : rates.indexOf(r.rate) + 1 }));
}

/** The school list's filter and order (the page and the export share it). */
export interface SchoolListQuery {
  from: string; to: string; countyId?: number; met?: boolean; order?: 'best' | 'worst'; untracked?: boolean;
}

const EXPORT_PAGE = 500;

const dayCols = q.DAY_SCOPE_COLUMNS;
const trackCols = { id: 'compliance_tracking.school_id', county: 'compliance_tracking.county_id', city: 'compliance_tracking.city_id' };

/**
 * Compliance with the quota, read from the rollup within the caller's scope, and the hooks that
 * keep the rollup current (recordings, calendar, quota rules, the nightly pass).
 */
export function createComplianceService(deps: { db: Db; clock: Clock; namedPersons?: NamedPersons }) {
  const db = deps.db.db;
  const today = () => shanghaiDate(deps.clock.now());

  function scopeFor(actor: Actor): Scope {
    const scope = scopeOf(actor, 'compliance:read');
    if (!scope) throw forbidden();
    return scope;
  }

  function range(from: string, to: string): q.Range {
    checkDateRange(from, to);
    return { from, to, today: today() };
  }

  async function countyOrNotFound(scope: Scope, countyId: number | undefined) {
    if (countyId === undefined) return;
    const found = await q.countiesInScope(db, regionInScope(scope), countyId);
    if (!found.length) throw notFound('县(市、区)');
  }

  /** Per county (or, given a county, per school) figures for the range, ranked. */
  async function summary(actor: Actor, query: { from: string; to: string; countyId?: number }) {
    const scope = scopeFor(actor);
    const r = range(query.from, query.to);
    await countyOrNotFound(scope, query.countyId);
    if (query.countyId !== undefined) {
      const rows = await q.listSchoolTotals(db, schoolInScope(scope), schoolInScope(scope, dayCols), r,
        { countyId: query.countyId, order: 'best' }, 10_000, 0);
      const out = rows.map((s) => ({
        id: s.id, code: s.code, name: s.name, schools: s.since !== null && s.since <= r.to ? 1 : 0,
        ...figures(Number(s.school_days ?? 0), Number(s.met_days ?? 0), Number(s.pending_days ?? 0)),
      }));
      return { from: r.from, to: r.to, today: r.today, level: 'school' as const, rows: rankByRate(out), total: totalOf(out) };
    }
    const countyDays = q.countyDaysInScope(scope);
    const [counties, totals, tracked] = await Promise.all([
      q.countiesInScope(db, regionInScope(scope)),
      (countyDays ? q.totalsByCounty(db, countyDays, r) : q.totalsByCountyFromSchoolDays(db, schoolInScope(scope, dayCols), regionInScope(scope), r)).execute(),
      q.trackedByCounty(db, schoolInScope(scope, trackCols), r.to),
    ]);
    return countySummary(r, counties, totals, tracked);
  }

  /** The per-county summary of a range from its reads: counties in scope, totals per county and kind, tracked schools. */
  function countySummary(
    r: q.Range, counties: Awaited<ReturnType<typeof q.countiesInScope>>,
    totals: readonly { county_id: number; school_kind: SchoolKind; school_days: number | string | null; met_days: number | string | null; pending_days: number | string | null }[],
    tracked: Awaited<ReturnType<typeof q.trackedByCounty>>,
  ) {
    const rows = counties.map((c) => {
      const mine = totals.filter((t) => t.county_id === c.id);
      const schools = tracked.filter((t) => t.county_id === c.id);
      const part = (covers: (kind: SchoolKind) => boolean) => {
        const ts = mine.filter((t) => covers(t.school_kind));
        const sum = (k: 'school_days' | 'met_days' | 'pending_days') => ts.reduce((n, t) => n + Number(t[k]), 0);
        const n = schools.filter((x) => covers(x.kind)).reduce((a, x) => a + Number(x.schools), 0);
        return { schools: n, ...figures(sum('school_days'), sum('met_days'), sum('pending_days')) };
      };
      const departments = DEPARTMENTS.map((d) => ({ department: d, ...part((kind) => departmentAnswersFor(d, kind)) }));
      return { id: c.id, code: c.code, name: c.name, ...part(() => true), departments };
    });
    return { from: r.from, to: r.to, today: r.today, level: 'county' as const, rows: rankByRate(rows), total: totalOf(rows) };
  }

  function totalOf(rows: ({ schools: number } & Figures)[]) {
    const sum = (k: 'schoolDays' | 'metDays' | 'pendingDays' | 'schools') => rows.reduce((n, x) => n + x[k], 0);
    return { schools: sum('schools'), ...figures(sum('schoolDays'), sum('metDays'), sum('pendingDays')) };
  }

  /** Schools with their figures, streaks and the person responsible; `met: false` lists those that missed a day. */
  async function listSchools(actor: Actor, query: SchoolListQuery & { page: number; pageSize: number }, opts: { dayStatus?: boolean } = {}) {
    const scope = scopeFor(actor);
    const r = range(query.from, query.to);
    await countyOrNotFound(scope, query.countyId);
    const filter: q.SchoolListFilter = {
      countyId: query.countyId, met: query.met, order: query.order ?? (query.met === false ? 'worst' : 'best'), untracked: query.untracked,
    };
    const offset = (query.page - 1) * query.pageSize;
    const schoolScope = schoolInScope(scope);
    const dayScope = schoolInScope(scope, dayCols);
    const [rows, total, perRate, status] = await Promise.all([
      q.listSchoolTotals(db, schoolScope, dayScope, r, filter, query.pageSize, offset),
      q.countSchoolTotals(db, schoolScope, dayScope, r, filter),
      q.schoolsPerRate(db, schoolScope, dayScope, r, filter),
      // Said before the rows: a range outside every term is "not judged", not a page of failures.
      opts.dayStatus === false ? { dayStatus: null, dayName: null } : rangeStatus(db, scope, { countyId: query.countyId }, r.from, r.to),
    ]);
    // Competition rank by rate, best first, whichever way the page is ordered: worst first, the
    // last school reads 1st only if it is the best, not because it heads the page.
    const rankOf = (rate: number) => 1 + perRate.filter((x) => x.rate > rate + 1e-9).reduce((n, x) => n + x.schools, 0);
    const [days, responsibles] = await Promise.all([
      q.dayRows(db, rows.map((s) => s.id), r.from, r.to),
      schoolResponsibles(db, rows, deps.namedPersons),
    ]);
    // Grouped once: an export page holds 500 schools, and filtering every day row per school is quadratic.
    const daysOf = new Map<number, typeof days>();
    for (const d of days) {
      const list = daysOf.get(d.school_id);
      if (list) list.push(d);
      else daysOf.set(d.school_id, [d]);
    }
    const items = rows.map((s) => {
      const f = figures(Number(s.school_days ?? 0), Number(s.met_days ?? 0), Number(s.pending_days ?? 0));
      const streaks = streaksOf((daysOf.get(s.id) ?? []).map((d) => ({ day: d.day, schoolDay: d.school_day === 1, met: d.met === 1 })), r.today);
      return {
        id: s.id, code: s.code, name: s.name, kind: s.kind, countyId: s.county_id, countyName: s.county_name,
        tracked: s.since !== null, trackedSince: s.since, ...f, rank: f.rate === null ? null : rankOf(Number(s.rate)),
        currentStreak: streaks.current, longestStreak: streaks.longest,
        responsible: responsibles.get(s.id)!,
      };
    });
    return { items, total, page: query.page, pageSize: query.pageSize, ...status };
  }

  /**
   * Every row the list shows for the same filter and order, a page at a time, for the Excel
   * export. Checks scope, range and county before the first row, so a bad request is refused
   * before the download starts.
   */
  async function exportSchools(actor: Actor, query: SchoolListQuery) {
    const first = await listSchools(actor, { ...query, page: 1, pageSize: EXPORT_PAGE });
    return (async function* () {
      let page = first;
      for (let n = 1; ; n++) {
        yield* page.items;
        if (n * EXPORT_PAGE >= page.total) return;
        page = await listSchools(actor, { ...query, page: n + 1, pageSize: EXPORT_PAGE }, { dayStatus: false });
      }
    })();
  }

  /** One school day by day: the rollup where tracked, the calendar's verdict everywhere (heatmap). */
  async function schoolDays(actor: Actor, schoolId: number, query: { from: string; to: string }) {
    return (await schoolDaysAndRows(actor, schoolId, query)).view;
  }

  /**
   * The school dashboard's compliance: its days over the range and its trend, which for one
   * school is the same rows summed per day (what trend gives for the school), read once.
   */
  async function schoolBoard(actor: Actor, schoolId: number, query: { from: string; to: string }) {
    const { view, rows, r } = await schoolDaysAndRows(actor, schoolId, query);
    const perDay = rows.map((d) => ({ day: d.day, school_days: d.school_day, met_days: d.met }));
    return { days: view, trend: { from: r.from, to: r.to, days: trendDays(perDay, r) } };
  }

  async function schoolDaysAndRows(actor: Actor, schoolId: number, query: { from: string; to: string }) {
    const scope = scopeFor(actor);
    const r = range(query.from, query.to);
    const school = await q.findSchool(db, schoolInScope(scope), schoolId);
    if (!school) throw notFound('学校');
    const [rows, calendar] = await Promise.all([
      q.dayRows(db, [schoolId], r.from, r.to),
      loadCalendar(db, { schoolIds: [schoolId], from: r.from, to: r.to }),
    ]);
    const byDay = new Map(rows.map((d) => [d.day, d]));
    const days = eachDay(r.from, r.to).map((day) => {
      const row = byDay.get(day);
      const verdict = calendar.dayOf(schoolId, day);
      const pending = day === r.today && verdict.schoolDay && row?.met !== 1;
      if (!row) return { day, schoolDay: verdict.schoolDay, reason: verdict.reason, reasonName: verdict.name, required: null, counted: null, met: null, pending };
      return {
        day, schoolDay: row.school_day === 1, reason: row.reason as typeof verdict.reason, reasonName: row.reason_name,
        required: row.required, counted: row.counted, met: row.school_day === 1 ? row.met === 1 : null, pending,
      };
    });
    const view = {
      school: { id: school.id, code: school.code, name: school.name, kind: school.kind, countyId: school.county_id },
      tracked: school.since !== null, trackedSince: school.since, from: r.from, to: r.to, days,
    };
    return { view, rows, r };
  }

  /** The latest school day up to today with figures in the caller's scope (today when none): the dashboards' as-of day. */
  async function latestDay(actor: Actor) {
    const scope = scopeFor(actor);
    return { day: (await latestDayWithRows(db, scope, today())) ?? today() };
  }

  /** Day by day over the range (the 30-day trend): for the scope, one county of it, or one school. */
  async function trend(actor: Actor, query: { from: string; to: string; countyId?: number; schoolId?: number }) {
    const scope = scopeFor(actor);
    const r = range(query.from, query.to);
    await countyOrNotFound(scope, query.countyId);
    if (query.schoolId !== undefined && !(await q.findSchool(db, schoolInScope(scope), query.schoolId))) throw notFound('学校');
    return { from: r.from, to: r.to, days: await dailyTotals(db, scope, r, { countyId: query.countyId, schoolId: query.schoolId }) };
  }

  /** The schools that missed a day in the range, worst first (at most `limit`), each with its days as heatmap cells. */
  async function missedDayHeatmap(actor: Actor, query: { from: string; to: string; countyId?: number; limit: number }) {
    const scope = scopeFor(actor);
    const r = range(query.from, query.to);
    await countyOrNotFound(scope, query.countyId);
    const filter: q.SchoolListFilter = { countyId: query.countyId, met: false, order: 'worst' };
    const [rows, total] = await Promise.all([
      q.listSchoolTotals(db, schoolInScope(scope), schoolInScope(scope, dayCols), r, filter, query.limit, 0),
      q.countSchoolTotals(db, schoolInScope(scope), schoolInScope(scope, dayCols), r, filter),
    ]);
    const cells = await heatCells(db, scope, rows.map((s) => s.id), r);
    return {
      from: r.from, to: r.to, days: eachDay(r.from, r.to), total,
      rows: rows.map((s) => ({
        id: s.id, code: s.code, name: s.name, countyId: s.county_id, countyName: s.county_name,
        ...figures(Number(s.school_days ?? 0), Number(s.met_days ?? 0), Number(s.pending_days ?? 0)), cells: cells.get(s.id) ?? [],
      })),
    };
  }

  /**
   * The city dashboard's compliance: the as-of day and the month per county, the lagging schools
   * of the month, the trend and the heatmap of the trend's days — what summary, listSchools,
   * trend and missedDayHeatmap give, with the counties and tracked schools read once and the
   * day, month and trend taken from one read of the county-days. A scope naming schools (no
   * county-days) reads through those functions.
   */
  async function cityBoard(actor: Actor, periods: {
    day: { from: string; to: string }; month: { from: string; to: string }; trend: { from: string; to: string }; heatmapRows: number;
  }) {
    const scope = scopeFor(actor);
    const [day, month, trendRange] = [periods.day, periods.month, periods.trend].map((p) => range(p.from, p.to)) as [q.Range, q.Range, q.Range];
    const countyDays = q.countyDaysInScope(scope);
    const schoolScope = schoolInScope(scope);
    const dayScope = schoolInScope(scope, dayCols);
    const laggingOf = () => q.countSchoolTotals(db, schoolScope, dayScope, month, { met: false, order: 'worst' });
    if (!countyDays || day.to !== month.to) {
      const [d, m, lagging, t, heatmap] = await Promise.all([
        summary(actor, periods.day), summary(actor, periods.month), laggingOf(), trend(actor, periods.trend),
        missedDayHeatmap(actor, { ...periods.trend, limit: periods.heatmapRows }),
      ]);
      return { day: d, month: m, laggingSchools: lagging, trend: t, heatmap };
    }
    const from = month.from < trendRange.from ? month.from : trendRange.from;
    const to = month.to > trendRange.to ? month.to : trendRange.to;
    const [counties, tracked, rows, lagging, missed] = await Promise.all([
      q.countiesInScope(db, regionInScope(scope)),
      q.trackedByCounty(db, schoolInScope(scope, trackCols), month.to),
      q.countyDayRows(db, countyDays, from, to),
      laggingOf(),
      // Every school that missed a day, worst first: the heatmap shows the first, the total counts them all.
      q.listSchoolTotals(db, schoolScope, dayScope, trendRange, { met: false, order: 'worst' }, 1_000_000, 0),
    ]);
    const shown = missed.slice(0, periods.heatmapRows);
    const cells = await heatCells(db, scope, shown.map((s) => s.id), trendRange);
    const totalsIn = (r: q.Range) => {
      const byKey = new Map<string, { county_id: number; school_kind: SchoolKind; school_days: number; met_days: number; pending_days: number }>();
      for (const x of rows) {
        if (x.day < r.from || x.day > r.to) continue;
        const key = `${x.county_id}|${x.school_kind}`;
        const t = byKey.get(key) ?? { county_id: x.county_id, school_kind: x.school_kind, school_days: 0, met_days: 0, pending_days: 0 };
        t.school_days += Number(x.school_days);
        t.met_days += Number(x.met_days);
        if (r.to >= r.today && x.day >= r.today) t.pending_days += Number(x.school_days) - Number(x.met_days);
        byKey.set(key, t);
      }
      return [...byKey.values()];
    };
    const daily = new Map<string, { school_days: number; met_days: number }>();
    for (const x of rows) {
      if (x.day < trendRange.from || x.day > trendRange.to) continue;
      const t = daily.get(x.day) ?? { school_days: 0, met_days: 0 };
      t.school_days += Number(x.school_days);
      t.met_days += Number(x.met_days);
      daily.set(x.day, t);
    }
    return {
      day: countySummary(day, counties, totalsIn(day), tracked),
      month: countySummary(month, counties, totalsIn(month), tracked),
      laggingSchools: lagging,
      trend: { from: trendRange.from, to: trendRange.to, days: trendDays([...daily].map(([d, t]) => ({ day: d, ...t })), trendRange) },
      heatmap: {
        from: trendRange.from, to: trendRange.to, days: eachDay(trendRange.from, trendRange.to), total: missed.length,
        rows: shown.map((s) => ({
          id: s.id, code: s.code, name: s.name, countyId: s.county_id, countyName: s.county_name,
          ...figures(Number(s.school_days ?? 0), Number(s.met_days ?? 0), Number(s.pending_days ?? 0)), cells: cells.get(s.id) ?? [],
        })),
      },
    };
  }

  /**
   * One county's compliance for its dashboard, school by school: the as-of day, the month, the
   * lagging schools of the month, the trend and the heatmap of the trend's days — the same figures
   * as summary, listSchools, trend and missedDayHeatmap give for the county, in two statements.
   * 404 for a county outside the scope.
   */
  async function countyBoard(actor: Actor, countyId: number, periods: {
    day: { from: string; to: string }; month: { from: string; to: string }; trend: { from: string; to: string }; heatmapRows: number;
  }) {
    const scope = scopeFor(actor);
    const [day, month, trendRange] = [periods.day, periods.month, periods.trend].map((p) => range(p.from, p.to)) as [q.Range, q.Range, q.Range];
    const found = await board.countyWithSchools(db, regionInScope(scope), schoolInScope(scope), countyId);
    if (!found) throw notFound('县(市、区)');
    const from = month.from < trendRange.from ? month.from : trendRange.from;
    const to = [day.to, month.to, trendRange.to].sort().at(-1)!;
    const days = await board.countyDays(db, found.schools.map((x) => x.id), from, to);

    const schoolSummary = (r: q.Range) => {
      const out = board.rankedSchools(found.schools, days, r, 'best').map((s) => ({
        id: s.id, code: s.code, name: s.name, schools: s.since !== null && s.since <= r.to ? 1 : 0,
        ...figures(s.totals?.schoolDays ?? 0, s.totals?.metDays ?? 0, s.totals?.pendingDays ?? 0),
      }));
      return { from: r.from, to: r.to, today: r.today, level: 'school' as const, rows: rankByRate(out), total: totalOf(out) };
    };
    const parts = board.departmentParts(found.schools, days, month);
    const withFigures = (p: { schools: number; schoolDays: number; metDays: number; pendingDays: number }) =>
      ({ schools: p.schools, ...figures(p.schoolDays, p.metDays, p.pendingDays) });
    const missed = board.rankedSchools(found.schools, days, trendRange, 'worst').filter(board.missedSome);
    const shown = missed.slice(0, periods.heatmapRows);
    const cells = board.cellsOf(days.filter((d) => d.day >= trendRange.from && d.day <= trendRange.to), shown.map((s) => s.id), trendRange);
    return {
      county: { ...found.county, ...withFigures(parts.all), departments: parts.departments.map((d) => ({ department: d.department, ...withFigures(d) })) },
      day: schoolSummary(day),
      month: schoolSummary(month),
      laggingSchools: board.rankedSchools(found.schools, days, month, 'worst').filter(board.missedSome).length,
      trend: { from: trendRange.from, to: trendRange.to, days: board.dailyOf(days, trendRange) },
      heatmap: {
        from: trendRange.from, to: trendRange.to, days: eachDay(trendRange.from, trendRange.to), total: missed.length,
        rows: shown.map((s) => ({
          id: s.id, code: s.code, name: s.name, countyId: s.county_id, countyName: s.county_name,
          ...figures(s.totals?.schoolDays ?? 0, s.totals?.metDays ?? 0, s.totals?.pendingDays ?? 0), cells: cells.get(s.id) ?? [],
        })),
      },
    };
  }

  /**
   * The pipeline calls this when a recording becomes ready, is deleted or purged — inside its own
   * transaction when it has one (pass it as `trx`: on SQLite the one connection is held by it).
   */
  function onRecordingChanged(key: SchoolDayKey, trx?: Kysely<Database>) {
    return recountSchoolDay(trx ?? db, key, deps.clock.now());
  }

  /** The calendar calls this after a change on `days` at a node; recomputes the tracked school-days touched. */
  async function onCalendarChanged(node: CalendarNode, days: readonly string[]) {
    const pairs = await pairsForCalendarChange(db, node, days, today());
    return recomputeSchoolDays(db, pairs, { now: deps.clock.now() });
  }

  /** The school-days up to today a rule in force over [from, to] can decide. */
  function ruleDays(rule: Pick<QuotaRule, 'effectiveFrom' | 'effectiveTo'>): string[] {
    const end = rule.effectiveTo !== null && rule.effectiveTo < today() ? rule.effectiveTo : today();
    return rule.effectiveFrom <= end ? eachDay(rule.effectiveFrom, end) : [];
  }

  async function recomputeRuleDays(rule: Pick<QuotaRule, 'cityId' | 'countyId'>, days: readonly string[]) {
    const node: CalendarNode = rule.countyId !== null ? { countyId: rule.countyId } : { cityId: rule.cityId };
    return (await recomputeSchoolDays(db, await pairsForCalendarChange(db, node, days, today()), { now: deps.clock.now() })).length;
  }

  /** Adds a quota rule and recomputes the tracked school-days it can change. */
  async function addQuotaRule(rule: Omit<QuotaRule, 'id'>) {
    const id = await insertQuotaRule(db, rule, deps.clock.now().toISOString());
    return { id, recomputed: await recomputeRuleDays(rule, ruleDays(rule)) };
  }

  /** Changes a rule's kind, minimum or dates; recomputes the days it decided before and decides now. */
  async function updateQuotaRule(before: QuotaRule, after: Pick<QuotaRule, 'schoolKind' | 'minLessons' | 'effectiveFrom' | 'effectiveTo'>) {
    await updateQuotaRuleRow(db, before.id!, after);
    const days = new Set([...ruleDays(before), ...ruleDays(after)]);
    return { id: before.id!, recomputed: await recomputeRuleDays(before, [...days]) };
  }

  return {
    summary, listSchools, exportSchools, schoolDays, schoolBoard, latestDay, trend, missedDayHeatmap, cityBoard, countyBoard,
    onRecordingChanged, onCalendarChanged, addQuotaRule, updateQuotaRule,
    /** The rules of a city (and one county), with the article's minimum where none applies. */
    quotaRules: async (cityId: number, countyId?: number) => ({ defaultMinLessons: DEFAULT_MIN_LESSONS, rules: await listQuotaRules(db, cityId, countyId) }),
    findQuotaRule: (id: number) => findQuotaRule(db, id),
    trackSchools: (entries: readonly { schoolId: number; since: string }[]) => trackSchools(db, entries, deps.clock),
    recomputeRecentDays: (days?: number) => recomputeRecentDays(db, deps.clock, days),
    /** Each tracked school's day as the rollup has it (notifications' reminders and digests); no scope: callers are system tasks. */
    countedOn: (day: string, filter?: Parameters<typeof countedOn>[2]) => countedOn(db, day, filter, deps.clock.now()),
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;

/** One school of the compliance list, as the page and the export show it. */
export type SchoolListItem = Awaited<ReturnType<ComplianceService['listSchools']>>['items'][number];
