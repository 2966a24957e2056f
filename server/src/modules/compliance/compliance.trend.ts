import { type Kysely, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import { eachDay } from '../../../../shared/dates.js';
import { countyDaysInScope, DAY_SCOPE_COLUMNS, type Range } from './compliance.queries.js';

/**
 * Day-by-day reads of the rollup for the dashboards: the trend line, the as-of day, the missed-day
 * heatmap. Whole counties and cities read the county-days (a few rows per day); a scope naming
 * schools, or one school, reads compliance_days by its school-first key.
 */

export interface TrendDay {
  day: string;
  schoolDays: number;
  metDays: number;
  /** Today's unmet school days: not missed yet. */
  pendingDays: number;
  /** Met ÷ judged (school days − pending); null on a day without judged school days. */
  rate: number | null;
}

type DayTotals = { day: string; school_days: number | string | null; met_days: number | string | null };

/** Per day of the range: school days and met days in scope (optionally one county or one school). */
export async function dailyTotals(
  db: Kysely<Database>, scope: Scope, r: Range, only: { countyId?: number; schoolId?: number } = {},
): Promise<TrendDay[]> {
  const countyDays = only.schoolId === undefined ? countyDaysInScope(scope) : null;
  let rows: DayTotals[];
  if (countyDays) {
    let q = db.selectFrom('compliance_county_days').where(countyDays)
      .where('compliance_county_days.day', '>=', r.from).where('compliance_county_days.day', '<=', r.to);
    if (only.countyId !== undefined) q = q.where('compliance_county_days.county_id', '=', only.countyId);
    rows = await q.select(['compliance_county_days.day'])
      .select([sql<number>`sum(compliance_county_days.school_days)`.as('school_days'), sql<number>`sum(compliance_county_days.met_days)`.as('met_days')])
      .groupBy('compliance_county_days.day').execute();
  } else {
    let q = db.selectFrom('compliance_days').where(schoolInScope(scope, DAY_SCOPE_COLUMNS))
      .where('compliance_days.day', '>=', r.from).where('compliance_days.day', '<=', r.to);
    if (only.countyId !== undefined) q = q.where('compliance_days.county_id', '=', only.countyId);
    if (only.schoolId !== undefined) q = q.where('compliance_days.school_id', '=', only.schoolId);
    rows = await q.select(['compliance_days.day'])
      .select([sql<number>`sum(compliance_days.school_day)`.as('school_days'), sql<number>`sum(compliance_days.met)`.as('met_days')])
      .groupBy('compliance_days.day').execute();
  }
  return trendDays(rows, r);
}

/** Day by day over the range from per-day sums (days without a row have none); today's unmet days are pending. */
export function trendDays(rows: readonly DayTotals[], r: Range): TrendDay[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return eachDay(r.from, r.to).map((day) => {
    const row = byDay.get(day);
    const schoolDays = Number(row?.school_days ?? 0);
    const metDays = Number(row?.met_days ?? 0);
    const pendingDays = day >= r.today ? schoolDays - metDays : 0;
    const judged = schoolDays - pendingDays;
    return { day, schoolDays, metDays, pendingDays, rate: judged > 0 ? metDays / judged : null };
  });
}

/**
 * The latest school day on or before `today` with rows in scope, or null when there is none —
 * the day dashboards open on, so a city whose data stops on some day shows that day, not an empty
 * today. Date-first keys answer it by reading backwards from `today`.
 */
export async function latestDayWithRows(db: Kysely<Database>, scope: Scope, today: string): Promise<string | null> {
  const countyDays = countyDaysInScope(scope);
  if (countyDays) {
    const row = await db.selectFrom('compliance_county_days').where(countyDays)
      .where('compliance_county_days.day', '<=', today).where('compliance_county_days.school_days', '>', 0)
      .select(sql<string | null>`max(compliance_county_days.day)`.as('day')).executeTakeFirst();
    return row?.day ?? null;
  }
  const row = await db.selectFrom('compliance_days').where(schoolInScope(scope, DAY_SCOPE_COLUMNS))
    .where('compliance_days.day', '<=', today).where('compliance_days.school_day', '=', 1)
    .select(sql<string | null>`max(compliance_days.day)`.as('day')).executeTakeFirst();
  return row?.day ?? null;
}

/** One cell of the heatmap: a school's day. `null`: no row (not tracked yet, or a day still to come). */
export type HeatCell = 'met' | 'missed' | 'pending' | 'off' | null;

/**
 * The given schools' days over the range as heatmap cells, one array per school aligned with
 * `eachDay(from, to)`. The scope confines the rows once more, so an id from elsewhere reads nothing.
 */
export async function heatCells(
  db: Kysely<Database>, scope: Scope, schoolIds: readonly number[], r: Range,
): Promise<Map<number, HeatCell[]>> {
  const days = eachDay(r.from, r.to);
  const out = new Map<number, HeatCell[]>(schoolIds.map((id) => [id, days.map(() => null)]));
  if (!schoolIds.length) return out;
  const rows = await db.selectFrom('compliance_days').where(schoolInScope(scope, DAY_SCOPE_COLUMNS))
    .where('compliance_days.school_id', 'in', [...schoolIds])
    .where('compliance_days.day', '>=', r.from).where('compliance_days.day', '<=', r.to)
    .select(['compliance_days.school_id', 'compliance_days.day', 'compliance_days.school_day', 'compliance_days.met'])
    .execute();
  const index = new Map(days.map((d, i) => [d, i]));
  for (const row of rows) {
    const cells = out.get(row.school_id);
    const i = index.get(row.day);
    if (!cells || i === undefined) continue;
    cells[i] = row.school_day !== 1 ? 'off' : row.met === 1 ? 'met' : row.day >= r.today ? 'pending' : 'missed';
  }
  return out;
}
