import { type Actor, resourceReachOf, type Scope, scopeOf } from '../../access/actor.js';
import { regionInScope, resourceInScope, schoolInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { SCHOOL_KINDS, type SchoolKind } from '../../../../shared/domain.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import { regionNames, schoolNames } from '../org/org.names.js';
import { gradeNamesOf, regionFactsIn, type SchoolFact, schoolFactOf, schoolFactsIn } from '../org/school-facts.js';
import { departmentNamesOf, principalsOf } from '../people/who-answers.js';
import {
  countyFlows, featuredNotUsedBy, type MonthUseSums, productionBySchoolMonth, refreshUseRollup, type SchoolMonthProduction,
  type SchoolMonthUse, schoolsUsingFeaturedByMonth, useSumsByMonth, usesBySchoolMonth,
} from '../resources/equity-facts.js';
import { cvOfSums, type FigureColumns, giniOfSums, groupFiguresAt, type SchoolFigures, share } from './equity-figures.js';

/** Months on the trend line, the asked month included. */
export const TREND_MONTHS = 6;
/** Idle schools listed on the page itself; the list behind the figure has them all. */
export const IDLE_SHOWN = 50;
/** Closed months' use sums kept in memory (entries: views × months) before the memo starts over. */
const MAX_CLOSED_SUMS = 10_000;
/** Featured lessons on a school's home page card. */
export const RECOMMENDATIONS = 6;

/** 贫困村 / 农村 / 城区: a village school counts as 贫困村 only, so the three groups part the schools. */
export const LOCALITY_GROUPS = ['poor_village', 'rural', 'urban'] as const;
export type LocalityGroup = (typeof LOCALITY_GROUPS)[number];
export const localityGroupOf = (s: Pick<SchoolFact, 'poorVillage' | 'locality'>): LocalityGroup => (s.poorVillage ? 'poor_village' : s.locality);

export const SCHOOL_FILTERS = ['all', 'producers', 'users', 'idle', 'village-reached', 'village-not-reached'] as const;
export type SchoolFilter = (typeof SCHOOL_FILTERS)[number];

export interface EquityQuery { month?: string; countyId?: number }
export interface SchoolsQuery extends EquityQuery { filter?: SchoolFilter; kind?: SchoolKind; locality?: LocalityGroup; page: number; pageSize: number }

/** The months of the trend ending with `month`, oldest first. */
export function trendMonths(month: string, n = TREND_MONTHS): string[] {
  let [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) { m = 12; y -= 1; }
  }
  return out;
}

type Row = SchoolFigures & SchoolFact;

function isIdle(r: Row) { return r.produced === 0 && r.used === 0; }

const FILTERS: Record<SchoolFilter, (r: Row) => boolean> = {
  all: () => true,
  producers: (r) => r.produced > 0,
  users: (r) => r.used > 0,
  idle: isIdle,
  'village-reached': (r) => r.poorVillage && r.featuredUsed > 0,
  'village-not-reached': (r) => r.poorVillage && r.featuredUsed === 0,
};

/** The month's use sums (as useSumsByMonth sums them in SQL) from its per-school uses. */
function useSumsOf(month: string, uses: readonly SchoolMonthUse[]): MonthUseSums {
  const values = Float64Array.from(uses.filter((u) => u.month === month && u.used > 0), (u) => u.used).sort();
  let total = 0; let sumSquares = 0; let rankWeighted = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    total += x; sumSquares += x * x; rankWeighted += (k + 1) * x;
  }
  return { month, active: values.length, total, sumSquares, rankWeighted };
}

/**
 * The equity picture (均衡分析) of shared resources for the city and each county in the caller's
 * equity:read scope: who produces, who uses, how concentrated both are across schools, how far
 * featured lessons reach village schools, where used lessons come from, who does nothing. School
 * facts come from org, resource facts from resources/equity-facts.ts, names of who answers from
 * people: equity reads no table of its own or of another module.
 */
