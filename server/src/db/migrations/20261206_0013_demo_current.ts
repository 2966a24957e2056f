import type { AnyDb } from './migration-helpers.js';

/**
 * Where a recording's playlists, segments and pictures live when they are not its own: the demo
 * city's lessons share a few clips packaged once (storage/keys.ts sharedMediaPrefix). Null for
 * every real lesson, whose media stay under `recordings/<id>/`.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('recordings').addColumn('media_prefix', 'text').execute();
}
