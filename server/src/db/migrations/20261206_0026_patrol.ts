import type { AnyDb } from './migration-helpers.js';

/**
 * Class patrol (巡课): one patrol per patroller, lesson and day — the patroller corrects it that
 * day rather than adding a second — held by a unique index, so two quick saves cannot both insert.
 * `updated_at` says when it was last corrected (null: never). Forward only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('patrols').addColumn('updated_at', 'text').execute();
  await db.schema.createIndex('patrols_once_a_day').on('patrols')
    .columns(['patroller_user_id', 'patrol_day', 'school_id', 'group_id']).unique().execute();
}