export function createEquityService(deps: { db: Db; clock: Clock }) {
  const db = deps.db.db;
  /**
   * Use sums of months already over, by view: a use counts on the day it happens, so a closed
   * month's uses never change and its sums are kept, not summed again on every page (the
   * province's five past months are most of the trend's cost). Featuring does not touch them:
   * the village reach is read afresh. Bounded: emptied when it grows past MAX_CLOSED_SUMS.
   */
  const closedSums = new Map<string, MonthUseSums>();

  async function useSums(scope: Scope, months: readonly string[], countyId?: number, known?: MonthUseSums): Promise<MonthUseSums[]> {
    const current = shanghaiDate(deps.clock.now()).slice(0, 7);
    const key = (m: string) => `${JSON.stringify(scope)}|${countyId ?? ''}|${m}`;
    const missing = months.filter((m) => m !== known?.month && (m >= current || !closedSums.has(key(m))));
    const read = missing.length ? await useSumsByMonth(db, scope, missing, countyId) : [];
    if (known) read.push(known);
    if (closedSums.size > MAX_CLOSED_SUMS) closedSums.clear();
    for (const m of known ? [...missing, known.month] : missing) {
      if (m >= current) continue;
      closedSums.set(key(m), read.find((r) => r.month === m) ?? { month: m, active: 0, total: 0, sumSquares: 0, rankWeighted: 0 });
    }
    return months.map((m) => read.find((r) => r.month === m) ?? closedSums.get(key(m))).filter((r): r is MonthUseSums => r !== undefined);
  }

  function scopeFor(actor: Actor): Scope {
    const scope = scopeOf(actor, 'equity:read');
    if (!scope) throw forbidden();
    return scope;
  }

  function monthOf(query: EquityQuery): string {
    const month = query.month ?? shanghaiDate(deps.clock.now()).slice(0, 7);
    if (month < '2000-01' || month > '2099-12') throw badRequest('EQUITY_BAD_MONTH', `月份 ${month} 超出范围：请选择 2000 年至 2099 年之间的月份`);
    return month;
  }

  /** The regions the view covers: the cities and counties of the scope, or the one county asked for (404 outside the scope). */
  async function regionsOf(scope: Scope, countyId?: number) {
    const regions = await regionFactsIn(db, regionInScope(scope));
    if (countyId === undefined) return regions;
    const county = regions.filter((r) => r.id === countyId && r.level === 'county');
    if (!county.length) throw notFound('县(市、区)');
    return county;
  }

  /** Every school of the view with its figures for `month` (production and use). */
  async function load(scope: Scope, month: string, countyId?: number, productionRows?: Promise<readonly SchoolMonthProduction[]>) {
    const [schools, allProduction, uses] = await Promise.all([
      schoolFactsIn(db, schoolInScope(scope), countyId),
      productionRows ?? productionBySchoolMonth(db, scope, [month], countyId),
      usesBySchoolMonth(db, scope, [month], countyId),
    ]);
    const production = allProduction.filter((p) => p.month === month);
    const cells = new Map<number, { produced: number; featured: number; used: number; featuredUsed: number }>();
    const cell = (id: number) => {
      let c = cells.get(id);
      if (!c) cells.set(id, (c = { produced: 0, featured: 0, used: 0, featuredUsed: 0 }));
      return c;
    };
    for (const p of production) Object.assign(cell(p.schoolId), { produced: p.produced, featured: p.featured });
    for (const u of uses) Object.assign(cell(u.schoolId), { used: u.used, featuredUsed: u.featuredUsed });
    const rows: Row[] = schools.map((s) => {
      const c = cells.get(s.id);
      return {
        id: s.id, code: s.code, name: s.name, kind: s.kind, locality: s.locality, poorVillage: s.poorVillage, countyId: s.countyId, cityId: s.cityId,
        schoolId: s.id, produced: c?.produced ?? 0, featured: c?.featured ?? 0, used: c?.used ?? 0, featuredUsed: c?.featuredUsed ?? 0,
      };
    });
    return { schools, rows, uses };
  }

  /**
   * The trend's months for the view's schools, from sums: production per school from the
   * resources (few), use from the database's sums over the rollup, village reach from the
   * rollup's rows of the village schools only.
   */
  async function trendOf(scope: Scope, months: readonly string[], schools: readonly SchoolFact[], production: readonly SchoolMonthProduction[], countyId?: number, known?: MonthUseSums) {
    const villages = schools.filter((s) => s.poorVillage).map((s) => s.id);
    const [sums, reached] = await Promise.all([
      useSums(scope, months, countyId, known),
      schoolsUsingFeaturedByMonth(db, villages, months),
    ]);
    const n = schools.length;
    return months.map((m) => {
      const produced = production.filter((p) => p.month === m && p.produced > 0).map((p) => p.produced).sort((a, b) => a - b);
      const p = {
        active: produced.length, total: produced.reduce((a, x) => a + x, 0),
        sumSquares: produced.reduce((a, x) => a + x * x, 0), rankWeighted: produced.reduce((a, x, k) => a + (k + 1) * x, 0),
      };
      const u = sums.find((x) => x.month === m) ?? { active: 0, total: 0, sumSquares: 0, rankWeighted: 0 };
      return {
        month: m, producers: p.active, users: u.active, produced: p.total, used: u.total,
        productionGini: giniOfSums(n, p), productionCv: cvOfSums(n, p), useGini: giniOfSums(n, u), useCv: cvOfSums(n, u),
        villageReach: share(reached.get(m) ?? 0, villages.length),
      };
    });
  }

  /**
   * Who answers for a school's taking part in resource sharing: its principal(s) by name, under
   * the county 教科所 that runs the library's review (named as the department).
   */
  async function responsibleOf(rows: readonly Row[]) {
    const [principals, departments] = await Promise.all([
      principalsOf(db, rows.map((r) => r.id)),
      departmentNamesOf(db, rows.map((r) => r.countyId), 'research'),
    ]);
    return (r: Row) => ({ departmentName: departments.get(`${r.countyId}:research`) ?? null, people: principals.get(r.id) ?? [] });
  }

  async function countyNamesOf(ids: readonly number[]) {
    return regionNames(db, [...new Set(ids)]);
  }

  function schoolItem(r: Row, countyName: string) {
    return {
      id: r.id, code: r.code, name: r.name, kind: r.kind, locality: localityGroupOf(r), poorVillage: r.poorVillage, countyId: r.countyId, countyName,
      produced: r.produced, featured: r.featured, used: r.used, featuredUsed: r.featuredUsed,
    };
  }

  /** The page: figures per region (by kind and by locality group), flows, idle schools, the trend. */
  async function overview(actor: Actor, query: EquityQuery) {
    const scope = scopeFor(actor);
    const month = monthOf(query);
    const months = trendMonths(month);
    const regions = await regionsOf(scope, query.countyId);
    await refreshUseRollup(db, deps.db.dialect);
    // The trend's six months of production, read once: the month's rows are among them.
    const production = productionBySchoolMonth(db, scope, months, query.countyId);
    const [{ schools, rows, uses }, flows, productionRows] = await Promise.all([
      load(scope, month, query.countyId, production),
      countyFlows(db, scope, month, query.countyId),
      production,
    ]);
    // Grouped in one pass, by region and by region × kind and region × locality group: a province
    // holds 160 regions over 15,000 schools, and filtering them region by region cost more than the
    // reads. Groups are lists of row indices over typed columns, not arrays of objects (less GC).
    const n = rows.length;
    const columns: FigureColumns = {
      produced: new Float64Array(n), used: new Float64Array(n), featuredUsed: new Float64Array(n), poorVillage: new Uint8Array(n),
    };
    const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
    const kindIndex = new Map(SCHOOL_KINDS.map((k, i) => [k, i]));
    const width = 1 + SCHOOL_KINDS.length + LOCALITY_GROUPS.length;
    const members: number[][] = Array.from({ length: regions.length * width }, () => []);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      columns.produced[i] = r.produced; columns.used[i] = r.used; columns.featuredUsed[i] = r.featuredUsed; columns.poorVillage[i] = r.poorVillage ? 1 : 0;
      const kind = 1 + kindIndex.get(r.kind)!;
      const locality = 1 + SCHOOL_KINDS.length + LOCALITY_GROUPS.indexOf(localityGroupOf(r));
      for (const region of [r.cityId, r.countyId]) {
        const g = regionIndex.get(region);
        if (g === undefined) continue;
        members[g * width]!.push(i);
        members[g * width + kind]!.push(i);
        members[g * width + locality]!.push(i);
      }
    }
    const regionRows = regions.map((region, g) => ({
      id: region.id, name: region.name, level: region.level, parentId: region.parentId,
      ...groupFiguresAt(columns, members[g * width]!),
      byKind: SCHOOL_KINDS.flatMap((kind, k) => members[g * width + 1 + k]!.length ? [{ kind, ...groupFiguresAt(columns, members[g * width + 1 + k]!) }] : []),
      byLocality: LOCALITY_GROUPS.map((group, l) => ({ group, ...groupFiguresAt(columns, members[g * width + 1 + SCHOOL_KINDS.length + l]!) })),
    }));
    const names = await countyNamesOf([...rows.map((r) => r.countyId), ...flows.flatMap((f) => [f.fromCountyId, f.toCountyId])]);
    const idleRows = rows.filter(isIdle);
    const shown = idleRows.slice(0, IDLE_SHOWN);
    const responsible = await responsibleOf(shown);
    // The asked month's use sums follow from its per-school uses, already read for the page.
    const trend = await trendOf(scope, months, schools, productionRows, query.countyId, useSumsOf(month, uses));
    return {
      month, countyId: query.countyId ?? null,
      total: groupFiguresAt(columns, Array.from({ length: n }, (_, i) => i)),
      regions: regionRows,
      flows: flows.map((f) => ({ ...f, fromCountyName: names.get(f.fromCountyId) ?? '', toCountyName: names.get(f.toCountyId) ?? '' })),
      idle: { total: idleRows.length, items: shown.map((r) => ({ ...schoolItem(r, names.get(r.countyId) ?? ''), responsible: responsible(r) })) },
      trend,
    };
  }

  /** The list behind a figure: the view's schools that pass the filter (and kind, locality group), a page at a time. */
  async function schools(actor: Actor, query: SchoolsQuery) {
    const scope = scopeFor(actor);
    const month = monthOf(query);
    await regionsOf(scope, query.countyId);
    await refreshUseRollup(db, deps.db.dialect);
    const { rows } = await load(scope, month, query.countyId);
    const pass = FILTERS[query.filter ?? 'all'];
    const all = rows.filter((r) => pass(r)
      && (query.kind === undefined || r.kind === query.kind)
      && (query.locality === undefined || localityGroupOf(r) === query.locality));
    const page = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const [names, responsible] = await Promise.all([countyNamesOf(page.map((r) => r.countyId)), responsibleOf(page)]);
    return {
      month, total: all.length, page: query.page, pageSize: query.pageSize,
      items: page.map((r) => ({ ...schoolItem(r, names.get(r.countyId) ?? ''), responsible: responsible(r) })),
    };
  }

  /**
   * Featured lessons for a school's grades in subject-and-grade pairs it has not used yet, among
   * those the reader may see; 404 for a school outside the reader's resource:read scope.
   */
  async function recommendations(actor: Actor, query: { schoolId: number }) {
    const scope = scopeOf(actor, 'resource:read');
    if (!scope) throw forbidden();
    const school = await schoolFactOf(db, schoolInScope(scope), query.schoolId);
    if (!school) throw notFound('学校');
    const grades = await gradeNamesOf(db, school.id);
    const items = await featuredNotUsedBy(db, resourceInScope(resourceReachOf(actor)), school.id, grades, RECOMMENDATIONS);
    const [names, sources] = await Promise.all([countyNamesOf(items.map((i) => i.countyId)), schoolNames(db, items.map((i) => i.schoolId))]);
    return {
      schoolId: school.id, schoolName: school.name,
      items: items.map((i) => ({ ...i, countyName: names.get(i.countyId) ?? '', schoolName: sources.get(i.schoolId) ?? '' })),
    };
  }

  return { overview, schools, recommendations };
}

export type EquityService = ReturnType<typeof createEquityService>;
