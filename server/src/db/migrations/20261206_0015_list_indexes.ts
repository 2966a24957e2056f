import type { AnyDb } from './migration-helpers.js';

/**
 * Indexes for the scoped lists (issue 8, "county staff wait seconds for lists"). A person is in
 * scope when one of their assignments names a city, county or school of it: the people list reads
 * the user ids of those assignments by the node first, so each node column is indexed with the
 * user id (covering: the table itself is not read). The county and school indexes of the
 * foundation are prefixes of the new ones and go.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('role_assignments_city_user').on('role_assignments').columns(['city_id', 'user_id']).execute();
  await db.schema.createIndex('role_assignments_county_user').on('role_assignments').columns(['county_id', 'user_id']).execute();
  await db.schema.createIndex('role_assignments_school_user').on('role_assignments').columns(['school_id', 'user_id']).execute();
  await db.schema.dropIndex('role_assignments_county_id').execute();
  await db.schema.dropIndex('role_assignments_school_id').execute();
}
