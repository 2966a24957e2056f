import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely, Selectable } from 'kysely';
import type { AuditAnchorTable, Database } from '../../db/schema.js';
import { GENESIS_HASH, rowHash } from './audit-chain.js';
import type { AUDIT_CHAIN_PROBLEMS } from './audit.schema.js';

export type AuditChainProblem = (typeof AUDIT_CHAIN_PROBLEMS)[number];

export interface AuditVerifyResult {
  ok: boolean;
  rowsChecked: number;
  /** The first row found wrong: the edited row, the first deleted id, or the first id missing from the end. */
  firstBadId: number | null;
  problem: AuditChainProblem | null;
  /** The verdict in Chinese, for the auditor's screen. */
  message: string;
  /** What is wrong in English, with the hashes involved (the CLI prints it). */
  detail: string | null;
  headId: number;
  headHash: string;
  /** Where the chain starts when a retention purge removed its beginning. */
  anchor: { firstId: number; prevHash: string; purgedAt: string } | null;
}

type Anchor = Selectable<AuditAnchorTable>;
type Head = { last_id: number; last_hash: string };

interface Walked {
  rowsChecked: number;
  /** Id and hash of the last row that verified. */
  lastId: number;
  lastHash: string;
  failure: { problem: AuditChainProblem; firstBadId: number; detail: string } | null;
}

const BATCH = 2000;

const MESSAGES: Record<AuditChainProblem, (id: number) => string> = {
  edited: (id) => `第 ${id} 条审计记录被修改过（存储的哈希与按内容重新计算的不一致）`,
  deleted: (id) => `第 ${id} 条审计记录被删除（记录编号不连续或哈希链在此断开）`,
  truncated: (id) => `从第 ${id} 条起日志末尾的审计记录被删除（链头记录的最后一条不在了）`,
  anchor_mismatch: (id) => `日志开头（第 ${id} 条）与保留期清理留下的锚点不一致，可能有记录被删除或伪造`,
  head_mismatch: (id) => `链头与最后一条审计记录（第 ${id} 条）不一致，可能有记录被改写`,
};

