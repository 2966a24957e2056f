import type { AnyDb } from './migration-helpers.js';

/**
 * Observation rubrics get versions: a published rubric that observers have scored on is never
 * changed (its scores would change meaning), so a revision is a copy with the next version number
 * that names the rubric it was copied from. Scores are looked up by rubric (is it in use?).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('observation_rubrics').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('observation_rubrics').addColumn('copied_from_rubric_id', 'integer', (c) => c.references('observation_rubrics.id')).execute();
  await db.schema.createIndex('observation_scores_rubric').on('observation_scores').column('rubric_id').execute();
}
