import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDb } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';

/** The q-quantile (0..1) of some timings, by rank. */
export function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * A fresh, migrated database for one bench: a temporary SQLite file, or a new schema (named after
 * `label`) of the PostgreSQL database named; `drop()` removes it.
 */
export async function openBenchDb(url: string | undefined, label: string): Promise<Db & { drop(): Promise<void> }> {
  if (url) {
    const pg = (await import('pg')).default;
    const { Kysely, PostgresDialect } = await import('kysely');
    const Cursor = (await import('pg-cursor')).default;
    const schema = `bench_${label}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
    const db = new Kysely<never>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) }) as unknown as Db['db'];
    const handle: Db = { db, dialect: 'postgres', close: () => db.destroy() };
    await migrateToLatest(handle);
    return {
      ...handle,
      async drop() {
        await db.destroy();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `sunshine-bench-${label}-`));
  const handle = openDb({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(handle);
  return { ...handle, async drop() { await handle.close(); rmSync(dir, { recursive: true, force: true }); } };
}
