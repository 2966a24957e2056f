import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Clock } from '../../clock.js';
import type { ComplianceDayTable, Database } from '../../db/schema.js';
import { addDays, eachDay, maxDay, minDay, shanghaiDate } from '../../../../shared/dates.js';
import { loadCalendar } from '../calendar/calendar-view.js';
import type { DayReason } from '../calendar/school-day.js';
import { countedLessons, countedLessonsQuery } from '../recordings/recordings.counting-queries.js';
import { adjustMetDays, type CountyDayKey, refreshCountyDays } from './compliance.county-days.js';
import { loadQuotaRules } from './quota-rules.js';

/**
 * The compliance rollup, kept incrementally: one row per tracked school and school day (and per
 * other day on which a lesson was counted). Every change that can alter a day — a recording
 * becoming ready or going away, a calendar or quota change — recomputes exactly the (school, day)
 * pairs it touches, and the county-days above them (compliance.county-days.ts) in the same
 * transaction; a nightly pass over the last days repairs anything missed.
 */

export interface SchoolDayKey {
  schoolId: number;
  day: string;
}

export interface RecomputedDay extends SchoolDayKey {
  schoolDay: boolean;
  required: number;
  counted: number;
  met: boolean;
  reason: DayReason;
  /** True when the row was removed: no school that day and nothing counted. */
  removed: boolean;
}

// Schools per round: bounds the IN lists and keeps each write transaction short, since on SQLite
// a transaction holds the one connection every request shares.
const SCHOOLS_PER_ROUND = 200;
const ROWS_PER_INSERT = 400;

function groupBySchool(pairs: readonly SchoolDayKey[]): Map<number, Set<string>> {
  const bySchool = new Map<number, Set<string>>();
  for (const p of pairs) {
    let days = bySchool.get(p.schoolId);
    if (!days) bySchool.set(p.schoolId, (days = new Set()));
    days.add(p.day);
  }
  return bySchool;
}

/**
 * Recomputes exactly the given school-days of tracked schools (others are skipped: a school is
 * judged only from the day it is tracked) and returns what it recomputed.
 */
export async function recomputeSchoolDays(
  db: Kysely<Database>, pairs: readonly SchoolDayKey[], opts: { now?: Date } = {},
): Promise<RecomputedDay[]> {
  const computedAt = (opts.now ?? new Date()).toISOString();
  const bySchool = groupBySchool(pairs);
  const schoolIds = [...bySchool.keys()];
  const out: RecomputedDay[] = [];
  for (let i = 0; i < schoolIds.length; i += SCHOOLS_PER_ROUND) {
    const ids = schoolIds.slice(i, i + SCHOOLS_PER_ROUND);
    const tracked = new Map((await db.selectFrom('compliance_tracking').select(['school_id', 'since'])
      .where('school_id', 'in', ids).execute()).map((t) => [t.school_id, t.since]));
    const wanted: SchoolDayKey[] = [];
    for (const id of ids) {
      const since = tracked.get(id);
      if (since === undefined) continue;
      for (const day of bySchool.get(id)!) if (day >= since) wanted.push({ schoolId: id, day });
    }
    if (wanted.length) out.push(...(await recomputeTracked(db, wanted, computedAt)));
  }
  return out;
}

