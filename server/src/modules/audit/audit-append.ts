import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { rowHash } from './audit-chain.js';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  actor: { userId: number; name: string } | null;
  /** Dotted verb, e.g. `auth.login`, `person.read`, `school.export`. */
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  result: AuditResult;
  ip: string;
  detail?: Record<string, unknown>;
}

/** Reads the chain head, locking it on PostgreSQL so appenders (and the purge) take turns. */
export async function lockChainHead(trx: Kysely<Database>, dialect: DialectName) {
  // On SQLite the single connection already serialises every transaction.
  const head = dialect === 'postgres'
    ? (await sql<{ last_hash: string; last_id: number }>`select last_hash, last_id from audit_chain where id = 1 for update`.execute(trx)).rows[0]
    : await trx.selectFrom('audit_chain').select(['last_hash', 'last_id']).where('id', '=', 1).executeTakeFirst();
  if (!head) throw new Error('audit chain head is missing: the database was not migrated');
  return head;
}

/**
 * Appends one row chained to the head, inside the caller's transaction (which must hold the head
 * lock from `lockChainHead`). Returns the new row's id and hash.
 */
export async function appendAuditRow(
  trx: Kysely<Database>,
  head: { last_hash: string; last_id: number },
  at: Date,
  entry: AuditEntry,
): Promise<{ id: number; hash: string }> {
  const row = {
    id: head.last_id + 1,
    at: at.toISOString(),
    actor_id: entry.actor?.userId ?? null,
    actor_name: entry.actor?.name ?? '',
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    result: entry.result,
    ip: entry.ip,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const hash = rowHash(head.last_hash, row);
  await trx.insertInto('audit_log').values({ ...row, prev_hash: head.last_hash, hash }).execute();
  await trx.updateTable('audit_chain').set({ last_hash: hash, last_id: row.id }).where('id', '=', 1).execute();
  return { id: row.id, hash };
}
