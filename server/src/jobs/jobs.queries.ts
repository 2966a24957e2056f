import type { ExpressionBuilder, Kysely, Selectable, Updateable } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { Database, JobTable } from '../db/schema.js';

export type JobRow = Selectable<JobTable>;

/** Which run of a job a runner holds: the row is its only while `locked_by` and `attempts` (runs started) still match. */
export interface JobClaim {
  id: number;
  workerId: string;
  attempt: number;
}

/** Inserts a job; with a dedupe key already present, inserts nothing and answers the existing job's id. */
export async function insertJob(db: Kysely<Database>, row: Omit<JobRow, 'id'>): Promise<number> {
  const inserted = await db.insertInto('jobs').values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db.selectFrom('jobs').select('id').where('dedupe_key', '=', row.dedupe_key).executeTakeFirstOrThrow();
  return existing.id;
}

/** A queued job whose time has come, or a running one whose lease ran out (its runner died). */
function isDue(eb: ExpressionBuilder<Database, 'jobs'>, now: string) {
  return eb.or([
    eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', now)]),
    eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
  ]);
}

/**
 * Takes the next due job for `workerId` in one statement, counting the run (and, when it takes
 * over a running job whose lease ran out, the lost run) and setting the lease. PostgreSQL: a runner skips rows another runner is claiming (`for update skip locked`),
 * and the update re-checks that the row is still due once it holds it. SQLite: the statement runs
 * in one write transaction, which SQLite grants one connection at a time.
 */
export function claimNextJob(
  db: Kysely<Database>, dialect: DialectName, at: { workerId: string; now: string; lockedUntil: string },
): Promise<JobRow | undefined> {
  const next = db.selectFrom('jobs')
    .select('id')
    .where((eb) => isDue(eb, at.now))
    .orderBy('run_after')
    .orderBy('id')
    .limit(1)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked());
  return db.updateTable('jobs')
    .set((eb) => ({
      status: 'running', attempts: eb('attempts', '+', 1), locked_by: at.workerId, locked_until: at.lockedUntil, updated_at: at.now,
      // SET reads the row as it was: still `running` means its runner stopped without an outcome.
      lost_runs: eb.case().when('status', '=', 'running').then(eb('lost_runs', '+', 1)).else(eb.ref('lost_runs')).end(),
    }))
    .where('id', '=', next)
    .where((eb) => isDue(eb, at.now))
    .returningAll()
    .executeTakeFirst();
}

/** Updates the row of a claimed run; false when the run no longer holds it (another runner took over). */
export async function updateClaimedJob(db: Kysely<Database>, claim: JobClaim, patch: Updateable<JobTable>): Promise<boolean> {
  const res = await db.updateTable('jobs')
    .set(patch)
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', claim.workerId)
    .where('attempts', '=', claim.attempt)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function getJob(db: Kysely<Database>, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface JobFilter {
  status?: JobTable['status'];
  kind?: string;
  /** Jobs with a smaller id than this (the next page of a newest-first list). */
  beforeId?: number;
  limit: number;
}

/** Jobs newest first. */
export function listJobs(db: Kysely<Database>, f: JobFilter): Promise<JobRow[]> {
  return db.selectFrom('jobs')
    .selectAll()
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
    .$if(f.kind !== undefined, (q) => q.where('kind', '=', f.kind!))
    .$if(f.beforeId !== undefined, (q) => q.where('id', '<', f.beforeId!))
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
}

/** Deletes done and failed jobs that finished before `before`; their dedupe keys become free again. */
export async function deleteFinishedJobs(db: Kysely<Database>, before: string): Promise<number> {
  const res = await db.deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Per kind and status (queued, running): how many, and the earliest `run_after`. Read at each metrics scrape, through the `jobs_due` index. */
export function jobCountsByKind(db: Kysely<Database>) {
  return db.selectFrom('jobs')
    .select((eb) => ['kind', 'status', eb.fn.countAll<number>().as('n'), eb.fn.min('run_after').as('earliest')])
    .where('status', 'in', ['queued', 'running'])
    .groupBy(['kind', 'status'])
    .execute();
}
