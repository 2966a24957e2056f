import type { AnyDb } from './migration-helpers.js';

/**
 * Per-track start offsets: the tracks of one lesson come from separate cameras that may start
 * seconds apart, so each says where its first frame lies on the lesson's clock (milliseconds
 * after the lesson's reference start; 0 for tracks that started together). The player keeps the
 * tracks in step by it.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('recordings').addColumn('start_offset_ms', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
