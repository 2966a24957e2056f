import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Updateable } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { JobTable } from '../db/schema.js';
import type { AnyJobDefinition, JobContext, JobFailure, JobLogger, JobOutcome } from './job-definition.js';
import { claimNextJob, type JobClaim, type JobRow, updateClaimedJob } from './jobs.queries.js';
import type { JobRegistry } from './registry.js';
import { REQUEST_ID_KEY } from './job-queue.js';
import { withRequestId } from './request-id.js';

/** Where a runner reports each finished run (the metrics registry implements it; jobs import no metrics). */
export interface JobRunnerMetrics {
  /** A run ended: `outcome` done, retry, failed or requeued (cut short by shutdown); `seconds` from claim to outcome. */
  runFinished(kind: string, outcome: 'done' | 'retry' | 'failed' | 'requeued', seconds: number): void;
}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  registry: JobRegistry;
  log: JobLogger;
  /** Names this runner in `jobs.locked_by`; must differ between runners (default host:pid:random). */
  workerId?: string;
  /** Jobs run at once (default 1). */
  concurrency?: number;
  /** How often an idle runner looks for due jobs (default 1 s). */
  pollMs?: number;
  /** How long a claim holds without a heartbeat; a dead runner's jobs are taken over after it (default 60 s). */
  leaseMs?: number;
  /** stop() lets running jobs finish for this long, then aborts them (default 5 s: stop within a container's 10 s). */
  graceMs?: number;
  /** After aborting a run, how long to wait for its handler to return before leaving it behind (default 3 s). */
  abortWaitMs?: number;
  /** Told how long each run took and how it ended. */
  metrics?: JobRunnerMetrics;
}

export interface JobRunner {
  readonly workerId: string;
  /** Starts polling for due jobs. */
  start(): void;
  /** Stops taking jobs and waits for running ones (aborting them after graceMs); a job cut short is queued again, its attempt not counted. */
  stop(): Promise<void>;
  /** Runs what is due now (and whatever becomes due while doing so) to the end; answers how many runs started. For tests and scripts. */
  runDue(): Promise<number>;
  /** Looks for due jobs now rather than at the next poll (a started runner only). */
  wake(): void;
}

/** Lost runs a job may have (see JobDefinition.maxLostRuns) before it fails. */
export const DEFAULT_MAX_LOST_RUNS = 3;

/** Why a run's signal was aborted; handlers see it as `signal.reason`. */
export class JobAbortedError extends Error {
  constructor(readonly why: 'timeout' | 'shutdown' | 'lease-lost', message: string) {
    super(message);
  }
}

interface Running {
  abort(why: JobAbortedError['why']): void;
  done: Promise<void>;
}

/**
 * Takes due jobs from the `jobs` table and runs them through their registered handlers — the same
 * code in the server process (WORKERS) and in `npm run worker`. Delivery is at least once: a job
 * whose runner died is taken over when its lease runs out, so handlers must be idempotent.
 */
