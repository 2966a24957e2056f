import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database, JobTable } from '../db/schema.js';
import type { AnyJobDefinition } from './job-definition.js';
import { deleteFinishedJobs, getJob, insertJob, jobCountsByKind, type JobRow, listJobs } from './jobs.queries.js';
import type { JobRegistry, PayloadOf } from './registry.js';
import { currentRequestId } from './request-id.js';

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

/** One kind's backlog, for metrics. */
export interface JobKindStats {
  kind: string;
  /** Jobs waiting (queued, due or not yet due). */
  queued: number;
  running: number;
  /** How long the longest-waiting due job has waited since its `run_after`, in seconds (0 when none is due). */
  oldestWaitingSeconds: number;
}

/** A job as the admin pages and tests see it. */
export interface JobView {
  id: number;
  kind: string;
  payload: unknown;
  /** The id of the HTTP request (or job) that enqueued it, when there was one. */
  requestId: string | null;
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
  /** Backlog per kind: every registered kind, and any other kind found in the table. */
  stats(): Promise<JobKindStats[]>;
}

/**
 * The payload key under which a job keeps the id of the request that enqueued it, so its runner's
 * log lines carry that `reqId`. Only object payloads carry it; the runner hands the handler the
 * payload without it, and a payload of its own may not use the key.
 */
export const REQUEST_ID_KEY = 'requestId';

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
      if (isPlainObject(payload) && REQUEST_ID_KEY in payload) throw new Error(`job ${kind}: the payload key ${REQUEST_ID_KEY} is reserved for the enqueuing request's id`);
      const requestId = currentRequestId();
      const stored = requestId && isPlainObject(payload) ? { ...payload, [REQUEST_ID_KEY]: requestId } : payload;
      const id = await insertJob(opts.trx ?? db.db, {
        kind,
        payload: JSON.stringify(stored ?? null),
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

    async stats() {
      const nowMs = clock.now().getTime();
      const byKind = new Map<string, JobKindStats>(registry.kinds().map((kind) => [kind, { kind, queued: 0, running: 0, oldestWaitingSeconds: 0 }]));
      for (const row of await jobCountsByKind(db.db)) {
        const s = byKind.get(row.kind) ?? { kind: row.kind, queued: 0, running: 0, oldestWaitingSeconds: 0 };
        byKind.set(row.kind, s);
        if (row.status === 'running') s.running = Number(row.n);
        else {
          s.queued = Number(row.n);
          // A job waiting out its backoff is not late yet: only a due one has waited.
          if (row.earliest) s.oldestWaitingSeconds = Math.max(0, (nowMs - Date.parse(String(row.earliest))) / 1000);
        }
      }
      return [...byKind.values()];
    },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toView(row: JobRow): JobView {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    payload = row.payload;
  }
  let requestId: string | null = null;
  if (isPlainObject(payload) && REQUEST_ID_KEY in payload) {
    const { [REQUEST_ID_KEY]: id, ...rest } = payload;
    requestId = typeof id === 'string' ? id : null;
    payload = rest;
  }
  return {
    id: row.id,
    kind: row.kind,
    payload,
    requestId,
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
