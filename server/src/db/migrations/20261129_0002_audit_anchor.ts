import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Kysely hands migrations an untyped database: a migration describes the schema of its own day.
type AnyDb = Kysely<any>;

/**
 * Anchors left by the audit retention purge: the hash of the last purged row, which the first
 * remaining row must name as its prev_hash for the chain to verify after old rows are gone.
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey());
  await db.schema
    .createTable('audit_anchor')
    .addColumn('id', 'integer', id)
    .addColumn('first_id', 'integer', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('purge_row_id', 'integer', (c) => c.notNull())
    .addColumn('purged_rows', 'integer', (c) => c.notNull())
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('purged_at', 'text', (c) => c.notNull())
    .execute();
}
