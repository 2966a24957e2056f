import type { AnyDb } from './migration-helpers.js';

/**
 * Why an upload failed (e.g. its SHA-256 differed from the one the recorder announced), so the
 * uploader who resumes it is told instead of starting over blindly. Status gains 'failed'.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('uploads').addColumn('failure_code', 'text').execute();
  await db.schema.alterTable('uploads').addColumn('failure_message', 'text').execute();
  await db.schema.createIndex('uploads_status').on('uploads').columns(['status', 'expires_at']).execute();
}
