import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoRedisNodes } from '../test-support/test-redis.js';
import type { RedisConnection } from './redis.js';
import { RedisLocker } from './redis-locker.js';

/** The tus upload lock of two API nodes (two lockers, two connections, one Redis). */
describe('tus upload lock in Redis', () => {
  let redis: ReturnType<typeof twoRedisNodes>;
  let a: RedisConnection;
  let b: RedisConnection;
  let nodeA: RedisLocker;
  let nodeB: RedisLocker;

  beforeAll(() => {
    redis = twoRedisNodes();
    ({ a, b } = redis);
    nodeA = new RedisLocker(a, { leaseMs: 600, acquireTimeoutMs: 3000, retryMs: 20 });
    nodeB = new RedisLocker(b, { leaseMs: 600, acquireTimeoutMs: 3000, retryMs: 20 });
  });
  afterAll(async () => {
    await redis.close();
  });

  const never = () => new AbortController().signal;

  it('lets one node write at a time; the other gets the upload once it is let go', async () => {
    const held = nodeA.newLock('u1');
    await held.lock(never(), () => {});
    let bGot = false;
    const waiting = nodeB.newLock('u1');
    const acquired = waiting.lock(never(), () => {}).then(() => { bGot = true; });
    await new Promise((r) => setTimeout(r, 1000)); // past the lease: renewal keeps it
    expect(bGot).toBe(false);
    await held.unlock();
    await acquired;
    expect(bGot).toBe(true);
    await waiting.unlock();
  });

  it('asks the holder on the other node to let go (a client that reconnected)', async () => {
    const held = nodeA.newLock('u2');
    let asked = 0;
    await held.lock(never(), () => { asked++; void held.unlock(); });
    const taker = nodeB.newLock('u2');
    await taker.lock(never(), () => {});
    expect(asked).toBeGreaterThanOrEqual(1);
    await taker.unlock();
  });

  it('hands a dead holder\'s upload over once its lease runs out', async () => {
    const key = nodeA.key('u3');
    // A node killed -9: its key is there, nobody renews it or answers the request to let go.
    await a.client.set(key, 'dead-node-token', 'PX', 600);
    const started = Date.now();
    const taker = nodeB.newLock('u3');
    await taker.lock(never(), () => {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(await b.client.get(key)).not.toBe('dead-node-token');
    await taker.unlock();
    expect(await b.client.get(key)).toBeNull();
  });

  it('gives up with ERR_LOCK_TIMEOUT when the holder stays', async () => {
    const short = new RedisLocker(b, { leaseMs: 600, acquireTimeoutMs: 300, retryMs: 20 });
    const held = nodeA.newLock('u4');
    await held.lock(never(), () => {});
    await expect(short.newLock('u4').lock(never(), () => {})).rejects.toMatchObject({ status_code: 500 });
    await held.unlock();
  });
});
