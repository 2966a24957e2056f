import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';

/**
 * What the equity picture (均衡分析, floor 6) needs of the resource library, so that equity never
 * reads the resources or uses tables itself: per-school production and use per month, county →
 * county flows, and featured lessons a school has not used yet. Every query confines itself to
 * the caller's scope IN SQL: production by the publishing school's columns, use by the using
 * school's columns (uses by bureau staff and anonymous readers belong to no school and count
 * nowhere here). Uses and flows are read from the rollup equity-rollup.ts keeps (call
 * refreshUseRollup before reading them); production from the resources themselves.
 *
 * "Produced in a month": resources first published (published_at) in that Asia/Shanghai month and
 * still published (a withdrawn one no longer counts). "Used in a month": uses on a day of it.
 * Featured: the resource's present 优课 / 精品课 mark.
 */

type Db = Kysely<Database>;

const RESOURCE_SCHOOL = { id: 'resources.school_id', county: 'resources.county_id', city: 'resources.city_id' };
const ROLLUP_SCHOOL = { id: 'resource_use_school_months.school_id', county: 'resource_use_school_months.county_id', city: 'resource_use_school_months.city_id' };

export { refreshUseRollup } from './equity-rollup.js';

/** The instant an Asia/Shanghai month (YYYY-MM) begins, as the ISO text published_at is kept in. */
export function monthStartInstant(month: string): string {
  return new Date(`${month}-01T00:00:00+08:00`).toISOString();
}

/** The month after YYYY-MM. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface SchoolMonthProduction {
  schoolId: number;
  month: string;
  produced: number;
  featured: number;
}

/**
 * Resources published per school and month over consecutive `months` (oldest first), by the
 * schools in `scope` (and of one county when given). Months are told apart by Shanghai month
 * boundaries on published_at, written as a CASE so both dialects group the same way.
 */
export async function productionBySchoolMonth(db: Db, scope: Scope, months: readonly string[], countyId?: number): Promise<readonly SchoolMonthProduction[]> {
  if (!months.length) return [];
  const bounds = [...months.map(monthStartInstant), monthStartInstant(nextMonth(months.at(-1)!))];
  const bucket = sql<string>`case ${sql.join(months.map((m, i) => sql`when resources.published_at < ${bounds[i + 1]!} then ${m}`), sql` `)} end`;
  let q = db.selectFrom('resources')
    .select([
      'resources.school_id', bucket.as('month'),
      (eb) => eb.fn.countAll<number>().as('produced'),
      sql<number>`sum(case when resources.feature is not null then 1 else 0 end)`.as('featured'),
    ])
    .where(schoolInScope(scope, RESOURCE_SCHOOL))
    .where('resources.visible_scope', 'is not', null)
    .where('resources.published_at', '>=', bounds[0]!).where('resources.published_at', '<', bounds.at(-1)!)
    // By position: PostgreSQL would not take the CASE with its own parameters as the same expression.
    .groupBy([sql`1`, sql`2`]);
  if (countyId !== undefined) q = q.where('resources.county_id', '=', countyId);
  // Kept while no resource changes (resourcesStamp): the six months' production is most of a province page's reading.
  return memo(db, resourcesCache, resourcesStamp, keyOf(q), async () => (await q.execute())
    .map((r) => Object.freeze({ schoolId: r.school_id, month: r.month, produced: Number(r.produced), featured: Number(r.featured) })));
}

export interface SchoolMonthUse {
  schoolId: number;
  month: string;
  used: number;
  /** Uses of featured lessons (优课 / 精品课). */
  featuredUsed: number;
}

/**
 * Uses read per database and query, with the rollup's stamp they were read at: the rollup only
 * moves when refreshUseRollup counts new uses or a featuring change, and then it writes its state
 * row, so between two uses a province's 15,000 rows are read once, not on every page.
 */
const rollupCache = new WeakMap<Db, { stamp: string; entries: Map<string, unknown> }>();
/** Likewise production, with the resources table's stamp. */
const resourcesCache = new WeakMap<Db, { stamp: string; entries: Map<string, unknown> }>();
/** Distinct queries kept per database before a memo starts over. */
const MAX_CACHED_QUERIES = 200;

/**
 * `read()` once per `key` while `stamp()` stays the same; kept only if the stamp did not move
 * while it was read. What it returns is shared between callers: treat it as read-only.
 */
