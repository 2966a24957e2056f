import type { AnyDb } from './migration-helpers.js';

/**
 * Why a recording does not count, as a code with its numbers beside the Chinese sentence, so each
 * language words it itself (recordings/counting.ts). Rows from before keep only the sentence.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('recordings').addColumn('counts_reason_code', 'text').execute();
  await db.schema.alterTable('recordings').addColumn('counts_reason_values', 'text').execute();
}
