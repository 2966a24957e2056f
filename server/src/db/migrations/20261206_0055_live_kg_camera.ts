import type { AnyDb } from './migration-helpers.js';

/**
 * 园所直播 streams (issue 12): a live-view room names the recording room whose recorder (or camera)
 * sends its picture, the way a live class's lead room does. Null: no camera bound yet, parents
 * see the window but no picture. Nothing is recorded for parents, so no other table is needed.
 * Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('live_kg_rooms').addColumn('room_id', 'integer', (c) => c.references('rooms.id')).execute();
  await db.schema.createIndex('live_kg_rooms_camera').on('live_kg_rooms').columns(['room_id']).execute();
}
