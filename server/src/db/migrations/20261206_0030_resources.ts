import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Shared quality resources (issue 10): the library (resources and their files), the review
 * history, every use kept for the equity picture, favourites, ratings and comments; guardians'
 * consent for their child appearing in published video, with its history. The search index has
 * its own migration (it differs by dialect).
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const text = 'text' as const;
  const int = 'integer' as const;

  await db.schema.createTable('resources')
    .addColumn('id', int, id)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('stage', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('grade', text, (c) => c.notNull())
    .addColumn('edition', text, (c) => c.notNull())
    .addColumn('volume', text, (c) => c.notNull())
    .addColumn('unit', text, (c) => c.notNull())
    .addColumn('lesson', text, (c) => c.notNull())
    .addColumn('tags', text, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('publisher_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('recording_group_id', text)
    .addColumn('class_id', int, (c) => c.references('classes.id'))
    .addColumn('requested_scope', text, (c) => c.notNull())
    .addColumn('visible_scope', text)
    .addColumn('consent_cap', text)
    .addColumn('review_stage', text, (c) => c.notNull())
    .addColumn('feature', text)
    .addColumn('featured_at', text)
    .addColumn('published_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resources_school').on('resources').columns(['school_id', 'id']).execute();
  await db.schema.createIndex('resources_county').on('resources').columns(['county_id', 'id']).execute();
  await db.schema.createIndex('resources_city').on('resources').columns(['city_id', 'id']).execute();
  await db.schema.createIndex('resources_visible').on('resources').columns(['visible_scope', 'id']).execute();
  await db.schema.createIndex('resources_publisher').on('resources').columns(['publisher_user_id', 'id']).execute();
  await db.schema.createIndex('resources_review').on('resources').columns(['review_stage', 'county_id']).execute();
  await db.schema.createIndex('resources_feature').on('resources').columns(['feature', 'subject', 'grade']).execute();
  await db.schema.createIndex('resources_class').on('resources').columns(['class_id']).execute();

  await db.schema.createTable('resource_files')
    .addColumn('id', int, id)
    .addColumn('resource_id', int, (c) => c.notNull().references('resources.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('mime', text, (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', text, (c) => c.notNull())
    .addColumn('storage_key', text, (c) => c.notNull())
    .addColumn('pdf_key', text)
    .addColumn('thumb_key', text)
    .addColumn('pages', int)
    .addColumn('conversion', text, (c) => c.notNull())
    .addColumn('conversion_error', text)
    .addColumn('body_text', text)
    .addColumn('created_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resource_files_resource').on('resource_files').columns(['resource_id']).execute();

  await db.schema.createTable('resource_reviews')
    .addColumn('id', int, id)
    .addColumn('resource_id', int, (c) => c.notNull().references('resources.id'))
    .addColumn('level', text)
    .addColumn('decision', text, (c) => c.notNull())
    .addColumn('comment', text, (c) => c.notNull())
    .addColumn('scope_after', text)
    .addColumn('feature', text)
    .addColumn('by_user_id', int, (c) => c.references('users.id'))
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resource_reviews_resource').on('resource_reviews').columns(['resource_id', 'id']).execute();

  await db.schema.createTable('resource_uses')
    .addColumn('id', int, id)
    .addColumn('resource_id', int, (c) => c.notNull().references('resources.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('user_id', int, (c) => c.references('users.id'))
    .addColumn('school_id', int, (c) => c.references('schools.id'))
    .addColumn('county_id', int, (c) => c.references('regions.id'))
    .addColumn('city_id', int, (c) => c.references('regions.id'))
    .addColumn('activity_id', int)
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resource_uses_city_day').on('resource_uses').columns(['city_id', 'day']).execute();
  await db.schema.createIndex('resource_uses_county_day').on('resource_uses').columns(['county_id', 'day']).execute();
  await db.schema.createIndex('resource_uses_school_day').on('resource_uses').columns(['school_id', 'day']).execute();
  await db.schema.createIndex('resource_uses_resource').on('resource_uses').columns(['resource_id', 'kind']).execute();

  await db.schema.createTable('resource_favourites')
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('resource_id', int, (c) => c.notNull().references('resources.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_favourites_pk', ['user_id', 'resource_id'])
    .execute();
  await db.schema.createTable('resource_ratings')
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('resource_id', int, (c) => c.notNull().references('resources.id'))
    .addColumn('stars', int, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_ratings_pk', ['user_id', 'resource_id'])
    .execute();
  await db.schema.createIndex('resource_ratings_resource').on('resource_ratings').columns(['resource_id']).execute();
  await db.schema.createTable('resource_comments')
    .addColumn('id', int, id)
    .addColumn('resource_id', int, (c) => c.notNull().references('resources.id'))
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('resource_comments_resource').on('resource_comments').columns(['resource_id', 'id']).execute();

  await db.schema.createTable('student_consents')
    .addColumn('student_id', int, (c) => c.primaryKey().references('students.id').onDelete('cascade'))
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createTable('student_consent_changes')
    .addColumn('id', int, id)
    .addColumn('student_id', int, (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('from_level', text, (c) => c.notNull())
    .addColumn('to_level', text, (c) => c.notNull())
    .addColumn('by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('student_consent_changes_student').on('student_consent_changes').columns(['student_id', 'id']).execute();
}
