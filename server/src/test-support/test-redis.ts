import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openRedis, type RedisConnection } from '../redis/redis.js';

/**
 * The Redis the multi-node tests run on (REDIS_URL of the test run, else the one on
 * 127.0.0.1:6379 that .ci/run starts), with a prefix of its own per test so test files running
 * side by side never count each other's requests.
 */
export function testRedisEnv(): { REDIS_URL: string; REDIS_PREFIX: string } {
  return { REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379', REDIS_PREFIX: `t${randomBytes(5).toString('hex')}:` };
}

/** Two connections to the test Redis under one fresh prefix, as two nodes of a cluster hold them; close() ends both. */
export function twoRedisNodes(): { a: RedisConnection; b: RedisConnection; close(): Promise<void> } {
  const env = testRedisEnv();
  const a = openRedis(env.REDIS_URL, { prefix: env.REDIS_PREFIX });
  const b = openRedis(env.REDIS_URL, { prefix: env.REDIS_PREFIX });
  return { a, b, close: async () => { await a.close(); await b.close(); } };
}

/** Whether a Redis answers at `url` (the process-level tests skip without one), without retrying. */
export async function redisAnswers(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
