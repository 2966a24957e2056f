import type { AnyDb } from './migration-helpers.js';

/**
 * Indexes for the scoped lists (issue 8, "county staff wait seconds for lists"). A person is in
 * scope when one of their assignments names a city, county or school of it: the people list reads
 * the user ids of those assignments by the node first, so each node column is indexed with the
 * user id (covering: the table itself is not read). The county and school indexes of the
 * foundation are prefixes of the new ones and go.
 *
 * A school's grades and classes are read by grade: classes had no index on it, so every grade
 * scanned the province's classes. The recordings list, newest lesson first, reads a city's or a
 * county's page from an index in that order instead of sorting the whole term's lessons (a
 * school's few hundred a year sort quickly through its day index). Room alerts are listed per
 * school and city newest first, and each room of the rooms list counts its open alerts; a city's
 * rooms are counted by city.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('role_assignments_city_user').on('role_assignments').columns(['city_id', 'user_id']).execute();
  await db.schema.createIndex('role_assignments_county_user').on('role_assignments').columns(['county_id', 'user_id']).execute();
  await db.schema.createIndex('role_assignments_school_user').on('role_assignments').columns(['school_id', 'user_id']).execute();
  await db.schema.dropIndex('role_assignments_county_id').execute();
  await db.schema.dropIndex('role_assignments_school_id').execute();
  await db.schema.createIndex('classes_grade_id').on('classes').column('grade_id').execute();
  await db.schema.createIndex('recordings_city_lesson').on('recordings').columns(['city_id', 'lesson_start', 'id']).execute();
  await db.schema.createIndex('recordings_county_lesson').on('recordings').columns(['county_id', 'lesson_start', 'id']).execute();
  await db.schema.createIndex('rooms_city').on('rooms').column('city_id').execute();
  await db.schema.createIndex('room_alerts_room_open').on('room_alerts').columns(['room_id', 'resolved_at']).execute();
  await db.schema.createIndex('room_alerts_school').on('room_alerts').columns(['school_id', 'created_at']).execute();
  await db.schema.createIndex('room_alerts_city').on('room_alerts').columns(['city_id', 'created_at']).execute();
}
