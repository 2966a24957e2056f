import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Keeps the equity picture's rollup of uses (migration 0037) up to date: uses per using school
 * and month, and per publishing county → using county and month. resource_uses is append-only, so
 * the rollup remembers the last use id it counted and adds the uses after it; a refresh costs the
 * uses since the last one, and the province's page reads thousands of rows, not a million.
 *
 * `featured_uses` counts uses of resources featured NOW, as the live figure did: a resource
 * featured (or unfeatured) since the last refresh moves its already counted uses in (or out),
 * tracked by resource_use_featured. One refresh at a time: the state row is locked (PostgreSQL;
 * SQLite serialises writers), and the second refresh finds the work done.
 */

type Db = Kysely<Database>;
const CHUNK = 500;

const MONTH = sql<string>`substr(resource_uses.day, 1, 7)`;

/** Brings the rollup up to the newest use; returns how many new uses it counted. */
export async function refreshUseRollup(db: Db, dialect: 'sqlite' | 'postgres'): Promise<number> {
  const newest = await db.selectFrom('resource_uses').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const state = await db.selectFrom('resource_use_rollup_state').select('last_use_id').where('id', '=', 1).executeTakeFirst();
  const featuredNow = await featuredChanges(db);
  // Nothing new: no write, no lock (the page's usual case between two uses).
  if (state && Number(newest?.id ?? 0) <= state.last_use_id && !featuredNow.added.length && !featuredNow.removed.length) return 0;
  return db.transaction().execute(async (trx) => {
    const locked = dialect === 'postgres'
      ? await sql<{ last_use_id: number }>`select last_use_id from resource_use_rollup_state where id = 1 for update`.execute(trx).then((r) => r.rows[0])
      : await trx.selectFrom('resource_use_rollup_state').select('last_use_id').where('id', '=', 1).executeTakeFirst();
    if (!locked) {
      // No state (a reset database): start over from the first use, from empty tables.
      await trx.deleteFrom('resource_use_school_months').execute();
      await trx.deleteFrom('resource_use_county_flows').execute();
      await trx.deleteFrom('resource_use_featured').execute();
      await trx.insertInto('resource_use_rollup_state').values({ id: 1, last_use_id: 0, updated_at: new Date().toISOString() }).execute();
    }
    const last = Number(locked?.last_use_id ?? 0);
    const upTo = Number((await trx.selectFrom('resource_uses').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    await syncFeatured(trx, last);
    if (upTo > last) await addUses(trx, last, upTo);
    await trx.updateTable('resource_use_rollup_state').set({ last_use_id: Math.max(last, upTo), updated_at: new Date().toISOString() }).where('id', '=', 1).execute();
    return Math.max(0, upTo - last);
  });
}

/** Resources featured now but not yet counted as such, and those counted but featured no more. */
async function featuredChanges(db: Db | Transaction<Database>) {
  const added = await db.selectFrom('resources').select('id').where('feature', 'is not', null)
    .where('id', 'not in', (eb) => eb.selectFrom('resource_use_featured').select('resource_id')).execute();
  const removed = await db.selectFrom('resource_use_featured').select('resource_id')
    .where('resource_id', 'not in', (eb) => eb.selectFrom('resources').select('id').where('feature', 'is not', null)).execute();
  return { added: added.map((r) => r.id), removed: removed.map((r) => r.resource_id) };
}

/** Moves the already counted uses (id ≤ last) of newly featured or unfeatured resources in or out of featured_uses. */
async function syncFeatured(trx: Transaction<Database>, last: number) {
  const { added, removed } = await featuredChanges(trx);
  for (const [ids, sign] of [[added, 1], [removed, -1]] as const) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (last > 0) {
        const rows = await trx.selectFrom('resource_uses')
          .select(['resource_uses.school_id', MONTH.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
          .where('resource_id', 'in', chunk).where('id', '<=', last).where('school_id', 'is not', null).where('county_id', 'is not', null)
          .groupBy(['resource_uses.school_id', MONTH]).execute();
        for (const r of rows) {
          await trx.updateTable('resource_use_school_months')
            .set((eb) => ({ featured_uses: eb('featured_uses', '+', sign * Number(r.n)) }))
            .where('school_id', '=', r.school_id!).where('month', '=', r.month).execute();
        }
      }
      if (sign > 0) await trx.insertInto('resource_use_featured').values(chunk.map((resource_id) => ({ resource_id }))).execute();
      else await trx.deleteFrom('resource_use_featured').where('resource_id', 'in', chunk).execute();
    }
  }
}

/** Adds the uses last < id ≤ upTo, by school and month and by county pair and month. */
async function addUses(trx: Transaction<Database>, last: number, upTo: number) {
  await sql`insert into resource_use_school_months (school_id, month, county_id, city_id, uses, featured_uses)
    select u.school_id, substr(u.day, 1, 7), u.county_id, u.city_id, count(*), sum(case when f.resource_id is null then 0 else 1 end)
    from resource_uses u left join resource_use_featured f on f.resource_id = u.resource_id
    where u.id > ${last} and u.id <= ${upTo} and u.school_id is not null and u.county_id is not null and u.city_id is not null
    group by u.school_id, substr(u.day, 1, 7), u.county_id, u.city_id
    on conflict (school_id, month) do update set uses = resource_use_school_months.uses + excluded.uses,
      featured_uses = resource_use_school_months.featured_uses + excluded.featured_uses`.execute(trx);
  await sql`insert into resource_use_county_flows (month, from_county_id, to_county_id, from_city_id, to_city_id, uses)
    select substr(u.day, 1, 7), r.county_id, u.county_id, r.city_id, u.city_id, count(*)
    from resource_uses u join resources r on r.id = u.resource_id
    where u.id > ${last} and u.id <= ${upTo} and u.school_id is not null and u.county_id is not null and u.city_id is not null
    group by substr(u.day, 1, 7), r.county_id, u.county_id, r.city_id, u.city_id
    on conflict (month, from_county_id, to_county_id) do update set uses = resource_use_county_flows.uses + excluded.uses`.execute(trx);
}
