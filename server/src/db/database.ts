import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
  /** PostgreSQL's connection pool, for its metrics (absent on SQLite). */
  pool?: { totalCount: number; idleCount: number; waitingCount: number };
}

// COUNT(*) and SUM() are bigint in PostgreSQL; our counts fit in a double, and both dialects must
// hand the same JavaScript types to the services.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise SQLite in `dataDir` (WAL with
 * synchronous=FULL, so a committed write survives a power cut).
 */
export function openDb(opts: { databaseUrl: string | null; dataDir: string; sqliteFile?: string }): Db {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    return { db, dialect: 'postgres', close: () => db.destroy(), pool };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = opts.sqliteFile ?? join(opts.dataDir, 'sunshine.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh; on a hot read that costs as much as running it. Prepared
 * statements are kept by SQL text (least recently used out). Reuse is safe because Kysely runs
 * one query at a time on its single SQLite connection.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) cache.delete(text);
      else stmt = sqlite.prepare(text);
      cache.set(text, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}
