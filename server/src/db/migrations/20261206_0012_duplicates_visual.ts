import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './migration-helpers.js';

/**
 * Honest duplicates and the picture check (recordings/counting.ts):
 * - A file is a duplicate only within its school: the unique key moves from `sha256` to
 *   `(school_id, sha256)`, so the same bytes from another school become a recording of their own
 *   (flagged, counting for nobody) instead of being filed under the first school.
 * - `reuse` marks both sides of such a pair ('copy' on the later one, 'original' on the earlier),
 *   `reuse_other_county` whether the other school is in another county; no column points at the
 *   other recording, so no answer can leak its id.
 * - `visual_*` hold the keyframe picture check's measurements (shares of the duration, 0–1).
 *
 * SQLite cannot drop a column's UNIQUE constraint: the table is rebuilt from its own definition
 * with that one word removed (no table references recordings, so nothing else moves).
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ conname: string }>`
      select c.conname from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.conrelid = 'recordings'::regclass and c.contype = 'u' and a.attname = 'sha256' and array_length(c.conkey, 1) = 1`.execute(db);
    for (const r of rows) await sql`alter table recordings drop constraint ${sql.id(r.conname)}`.execute(db);
  } else {
    await rebuildSqliteWithoutShaUnique(db);
  }
  await db.schema.createIndex('recordings_school_sha').on('recordings').columns(['school_id', 'sha256']).unique().execute();
  await db.schema.createIndex('recordings_sha').on('recordings').column('sha256').execute();
  await db.schema.alterTable('recordings').addColumn('reuse', 'text').execute();
  await db.schema.alterTable('recordings').addColumn('reuse_other_county', 'integer').execute();
  await db.schema.alterTable('recordings').addColumn('visual_black_share', 'real').execute();
  await db.schema.alterTable('recordings').addColumn('visual_frozen_share', 'real').execute();
  await db.schema.alterTable('recordings').addColumn('visual_checked_at', 'text').execute();
}

async function rebuildSqliteWithoutShaUnique(db: AnyDb): Promise<void> {
  const objects = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = 'recordings'`.execute(db);
  const table = objects.rows.find((o) => o.type === 'table');
  if (!table?.sql) throw new Error('recordings table not found');
  const pattern = /("sha256"\s+text\s+not null)\s+unique/i;
  if (!pattern.test(table.sql)) throw new Error(`recordings.sha256 is not declared as expected: ${table.sql}`);
  const rebuilt = table.sql.replace(pattern, '$1').replace(/^create table\s+"?recordings"?/i, 'create table "recordings_rebuilt"');
  const indexes = objects.rows.filter((o) => o.type === 'index' && o.sql);
  await sql.raw(rebuilt).execute(db);
  await sql`insert into recordings_rebuilt select * from recordings`.execute(db);
  await sql`drop table recordings`.execute(db);
  await sql`alter table recordings_rebuilt rename to recordings`.execute(db);
  for (const index of indexes) await sql.raw(index.sql!).execute(db);
}
