import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { ManualClock } from '../../clock.js';
import { openObjectStore } from '../../storage/storage-url.js';
import { createTestDb } from '../../test-support/test-db.js';

/** A bare node (no city seeded: readiness is public) on its own database and data folder, so a test may break them. */
async function node() {
  const db = await createTestDb();
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-ready-'));
  const storage = openObjectStore({ storageUrl: null, dataDir });
  const { app } = await buildApp({ db, clock: new ManualClock(new Date()), sessionIdleMinutes: 30, sessionMaxHours: 12, webDir: null, storage });
  await app.ready();
  const ready = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health/ready' });
    return { status: res.statusCode, body: res.json() as unknown };
  };
  return {
    db, dataDir, ready, app,
    async close() {
      await app.close();
      await db.dropAll().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe(`readiness apart from liveness (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let n: Awaited<ReturnType<typeof node>> | null = null;
  afterEach(async () => { await n?.close(); n = null; });

  it('answers 503 naming the database once it is closed', async () => {
    n = await node();
    await n.db.close();
    expect(await n.ready()).toEqual({ status: 503, body: { db: 'failed', storage: 'ok' } });
  });

  it('is ready on a fresh data folder (the objects folder comes with the first object); 503 naming the storage when that folder cannot hold objects', async () => {
    n = await node();
    expect(await n.ready()).toEqual({ status: 200, body: { db: 'ok', storage: 'ok' } });
    writeFileSync(join(n.dataDir, 'objects'), 'not a folder');
    expect(await n.ready()).toEqual({ status: 503, body: { db: 'ok', storage: 'failed' } });
    // Liveness is another question: the process and its database still answer.
    expect((await n.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
