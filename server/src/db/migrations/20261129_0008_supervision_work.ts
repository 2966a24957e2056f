import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Supervision work: visits by county staff (督导检查) with their follow-ups, the in-platform inbox
 * (通知), and the city's bulletins and commendations (通报 / 表彰) with the schools and counties
 * they name. Follow-ups and bulletin subjects carry their school's county and city, so scope
 * predicates need no join.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('inspectors', 'text', (c) => c.notNull())
    // JSON array of { item, ok, note } (inspections.schema.ts INSPECTION_ITEMS).
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_county_day').on('inspections').columns(['county_id', 'visited_on']).execute();
  await db.schema.createIndex('inspections_city_day').on('inspections').columns(['city_id', 'visited_on']).execute();
  await db.schema.createIndex('inspections_school').on('inspections').columns(['school_id', 'visited_on']).execute();

  await db.schema
    .createTable('inspection_follow_ups')
    .addColumn('id', 'integer', id)
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rectification_note', 'text')
    .addColumn('rectified_at', 'text')
    .addColumn('rectified_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_follow_ups_inspection').on('inspection_follow_ups').column('inspection_id').execute();
  // The overdue lists: open follow-ups by due date within a county, or of one school.
  await db.schema.createIndex('inspection_follow_ups_county').on('inspection_follow_ups').columns(['county_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('inspection_follow_ups_school').on('inspection_follow_ups').columns(['school_id', 'status', 'due_on']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    // Set by generators ('quota_reminder:2018-04-04'): with the unique index below a second run,
    // in this process or another, inserts nothing. Null for one-off notices (never equal).
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_once').on('notifications').columns(['user_id', 'dedupe_key']).unique().execute();
  await db.schema.createIndex('notifications_inbox').on('notifications').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'integer', id)
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('bulletins_city').on('bulletins').columns(['city_id', 'status', 'issued_on']).execute();

  await db.schema
    .createTable('bulletin_subjects')
    .addColumn('bulletin_id', 'integer', (c) => c.notNull().references('bulletins.id'))
    // 'school:<id>' or 'county:<id>', one primary key without nullable columns in it.
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addPrimaryKeyConstraint('bulletin_subjects_pk', ['bulletin_id', 'subject_key'])
    .execute();
  await db.schema.createIndex('bulletin_subjects_school').on('bulletin_subjects').columns(['school_id', 'bulletin_id']).execute();
}