export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const { db, clock, registry, log } = opts;
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const concurrency = opts.concurrency ?? 1;
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 60_000;
  const graceMs = opts.graceMs ?? 5_000;
  const abortWaitMs = opts.abortWaitMs ?? 3_000;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`job runner concurrency must be ≥ 1, got ${concurrency}`);

  const running = new Set<Running>();
  let poll: NodeJS.Timeout | null = null;
  let stopping = false;
  let filling: Promise<void> | null = null;
  let fillAgain = false;

  const at = (plusMs = 0) => new Date(clock.now().getTime() + plusMs).toISOString();

  const claim = () => claimNextJob(db.db, db.dialect, { workerId, now: at(), lockedUntil: at(leaseMs) });

  function launch(row: JobRow): Promise<void> {
    const controller = new AbortController();
    let why: JobAbortedError['why'] | null = null;
    const entry: Running = {
      abort(reason) {
        if (why) return;
        why = reason;
        controller.abort(new JobAbortedError(reason, `job ${row.id} aborted: ${reason}`));
      },
      done: Promise.resolve(),
    };
    entry.done = execute(row, controller.signal, entry.abort, () => why)
      .catch((err) => log.error({ err, jobId: row.id }, 'job runner failed to record a job outcome'))
      .finally(() => running.delete(entry));
    running.add(entry);
    return entry.done;
  }

  async function execute(row: JobRow, signal: AbortSignal, abort: Running['abort'], abortedFor: () => string | null): Promise<void> {
    const run: JobClaim = { id: row.id, workerId, attempt: row.attempts };
    // Lost runs (a runner killed mid-job) are taken over without using up an attempt.
    const attempt = row.attempts - row.lost_runs;
    const requestId = requestIdOf(row.payload);
    const jobLog = log.child({ jobId: row.id, kind: row.kind, attempt, run: row.attempts, ...(requestId ? { reqId: requestId } : {}) });
    // Wall time, not the injected clock: tests move that clock by hand, and this measures work done.
    const startedAt = performance.now();
    const report = (outcome: Parameters<JobRunnerMetrics['runFinished']>[1]) => opts.metrics?.runFinished(row.kind, outcome, (performance.now() - startedAt) / 1000);
    const settle = async (patch: Updateable<JobTable>) => {
      if (await updateClaimedJob(db.db, run, { ...patch, locked_by: null, locked_until: null, updated_at: at() })) return true;
      jobLog.warn({}, 'job outcome dropped: another runner has taken the job over');
      return false;
    };
    const def = registry.get(row.kind);
    let payload: unknown;
    const fail = async (reason: string, cause: JobFailure['cause']) => {
      jobLog.error({ reason }, 'job failed');
      report('failed');
      if (!(await settle({ status: 'failed', last_error: reason, finished_at: at() })) || !def?.onFailed || payload === undefined) return;
      try {
        await def.onFailed(payload, { jobId: row.id, cause, reason, attempts: Math.min(attempt, row.max_attempts), lostRuns: row.lost_runs });
      } catch (err) {
        jobLog.error({ err }, 'onFailed of a failed job threw');
      }
    };

    if (!def) return fail(`no handler for job kind ${row.kind} in this process`, 'outcome');
    try {
      payload = withoutRequestId(JSON.parse(row.payload));
    } catch {
      return fail('payload is not valid JSON', 'outcome');
    }
    const maxLostRuns = def.maxLostRuns ?? DEFAULT_MAX_LOST_RUNS;
    if (row.lost_runs > maxLostRuns) {
      const last = row.last_error ? `; last error: ${row.last_error}` : '';
      return fail(`its runner stopped ${row.lost_runs} times before the job had an outcome (killed, out of memory, or lost its lease)${last}`, 'lost-runs');
    }

    const heartbeat = async () => {
      if (await updateClaimedJob(db.db, run, { locked_until: at(leaseMs), updated_at: at() })) return;
      abort('lease-lost');
      throw new JobAbortedError('lease-lost', `job ${row.id}: lease lost to another runner`);
    };
    const beat = setInterval(() => {
      heartbeat().catch((err) => { if (!abortedFor()) jobLog.warn({ err }, 'job heartbeat failed'); });
    }, Math.max(10, Math.floor(leaseMs / 3)));
    const deadline = setTimeout(() => abort('timeout'), def.timeoutMs);
    const ctx: JobContext = { jobId: row.id, attempt, maxAttempts: row.max_attempts, run: row.attempts, signal, log: jobLog, heartbeat, clock };
    let outcome: JobOutcome | 'abandoned';
    try {
      // Jobs this one enqueues carry the same request id.
      const handled = requestId ? withRequestId(requestId, () => runHandler(def, payload, ctx)) : runHandler(def, payload, ctx);
      outcome = await settledOrAbandoned(handled, signal, abortWaitMs);
    } finally {
      clearInterval(beat);
      clearTimeout(deadline);
    }

    const reason = abortedFor();
    if (outcome === 'abandoned') {
      jobLog.error({ reason }, `job handler did not stop within ${abortWaitMs} ms of its abort; it will be taken over once its lease runs out`);
      return;
    }
    if (reason === 'lease-lost') return jobLog.warn({}, 'job outcome dropped: lease lost to another runner');
    if (reason === 'shutdown' && outcome.status !== 'done') {
      jobLog.info({}, 'job interrupted by shutdown; queued again');
      report('requeued');
      await settle({ status: 'queued', attempts: row.attempts - 1, run_after: at(), last_error: 'interrupted by shutdown' });
      return;
    }
    if (reason === 'timeout' && outcome.status !== 'done') outcome = { status: 'retry', reason: `timed out after ${def.timeoutMs} ms` };

    if (outcome.status === 'done') {
      jobLog.info({}, 'job done');
      report('done');
      await settle({ status: 'done', last_error: null, finished_at: at() });
      return;
    }
    if (outcome.status === 'failed') return fail(outcome.code ? `${outcome.code}: ${outcome.reason}` : outcome.reason, 'outcome');
    if (attempt >= row.max_attempts) return fail(outcome.reason, 'attempts');
    const waitMs = Math.max(0, def.backoffMs(attempt) || 0);
    jobLog.warn({ reason: outcome.reason, retryInMs: waitMs }, 'job will be retried');
    report('retry');
    await settle({ status: 'queued', last_error: outcome.reason, run_after: at(waitMs) });
  }

  /** Claims into free slots until none is free or nothing is due. */
  function fill(): Promise<void> {
    if (filling) {
      fillAgain = true;
      return filling;
    }
    // With every slot busy the loop below would finish without awaiting, so its `finally` would
    // clear `filling` before the assignment sets it for good, and no job would be claimed again.
    if (stopping || running.size >= concurrency) return Promise.resolve();
    filling = (async () => {
      try {
        do {
          fillAgain = false;
          while (!stopping && running.size < concurrency) {
            const row = await claim();
            if (!row) break;
            void launch(row).then(() => { if (!stopping && poll) void fill(); });
          }
        } while (fillAgain && !stopping);
      } catch (err) {
        log.error({ err }, 'job runner could not claim jobs');
      } finally {
        filling = null;
      }
    })();
    return filling;
  }

  return {
    workerId,

    wake() {
      if (poll && !stopping) void fill();
    },

    start() {
      if (poll || stopping) return;
      poll = setInterval(() => void fill(), pollMs);
      void fill();
    },

    async stop() {
      stopping = true;
      if (poll) clearInterval(poll);
      poll = null;
      await filling;
      const all = () => Promise.all([...running].map((r) => r.done));
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([
        all().then(() => true),
        new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), graceMs); }),
      ]);
      clearTimeout(timer);
      if (inTime) return;
      for (const r of running) r.abort('shutdown');
      await all();
    },

    async runDue() {
      let started = 0;
      for (;;) {
        while (running.size < concurrency) {
          const row = await claim();
          if (!row) break;
          void launch(row);
          started++;
        }
        if (running.size === 0) return started;
        await Promise.race([...running].map((r) => r.done));
      }
    },
  };
}

