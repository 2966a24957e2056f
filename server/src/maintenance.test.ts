import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { startMaintenance } from './maintenance.js';
import { createTestDb } from './test-support/test-db.js';

const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child: () => silent, level: 'silent', silent() {} };

describe(`stopping the maintenance loop (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => { db = await createTestDb(); });
  afterAll(async () => { await db.dropAll(); });

  it('resolves only once the task in flight has ended, so a stopping node closes the database after it', async () => {
    // The daily purge starts with the loop and is still running when the node is told to stop.
    let release!: () => void;
    let purged = false;
    const purgeRecordings = () => new Promise<void>((r) => { release = () => { purged = true; r(); }; });
    const stop = startMaintenance({
      db, clock: new ManualClock(new Date()), log: silent as never, sessionIdleMinutes: 30, auditRetentionDays: 183, purgeRecordings,
    });
    await new Promise((r) => setTimeout(r, 50));
    let stopped = false;
    const stopping = stop().then(() => { stopped = true; });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(purged).toBe(true);
  });
});
