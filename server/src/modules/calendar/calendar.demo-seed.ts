import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { upsertTerm } from './calendar.queries.js';

/** The demo city's terms around April 2018 (山东 school year: spring term from March, autumn from September). */
export const DEMO_TERMS = [
  { name: '2017—2018学年第二学期', startsOn: '2018-03-05', endsOn: '2018-07-06' },
  { name: '2018—2019学年第一学期', startsOn: '2018-09-01', endsOn: '2019-01-20' },
] as const;

/**
 * Seeds the demo city's school calendar: its terms. Holidays and 调休 come from the national
 * dataset, so nothing else is needed; run it before any compliance is computed.
 */
export async function seedDemoCalendar(db: Kysely<Database>, cityId: number): Promise<void> {
  const now = new Date().toISOString();
  for (const t of DEMO_TERMS) await upsertTerm(db, { cityId, countyId: null, name: t.name, startsOn: t.startsOn, endsOn: t.endsOn }, now);
}
