import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditResult } from './audit-append.js';

/** A filter on the audit log with its time bounds already turned into UTC ISO text. */
export interface AuditLogFilter {
  /** Inclusive lower bound on `at`. */
  atFrom?: string;
  /** Exclusive upper bound on `at`. */
  atBefore?: string;
  actor?: string;
  /** An exact action, or a family when it ends in `.*` (`auth.*`). */
  action?: string;
  result?: AuditResult;
  targetType?: string;
  targetId?: string;
}

const COLUMNS = [
  'audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'audit_log.actor_name', 'audit_log.action',
  'audit_log.target_type', 'audit_log.target_id', 'audit_log.result', 'audit_log.ip', 'audit_log.detail',
] as const;

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Kysely<Database>, f: AuditLogFilter) {
  let query = db.selectFrom('audit_log');
  if (f.atFrom) query = query.where('audit_log.at', '>=', f.atFrom);
  if (f.atBefore) query = query.where('audit_log.at', '<', f.atBefore);
  if (f.actor) {
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    const like = `%${likeEscaped(f.actor.toLowerCase())}%`;
    query = query.where(sql<SqlBool>`(lower(audit_log.actor_name) like ${like} escape '\\'
      or audit_log.actor_id in (select id from users where lower(username) like ${like} escape '\\'))`);
  }
  if (f.action?.endsWith('.*')) {
    query = query.where(sql<SqlBool>`audit_log.action like ${`${likeEscaped(f.action.slice(0, -1))}%`} escape '\\'`);
  } else if (f.action) {
    query = query.where('audit_log.action', '=', f.action);
  }
  if (f.result) query = query.where('audit_log.result', '=', f.result);
  if (f.targetType) query = query.where('audit_log.target_type', '=', f.targetType);
  if (f.targetId) query = query.where('audit_log.target_id', '=', f.targetId);
  return query;
}

/** One page of the log, newest first (the `at` index gives the order). */
export function listAuditRows(db: Kysely<Database>, f: AuditLogFilter, limit: number, offset: number) {
  return filtered(db, f).select(COLUMNS).orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc')
    .limit(limit).offset(offset).execute();
}

export async function countAuditRows(db: Kysely<Database>, f: AuditLogFilter): Promise<number> {
  if (!Object.values(f).some((v) => v !== undefined && v !== '')) {
    // The whole log: ids are appended one by one on the chain (audit-append) and retention cuts
    // only the oldest ones, so the rows are the ids from the first to the last — two primary-key
    // reads instead of counting every row of a log that only grows.
    // Two subqueries: SQLite reads a lone max() or min() from the key, but scans for both in one select.
    const row = (await sql<{ last: number | null; first: number | null }>`select
      (select max(id) from audit_log) as last, (select min(id) from audit_log) as first`.execute(db)).rows[0];
    return row?.last == null || row.first == null ? 0 : Number(row.last) - Number(row.first) + 1;
  }
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every matching row, newest first, streamed for exports. */
export function streamAuditRows(db: Kysely<Database>, f: AuditLogFilter) {
  return filtered(db, f).select(COLUMNS).orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').stream(500);
}

export type AuditRow = Awaited<ReturnType<typeof listAuditRows>>[number];
