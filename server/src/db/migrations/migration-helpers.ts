import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Kysely hands migrations an untyped database: a migration describes the schema of its own day.
export type AnyDb = Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * An integer key the database assigns and never assigns twice (SQLite's AUTOINCREMENT: without it
 * a deleted newest row's id went to the next row, see 20261207_0056); explicit ids (the seed's)
 * are allowed on both dialects.
 */
export function idColumn(db: AnyDb) {
  const pg = isPostgres(db);
  return (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());
}
