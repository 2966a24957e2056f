import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import type { Action } from '../../../../shared/domain.js';
import type { Db } from '../../db/database.js';
import { badRequest, forbidden } from '../../http/errors.js';
import type { AuditService } from './audit.service.js';
import type { AuditFilterQuery } from './audit.schema.js';
import * as q from './audit.queries.js';
import { type AuditNameSources, nameKey, resolveNames } from './audit-names.js';
import { type AuditVerifyResult, verifyAuditChain } from './audit-verify.js';

export type AuditFilter = Static<typeof AuditFilterQuery>;

export interface AuditItem {
  id: number; at: string; actorId: number | null; actorName: string; action: string; targetType: string | null;
  targetId: string | null; result: q.AuditRow['result']; ip: string; detail: Record<string, unknown>;
  /** The target's name today (a person, school, lesson title…); null when its type has none or it is gone. */
  targetName?: string | null;
}

export function toAuditItem(r: q.AuditRow): AuditItem {
  return {
    id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, targetType: r.target_type,
    targetId: r.target_id, result: r.result, ip: r.ip, detail: parseDetail(r.detail),
  };
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { raw: text };
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EXPORT_BATCH = 500;
const BEIJING = '+08:00';

// A bare day is a Beijing calendar day; an instant keeps its own zone. Invalid days like 02-30 are refused, not rolled over.
function instant(value: string, field: '起始时间' | '截止时间'): Date {
  const day = value.slice(0, 10);
  const date = new Date(DAY.test(value) ? `${value}T00:00:00${BEIJING}` : value);
  if (Number.isNaN(date.getTime()) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw badRequest('AUDIT_TIME_INVALID', `${field}「${value}」不是有效的日期或时刻，请使用 2018-04-04 或 2018-04-04T09:00:00+08:00 的格式`);
  }
  return date;
}

/** Turns the query's day-or-instant bounds into UTC text bounds (from inclusive, to inclusive of its whole day). */
export function toLogFilter(f: AuditFilter): q.AuditLogFilter {
  const { from, to, ...rest } = f;
  const out: q.AuditLogFilter = { ...rest };
  const fromDate = from ? instant(from, '起始时间') : null;
  const toDate = to ? instant(to, '截止时间') : null;
  if (fromDate) out.atFrom = fromDate.toISOString();
  if (to && toDate) out.atBefore = new Date(toDate.getTime() + (DAY.test(to) ? 86_400_000 : 1)).toISOString();
  if (fromDate && toDate && out.atBefore! <= out.atFrom!) {
    throw badRequest('AUDIT_RANGE_INVALID', `起始时间 ${from} 晚于截止时间 ${to}，请调换或重新选择时间范围`);
  }
  return out;
}

/** The auditor's view of the audit log: search, export and chain verification. Nothing here writes a row except its own audit. */
export function createAuditReviewService(deps: { db: Db; audit: AuditService; names?: AuditNameSources }) {
  const db = deps.db.db;

  // The log spans the whole installation, so only an installation-wide grant (the auditor's) may read it.
  function requireWholeLog(actor: Actor, action: Action) {
    if (!scopeOf(actor, action)?.all) throw forbidden();
  }

  /** The rows as items, each with its target's name, looked up once per kind for all of them. */
  async function withNames(rows: q.AuditRow[]): Promise<AuditItem[]> {
    const names = await resolveNames(deps.names ?? {}, rows.map((r) => ({ type: r.target_type, id: r.target_id })));
    return rows.map((r) => ({
      ...toAuditItem(r),
      targetName: r.target_type && r.target_id ? names.get(nameKey(r.target_type, r.target_id)) ?? null : null,
    }));
  }

  async function list(actor: Actor, filter: AuditFilter, page: number, pageSize: number) {
    requireWholeLog(actor, 'audit:read');
    const f = toLogFilter(filter);
    const [rows, total] = await Promise.all([
      q.listAuditRows(db, f, pageSize, (page - 1) * pageSize),
      q.countAuditRows(db, f),
    ]);
    return { items: await withNames(rows), total, page, pageSize };
  }

  /**
   * Records the export, then hands back its rows to stream. Recording first means no audit data
   * leaves without a trace, even if the download breaks off; `rows` is the count when it started.
   */
  async function startExport(actor: Actor, ip: string, filter: AuditFilter): Promise<AsyncIterable<AuditItem>> {
    requireWholeLog(actor, 'audit:export');
    const f = toLogFilter(filter);
    const rows = await q.countAuditRows(db, f);
    await deps.audit.record({ actor: { userId: actor.userId, name: actor.name }, action: 'audit.export', targetType: 'audit_log', result: 'success', ip, detail: { filter, rows } });
    const stream = q.streamAuditRows(db, f);
    const named = withNames;
    return (async function* () {
      // Names are looked up a batch at a time: one query per kind per 500 rows, not per row.
      let batch: q.AuditRow[] = [];
      for await (const r of stream) {
        batch.push(r);
        if (batch.length === EXPORT_BATCH) {
          yield* await named(batch);
          batch = [];
        }
      }
      if (batch.length) yield* await named(batch);
    })();
  }

  /** Verifies the chain and records that the auditor did, with the verdict. */
  async function verify(actor: Actor, ip: string): Promise<AuditVerifyResult> {
    requireWholeLog(actor, 'audit:read');
    const result = await verifyAuditChain(db);
    await deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action: 'audit.verify', targetType: 'audit_log', result: 'success', ip,
      detail: { ok: result.ok, rowsChecked: result.rowsChecked, firstBadId: result.firstBadId, problem: result.problem },
    });
    return result;
  }

  return { list, startExport, verify };
}

export type AuditReviewService = ReturnType<typeof createAuditReviewService>;
