import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { RedisConnection } from '../redis/redis.js';

/**
 * Who in the cluster does a piece of scheduled work: the first node to take its lease. A lease
 * names the work and its period (`maintenance:compliance:20613` is the nightly recompute of one
 * UTC day), so each period's work runs once however many nodes tick, and the next period's lease
 * is free again without anyone handing the last one back.
 */
export interface ClusterLease {
  /** True when this node took `name` (held for ttlMs from now); false when another node holds it. */
  acquire(name: string, ttlMs: number, now: Date): Promise<boolean>;
  /** `local`, `redis` or `database`: where the leases are kept (for the start-up log). */
  kind: 'local' | 'redis' | 'database';
}

/** One machine: nobody else to agree with, every tick runs (the behaviour before several nodes). */
export const localLease: ClusterLease = { kind: 'local', acquire: async () => true };

/** Redis: SET NX PX, one round trip; the key expires by itself. */
export function redisLease(redis: RedisConnection, holder = nodeName()): ClusterLease {
  return {
    kind: 'redis',
    async acquire(name, ttlMs) {
      return (await redis.client.set(`${redis.prefix}lease:${name}`, holder, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
    },
  };
}

/**
 * The database (PostgreSQL without Redis): a row per lease, taken by insert-if-absent or by
 * overwriting one that has expired, in one statement; rows long expired are swept as leases are taken.
 */
export function databaseLease(handle: Db, holder = nodeName()): ClusterLease {
  const db = handle.db;
  return {
    kind: 'database',
    async acquire(name, ttlMs, now) {
      const nowIso = now.toISOString();
      const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
      const taken = await db.insertInto('cluster_leases')
        .values({ name, holder, expires_at: expiresAt })
        .onConflict((oc) => oc.column('name').doUpdateSet({ holder, expires_at: expiresAt }).where('cluster_leases.expires_at', '<=', nowIso))
        .returning('name')
        .executeTakeFirst();
      if (taken) await db.deleteFrom('cluster_leases').where('expires_at', '<', new Date(now.getTime() - 24 * 3600_000).toISOString()).execute();
      return taken !== undefined;
    },
  };
}

/** Redis when there is one, else the database when it is shared (PostgreSQL), else this process alone (SQLite). */
export function clusterLeaseFor(deps: { db: Db; redis?: RedisConnection | null }): ClusterLease {
  if (deps.redis) return redisLease(deps.redis);
  if (deps.db.dialect === 'postgres') return databaseLease(deps.db);
  return localLease;
}

/** This process, as a lease's holder: enough to tell nodes apart in a log or a row. */
export function nodeName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