async function memo<T>(db: Db, caches: WeakMap<Db, { stamp: string; entries: Map<string, unknown> }>, stampOf: (db: Db) => Promise<string>, key: string, read: () => Promise<T>): Promise<T> {
  const stamp = await stampOf(db);
  let cache = caches.get(db);
  if (!cache || cache.stamp !== stamp || cache.entries.size > MAX_CACHED_QUERIES) caches.set(db, (cache = { stamp, entries: new Map() }));
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = await read();
  if (caches.get(db) === cache && await stampOf(db) === stamp) cache.entries.set(key, value);
  return value;
}

const keyOf = (q: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
  const c = q.compile();
  return `${c.sql}|${JSON.stringify(c.parameters)}`;
};

/**
 * The resources table's stamp for production: count, highest id, newest updated_at, and checksums
 * of what production counts (published or not, featured or not), which a write that leaves
 * updated_at alone still moves. One aggregate over the table.
 */
async function resourcesStamp(db: Db): Promise<string> {
  const r = await db.selectFrom('resources').select((eb) => [
    eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('maxId'), eb.fn.max('updated_at').as('at'),
    sql<number>`sum(case when visible_scope is null then 0 else id * length(visible_scope) end)`.as('v'),
    sql<number>`sum(case when feature is null then 0 else id * length(feature) end)`.as('f'),
    sql<number>`sum(case when published_at is null then 0 else id end)`.as('p'),
  ]).executeTakeFirst();
  return [r?.n, r?.maxId, r?.at, r?.v, r?.f, r?.p].map((x) => String(x ?? '')).join('|');
}

/** The rollup's stamp: its state row (last counted use, when) and the set of featured resources it counts. */
async function rollupStamp(db: Db): Promise<string> {
  const [state, featured] = await Promise.all([
    db.selectFrom('resource_use_rollup_state').select(['last_use_id', 'updated_at']).where('id', '=', 1).executeTakeFirst(),
    db.selectFrom('resource_use_featured').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('resource_id').as('s')]).executeTakeFirst(),
  ]);
  return `${state?.last_use_id ?? ''}|${state?.updated_at ?? ''}|${Number(featured?.n ?? 0)}|${String(featured?.s ?? 0)}`;
}

/**
 * Uses per using school and month over `months`, by schools in `scope` (and of one county), from
 * the rollup (equity-rollup.ts): call refreshUseRollup first. The list is shared between callers
 * while the rollup stays the same: treat it as read-only.
 */
export async function usesBySchoolMonth(db: Db, scope: Scope, months: readonly string[], countyId?: number): Promise<readonly SchoolMonthUse[]> {
  if (!months.length) return [];
  let q = db.selectFrom('resource_use_school_months')
    .select(['school_id', 'month', 'uses', 'featured_uses'])
    .where(schoolInScope(scope, ROLLUP_SCHOOL))
    .where('month', 'in', [...months]);
  if (countyId !== undefined) q = q.where('county_id', '=', countyId);
  return memo(db, rollupCache, rollupStamp, keyOf(q), async () => (await q.execute())
    .map((r) => Object.freeze({ schoolId: r.school_id, month: r.month, used: Number(r.uses), featuredUsed: Number(r.featured_uses) })));
}

export interface MonthUseSums {
  month: string;
  /** Schools with at least one use. */
  active: number;
  total: number;
  sumSquares: number;
  /** Σ k·x with k the school's rank by uses (from 1, ascending) among the schools with uses. */
  rankWeighted: number;
}

/**
 * Per month of `months`: how many schools in `scope` used resources, and the sums the Gini and
 * the CV of per-school use follow from (equity-figures giniOfSums, cvOfSums) — summed in the
 * database, so the trend reads six rows, not every school's six months.
 */
export async function useSumsByMonth(db: Db, scope: Scope, months: readonly string[], countyId?: number): Promise<MonthUseSums[]> {
  if (!months.length) return [];
  let inner = db.selectFrom('resource_use_school_months')
    .select(['month', 'uses', sql<number>`row_number() over (partition by month order by uses)`.as('k')])
    .where(schoolInScope(scope, ROLLUP_SCHOOL)).where('month', 'in', [...months]).where('uses', '>', 0);
  if (countyId !== undefined) inner = inner.where('county_id', '=', countyId);
  const rows = await db.selectFrom(inner.as('x'))
    .select([
      'x.month', (eb) => eb.fn.countAll<number>().as('active'), sql<number>`sum(x.uses)`.as('total'),
      sql<number>`sum(x.uses * x.uses)`.as('sq'), sql<number>`sum(x.k * x.uses)`.as('rw'),
    ])
    .groupBy('x.month').execute();
  return rows.map((r) => ({ month: r.month, active: Number(r.active), total: Number(r.total), sumSquares: Number(r.sq), rankWeighted: Number(r.rw) }));
}

