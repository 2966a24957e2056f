import { type AnyDb } from './migration-helpers.js';

/**
 * The equity picture's rollup of resource uses (resources/equity-rollup.ts): uses per school and
 * month, and per (publishing county → using county) and month, kept up to date incrementally from
 * the append-only resource_uses by id, so the page for a province's month reads thousands of rows
 * instead of the months' million uses. Forward-only, like every migration: back up before migrating.
 * Derived data: dropping these tables and the state row loses nothing (the next read rebuilds them).
 */
export async function up(db: AnyDb): Promise<void> {
  const int = 'integer' as const;
  const text = 'text' as const;
  await db.schema.createTable('resource_use_rollup_state')
    .addColumn('id', int, (c) => c.primaryKey())
    .addColumn('last_use_id', int, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.insertInto('resource_use_rollup_state').values({ id: 1, last_use_id: 0, updated_at: new Date(0).toISOString() }).execute();

  await db.schema.createTable('resource_use_school_months')
    .addColumn('school_id', int, (c) => c.notNull())
    .addColumn('month', text, (c) => c.notNull())
    .addColumn('county_id', int, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull())
    .addColumn('uses', int, (c) => c.notNull())
    .addColumn('featured_uses', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_use_school_months_pk', ['school_id', 'month'])
    .execute();
  await db.schema.createIndex('resource_use_school_months_city').on('resource_use_school_months').columns(['city_id', 'month']).execute();
  await db.schema.createIndex('resource_use_school_months_county').on('resource_use_school_months').columns(['county_id', 'month']).execute();

  await db.schema.createTable('resource_use_county_flows')
    .addColumn('month', text, (c) => c.notNull())
    .addColumn('from_county_id', int, (c) => c.notNull())
    .addColumn('to_county_id', int, (c) => c.notNull())
    .addColumn('from_city_id', int, (c) => c.notNull())
    .addColumn('to_city_id', int, (c) => c.notNull())
    .addColumn('uses', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_use_county_flows_pk', ['month', 'from_county_id', 'to_county_id'])
    .execute();

  // Resources whose uses the rollup counts as featured (优课 / 精品课) now; a resource featured or
  // unfeatured later moves its past uses in or out.
  await db.schema.createTable('resource_use_featured')
    .addColumn('resource_id', int, (c) => c.primaryKey())
    .execute();
}
