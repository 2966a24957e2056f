import type { Generated } from 'kysely';

/** The append-only audit log and its hash chain. Conventions: see ../schema.ts. */

export interface AuditLogTable {
  id: Generated<number>;
  /** ISO-8601 with zone designator (UTC `Z`). */
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  result: 'success' | 'failure' | 'denied';
  ip: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** One row: the hash of the newest audit row, locked while a row is appended. */
export interface AuditChainTable {
  id: number;
  last_hash: string;
  last_id: number;
}

/** Left by each retention purge: the first row kept and the hash it must chain from. */
export interface AuditAnchorTable {
  id: Generated<number>;
  first_id: number;
  /** Hash of the last purged row, i.e. the prev_hash the row `first_id` must carry. */
  prev_hash: string;
  /** The `audit.purge` row recording this purge, whose detail repeats the anchor inside the chain. */
  purge_row_id: number;
  purged_rows: number;
  cutoff: string;
  purged_at: string;
}
