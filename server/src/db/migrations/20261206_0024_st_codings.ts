import { sql } from 'kysely';
import type { AnyDb } from './migration-helpers.js';

/**
 * S-T codings (issue 9). One coding per coder per lesson per activity — outside any activity
 * too, where activity_id is null (a plain unique constraint lets nulls repeat, so the index reads
 * a missing activity as 0, which no activity id is); two tabs saving a first coding at once meet
 * this index instead of leaving two codings. And the track the coding was made on, so a coding
 * found by its id is checked against the lesson it belongs to (the research reach takes a
 * recording id). Forward only.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('st_codings').addColumn('recording_id', 'integer', (c) => c.references('recordings.id')).execute();
  await db.schema.createIndex('st_codings_once').on('st_codings').unique()
    .expression(sql`school_id, group_id, coalesce(activity_id, 0), coder_user_id`)
    .execute();
}
