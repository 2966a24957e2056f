import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { ManualClock } from '../../clock.js';
import { openObjectStore } from '../../storage/storage-url.js';
import { createTestDb } from '../../test-support/test-db.js';
import { openRedis, type RedisConnection } from '../../redis/redis.js';
import { testRedisEnv } from '../../test-support/test-redis.js';

/** A bare node (no city seeded: readiness is public) on its own database and data folder, so a test may break them. */
async function node(opts: { redisUrl?: string } = {}) {
  const db = await createTestDb();
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-ready-'));
  const storage = openObjectStore({ storageUrl: null, dataDir });
  // As main.ts opens it when REDIS_URL is set (a node of several).
  const redis: RedisConnection | null = opts.redisUrl ? openRedis(opts.redisUrl, { prefix: testRedisEnv().REDIS_PREFIX, onError: () => {} }) : null;
  const { app } = await buildApp({ db, clock: new ManualClock(new Date()), sessionIdleMinutes: 30, sessionMaxHours: 12, webDir: null, storage, redis });
  await app.ready();
  const ready = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health/ready' });
    return { status: res.statusCode, body: res.json() as unknown };
  };
  return {
    db, dataDir, ready, app,
    async close() {
      await app.close();
      await redis?.close();
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

  it('checks Redis when REDIS_URL is set: 200 while it answers, 503 naming it when it does not', async () => {
    n = await node({ redisUrl: testRedisEnv().REDIS_URL });
    expect(await n.ready()).toEqual({ status: 200, body: { db: 'ok', storage: 'ok', redis: 'ok' } });
    await n.close();
    // REDIS_URL naming a port nobody listens on (Redis down, or a wrong address): not ready, and says why.
    n = await node({ redisUrl: `redis://127.0.0.1:${await closedPort()}` });
    const started = Date.now();
    expect(await n.ready()).toEqual({ status: 503, body: { db: 'ok', storage: 'ok', redis: 'failed' } });
    expect(Date.now() - started).toBeLessThan(4000);
    // Liveness does not depend on Redis: the process and its database answer.
    expect((await n.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

/** A TCP port that was free a moment ago and on which nothing listens now. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}
