import type { AnyDb } from './migration-helpers.js';

/**
 * Runs of a job that ended without an outcome (their runner was killed or lost its lease),
 * counted apart from `attempts` so a server killed mid-job does not use up the job's attempts;
 * too many of them still fail the job (jobs/job-runner.ts).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('lost_runs', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
