import type { Generated } from 'kysely';

/** The durable job queue. Conventions: see ../schema.ts. */

/** The durable job queue. */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  /** Runs that ended without an outcome (runner killed, lease lost); not counted against max_attempts. */
  lost_runs: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}
