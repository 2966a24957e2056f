import { randomBytes } from 'node:crypto';

/**
 * The Redis the multi-node tests run on (REDIS_URL of the test run, else the one on
 * 127.0.0.1:6379 that .ci/run starts), with a prefix of its own per test so test files running
 * side by side never count each other's requests.
 */
export function testRedisEnv(): { REDIS_URL: string; REDIS_PREFIX: string } {
  return { REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379', REDIS_PREFIX: `t${randomBytes(5).toString('hex')}:` };
}
