import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * The programme's rollout (阳光放心校园项目推进): batches with targets and due dates, the
 * deadlines the city sets, each school's milestones with evidence, and its named person.
 *
 * Whether a school is in the programme, and in which batch, stays `schools.batch`; the rows here
 * carry only what the rollout adds. A programme school without a `rollout_schools` row is simply
 * one nobody has recorded anything for yet.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);

  // A batch belongs to a city: the province's cities each run their own `2018-08`.
  await db.schema
    .createTable('rollout_batches')
    .addColumn('id', 'integer', id)
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('target_kindergarten', 'integer', (c) => c.notNull())
    .addColumn('target_primary_junior', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rollout_batches_city_code', ['city_id', 'code'])
    .execute();

  // The city's targets shared out per county (the progress table compares each county with its own).
  await db.schema
    .createTable('rollout_batch_targets')
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('rollout_batches.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('school_group', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollout_batch_targets_pk', ['batch_id', 'county_id', 'school_group'])
    .execute();

  // `requires` is a JSON array of milestones and 'named_person'; `batch_code` null = every batch.
  await db.schema
    .createTable('rollout_deadlines')
    .addColumn('id', 'integer', id)
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('applies_to', 'text', (c) => c.notNull())
    .addColumn('batch_code', 'text')
    .addColumn('requires', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rollout_deadlines_city').on('rollout_deadlines').column('city_id').execute();

  await db.schema
    .createTable('rollout_schools')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().references('schools.id'))
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    .addColumn('built', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('named_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('named_since', 'text')
    .addColumn('named_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rollout_schools_county').on('rollout_schools').column('county_id').execute();

  await db.schema
    .createTable('rollout_milestones')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    .addColumn('planned_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('evidence_note', 'text')
    .addColumn('evidence_link', 'text')
    .addColumn('recorded_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text')
    .addPrimaryKeyConstraint('rollout_milestones_pk', ['school_id', 'milestone'])
    .execute();
  await db.schema.createIndex('rollout_milestones_county').on('rollout_milestones').column('county_id').execute();
}
