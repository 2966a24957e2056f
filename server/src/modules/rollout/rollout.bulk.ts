import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What the school import writes into the rollout. Like org.bulk.ts it takes the import's
 * transaction, so the schools and their rollout rows land together or not at all; the import
 * names the schools, the rollout keeps its own table.
 */

const ROWS_PER_INSERT = 500;

/** Which of these schools are marked as already built (for the school export's 已建成录播室). */
export async function builtSchoolIds(db: Kysely<Database>, schoolIds: readonly number[]): Promise<Set<number>> {
  if (!schoolIds.length) return new Set();
  const rows = await db.selectFrom('rollout_schools').select('school_id')
    .where('school_id', 'in', [...schoolIds]).where('built', '=', 1).execute();
  return new Set(rows.map((r) => r.school_id));
}

/**
 * Marks programme schools as already built when the deadlines were set (已建成录播室), creating
 * their rollout row. Callers pass schools they have just created in the same transaction.
 */
export async function markBuilt(trx: Kysely<Database>, schools: readonly { id: number; countyId: number; cityId: number }[], now: string): Promise<void> {
  for (let i = 0; i < schools.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('rollout_schools')
      .values(schools.slice(i, i + ROWS_PER_INSERT).map((s) => ({
        school_id: s.id, county_id: s.countyId, city_id: s.cityId, built: 1,
        named_user_id: null, named_since: null, named_by_user_id: null, updated_at: now,
      })))
      .onConflict((oc) => oc.column('school_id').doUpdateSet({ built: 1, updated_at: now }))
      .execute();
  }
}
