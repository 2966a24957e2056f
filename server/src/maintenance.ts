import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { purgeAuditLog } from './modules/audit/audit-retention.js';
import { deleteExpiredSessions } from './modules/auth/sessions.queries.js';
import { recomputeRecentDays } from './modules/compliance/compliance.recompute.js';
import { type ClusterLease, localLease } from './cluster/lease.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Housekeeping that runs inside the server: recorders offline before a timetabled lesson raise
 * alerts every minute, expired sessions go every hour, audit rows past their retention and the
 * last week's compliance (a safety net) and lessons past their retention once a day; quota reminders and department digests every few
 * minutes once their hour has come. Each task is safe to run from several processes. Timers do not keep the process alive.
 * Answers the function that stops it: no task starts after it, and it resolves once the tasks
 * already running have ended (a stopping node closes the database only then).
 */
export function startMaintenance(deps: MaintenanceDeps): () => Promise<void> {
  return createMaintenance(deps).start();
}

/** The names of the scheduled tasks, each with its period. */
export type MaintenanceTask = 'rooms' | 'sessions' | 'audit' | 'compliance' | 'recordings' | 'notices' | 'family' | 'live';

/**
 * The tasks and their periods. With several nodes each tick first takes the task's lease for its
 * period (cluster/lease.ts: Redis, or PostgreSQL's leases table), so the nightly recompute, the
 * retention purge, the reminders and digests and the due work run once across the cluster per
 * period; a node that finds the lease taken skips that tick. On one machine the lease is local and
 * every tick runs, as before.
 */
export function createMaintenance(deps: MaintenanceDeps) {
  return maintenanceOf(deps);
}

export interface MaintenanceDeps {
  db: Db; clock: Clock; log: FastifyBaseLogger; sessionIdleMinutes: number; auditRetentionDays: number;
  /** Deletes recorded lessons past their retention and expired uploads (recordings module). */
  purgeRecordings?: () => Promise<unknown>;
  /** Raises (and notifies) alerts of rooms offline before a timetabled lesson (rooms module, wired in app.ts). */
  roomAlerts?: { checkBeforeLessons: (now: Date) => Promise<unknown> };
  /** The quota reminders and daily digests (notifications module); each is due once a day, after its hour. */
  notices?: { runDue: () => Promise<{ reminders: number; digests: number }> };
  /** The family app's and safe campus's work on the clock (absence alerts, held notices, overdue hazards); safe to rerun. */
  family?: { runDue: (now: Date) => Promise<unknown> };
  /** Live classes' work on the clock (open today's sessions, end overrun ones); safe to rerun. */
  live?: { runDue: (now: Date) => Promise<unknown> };
  /** Who in the cluster runs a period's task (cluster/lease.ts); absent: this process, every tick. */
  lease?: ClusterLease;
}

function maintenanceOf(deps: MaintenanceDeps) {
  const lease = deps.lease ?? localLease;
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
  const rooms = async () => {
    await deps.roomAlerts?.checkBeforeLessons(deps.clock.now());
  };
  // The incremental updates keep compliance current; this nightly pass repairs any they missed.
  const compliance = async () => {
    await recomputeRecentDays(deps.db.db, deps.clock);
  };
  const recordings = async () => {
    await deps.purgeRecordings?.();
  };
  // Every five minutes, so a reminder goes out within minutes of its hour; the inbox's dedupe keys
  // make the reruns (and other processes) add nothing.
  const notices = async () => {
    const out = await deps.notices?.runDue();
    if (out && (out.reminders || out.digests)) deps.log.info(`notifications: ${out.reminders} quota reminders, ${out.digests} digests`);
  };
  const family = async () => {
    await deps.family?.runDue(deps.clock.now());
  };
  const live = async () => {
    await deps.live?.runDue(deps.clock.now());
  };
  const tasks: Record<MaintenanceTask, { every: number; run: () => Promise<void> }> = {
    rooms: { every: MINUTE, run: rooms },
    sessions: { every: HOUR, run: sessions },
    audit: { every: 24 * HOUR, run: audit },
    compliance: { every: 24 * HOUR, run: compliance },
    recordings: { every: 24 * HOUR, run: recordings },
    notices: { every: 5 * MINUTE, run: notices },
    family: { every: MINUTE, run: family },
    live: { every: MINUTE, run: live },
  };
  /** Runs the task when this node takes its lease for the current period; true when it ran here. */
  const runOnce = async (name: MaintenanceTask): Promise<boolean> => {
    const task = tasks[name];
    const now = deps.clock.now();
    const period = Math.floor(now.getTime() / task.every);
    if (!(await lease.acquire(`maintenance:${name}:${period}`, task.every, now))) return false;
    await task.run();
    return true;
  };
  // Runs in flight, so that stopping waits for them rather than closing the database under them.
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const guard = (name: MaintenanceTask) => () => {
    if (stopped) return;
    const run = runOnce(name).catch((err) => deps.log.error({ err }, `maintenance task ${name} failed`));
    running.add(run);
    void run.finally(() => running.delete(run));
  };
  const start = () => {
    const timers = (Object.keys(tasks) as MaintenanceTask[]).map((name) => setInterval(guard(name), tasks[name].every));
    for (const t of timers) t.unref();
    guard('sessions')();
    guard('audit')();
    guard('recordings')();
    return async () => {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(running);
    };
  };
  return { runOnce, start, lease: lease.kind };
}
