import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { purgeAuditLog } from './modules/audit/audit-retention.js';
import { deleteExpiredSessions } from './modules/auth/sessions.queries.js';

const HOUR = 3_600_000;

/**
 * Housekeeping that runs inside the server: expired sessions go every hour, audit rows past
 * their retention once a day. Timers do not keep the process alive.
 */
export function startMaintenance(deps: {
  db: Db; clock: Clock; log: FastifyBaseLogger; sessionIdleMinutes: number; auditRetentionDays: number;
}): () => void {
  const sessions = async () => {
    const now = deps.clock.now();
    const idleBefore = new Date(now.getTime() - deps.sessionIdleMinutes * 60_000).toISOString();
    await deleteExpiredSessions(deps.db.db, idleBefore, now.toISOString());
  };
  const audit = async () => {
    const outcome = await purgeAuditLog(deps.db, deps.clock, deps.auditRetentionDays);
    if (outcome.refused) deps.log.error({ outcome }, 'audit purge refused: the rows due for deletion do not verify');
    else if (outcome.deleted) deps.log.info(`audit purge: ${outcome.deleted} rows older than ${outcome.cutoff}`);
  };
  const guard = (name: string, task: () => Promise<void>) => () =>
    task().catch((err) => deps.log.error({ err }, `maintenance task ${name} failed`));
  const timers = [setInterval(guard('sessions', sessions), HOUR), setInterval(guard('audit', audit), 24 * HOUR)];
  for (const t of timers) t.unref();
  void guard('sessions', sessions)();
  void guard('audit', audit)();
  return () => timers.forEach(clearInterval);
}
