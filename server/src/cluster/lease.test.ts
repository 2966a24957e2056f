import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { ManualClock } from '../clock.js';
import { createMaintenance, type MaintenanceDeps } from '../maintenance.js';
import { openRedis, type RedisConnection } from '../redis/redis.js';
import { createTestDb } from '../test-support/test-db.js';
import { testRedisEnv } from '../test-support/test-redis.js';
import { type ClusterLease, clusterLeaseFor, databaseLease, localLease, redisLease } from './lease.js';

const DAY = 24 * 3600_000;
const silent = { error() {}, info() {}, warn() {} } as unknown as FastifyBaseLogger;

/**
 * Two nodes' maintenance loops on one database: each tick of a task first takes its lease for the
 * period. The loops are driven by hand (runOnce), the way their timers would tick on two machines.
 */
describe('scheduled work runs once across the cluster', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let redis: RedisConnection;

  beforeAll(async () => {
    db = await createTestDb();
    const env = testRedisEnv();
    redis = openRedis(env.REDIS_URL, { prefix: env.REDIS_PREFIX });
  });
  afterAll(async () => {
    await redis?.close();
    await db?.dropAll();
  });

  /** Two nodes' loops with their own leases of one kind, on the shared clock; `due` counts the live due work run. */
  function twoNodes(leaseOf: () => ClusterLease) {
    const clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
    const ran: string[] = [];
    const node = (name: string) => createMaintenance({
      db, clock, log: silent, sessionIdleMinutes: 30, auditRetentionDays: 183,
      live: { runDue: async () => { ran.push(name); } },
      lease: leaseOf(),
    } satisfies MaintenanceDeps);
    return { clock, ran, a: node('a'), b: node('b') };
  }

  for (const [kind, leaseOf] of [
    ['Redis', () => redisLease(redis)],
    ['the database', () => databaseLease(db)],
  ] as const) {
    it(`runs the nightly recompute on one of two nodes, once a day (leases in ${kind})`, async () => {
      const { clock, a, b } = twoNodes(leaseOf);
      // Both ticking together, and both again later the same day: one run.
      expect((await Promise.all([a.runOnce('compliance'), b.runOnce('compliance')])).sort()).toEqual([false, true]);
      clock.advance(6 * 3600_000);
      expect(await Promise.all([a.runOnce('compliance'), b.runOnce('compliance')])).toEqual([false, false]);
      // The next day the lease is free again, for whichever node ticks first.
      clock.advance(DAY);
      expect(await b.runOnce('compliance')).toBe(true);
      expect(await a.runOnce('compliance')).toBe(false);
    });

    it(`runs each minute's due work once however many nodes tick (leases in ${kind})`, async () => {
      const { clock, ran, a, b } = twoNodes(leaseOf);
      for (let minute = 0; minute < 3; minute++) {
        await Promise.all([a.runOnce('live'), b.runOnce('live'), a.runOnce('live')]);
        clock.advance(60_000);
      }
      expect(ran).toHaveLength(3);
    });
  }

  it('keeps the single machine as it was: without Redis on SQLite every tick runs', async () => {
    const lease = clusterLeaseFor({ db, redis: null });
    expect(lease.kind).toBe(db.dialect === 'postgres' ? 'database' : 'local');
    const { ran, a } = twoNodes(() => localLease);
    await a.runOnce('live');
    await a.runOnce('live');
    expect(ran).toEqual(['a', 'a']);
  });
});