async function recomputeTracked(db: Kysely<Database>, pairs: SchoolDayKey[], computedAt: string): Promise<RecomputedDay[]> {
  const schoolIds = [...new Set(pairs.map((p) => p.schoolId))];
  const from = pairs.reduce((a, p) => minDay(a, p.day), pairs[0]!.day);
  const to = pairs.reduce((a, p) => maxDay(a, p.day), pairs[0]!.day);
  const calendar = await loadCalendar(db, { schoolIds, from, to });
  const [quota, counts] = await Promise.all([
    loadQuotaRules(db, [...new Set(calendar.schools().map((s) => s.cityId))]),
    countedLessons(db, schoolIds, from, to),
  ]);
  const counted = new Map(counts.map((c) => [`${c.schoolId}|${c.day}`, c.lessons]));

  const upserts: ComplianceDayTable[] = [];
  const removals: SchoolDayKey[] = [];
  const out: RecomputedDay[] = [];
  for (const { schoolId, day } of pairs) {
    const school = calendar.school(schoolId);
    if (!school) continue;
    const verdict = calendar.dayOf(schoolId, day);
    const n = counted.get(`${schoolId}|${day}`) ?? 0;
    const required = verdict.schoolDay ? quota.ruleFor(school, day).minLessons : 0;
    const met = verdict.schoolDay && n >= required;
    const removed = !verdict.schoolDay && n === 0;
    out.push({ schoolId, day, schoolDay: verdict.schoolDay, required, counted: n, met, reason: verdict.reason, removed });
    if (removed) removals.push({ schoolId, day });
    else {
      upserts.push({
        school_id: schoolId, county_id: school.countyId, city_id: school.cityId, school_kind: school.kind, day,
        school_day: verdict.schoolDay ? 1 : 0, required, counted: n, met: met ? 1 : 0,
        reason: verdict.reason, reason_name: verdict.name, computed_at: computedAt,
      });
    }
  }
  const countyDays: CountyDayKey[] = pairs.flatMap((p) => {
    const school = calendar.school(p.schoolId);
    return school ? [{ countyId: school.countyId, day: p.day }] : [];
  });
  await inTransaction(db, async (trx) => {
    await upsertDays(trx, upserts);
    for (const [schoolId, days] of groupBySchool(removals)) {
      await trx.deleteFrom('compliance_days').where('school_id', '=', schoolId).where('day', 'in', [...days]).execute();
    }
    await refreshCountyDays(trx, countyDays);
  });
  return out;
}

/** Writes rollup rows, replacing those of the same school and day. */
export async function upsertDays(db: Kysely<Database>, rows: readonly ComplianceDayTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db.insertInto('compliance_days').values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) => oc.columns(['school_id', 'day']).doUpdateSet((eb) => ({
        county_id: eb.ref('excluded.county_id'), city_id: eb.ref('excluded.city_id'), school_kind: eb.ref('excluded.school_kind'),
        school_day: eb.ref('excluded.school_day'), required: eb.ref('excluded.required'), counted: eb.ref('excluded.counted'),
        met: eb.ref('excluded.met'), reason: eb.ref('excluded.reason'), reason_name: eb.ref('excluded.reason_name'),
        computed_at: eb.ref('excluded.computed_at'),
      })))
      .execute();
  }
}

function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * A recording of the school-day became ready, was deleted or purged. Only its count can have
 * changed — the calendar and quota parts of the row are kept current by their own changes — so an
 * existing row is recounted in place, with ±1 on its county-day when the day flips. A missing row
 * is computed in full. On PostgreSQL that is one statement (one round trip, atomic without a
 * transaction of its own); on SQLite, in-process, a few statements in one transaction cost less
 * than a round trip.
 */
export async function recountSchoolDay(db: Kysely<Database>, key: SchoolDayKey, now: Date): Promise<RecomputedDay[]> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return recountInOneStatement(db, key, now);
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('compliance_days')
      .select(['county_id', 'school_kind', 'school_day', 'required', 'met', 'reason'])
      .select(countedLessonsQuery(trx, key.schoolId, key.day).as('counted_now'))
      .where('school_id', '=', key.schoolId).where('day', '=', key.day)
      .executeTakeFirst();
    if (!row) return recomputeSchoolDays(trx, [key], { now });
    const counted = Number(row.counted_now ?? 0);
    const met = row.school_day === 1 && counted >= row.required;
    const removed = row.school_day === 0 && counted === 0;
    if (removed) {
      await trx.deleteFrom('compliance_days').where('school_id', '=', key.schoolId).where('day', '=', key.day).execute();
      await refreshCountyDays(trx, [{ countyId: row.county_id, day: key.day }]);
    } else {
      await trx.updateTable('compliance_days').set({ counted, met: met ? 1 : 0, computed_at: now.toISOString() })
        .where('school_id', '=', key.schoolId).where('day', '=', key.day).execute();
    }
    if (met !== (row.met === 1)) await adjustMetDays(trx, { countyId: row.county_id, day: key.day, kind: row.school_kind }, met ? 1 : -1);
    return [{ ...key, schoolDay: row.school_day === 1, required: row.required, counted, met, reason: row.reason as DayReason, removed }];
  });
}

