import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './migration-helpers.js';

/**
 * SQLite gives a new row the largest id + 1, so deleting the newest row handed its id to the next
 * one. A principal deleted the newest lesson, the next upload got its id, and with it the deleted
 * lesson's finished jobs (dedupe key `recording.process:<id>`: the new lesson stayed 排队中 for
 * good), and audit entries and notification keys that named the deleted row named the new one.
 * AUTOINCREMENT never hands an id out twice; PostgreSQL's identity columns never did, so
 * there is nothing to do there. SQLite cannot add AUTOINCREMENT to a table: each table keyed by
 * an integer `id` is made anew with it, its rows copied, the old table dropped, the new one
 * renamed and its indexes made again (sqlite.org/lang_altertable.html, "other kinds of table
 * schema changes"), with foreign keys off and in one transaction checked before it commits.
 * Tables idColumn makes have AUTOINCREMENT already and are left alone.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  // A no-op inside a transaction: switched off before it, on after. Kysely runs SQLite migrations outside one.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      const tables = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'table'`.execute(trx)).rows;
      for (const table of tables) {
        if (table.sql?.startsWith(headOf(table.name))) await rebuildWithAutoincrement(trx, table);
      }
      const broken = (await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(trx)).rows;
      if (broken.length) throw new Error(`foreign keys broken after the rebuild: ${JSON.stringify(broken.slice(0, 5))}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** How Kysely writes idColumn's SQLite column before AUTOINCREMENT. */
const ID_COLUMN = '"id" integer primary key';
/** The start of a table keyed by that column, as sqlite_master keeps it. */
const headOf = (name: string) => `CREATE TABLE "${name}" (${ID_COLUMN},`;

async function rebuildWithAutoincrement(trx: AnyDb, table: { name: string; sql: string }): Promise<void> {
  const name = table.name;
  const rebuilt = `${name}__autoincrement`;
  const head = headOf(name);
  const indexes = (await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'index' and tbl_name = ${name} and sql is not null`.execute(trx)).rows;
  await sql.raw(`CREATE TABLE "${rebuilt}" (${ID_COLUMN} autoincrement,${table.sql.slice(head.length)}`).execute(trx);
  await sql.raw(`insert into "${rebuilt}" select * from "${name}"`).execute(trx);
  await sql.raw(`drop table "${name}"`).execute(trx);
  await sql.raw(`alter table "${rebuilt}" rename to "${name}"`).execute(trx);
  for (const index of indexes) await sql.raw(index.sql).execute(trx);
}
