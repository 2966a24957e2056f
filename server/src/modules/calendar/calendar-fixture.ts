import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

/**
 * What the calendar matrix acts on. Per target: `own` the own county's, `sibling` the city's
 * (a county's staff can see it but not change it), `foreign` another county's.
 */
export interface CalendarFixture {
  city: number;
  term: Record<Target, number>;
  rule: Record<Target, number>;
  /** A term for each actor to try to delete, so one actor's success does not change the next one's answer. */
  spareTerm: Record<MatrixActor, Record<Target, number>>;
}

export async function addCalendarToFixture(t: TestApp, f: MatrixFixture): Promise<CalendarFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const city = (await db.selectFrom('schools').select('city_id').where('id', '=', f.school.own).executeTakeFirstOrThrow()).city_id;
  const countyOf: Record<Target, number | null> = { own: f.county.own, sibling: null, foreign: f.county.foreign };
  const term = async (target: Target, name: string) => {
    const countyId = countyOf[target];
    return (await db.insertInto('school_terms').values({
      scope_key: countyId === null ? `city:${city}` : `county:${countyId}`, city_id: city, county_id: countyId, name,
      starts_on: '2018-03-05', ends_on: '2018-07-06', created_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const out: CalendarFixture = {
    city, term: {} as Record<Target, number>, rule: {} as Record<Target, number>,
    spareTerm: Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as CalendarFixture['spareTerm'],
  };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    out.term[target] = await term(target, `矩阵学期-${target}`);
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) out.spareTerm[actor][target] = await term(target, `矩阵待删-${actor}-${target}`);
    out.rule[target] = (await db.insertInto('quota_rules').values({
      city_id: city, county_id: countyOf[target], school_kind: null, min_lessons: 2, effective_from: '2018-04-01', effective_to: '2018-04-30', created_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }
  Object.assign(f, out);
  return out;
}

export function calendarOf(f: MatrixFixture): CalendarFixture {
  return f as unknown as CalendarFixture;
}
