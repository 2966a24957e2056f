import { shanghaiDate } from '../../../../shared/dates.js';
import { seedCurrentTerms } from '../../seed/demo-school-year.js';
import type { TestApp } from '../../test-support/test-app.js';

/** Helpers the live tests share: schools by name, a room in each, this school year's terms. */
export async function schoolNamed(t: TestApp, name: string) {
  return t.db.db.selectFrom('schools').select(['id', 'county_id', 'city_id', 'name']).where('name', '=', name).executeTakeFirstOrThrow();
}

/** A new in-use room at the school (the test seed leaves most schools without rooms). */
export async function addRoom(t: TestApp, schoolId: number, name: string): Promise<number> {
  const s = await t.db.db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', schoolId).executeTakeFirstOrThrow();
  const at = t.clock.now().toISOString();
  const { id } = await t.db.db.insertInto('rooms').values({
    city_id: s.city_id, county_id: s.county_id, school_id: s.id, name, location: '', vendor: '', model: '', tracks: '["composite"]', status: 'in_use',
    created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Another school of the county than those named (a village school to receive a class). */
export async function otherSchoolOf(t: TestApp, countyId: number, not: number[]) {
  return t.db.db.selectFrom('schools').select(['id', 'name']).where('county_id', '=', countyId).where('id', 'not in', not)
    .orderBy('id').executeTakeFirstOrThrow();
}

/** This school year's terms, so the calendar says which days are school days. */
export async function withTerms(t: TestApp) {
  const city = await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
  await seedCurrentTerms(t.db.db, city.id, shanghaiDate(t.clock.now()), t.clock.now());
}

export async function userId(t: TestApp, username: string): Promise<number> {
  return (await t.db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}
