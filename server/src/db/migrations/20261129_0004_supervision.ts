import { sql } from 'kysely';
import { type AnyDb, idColumn, isPostgres } from './migration-helpers.js';

/**
 * Supervision of the ≥ 2-lessons-a-day quota: the school calendar (terms and day overrides), quota
 * rules, which schools are tracked from when, and the per-school-per-day compliance rollup.
 *
 * `scope_key` ('city:1', 'county:7', 'school:42') names the node a term or override applies to, so
 * one unique index can hold "one entry per node and day" without nullable columns in it.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('school_terms')
    .addColumn('id', 'integer', id)
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_terms_once', ['scope_key', 'name'])
    .execute();
  await db.schema.createIndex('school_terms_city').on('school_terms').column('city_id').execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('id', 'integer', id)
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('calendar_overrides_once', ['scope_key', 'day'])
    .execute();
  await db.schema.createIndex('calendar_overrides_city_day').on('calendar_overrides').columns(['city_id', 'day']).execute();

  await db.schema
    .createTable('quota_rules')
    .addColumn('id', 'integer', id)
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('school_kind', 'text')
    .addColumn('min_lessons', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quota_rules_city').on('quota_rules').column('city_id').execute();

  await db.schema
    .createTable('compliance_tracking')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().references('schools.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compliance_tracking_county').on('compliance_tracking').column('county_id').execute();
  await db.schema.createIndex('compliance_tracking_city').on('compliance_tracking').column('city_id').execute();

  // A derived table: county_id, city_id and school_kind are copies of the school's, so that scope
  // predicates and group-bys need no join. Rows exist for tracked school days, and for other days
  // only when a lesson was counted on them.
  await db.schema
    .createTable('compliance_days')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    .addColumn('school_kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('school_day', 'integer', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reason_name', 'text')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    // School-first: one school's days (heatmap, streaks) and the incremental upsert. On SQLite the
    // table is clustered on it (WITHOUT ROWID), so a school's days are one contiguous read.
    .addPrimaryKeyConstraint('compliance_days_pk', ['school_id', 'day'])
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  // Date-first indexes per view, each covering what its aggregate reads (compliance.queries.ts):
  // within a city, for the city's day and month views (per county and per school);
  await db.schema.createIndex('compliance_days_city_day').on('compliance_days')
    .columns(['city_id', 'day', 'county_id', 'school_kind', 'school_day', 'met', 'school_id']).execute();
  // within a county and kind of school, for a county's views and — county by county, kind by
  // kind, read in the order it groups by, so without a sort — the province's month per county.
  // It carries city_id too, so a city's query stays covered whichever index the planner picks.
  await db.schema.createIndex('compliance_days_county_kind_day').on('compliance_days')
    .columns(['county_id', 'school_kind', 'day', 'school_day', 'met', 'city_id', 'school_id']).execute();

  // The second level, per county, kind of school and day, kept with the first (see
  // compliance.recompute.ts): a city's or the province's views read a few thousand of these rows
  // instead of hundreds of thousands of school-days. Date-first, and per city date-first.
  await db.schema
    .createTable('compliance_county_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('school_kind', 'text', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    .addColumn('school_days', 'integer', (c) => c.notNull())
    .addColumn('met_days', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_county_days_pk', ['day', 'county_id', 'school_kind'])
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema.createIndex('compliance_county_days_city').on('compliance_county_days')
    .columns(['city_id', 'day', 'county_id', 'school_kind', 'school_days', 'met_days']).execute();
}
