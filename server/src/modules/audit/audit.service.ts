import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { type AuditEntry, appendAuditRow, lockChainHead } from './audit-append.js';

export type { AuditEntry, AuditResult } from './audit-append.js';

/**
 * The append-only audit log. Only this service writes it, and only by appending a row chained to
 * the previous one; no code path updates or deletes rows except the retention purge.
 */
export function createAuditService(deps: { db: Db; clock: Clock }) {
  const { db: handle, clock } = deps;

  async function record(entry: AuditEntry): Promise<void> {
    await handle.db.transaction().execute(async (trx) => {
      const head = await lockChainHead(trx, handle.dialect);
      await appendAuditRow(trx, head, clock.now(), entry);
    });
  }

  return { record };
}

export type AuditService = ReturnType<typeof createAuditService>;
