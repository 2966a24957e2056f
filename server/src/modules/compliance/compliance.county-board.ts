import type { Expression, Kysely, SqlBool } from 'kysely';
import { DEPARTMENTS, type SchoolKind } from '../../../../shared/domain.js';
import type { Database } from '../../db/schema.js';
import { eachDay } from '../../../../shared/dates.js';
import type { Range } from './compliance.queries.js';
import { departmentAnswersFor } from '../../access/department-duties.js';
import type { HeatCell, TrendDay } from './compliance.trend.js';

/**
 * Everything the county dashboard shows of compliance — its day, its month school by school, the
 * lagging schools, the 30-day trend and the missed-day heatmap — from two reads: the county with
 * its schools in scope, and those schools' days over the month and the trend. A county holds a few
 * hundred schools, so its days over a month are a few thousand rows; the sums, the order and the
 * filters are the ones the SQL of compliance.queries.ts applies (summary, listSchools, trend), so
 * the figures agree with the compliance pages.
 */

export interface BoardSchool {
  id: number;
  code: string;
  name: string;
  kind: SchoolKind;
  county_id: number;
  county_name: string;
  since: string | null;
}

export interface BoardDay {
  school_id: number;
  day: string;
  school_day: number;
  met: number;
  school_kind: SchoolKind;
}

/** The county (when in scope) and its schools in scope, in one statement: no school leaves one row of nulls. */
export async function countyWithSchools(
  db: Kysely<Database>, regionScope: Expression<SqlBool>, schoolScope: Expression<SqlBool>, countyId: number,
) {
  const rows = await db.selectFrom('regions')
    .leftJoin('schools', (j) => j.onRef('schools.county_id', '=', 'regions.id').on(schoolScope))
    .leftJoin('compliance_tracking', 'compliance_tracking.school_id', 'schools.id')
    .select([
      'regions.id as county_id', 'regions.code as county_code', 'regions.name as county_name',
      'schools.id', 'schools.code', 'schools.name', 'schools.kind', 'compliance_tracking.since',
    ])
    .where('regions.id', '=', countyId).where('regions.level', '=', 'county').where(regionScope)
    .orderBy('schools.id')
    .execute();
  if (!rows.length) return null;
  const first = rows[0]!;
  const schools: BoardSchool[] = rows.filter((r) => r.id !== null).map((r) => ({
    id: r.id!, code: r.code!, name: r.name!, kind: r.kind!, county_id: first.county_id, county_name: first.county_name, since: r.since,
  }));
  return { county: { id: first.county_id, code: first.county_code, name: first.county_name }, schools };
}

/**
 * The school-days of the given schools (the county's schools in scope, read by countyWithSchools)
 * over the range, by the rollup's school-first key. Not by the scope's city or county columns:
 * without statistics SQLite then reads a whole city's days over the range for one county.
 */
export function countyDays(db: Kysely<Database>, schoolIds: readonly number[], from: string, to: string): Promise<BoardDay[]> {
  if (!schoolIds.length) return Promise.resolve([]);
  return db.selectFrom('compliance_days')
    .select(['compliance_days.school_id', 'compliance_days.day', 'compliance_days.school_day', 'compliance_days.met', 'compliance_days.school_kind'])
    .where('compliance_days.school_id', 'in', [...schoolIds])
    .where('compliance_days.day', '>=', from).where('compliance_days.day', '<=', to)
    .execute();
}

interface Totals {
  schoolDays: number;
  metDays: number;
  pendingDays: number;
  /** Whether the school has any row in the range (the SQL's left join found totals). */
  hasRows: boolean;
}

/** Per school: sums over the range as totalsBySchool computes them. */
function totalsOf(days: readonly BoardDay[], r: Range): Map<number, Totals> {
  const out = new Map<number, Totals>();
  for (const d of days) {
    if (d.day < r.from || d.day > r.to) continue;
    let t = out.get(d.school_id);
    if (!t) out.set(d.school_id, (t = { schoolDays: 0, metDays: 0, pendingDays: 0, hasRows: true }));
    t.schoolDays += d.school_day;
    t.metDays += d.met;
    if (d.met === 0 && d.school_day === 1 && d.day >= r.today) t.pendingDays += 1;
  }
  return out;
}

export interface SchoolTotals extends BoardSchool {
  totals: Totals | null;
  rate: number | null;
}

const judgedOf = (t: Totals | null) => (t ? t.schoolDays - t.pendingDays : null);

