import type { Kysely, Selectable } from 'kysely';
import type { SchoolKind } from '../../../../shared/domain.js';
import type { CalendarOverrideTable, Database, SchoolTable } from '../../db/schema.js';

export interface SchoolPlace {
  id: number;
  countyId: number;
  cityId: number;
  kind: SchoolTable['kind'];
}

const CHUNK = 500;

function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Schools by id, or every school when no ids are given (bulk recomputes across the province). */
export async function schoolPlaces(db: Kysely<Database>, ids?: readonly number[]): Promise<SchoolPlace[]> {
  const base = db.selectFrom('schools').select(['id', 'county_id', 'city_id', 'kind']);
  const rows = ids === undefined
    ? await base.execute()
    : (await Promise.all(chunks([...new Set(ids)]).map((c) => base.where('id', 'in', c).execute()))).flat();
  return rows.map((r) => ({ id: r.id, countyId: r.county_id, cityId: r.city_id, kind: r.kind }));
}

/** Counties by id with their city. */
export async function countyPlaces(db: Kysely<Database>, ids: readonly number[]) {
  if (!ids.length) return [];
  const rows = await db.selectFrom('regions').select(['id', 'parent_id']).where('level', '=', 'county').where('id', 'in', [...ids]).execute();
  return rows.filter((r) => r.parent_id !== null).map((r) => ({ id: r.id, cityId: r.parent_id! }));
}

export interface TermOfCity {
  id: number;
  city_id: number;
  county_id: number | null;
  stage: SchoolKind | null;
  name: string;
  starts_on: string;
  ends_on: string;
}

/** Every term of the cities, city-wide and county-specific, of every stage. */
export function termsOf(db: Kysely<Database>, cityIds: readonly number[]): Promise<TermOfCity[]> {
  if (!cityIds.length) return Promise.resolve([]);
  return db.selectFrom('school_terms').select(['id', 'city_id', 'county_id', 'stage', 'name', 'starts_on', 'ends_on'])
    .where('city_id', 'in', [...cityIds]).orderBy('starts_on').orderBy('id').execute();
}

/** The cities' own entries of national holidays and 调休 days in a date range. */
export function publicDaysOf(db: Kysely<Database>, cityIds: readonly number[], from: string, to: string) {
  if (!cityIds.length) return Promise.resolve([]);
  return db.selectFrom('public_days').select(['id', 'city_id', 'day', 'kind', 'name'])
    .where('city_id', 'in', [...cityIds]).where('day', '>=', from).where('day', '<=', to).orderBy('day').execute();
}

/** Overrides of the cities' days in a date range, at every level. */
export function overridesOf(db: Kysely<Database>, cityIds: readonly number[], from: string, to: string) {
  if (!cityIds.length) return Promise.resolve([]);
  return db.selectFrom('calendar_overrides')
    .select(['id', 'level', 'city_id', 'county_id', 'school_id', 'day', 'kind', 'name'])
    .where('city_id', 'in', [...cityIds]).where('day', '>=', from).where('day', '<=', to)
    .orderBy('day').execute();
}

/** An override as written: every column of the table but its id. */
export type OverrideRow = Omit<Selectable<CalendarOverrideTable>, 'id'>;

/** Saves overrides, replacing any of the same node and day. */
export async function upsertOverrides(db: Kysely<Database>, rows: OverrideRow[]) {
  for (const batch of chunks(rows, 200)) {
    await db.insertInto('calendar_overrides').values(batch)
      .onConflict((oc) => oc.columns(['scope_key', 'day']).doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'), name: eb.ref('excluded.name'),
        created_by_user_id: eb.ref('excluded.created_by_user_id'), created_at: eb.ref('excluded.created_at'),
      })))
      .execute();
  }
}

export async function deleteOverride(db: Kysely<Database>, scopeKey: string, day: string): Promise<number> {
  const res = await db.deleteFrom('calendar_overrides').where('scope_key', '=', scopeKey).where('day', '=', day).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export function overridesAt(db: Kysely<Database>, scopeKeys: string[], from: string, to: string) {
  if (!scopeKeys.length) return Promise.resolve([]);
  return db.selectFrom('calendar_overrides').select(['id', 'level', 'city_id', 'county_id', 'school_id', 'day', 'kind', 'name', 'created_at'])
    .where('scope_key', 'in', scopeKeys).where('day', '>=', from).where('day', '<=', to).orderBy('day').orderBy('id').execute();
}

export interface TermRow {
  cityId: number;
  countyId: number | null;
  /** The kind of school the term applies to; null or absent: every kind. */
  stage?: SchoolKind | null;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The node-and-stage key of a term: one term of a name per key (see the 0014 migration). */
export function termScopeKey(t: Pick<TermRow, 'cityId' | 'countyId' | 'stage'>): string {
  const node = t.countyId === null ? `city:${t.cityId}` : `county:${t.countyId}`;
  return t.stage ? `${node}|${t.stage}` : node;
}

/** Saves a term, replacing the dates of one of the same node, stage and name; returns its id. */
export async function upsertTerm(db: Kysely<Database>, t: TermRow, now: string): Promise<number> {
  const row = await db.insertInto('school_terms')
    .values({
      scope_key: termScopeKey(t), city_id: t.cityId, county_id: t.countyId, stage: t.stage ?? null, name: t.name,
      starts_on: t.startsOn, ends_on: t.endsOn, created_at: now,
    })
    .onConflict((oc) => oc.columns(['scope_key', 'name']).doUpdateSet({ starts_on: t.startsOn, ends_on: t.endsOn }))
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findTerm(db: Kysely<Database>, id: number) {
  return db.selectFrom('school_terms').select(['id', 'scope_key', 'city_id', 'county_id', 'stage', 'name', 'starts_on', 'ends_on'])
    .where('id', '=', id).executeTakeFirst();
}

/** A term of the same node, stage and name other than `exceptId`, if one exists. */
export function termNamed(db: Kysely<Database>, scopeKey: string, name: string, exceptId?: number) {
  let query = db.selectFrom('school_terms').select('id').where('scope_key', '=', scopeKey).where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function updateTerm(db: Kysely<Database>, id: number, t: TermRow): Promise<void> {
  await db.updateTable('school_terms')
    .set({ scope_key: termScopeKey(t), stage: t.stage ?? null, name: t.name, starts_on: t.startsOn, ends_on: t.endsOn })
    .where('id', '=', id).execute();
}

export async function deleteTerm(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('school_terms').where('id', '=', id).execute();
}

/** Replaces a city's entered national days of one year with `days`. */
export async function replacePublicDays(
  db: Kysely<Database>, cityId: number, year: number,
  days: { day: string; kind: 'holiday' | 'makeup_workday'; name: string }[], by: number, now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('public_days').where('city_id', '=', cityId)
      .where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
    for (const batch of chunks(days, 200)) {
      await trx.insertInto('public_days').values(batch.map((d) => ({
        city_id: cityId, day: d.day, kind: d.kind, name: d.name, created_by_user_id: by, created_at: now,
      }))).execute();
    }
  });
}