interface RecountRow {
  county_id: number;
  school_kind: ComplianceDayTable['school_kind'];
  school_day: number;
  required: number;
  met: number;
  reason: string;
  counted: number;
  adjusted: number;
  fresh: boolean;
}

// A recount that keeps meeting newer ones gives way to the nightly pass rather than loop.
const MAX_RECOUNT_TRIES = 5;

/**
 * PostgreSQL's recount as one statement: the row is locked and read as it was (`old`), the lessons
 * counted by the recordings module's query (`n`), the row updated — or deleted when it is no
 * school day and nothing counts — and the county-day moved by the change in `met`. A missing row
 * (answer: no row) falls back to the full computation; a missing county-day (`adjusted` 0 although
 * the day flipped) and a removal (the county-day may have lost its last row) are re-totalled after
 * it, in a second statement.
 *
 * A READ COMMITTED statement counts from the snapshot taken when it started, but locks the row's
 * newest version. When another recount of the same school-day committed in between (the row's
 * version changed while we waited for its lock), our count may miss that recount's lesson — two
 * lessons of one day turning ready together would count as one. The statement then writes nothing
 * (`fresh` false) and runs again with a new snapshot.
 */
async function recountInOneStatement(db: Kysely<Database>, key: SchoolDayKey, now: Date): Promise<RecomputedDay[]> {
  const { day } = key;
  let row: RecountRow | undefined;
  for (let tries = 1; ; tries += 1) {
    ({ rows: [row] } = await recountStatement(db, key, now, { ownCommit: !db.isTransaction }).execute(db));
    if (!row || row.fresh) break;
    if (tries === MAX_RECOUNT_TRIES) return [];
  }
  if (!row) return recomputeSchoolDays(db, [key], { now });
  const met = row.school_day === 1 && row.counted >= row.required;
  const removed = row.school_day === 0 && row.counted === 0;
  if (removed || (met !== (row.met === 1) && row.adjusted === 0)) await refreshCountyDays(db, [{ countyId: row.county_id, day }]);
  return [{ ...key, schoolDay: row.school_day === 1, required: row.required, counted: row.counted, met, reason: row.reason as DayReason, removed }];
}

/**
 * PostgreSQL's recount statement (see recountInOneStatement); exported for the benchmark's EXPLAIN.
 * `ownCommit`: the statement is its own transaction, and its commit need not wait for the WAL to
 * reach the disk (synchronous_commit off for this transaction alone). The rollup is derived from
 * recordings that were committed durably before: a database crash can lose at most the last
 * fraction of a second of recounts, never a recording, and the nightly pass recounts them.
 * Inside a caller's transaction the caller's durability stands.
 */
export function recountStatement(db: Kysely<Database>, { schoolId, day }: SchoolDayKey, now: Date, opts: { ownCommit?: boolean } = {}) {
  return sql<RecountRow>`
    with seen as (
      select xmin as version from compliance_days where school_id = ${schoolId} and day = ${day}
    ), old as (
      select county_id, school_kind, school_day, required, met, reason, xmin = (select version from seen) as fresh
      from compliance_days
      where school_id = ${schoolId} and day = ${day} for update
    ), n as (
      select lessons::int as counted from ${countedLessonsQuery(db, schoolId, day).as('c')}
    ), removed as (
      delete from compliance_days d using old, n
      where d.school_id = ${schoolId} and d.day = ${day} and old.fresh and old.school_day = 0 and n.counted = 0
    ), changed as (
      update compliance_days d
      set counted = n.counted, met = case when old.school_day = 1 and n.counted >= old.required then 1 else 0 end,
        computed_at = ${now.toISOString()}
      from old, n
      where d.school_id = ${schoolId} and d.day = ${day} and old.fresh and not (old.school_day = 0 and n.counted = 0)
      returning d.met
    ), county as (
      update compliance_county_days c set met_days = c.met_days + changed.met - old.met
      from old, changed
      where c.day = ${day} and c.county_id = old.county_id and c.school_kind = old.school_kind and changed.met <> old.met
      returning 1
    )
    select old.county_id, old.school_kind, old.school_day, old.required, old.met, old.reason, n.counted, old.fresh,
      (select count(*) from county)::int as adjusted
      ${opts.ownCommit ? sql`, set_config('synchronous_commit', 'off', true) as relaxed` : sql``}
    from old, n`;
}

