import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { type Db, openDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or — when DATABASE_URL
 * names PostgreSQL — a new schema of that database, so test files can run side by side.
 */
export async function createTestDb(): Promise<Db & { dropAll(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    const handle: Db = { db, dialect: 'postgres', close: () => db.destroy() };
    const dropAll = async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    };
    try {
      await migrateToLatest(handle);
    } catch (err) {
      await dropAll();
      throw err;
    }
    return { ...handle, dropAll };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-test-'));
  const handle = openDb({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(handle);
  return {
    ...handle,
    async dropAll() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
