import type { AnyDb } from './migration-helpers.js';

/**
 * Several API nodes on one database (issue 13): the generated secrets every node must share (the
 * media-token key, once kept per node in DATA_DIR/secrets.json) and the leases that let one node
 * of the cluster run a scheduled task per period. Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  // One row per secret; the first node to start inserts it, every later one reads it.
  await db.schema.createTable('platform_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    // `generated` or `secrets.json` (carried over from an installation that had one).
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A lease names a task and its period (`maintenance:compliance:20613`); held until expires_at.
  await db.schema.createTable('cluster_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cluster_leases_expires_idx').on('cluster_leases').column('expires_at').execute();
}