export async function latestAnchor(db: Kysely<Database>): Promise<Anchor | null> {
  return (await db.selectFrom('audit_anchor').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export async function readHead(db: Kysely<Database>): Promise<Head> {
  const head = await db.selectFrom('audit_chain').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirst();
  if (!head) throw new Error('audit chain head is missing: the database was not migrated');
  return head;
}

/**
 * Walks rows in id order, in batches (memory stays flat however long the log), from the chain's
 * start (row 1, or the latest purge anchor) up to `untilId`, stopping at the first fault.
 */
export async function walkChain(db: Kysely<Database>, anchor: Anchor | null, untilId: number, batchSize = BATCH): Promise<Walked> {
  let expectedId = anchor ? anchor.first_id : 1;
  let prevHash = anchor ? anchor.prev_hash : GENESIS_HASH;
  let rowsChecked = 0;
  // Start below the anchor so rows that should have been purged, or were slipped in before it, are seen.
  let cursor = 0;
  const fail = (problem: AuditChainProblem, firstBadId: number, detail: string): Walked =>
    ({ rowsChecked, lastId: expectedId - 1, lastHash: prevHash, failure: { problem, firstBadId, detail } });

  for (;;) {
    const rows = await db.selectFrom('audit_log')
      .select(['id', 'at', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'result', 'ip', 'detail', 'prev_hash', 'hash'])
      .where('id', '>', cursor).where('id', '<=', untilId)
      .orderBy('id').limit(batchSize).execute();
    for (const r of rows) {
      const first = rowsChecked === 0;
      if (r.id < expectedId) {
        return fail('anchor_mismatch', r.id, `row ${r.id} lies before the chain's start at row ${expectedId} set by the last purge`);
      }
      if (r.id > expectedId) {
        const missing = r.id - 1 === expectedId ? `row ${expectedId} is missing` : `rows ${expectedId}–${r.id - 1} are missing`;
        return fail('deleted', expectedId, `row was deleted (${missing}; row ${r.id} follows ${first ? 'the chain start' : `row ${expectedId - 1}`})`);
      }
      const computed = rowHash(r.prev_hash, r);
      if (computed !== r.hash) {
        return fail('edited', r.id, `row was edited (stored hash ${r.hash} ≠ computed ${computed})`);
      }
      if (r.prev_hash !== prevHash) {
        if (first && anchor) {
          return fail('anchor_mismatch', r.id, `first row carries prev_hash ${r.prev_hash} but the purge of ${anchor.purged_at} anchored the chain at ${prevHash}`);
        }
        const before = first ? 'the genesis hash' : `the hash of row ${r.id - 1}`;
        return fail('deleted', r.id, `row does not chain (prev_hash ${r.prev_hash} ≠ ${before} ${prevHash}): a row before it was deleted or rewritten`);
      }
      if (anchor && r.id === anchor.purge_row_id && !purgeRowMatches(r, anchor)) {
        return fail('anchor_mismatch', r.id, `the purge anchor (row ${anchor.first_id}, hash ${anchor.prev_hash}) differs from what purge row ${r.id} recorded`);
      }
      prevHash = r.hash;
      expectedId++;
      rowsChecked++;
    }
    if (rows.length < batchSize) break;
    cursor = rows[rows.length - 1]!.id;
    // better-sqlite3 answers synchronously: without a turn of the event loop a long walk would stall every request.
    await nextTurn();
  }
  return { rowsChecked, lastId: expectedId - 1, lastHash: prevHash, failure: null };
}

// The anchor table lies outside the chain; the purge row repeats it inside, so forging an anchor means breaking the chain.
function purgeRowMatches(r: { action: string; detail: string }, anchor: Anchor): boolean {
  try {
    const d = JSON.parse(r.detail) as { firstKeptId?: unknown; anchorHash?: unknown };
    return r.action === 'audit.purge' && d.firstKeptId === anchor.first_id && d.anchorHash === anchor.prev_hash;
  } catch {
    return false;
  }
}

async function verifyOnce(db: Kysely<Database>, batchSize: number) {
  // The head is read first: rows appended while we walk lie beyond it and are left for the next check.
  const head = await readHead(db);
  const anchor = await latestAnchor(db);
  const walked = await walkChain(db, anchor, head.last_id, batchSize);
  let failure = walked.failure;
  if (!failure && walked.lastId < head.last_id) {
    const from = walked.lastId + 1;
    failure = {
      problem: 'truncated', firstBadId: from,
      detail: `rows were removed from the end (chain head names row ${head.last_id} with hash ${head.last_hash}; the last row present is ${walked.lastId === 0 ? 'none' : walked.lastId})`,
    };
  } else if (!failure && walked.lastHash !== head.last_hash) {
    failure = {
      problem: 'head_mismatch', firstBadId: head.last_id,
      detail: `chain head records hash ${head.last_hash} for row ${head.last_id}, but the chain arrives at ${walked.lastHash}`,
    };
  }
  const result: AuditVerifyResult = {
    ok: !failure,
    rowsChecked: walked.rowsChecked,
    firstBadId: failure?.firstBadId ?? null,
    problem: failure?.problem ?? null,
    message: failure
      ? `${MESSAGES[failure.problem](failure.firstBadId)}。请立即备份数据库保全现场，并报告安全管理员。`
      : `审计日志完整：已校验 ${walked.rowsChecked} 条记录，哈希链无断裂、无篡改`,
    detail: failure?.detail ?? null,
    headId: head.last_id,
    headHash: head.last_hash,
    anchor: anchor ? { firstId: anchor.first_id, prevHash: anchor.prev_hash, purgedAt: anchor.purged_at } : null,
  };
  return { result, anchorId: anchor?.id ?? null };
}

/**
 * Checks the whole audit log: recomputes every row's hash from its fields and the previous hash,
 * checks ids are consecutive from the chain start and that the last row is the chain head.
 */
export async function verifyAuditChain(db: Kysely<Database>, opts: { batchSize?: number } = {}): Promise<AuditVerifyResult> {
  const batchSize = opts.batchSize ?? BATCH;
  const first = await verifyOnce(db, batchSize);
  if (first.result.ok) return first.result;
  // A purge that ran while we walked moves the chain's start; look again once before raising the alarm.
  const anchorNow = (await latestAnchor(db))?.id ?? null;
  return anchorNow === first.anchorId ? first.result : (await verifyOnce(db, batchSize)).result;
}
