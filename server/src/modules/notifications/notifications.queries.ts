import type { Kysely } from 'kysely';
import type { Database, NotificationTable } from '../../db/schema.js';

type Q = Kysely<Database>;
type NewRow = Omit<NotificationTable, 'id' | 'read_at'>;

// Rows per statement: keeps the bound parameters of one insert well under SQLite's limit.
const ROWS_PER_INSERT = 300;

/** Inserts notifications; a row whose (user, dedupe key) already exists is skipped. Returns the rows that went in. */
export async function insertNotifications(db: Q, rows: readonly NewRow[]): Promise<{ id: number; userId: number }[]> {
  const inserted: { id: number; userId: number }[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const out = await db.insertInto('notifications').values(rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({ ...r, read_at: null })))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning(['id', 'user_id']).execute();
    for (const r of out) inserted.push({ id: r.id, userId: r.user_id });
  }
  return inserted;
}

/**
 * Whether a notification row is visible outside the transaction that wrote it (committed). More
 * than the id: SQLite hands a rolled-back row's id to the next insert.
 */
export async function notificationExists(db: Q, row: { id: number; userId: number; createdAt: string; title: string }): Promise<boolean> {
  return (await db.selectFrom('notifications').select('id').where('id', '=', row.id).where('user_id', '=', row.userId)
    .where('created_at', '=', row.createdAt).where('title', '=', row.title).executeTakeFirst()) !== undefined;
}

export function listInbox(db: Q, userId: number, unreadOnly: boolean, limit: number, offset: number) {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId)
    .$if(unreadOnly, (q) => q.where('read_at', 'is', null))
    .orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function countInbox(db: Q, userId: number, unreadOnly: boolean): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId)
    .$if(unreadOnly, (q) => q.where('read_at', 'is', null)).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read; the user id in the predicate keeps others' rows out of reach. */
export async function markRead(db: Q, userId: number, id: number, at: string) {
  await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId)
    .where('read_at', 'is', null).execute();
  return db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export async function markAllRead(db: Q, userId: number, at: string): Promise<number> {
  const res = await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
