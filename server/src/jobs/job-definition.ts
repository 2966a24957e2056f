import type { Clock } from '../clock.js';

/**
 * How a run of a job ended. `retry` runs it again after the kind's backoff (or fails it, once its
 * attempts are used up); `failed` stops for good — use it when another try cannot help (the file
 * is not a video). A thrown error counts as `retry` with the error's message.
 */
export type JobOutcome =
  | { status: 'done' }
  | { status: 'retry'; reason: string }
  | { status: 'failed'; reason: string; code?: string };

/** The part of a pino / Fastify logger jobs use. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): JobLogger;
}

/** What a running job gets besides its payload. */
export interface JobContext {
  jobId: number;
  /**
   * The attempt this run counts as, 1 on the first. A run cut short by a crash or a lost lease
   * does not use up an attempt: the run taking it over repeats the same attempt number.
   */
  attempt: number;
  maxAttempts: number;
  /** This run's number among every start of the job (crashed ones included): unique per run, for naming scratch files. */
  run: number;
  /**
   * Aborted when the job times out, when the runner shuts down, or when another runner took the
   * job over (this one lost its lease): stop soon, pass it on to child processes and requests.
   */
  signal: AbortSignal;
  log: JobLogger;
  /**
   * Extends this run's lease now. The runner already does so every third of the lease while the
   * job runs; call it after a step that blocked the event loop. Throws if the lease was lost.
   */
  heartbeat(): Promise<void>;
  clock: Clock;
}

/**
 * One kind of job: its name, its limits and its handler.
 *
 * Handlers MUST be idempotent. Delivery is at least once: a run cut short by a crash, kill -9 or
 * a timeout is run again from the start, so every step has to be safe to repeat — write outputs
 * under fixed keys (an overwrite is harmless), check before acting ("already packaged?"), and
 * make the last step the one that publishes the result.
 */
export interface JobDefinition<K extends string = string, P = unknown> {
  kind: K;
  /** Runs in all, counting the first (at least 1). */
  maxAttempts: number;
  /** Wait before the next run after the given attempt (1, 2, …) asked for a retry. */
  backoffMs(attempt: number): number;
  /** A run taking longer is aborted (its `signal`) and counts as a retry. */
  timeoutMs: number;
  /**
   * Runs that may end without an outcome — their runner killed (kill -9, out of memory, power
   * cut) or its lease lost — and still be taken over (default 3). They do not use up
   * `maxAttempts`, as a server killed mid-job is rarely the job's fault; one more, and the job
   * fails, as a job that keeps taking its runner down may well be the cause.
   */
  maxLostRuns?: number;
  // Method syntax on purpose: it lets a JobDefinition<'x', P> stand where any definition is expected.
  handle(payload: P, ctx: JobContext): Promise<JobOutcome>;
  /**
   * Called once when the job has failed for good, whichever way: its own `failed` outcome, its
   * attempts used up, or too many lost runs (then no handler ran to say so). Put what the job
   * leaves half-done into a final state people can see. Must be idempotent; errors are logged.
   */
  onFailed?(payload: P, failure: JobFailure): Promise<void>;
}

/** Why a job was given up, for its `onFailed`. */
export interface JobFailure {
  jobId: number;
  /** `outcome`: the handler said `failed`; `attempts`: maxAttempts runs ended in retry; `lost-runs`: its runners kept stopping mid-run. */
  cause: 'outcome' | 'attempts' | 'lost-runs';
  /** The technical reason, as in the job's `last_error`. */
  reason: string;
  /** Attempts used (lost runs not counted), and runs lost. */
  attempts: number;
  lostRuns: number;
}

// `any` so definitions of every payload type fit in one registry; their own types stay precise.
export type AnyJobDefinition = JobDefinition<string, any>;

/** Declares a job kind; checks its limits at start rather than at its first failure. */
export function defineJob<K extends string, P>(def: JobDefinition<K, P>): JobDefinition<K, P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/.test(def.kind)) {
    throw new Error(`job kind must be dotted lower-case words (recording.process), got ${def.kind}`);
  }
  if (!Number.isInteger(def.maxAttempts) || def.maxAttempts < 1) throw new Error(`job ${def.kind}: maxAttempts must be ≥ 1`);
  if (!(def.timeoutMs > 0)) throw new Error(`job ${def.kind}: timeoutMs must be > 0`);
  if (def.maxLostRuns !== undefined && (!Number.isInteger(def.maxLostRuns) || def.maxLostRuns < 0)) throw new Error(`job ${def.kind}: maxLostRuns must be ≥ 0`);
  return def;
}

/** Backoff doubling from `firstMs` after each attempt, capped at `maxMs`. */
export function exponentialBackoff(firstMs: number, maxMs: number): (attempt: number) => number {
  return (attempt) => Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
}