/** Where a calendar change applies: a whole city, a county or one school. */
export type CalendarNode = { cityId: number } | { countyId: number } | { schoolId: number };

/** The tracked school-days a calendar change on `days` touches, up to `today`. */
export async function pairsForCalendarChange(
  db: Kysely<Database>, node: CalendarNode, days: readonly string[], today: string,
): Promise<SchoolDayKey[]> {
  const past = days.filter((d) => d <= today);
  if (!past.length) return [];
  let query = db.selectFrom('compliance_tracking').select(['school_id', 'since']);
  if ('schoolId' in node) query = query.where('school_id', '=', node.schoolId);
  else if ('countyId' in node) query = query.where('county_id', '=', node.countyId);
  else query = query.where('city_id', '=', node.cityId);
  const out: SchoolDayKey[] = [];
  for (const t of await query.execute()) for (const day of past) if (day >= t.since) out.push({ schoolId: t.school_id, day });
  return out;
}

/**
 * Starts (or moves the start of) tracking schools' compliance from `since`, and computes their
 * days from then to today. Rows before a later start are removed.
 */
export async function trackSchools(
  db: Kysely<Database>, entries: readonly { schoolId: number; since: string }[], clock: Clock,
): Promise<number> {
  const now = clock.now();
  const today = shanghaiDate(now);
  const places = new Map((await loadCalendar(db, { schoolIds: entries.map((e) => e.schoolId), from: today, to: today }))
    .schools().map((s) => [s.id, s]));
  const pairs: SchoolDayKey[] = [];
  // One entry per school (the last given), so no statement touches a row twice.
  const found = [...new Map(entries.map((e) => [e.schoolId, e])).values()].flatMap((e) => {
    const s = places.get(e.schoolId);
    return s ? [{ ...e, school: s }] : [];
  });
  // A few statements for any number of schools: the demo's first start tracks a hundred at once.
  for (let i = 0; i < found.length; i += ROWS_PER_INSERT) {
    await db.insertInto('compliance_tracking')
      .values(found.slice(i, i + ROWS_PER_INSERT).map(({ school: s, since }) => ({
        school_id: s.id, county_id: s.countyId, city_id: s.cityId, since, created_at: now.toISOString(),
      })))
      .onConflict((oc) => oc.column('school_id').doUpdateSet((eb) => ({ since: eb.ref('excluded.since') })))
      .execute();
  }
  const bySince = new Map<string, number[]>();
  for (const e of found) bySince.set(e.since, [...(bySince.get(e.since) ?? []), e.schoolId]);
  for (const [since, ids] of bySince) {
    for (let i = 0; i < ids.length; i += SCHOOLS_PER_ROUND) {
      const dropped = await db.deleteFrom('compliance_days').where('school_id', 'in', ids.slice(i, i + SCHOOLS_PER_ROUND))
        .where('day', '<', since).returning(['county_id', 'day']).execute();
      await refreshCountyDays(db, dropped.map((d) => ({ countyId: d.county_id, day: d.day })));
    }
  }
  for (const e of found) if (e.since <= today) for (const day of eachDay(e.since, today)) pairs.push({ schoolId: e.schoolId, day });
  return (await recomputeSchoolDays(db, pairs, { now })).length;
}

/**
 * The nightly safety net: recomputes every tracked school's last `days` days (today included),
 * repairing any change an incremental update missed. Returns the number of school-days recomputed.
 */
export async function recomputeRecentDays(db: Kysely<Database>, clock: Clock, days = 7): Promise<number> {
  const now = clock.now();
  const today = shanghaiDate(now);
  const from = addDays(today, -(days - 1));
  const tracked = await db.selectFrom('compliance_tracking').select(['school_id', 'since']).where('since', '<=', today).orderBy('school_id').execute();
  let recomputed = 0;
  for (let i = 0; i < tracked.length; i += SCHOOLS_PER_ROUND) {
    const pairs: SchoolDayKey[] = [];
    for (const t of tracked.slice(i, i + SCHOOLS_PER_ROUND)) {
      for (const day of eachDay(maxDay(from, t.since), today)) pairs.push({ schoolId: t.school_id, day });
    }
    recomputed += (await recomputeSchoolDays(db, pairs, { now })).length;
  }
  return recomputed;
}
