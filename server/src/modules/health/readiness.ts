import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { RedisConnection } from '../../redis/redis.js';

/** A dependency the node needs to serve, and how to ask it whether it answers. */
export type ReadinessCheck = () => Promise<void>;

export type ReadinessAnswer = Record<string, 'ok' | 'failed'>;

/** The checks a node runs for /api/health/ready: the database, the object store when it has one, Redis when REDIS_URL is set. */
export function readinessChecks(deps: { db: Db; storage?: ObjectStore; redis?: RedisConnection | null }): Record<string, ReadinessCheck> {
  const checks: Record<string, ReadinessCheck> = {
    db: async () => { await sql`select 1`.execute(deps.db.db); },
  };
  const store = deps.storage;
  if (store) {
    checks.storage = async () => {
      // A missing key answers null on both backends: S3 makes the round trip with the node's
      // credentials and bucket; on disk, the objects folder must be one we can write to.
      await store.head('readiness-probe');
      const local = store.localPath('readiness-probe');
      if (local) await writableFolder(dirname(local));
    };
  }
  const redis = deps.redis;
  if (redis) {
    // Rate limits, upload locks, scheduled-work leases and cross-node events all go through it:
    // a node that cannot reach it must not take traffic. ioredis gives up on a command after one
    // reconnect attempt (maxRetriesPerRequest), within the check's bound.
    checks.redis = async () => {
      const answer = await redis.client.ping();
      if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
    };
  }
  return checks;
}

/** The disk store's root is a folder we may write to; before its first object, its parent is (the store makes it then). */
async function writableFolder(root: string): Promise<void> {
  const info = await stat(root).catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return null; throw err; });
  const folder = info ? root : dirname(root);
  if (!(await stat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);
  await access(folder, constants.W_OK);
}

/** Runs every check at once, each bounded by `timeoutMs`; `ready` only when all answered. */
export async function checkReadiness(checks: Record<string, ReadinessCheck>, timeoutMs = 3000): Promise<{ ready: boolean; answer: ReadinessAnswer; errors: Record<string, string> }> {
  const answer: ReadinessAnswer = {};
  const errors: Record<string, string> = {};
  await Promise.all(Object.entries(checks).map(async ([name, check]) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([check(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); })]);
      answer[name] = 'ok';
    } catch (err) {
      answer[name] = 'failed';
      errors[name] = err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
    }
  }));
  return { ready: Object.values(answer).every((v) => v === 'ok'), answer, errors };
}