/** Per month: how many of these schools (the village schools of a view) used a featured lesson. */
export async function schoolsUsingFeaturedByMonth(db: Db, schoolIds: readonly number[], months: readonly string[]): Promise<ReadonlyMap<string, number>> {
  // Kept while the rollup stays the same (rollupStamp), like usesBySchoolMonth.
  return memo(db, rollupCache, rollupStamp, `featured-by-month|${months.join(',')}|${schoolIds.join(',')}`, () => readSchoolsUsingFeatured(db, schoolIds, months));
}

async function readSchoolsUsingFeatured(db: Db, schoolIds: readonly number[], months: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < schoolIds.length; i += 1000) {
    const rows = await db.selectFrom('resource_use_school_months').select(['month', (eb) => eb.fn.countAll<number>().as('n')])
      .where('school_id', 'in', schoolIds.slice(i, i + 1000)).where('month', 'in', [...months]).where('featured_uses', '>', 0)
      .groupBy('month').execute();
    for (const r of rows) out.set(r.month, (out.get(r.month) ?? 0) + Number(r.n));
  }
  return out;
}

export interface CountyFlow {
  /** The county whose school published the resource. */
  fromCountyId: number;
  /** The county whose school used it. */
  toCountyId: number;
  uses: number;
}

/**
 * Uses in a month by schools of one county of resources from another (or the same) county:
 * every flow whose using school or publishing school lies in `scope` (a county sees where its
 * lessons come from and where its own lessons go), of one county's when given.
 */
export async function countyFlows(db: Db, scope: Scope, month: string, countyId?: number): Promise<CountyFlow[]> {
  let q = db.selectFrom('resource_use_county_flows').select(['from_county_id', 'to_county_id', 'uses'])
    .where('month', '=', month).where(flowInScope(scope));
  if (countyId !== undefined) q = q.where((eb) => eb.or([eb('to_county_id', '=', countyId), eb('from_county_id', '=', countyId)]));
  const rows = await q.execute();
  return rows.map((r) => ({ fromCountyId: r.from_county_id, toCountyId: r.to_county_id, uses: Number(r.uses) }))
    .sort((a, b) => b.uses - a.uses || a.fromCountyId - b.fromCountyId || a.toCountyId - b.toCountyId);
}

/**
 * A flow is in scope when its using or its publishing county (or their city) is. A school-level
 * scope reaches no flow: no school role holds equity:read, and a county pair says nothing of one school.
 */
function flowInScope(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const parts = [];
  if (scope.cityIds.length) parts.push(sql`to_city_id in (${sql.join(scope.cityIds)}) or from_city_id in (${sql.join(scope.cityIds)})`);
  if (scope.countyIds.length) parts.push(sql`to_county_id in (${sql.join(scope.countyIds)}) or from_county_id in (${sql.join(scope.countyIds)})`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

export interface RecommendedLesson {
  id: number;
  title: string;
  subject: string;
  grade: string;
  feature: string;
  schoolId: number;
  countyId: number;
  featuredAt: string | null;
}

/**
 * Featured lessons (优课 / 精品课) the reader may see (`visible`: resourceInScope of the reader)
 * for the school's grades, in subject-and-grade pairs the school has not used any resource of
 * yet; 精品课 first, then the newest featured.
 */
export async function featuredNotUsedBy(db: Db, visible: Expression<SqlBool>, schoolId: number, grades: readonly string[], limit: number): Promise<RecommendedLesson[]> {
  if (!grades.length) return [];
  const rows = await db.selectFrom('resources')
    .select(['resources.id', 'resources.title', 'resources.subject', 'resources.grade', 'resources.feature', 'resources.school_id', 'resources.county_id', 'resources.featured_at'])
    .where(visible)
    .where('resources.feature', 'is not', null).where('resources.visible_scope', 'is not', null)
    .where('resources.grade', 'in', [...grades])
    .where('resources.school_id', '<>', schoolId)
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('resource_uses as u').innerJoin('resources as r2', 'r2.id', 'u.resource_id').select(sql`1`.as('one'))
        .where('u.school_id', '=', schoolId)
        .whereRef('r2.subject', '=', 'resources.subject').whereRef('r2.grade', '=', 'resources.grade'),
    )))
    .orderBy(sql`case when resources.feature = 'premium' then 0 else 1 end`).orderBy('resources.featured_at', 'desc').orderBy('resources.id', 'desc')
    .limit(limit).execute();
  return rows.map((r) => ({
    id: r.id, title: r.title, subject: r.subject, grade: r.grade, feature: r.feature!, schoolId: r.school_id, countyId: r.county_id, featuredAt: r.featured_at,
  }));
}
