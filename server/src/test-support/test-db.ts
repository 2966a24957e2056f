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
    await adminQuery(url, `create schema ${schema}`);
    const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    const handle: Db = { db, dialect: 'postgres', close: () => db.destroy() };
    const dropAll = async () => {
      await db.destroy();
      await withSchemaLock(url, 'alone', () => adminQuery(url, `drop schema if exists ${schema} cascade`));
    };
    try {
      await withSchemaLock(url, 'shared', () => migrateToLatest(handle));
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

/**
 * Kysely's migrator finds its own tables by reading every schema's columns from the catalog, and
 * that read fails ("schema … does not exist") when another test file drops its schema meanwhile.
 * So migrations share this advisory lock and a drop takes it alone.
 */
const SCHEMA_LOCK = 20_261_207;

async function withSchemaLock<T>(url: string, mode: 'shared' | 'alone', work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(mode === 'shared' ? 'select pg_advisory_lock_shared($1)' : 'select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await work();
  } finally {
    // Ending the session releases its advisory lock.
    await client.end();
  }
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await c.query(statement); } finally { await c.end(); }
}
