import type { Kysely } from 'kysely';
import { SCHOOL_KINDS } from '../../../../shared/domain.js';
import type { Database } from '../../db/schema.js';

/**
 * The second level of the rollup: per county, kind of school and day, the school days and met
 * days of compliance_days. Whatever writes compliance_days keeps it in the same transaction:
 * bulk recomputes re-total the county-days they touched, the incremental recount adjusts one
 * row by ±1 when a day flips. The nightly pass re-totals recent days, so any drift heals.
 */
export interface CountyDayKey {
  countyId: number;
  day: string;
}

// Days per statement: bounds the IN lists of a re-total over a long range.
const DAYS_PER_ROUND = 100;

/**
 * Re-totals the given county-days from compliance_days: every county of the keys on every day of
 * the keys, so scattered keys re-total a few more county-days (to the same values) but any
 * number of them costs two statements per hundred days, not two per day.
 */
export async function refreshCountyDays(db: Kysely<Database>, keys: readonly CountyDayKey[]): Promise<void> {
  if (!keys.length) return;
  const counties = [...new Set(keys.map((k) => k.countyId))];
  const allDays = [...new Set(keys.map((k) => k.day))].sort();
  for (let i = 0; i < allDays.length; i += DAYS_PER_ROUND) {
    const days = allDays.slice(i, i + DAYS_PER_ROUND);
    await db.deleteFrom('compliance_county_days').where('day', 'in', days).where('county_id', 'in', counties).execute();
    // Every kind is named so the read seeks (county, kind, day) in compliance_days_county_kind_day.
    await db.insertInto('compliance_county_days')
      .columns(['day', 'county_id', 'school_kind', 'city_id', 'school_days', 'met_days'])
      .expression((eb) => eb.selectFrom('compliance_days')
        .select((s) => [
          'compliance_days.day', 'compliance_days.county_id', 'compliance_days.school_kind', 'compliance_days.city_id',
          s.fn.sum<number>('compliance_days.school_day').as('school_days'), s.fn.sum<number>('compliance_days.met').as('met_days'),
        ])
        .where('compliance_days.county_id', 'in', counties)
        .where('compliance_days.school_kind', 'in', [...SCHOOL_KINDS])
        .where('compliance_days.day', 'in', days)
        .groupBy(['compliance_days.day', 'compliance_days.county_id', 'compliance_days.school_kind', 'compliance_days.city_id']))
      .execute();
  }
}

/** Moves one county-day's met days by `delta`; re-totals it when the row is missing. */
export async function adjustMetDays(
  db: Kysely<Database>, key: CountyDayKey & { kind: (typeof SCHOOL_KINDS)[number] }, delta: number,
): Promise<void> {
  const res = await db.updateTable('compliance_county_days')
    .set((eb) => ({ met_days: eb('met_days', '+', delta) }))
    .where('day', '=', key.day).where('county_id', '=', key.countyId).where('school_kind', '=', key.kind)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) await refreshCountyDays(db, [key]);
}
