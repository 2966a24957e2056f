import { openDb } from '../db/database.js';

/**
 * Jobs due now that have not finished, in the SQLite database of a server running in another
 * process (its DATA_DIR): what a bench or a browser test waits on before measuring.
 */
export async function pendingJobs(dataDir: string): Promise<number> {
  const db = openDb({ databaseUrl: null, dataDir });
  try {
    const row = await db.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'running']).where('run_after', '<=', new Date().toISOString()).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

/** Waits until no job is pending, at most `ms`; answers the seconds it waited. */
export async function untilNoPendingJobs(dataDir: string, ms = 180_000): Promise<number> {
  const from = performance.now();
  while ((await pendingJobs(dataDir)) > 0 && performance.now() - from < ms) await new Promise((resolve) => setTimeout(resolve, 250));
  return (performance.now() - from) / 1000;
}
