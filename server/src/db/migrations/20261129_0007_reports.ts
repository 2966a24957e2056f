import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Reports up the hierarchy (上报): each city's choice of period, the counties' periodic reports
 * (one per county, department and period, with the figures they were pre-filled with and their
 * narrative), and every step of their review. `report_events` is append-only and never purged:
 * it is the record of who submitted, returned and approved what, and when.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('report_settings')
    .addColumn('city_id', 'integer', (c) => c.primaryKey().references('regions.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', id)
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON (reports.figures.ts ReportFigures): what the data said when the report was pre-filled.
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('figures_at', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_once', ['county_id', 'department', 'period', 'period_start'])
    .execute();
  // The city's list, newest period first; a county's list is served by the unique index.
  await db.schema.createIndex('reports_city_period').on('reports').columns(['city_id', 'period_start']).execute();

  await db.schema
    .createTable('report_events')
    .addColumn('id', 'integer', id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.notNull().references('users.id'))
    // The name as it was: the history reads the same after an account is renamed.
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_events_report').on('report_events').columns(['report_id', 'id']).execute();
}