/** The handler's outcome; a throw is a retry with its message, a malformed answer a failure. */
async function runHandler(def: AnyJobDefinition, payload: unknown, ctx: JobContext): Promise<JobOutcome> {
  let outcome: JobOutcome;
  try {
    outcome = await def.handle(payload, ctx);
  } catch (err) {
    return { status: 'retry', reason: err instanceof Error ? err.message : String(err) };
  }
  const ok = outcome && (outcome.status === 'done' || ((outcome.status === 'retry' || outcome.status === 'failed') && typeof outcome.reason === 'string'));
  return ok ? outcome : { status: 'failed', reason: `handler of ${def.kind} returned no valid outcome: ${JSON.stringify(outcome)}` };
}

/** The id of the request that enqueued a job, from its stored payload (see REQUEST_ID_KEY). */
function requestIdOf(payloadText: string): string | undefined {
  try {
    const v: unknown = JSON.parse(payloadText);
    const id = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[REQUEST_ID_KEY] : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The payload as it was enqueued: the handler never sees the request id stored beside it. */
function withoutRequestId(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !(REQUEST_ID_KEY in payload)) return payload;
  const { [REQUEST_ID_KEY]: _id, ...rest } = payload as Record<string, unknown>;
  return rest;
}

/** The outcome, unless the run was aborted and its handler still had not returned `waitMs` later. */
function settledOrAbandoned(outcome: Promise<JobOutcome>, signal: AbortSignal, waitMs: number): Promise<JobOutcome | 'abandoned'> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => { timer = setTimeout(() => resolve('abandoned'), waitMs); };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    void outcome.then((o) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(o);
    });
  });
}
