import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database, JobTable } from '../db/schema.js';
import type { AnyJobDefinition } from './job-definition.js';
import { deleteFinishedJobs, getJob, insertJob, type JobRow, listJobs } from './jobs.queries.js';
import type { JobRegistry, PayloadOf } from './registry.js';

export type JobStatus = JobTable['status'];

export interface EnqueueOptions {
  /** Not before this instant (default: now). */
  runAfter?: Date;
  /**
   * At most one job ever exists per key: enqueueing a key again returns the existing job's id —
   * whatever its status — and changes nothing. Name the work (`recording.process:42`).
   */
  dedupeKey?: string;
  /** Overrides the kind's maxAttempts for this job. */
  maxAttempts?: number;
  /** Enqueue inside the caller's transaction, so the job exists exactly when the caller's rows do. */
  trx?: Kysely<Database>;
}

/** A job as the admin pages and tests see it. */
export interface JobView {
  id: number;
  kind: string;
  payload: unknown;
  status: JobStatus;
  /** Runs started so far, lost runs included. */
  attempts: number;
  maxAttempts: number;
  /** Runs that ended without an outcome (runner killed, lease lost): taken over, not counted against maxAttempts. */
  lostRuns: number;
  runAfter: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  /** Why the last run did not finish (`CODE: reason` when the handler gave a code). */
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface JobQueue<D extends AnyJobDefinition = AnyJobDefinition> {
  /** Adds a job and answers its id (or the existing job's, see `dedupeKey`). Unknown kinds are refused. */
  enqueue<K extends D['kind']>(kind: K, payload: PayloadOf<D, K>, opts?: EnqueueOptions): Promise<number>;
  get(id: number): Promise<JobView | null>;
  /** Jobs newest first, 100 by default (at most 1000); page with `beforeId`. */
  list(filter?: { status?: JobStatus; kind?: string; beforeId?: number; limit?: number }): Promise<JobView[]>;
  /** Removes done and failed jobs finished before `before`; answers how many. */
  deleteFinished(before: Date): Promise<number>;
  /**
   * Calls `listener` after each enqueue in this process, so an in-process runner can start the
   * job at once instead of at its next poll (a lesson becomes playable up to a poll sooner).
   */
  onEnqueued(listener: () => void): void;
}

/**
 * The durable queue: jobs are rows of `jobs`, so they survive restarts and crashes. Runners
 * (job-runner.ts) take them from there, in this process or in `npm run worker` processes.
 */
export function createJobQueue<D extends AnyJobDefinition>(deps: { db: Db; clock: Clock; registry: JobRegistry<D> }): JobQueue<D> {
  const { db, clock, registry } = deps;
  const listeners = new Set<() => void>();
  return {
    onEnqueued(listener) {
      listeners.add(listener);
    },

    async enqueue(kind, payload, opts = {}) {
      const def = registry.get(kind);
      if (!def) throw new Error(`unknown job kind ${kind} (known: ${registry.kinds().join(', ') || 'none'})`);
      const maxAttempts = opts.maxAttempts ?? def.maxAttempts;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`maxAttempts must be ≥ 1, got ${maxAttempts}`);
      const now = clock.now().toISOString();
      const id = await insertJob(opts.trx ?? db.db, {
        kind,
        payload: JSON.stringify(payload ?? null),
        status: 'queued',
        attempts: 0,
        max_attempts: maxAttempts,
        lost_runs: 0,
        run_after: (opts.runAfter ?? clock.now()).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: null,
        dedupe_key: opts.dedupeKey ?? null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      });
      // Inside a caller's transaction the row is not visible yet; the wake-up then finds nothing
      // and the runner's poll takes the job as before.
      if (listeners.size) setImmediate(() => listeners.forEach((l) => l()));
      return id;
    },

    async get(id) {
      const row = await getJob(db.db, id);
      return row ? toView(row) : null;
    },

    async list(filter = {}) {
      const limit = Math.min(Math.max(1, filter.limit ?? 100), 1000);
      return (await listJobs(db.db, { ...filter, limit })).map(toView);
    },

    deleteFinished(before) {
      return deleteFinishedJobs(db.db, before.toISOString());
    },
  };
}

function toView(row: JobRow): JobView {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    payload = row.payload;
  }
  return {
    id: row.id,
    kind: row.kind,
    payload,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lostRuns: row.lost_runs,
    runAfter: row.run_after,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}
