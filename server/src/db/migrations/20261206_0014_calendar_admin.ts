import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * The calendar page's additions.
 *
 * - `school_terms.stage`: a term may apply to one kind of school only (幼儿园 terms often start and
 *   end apart from the schools'); null applies to every kind. The stage is part of `scope_key`
 *   ('city:1' for all stages, 'city:1|kindergarten' for one), so the existing unique index still
 *   holds "one term of a name per node and stage" without a nullable column in it.
 * - `public_days`: a city's own entry of the national holidays and 调休 days for a year the
 *   holiday dataset does not cover yet; it takes the dataset's place for the days it names.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('school_terms').addColumn('stage', 'text').execute();

  await db.schema
    .createTable('public_days')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    // holiday: a public holiday (or a day off moved next to one); makeup_workday: a 调休 working day.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('public_days_once', ['city_id', 'day'])
    .execute();
}
