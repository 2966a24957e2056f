import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  result: string;
  ip: string;
  detail: string;
}

/**
 * The hash of one audit row: it covers every field of the row and the previous row's hash, so
 * editing, deleting or reordering any row breaks every hash after it.
 */
export function rowHash(prevHash: string, r: ChainedFields): string {
  const canonical = JSON.stringify([
    prevHash, r.id, r.at, r.actor_id, r.actor_name, r.action, r.target_type, r.target_id, r.result, r.ip, r.detail,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