/**
 * The schools with their totals, in the order of listSchoolTotals: judged schools first, by rate
 * (best or worst first), then by days missed, then by id; schools without rows last.
 */
export function rankedSchools(schools: readonly BoardSchool[], days: readonly BoardDay[], r: Range, order: 'best' | 'worst'): SchoolTotals[] {
  const totals = totalsOf(days, r);
  const rows = schools.map((s) => {
    const t = totals.get(s.id) ?? null;
    const judged = judgedOf(t);
    return { ...s, totals: t, rate: t && judged ? t.metDays / judged : null };
  });
  const missedOf = (x: SchoolTotals) => (x.totals ? judgedOf(x.totals)! - x.totals.metDays : null);
  return rows.sort((a, b) => {
    const ja = (judgedOf(a.totals) ?? 0) > 0 ? 0 : 1;
    const jb = (judgedOf(b.totals) ?? 0) > 0 ? 0 : 1;
    if (ja !== jb) return ja - jb;
    if (a.rate !== null && b.rate !== null && a.rate !== b.rate) return order === 'best' ? b.rate - a.rate : a.rate - b.rate;
    const ma = missedOf(a);
    const mb = missedOf(b);
    if (ma !== mb) {
      if (ma === null) return 1;
      if (mb === null) return -1;
      return order === 'best' ? ma - mb : mb - ma;
    }
    return a.id - b.id;
  });
}

/** Schools that missed at least one judged day in the range (listSchools' `met: false`). */
export function missedSome(s: SchoolTotals): boolean {
  return s.totals !== null && s.totals.schoolDays - s.totals.pendingDays > s.totals.metDays;
}

/** Day by day over the range: the county's sums, as dailyTotals reads them from the county-days. */
export function dailyOf(days: readonly BoardDay[], r: Range): TrendDay[] {
  const byDay = new Map<string, { schoolDays: number; metDays: number }>();
  for (const d of days) {
    if (d.day < r.from || d.day > r.to) continue;
    const t = byDay.get(d.day) ?? { schoolDays: 0, metDays: 0 };
    t.schoolDays += d.school_day;
    t.metDays += d.met;
    byDay.set(d.day, t);
  }
  return eachDay(r.from, r.to).map((day) => {
    const row = byDay.get(day);
    const schoolDays = row?.schoolDays ?? 0;
    const metDays = row?.metDays ?? 0;
    const pendingDays = day >= r.today ? schoolDays - metDays : 0;
    const judged = schoolDays - pendingDays;
    return { day, schoolDays, metDays, pendingDays, rate: judged > 0 ? metDays / judged : null };
  });
}

/** The schools' days as heatmap cells, as heatCells makes them. */
export function cellsOf(days: readonly BoardDay[], schoolIds: readonly number[], r: Range): Map<number, HeatCell[]> {
  const range = eachDay(r.from, r.to);
  const index = new Map(range.map((d, i) => [d, i]));
  const out = new Map<number, HeatCell[]>(schoolIds.map((id) => [id, range.map(() => null)]));
  for (const d of days) {
    const cells = out.get(d.school_id);
    const i = index.get(d.day);
    if (!cells || i === undefined) continue;
    cells[i] = d.school_day !== 1 ? 'off' : d.met === 1 ? 'met' : d.day >= r.today ? 'pending' : 'missed';
  }
  return out;
}

/**
 * The county's row of the county-level summary: tracked schools by the end of the range and the
 * figures, in all and per department, from the school-days of the kinds each department answers for.
 */
export function departmentParts(schools: readonly BoardSchool[], days: readonly BoardDay[], r: Range) {
  const inRange = days.filter((d) => d.day >= r.from && d.day <= r.to);
  const part = (covers: (kind: SchoolKind) => boolean) => {
    let schoolDays = 0;
    let metDays = 0;
    let pendingDays = 0;
    for (const d of inRange) {
      if (!covers(d.school_kind)) continue;
      schoolDays += d.school_day;
      metDays += d.met;
      if (d.day >= r.today) pendingDays += d.school_day - d.met;
    }
    const tracked = schools.filter((s) => s.since !== null && s.since <= r.to && covers(s.kind)).length;
    return { schools: tracked, schoolDays, metDays, pendingDays };
  };
  return { all: part(() => true), departments: DEPARTMENTS.map((d) => ({ department: d, ...part((kind) => departmentAnswersFor(d, kind)) })) };
}
