import { dirname } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type Db, openDb } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Where a test database lives, so another connection or process can open the same one. */
export type DbLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema: string };

export async function locateDb(db: Db): Promise<DbLocation> {
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db.db);
    return { dialect: 'postgres', url: process.env.DATABASE_URL!, schema: rows[0]!.s };
  }
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db.db);
  return { dialect: 'sqlite', file: rows.find((r) => r.name === 'main')!.file };
}

/** A second, independent connection (pool) to the database at `loc`. */
export function openDbAt(loc: DbLocation): Db {
  if (loc.dialect === 'sqlite') return openDb({ databaseUrl: null, dataDir: dirname(loc.file), sqliteFile: loc.file });
  const pool = new pg.Pool({ connectionString: loc.url, max: 5, options: `-c search_path=${loc.schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
