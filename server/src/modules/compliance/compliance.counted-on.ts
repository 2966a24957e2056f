import type { Kysely } from 'kysely';
import type { Database, SchoolTable } from '../../db/schema.js';
import { recomputeSchoolDays, type SchoolDayKey } from './compliance.recompute.js';

/** One tracked school on one day, as the rollup has it (for reminders and digests). */
export interface CountedOnRow {
  schoolId: number;
  code: string;
  name: string;
  kind: SchoolTable['kind'];
  countyId: number;
  cityId: number;
  /** The calendar's verdict for the school that day (calendar/school-day.ts). */
  schoolDay: boolean;
  required: number;
  /** Counted lessons so far (the recordings' `counts`, kept by the incremental rollup). */
  counted: number;
  met: boolean;
}

/**
 * The rollup's row of `day` for each tracked school (optionally of some counties or schools).
 * A tracked school without a row yet — nothing recorded today, and the nightly pass not yet run —
 * gets its day computed first, by the same recompute every other change uses, so the answer
 * never derives counting or the school day itself. Schools for which the day is no school day and
 * nothing was counted come back with `schoolDay: false`.
 */
export async function countedOn(
  db: Kysely<Database>, day: string, filter: { countyIds?: readonly number[]; schoolIds?: readonly number[] } = {}, now = new Date(),
): Promise<CountedOnRow[]> {
  const tracked = await db.selectFrom('compliance_tracking').select(['school_id'])
    .where('since', '<=', day)
    .$if(filter.countyIds !== undefined, (q) => q.where('county_id', 'in', filter.countyIds!.length ? [...filter.countyIds!] : [-1]))
    .$if(filter.schoolIds !== undefined, (q) => q.where('school_id', 'in', filter.schoolIds!.length ? [...filter.schoolIds!] : [-1]))
    .execute();
  if (!tracked.length) return [];
  const ids = tracked.map((t) => t.school_id);
  const read = async () => {
    const out: CountedOnRow[] = [];
    // Bounded IN lists: a province has 15,000 tracked schools.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('compliance_days').innerJoin('schools', 'schools.id', 'compliance_days.school_id')
        .select(['compliance_days.school_id', 'schools.code', 'schools.name', 'compliance_days.school_kind', 'compliance_days.county_id',
          'compliance_days.city_id', 'compliance_days.school_day', 'compliance_days.required', 'compliance_days.counted', 'compliance_days.met'])
        .where('compliance_days.day', '=', day).where('compliance_days.school_id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) {
        out.push({
          schoolId: r.school_id, code: r.code, name: r.name, kind: r.school_kind, countyId: r.county_id, cityId: r.city_id,
          schoolDay: r.school_day === 1, required: r.required, counted: r.counted, met: r.met === 1,
        });
      }
    }
    return out;
  };
  let rows = await read();
  const have = new Set(rows.map((r) => r.schoolId));
  const missing: SchoolDayKey[] = ids.filter((id) => !have.has(id)).map((schoolId) => ({ schoolId, day }));
  if (missing.length) {
    const computed = await recomputeSchoolDays(db, missing, { now });
    if (computed.some((c) => !c.removed)) rows = await read();
  }
  return rows.sort((a, b) => a.schoolId - b.schoolId);
}
