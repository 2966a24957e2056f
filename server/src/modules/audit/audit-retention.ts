import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { appendAuditRow, lockChainHead } from './audit-append.js';
import { type AuditChainProblem, latestAnchor, walkChain } from './audit-verify.js';

/** 等保 asks that audit records be kept at least six months; config.ts enforces the same floor. */
export const MIN_AUDIT_RETENTION_DAYS = 183;
const DAY_MS = 86_400_000;

export interface PurgeOutcome {
  deleted: number;
  /** Rows at or after this instant are kept (ISO UTC). */
  cutoff: string;
  /** The first row kept, which now starts the chain (null when nothing was deleted). */
  firstKeptId: number | null;
  /** Set when the purge refused to delete because the rows it would delete do not verify. */
  refused: { problem: AuditChainProblem; firstBadId: number; detail: string } | null;
}

/**
 * Deletes audit rows older than `retentionDays` in one transaction, records the hash of the last
 * deleted row as the chain's new anchor, and appends an `audit.purge` row with the count. It
 * verifies the rows it is about to delete first and refuses (recording the refusal) when they do
 * not, so a purge never destroys the evidence of tampering. Meant to run daily.
 */
export async function purgeAuditLog(handle: Db, clock: Clock, retentionDays: number): Promise<PurgeOutcome> {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(`audit retention must be a whole number of days, at least ${MIN_AUDIT_RETENTION_DAYS}; got ${retentionDays}`);
  }
  const now = clock.now();
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const system = { actor: null, targetType: 'audit_log', ip: '' } as const;

  return handle.db.transaction().execute(async (trx) => {
    const head = await lockChainHead(trx, handle.dialect);
    const anchor = await latestAnchor(trx);
    const start = anchor ? anchor.first_id : 1;
    // The smallest id still inside the retention period: everything before it goes, so the log
    // stays a contiguous run of ids even if the clock was ever set back.
    const kept = await trx.selectFrom('audit_log').select((eb) => eb.fn.min<number | null>('id').as('id'))
      .where('at', '>=', cutoff).executeTakeFirst();
    const firstKeptId = kept?.id ?? head.last_id + 1;

    if (firstKeptId <= start) {
      await appendAuditRow(trx, head, now, { ...system, action: 'audit.purge', result: 'success', detail: { deleted: 0, cutoff, retentionDays } });
      return { deleted: 0, cutoff, firstKeptId: null, refused: null };
    }

    const walked = await walkChain(trx, anchor, firstKeptId - 1);
    let refused = walked.failure;
    if (!refused && walked.lastId !== firstKeptId - 1) {
      refused = { problem: 'deleted', firstBadId: walked.lastId + 1, detail: `row ${walked.lastId + 1} is missing` };
    } else if (!refused && firstKeptId > head.last_id && walked.lastHash !== head.last_hash) {
      refused = { problem: 'head_mismatch', firstBadId: head.last_id, detail: `chain head hash ${head.last_hash} ≠ last row's ${walked.lastHash}` };
    }
    if (refused) {
      await appendAuditRow(trx, head, now, {
        ...system, action: 'audit.purge', result: 'failure',
        detail: { reason: 'chain_broken', cutoff, retentionDays, problem: refused.problem, firstBadId: refused.firstBadId },
      });
      return { deleted: 0, cutoff, firstKeptId: null, refused };
    }

    const del = await trx.deleteFrom('audit_log').where('id', '<', firstKeptId).executeTakeFirst();
    const deleted = Number(del.numDeletedRows);
    const anchorHash = walked.lastHash;
    await trx.insertInto('audit_anchor').values({
      first_id: firstKeptId, prev_hash: anchorHash, purge_row_id: head.last_id + 1, purged_rows: deleted, cutoff, purged_at: now.toISOString(),
    }).execute();
    await appendAuditRow(trx, head, now, {
      ...system, action: 'audit.purge', result: 'success', detail: { deleted, cutoff, retentionDays, firstKeptId, anchorHash },
    });
    return { deleted, cutoff, firstKeptId, refused: null };
  });
}
