import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../database.js';
import { migrateTo, migrateToLatest } from '../migrate.js';
import { createTestDb } from '../../test-support/test-db.js';

const region = (code: string, parentId: number | null = null) => ({
  code, name: code, level: parentId ? 'county' as const : 'city' as const, parent_id: parentId, bureau_name: `${code}教育局`,
});

describe('ids are never given twice (a deleted newest row keeps its id to itself)', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => t.dropAll());

  it('gives the next row a new id after the newest row is deleted, on either database', async () => {
    const city = await t.db.insertInto('regions').values(region('ids-city')).returning('id').executeTakeFirstOrThrow();
    const gone = await t.db.insertInto('regions').values(region('ids-gone', city.id)).returning('id').executeTakeFirstOrThrow();
    await t.db.deleteFrom('regions').where('id', '=', gone.id).execute();
    const next = await t.db.insertInto('regions').values(region('ids-next', city.id)).returning('id').executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(gone.id);
  });
});

// The rebuild is SQLite's alone (PostgreSQL's identity columns never reused a value).
describe.skipIf(Boolean(process.env.DATABASE_URL))('migration 0056 on an existing SQLite database', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sunshine-ids-'));
    db = openDb({ databaseUrl: null, dataDir: dir });
    await migrateTo(db, '20261206_0055_live_kg_camera');
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every row, key, index and foreign key, and from then on never gives a deleted id again', async () => {
    const city = await db.db.insertInto('regions').values(region('old-city')).returning('id').executeTakeFirstOrThrow();
    const county = await db.db.insertInto('regions').values(region('old-county', city.id)).returning('id').executeTakeFirstOrThrow();
    const gone = await db.db.insertInto('regions').values(region('old-gone', city.id)).returning('id').executeTakeFirstOrThrow();
    await db.db.deleteFrom('regions').where('id', '=', gone.id).execute();
    // Before the migration, SQLite hands the deleted id out again.
    const reused = await db.db.insertInto('regions').values(region('old-reused', city.id)).returning('id').executeTakeFirstOrThrow();
    expect(reused.id).toBe(gone.id);
    await db.db.deleteFrom('regions').where('id', '=', reused.id).execute();
    const indexesBefore = await indexNames(db);

    await migrateToLatest(db);

    expect(await db.db.selectFrom('regions').select(['id', 'code', 'parent_id']).orderBy('id').execute()).toEqual([
      { id: city.id, code: 'old-city', parent_id: null },
      { id: county.id, code: 'old-county', parent_id: city.id },
    ]);
    expect(await indexNames(db)).toEqual(indexesBefore);
    const autoincrement = await sql<{ n: number }>`
      select count(*) as n from sqlite_master where type = 'table' and sql like '%"id" integer primary key,%'`.execute(db.db);
    expect(autoincrement.rows[0]!.n).toBe(0);
    // Foreign keys and unique codes still hold.
    await expect(db.db.insertInto('regions').values(region('orphan', 999_999)).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.db.insertInto('regions').values(region('old-city')).execute()).rejects.toThrow(/UNIQUE/);
    // An id given twice before the migration stays so; from now on the newest row's id is its own.
    const newest = await db.db.insertInto('regions').values(region('new-newest', city.id)).returning('id').executeTakeFirstOrThrow();
    await db.db.deleteFrom('regions').where('id', '=', newest.id).execute();
    const next = await db.db.insertInto('regions').values(region('new-next', city.id)).returning('id').executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(newest.id);
  });
});

async function indexNames(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'index' order by name`.execute(db.db);
  return rows.rows.map((r) => r.name);
}
