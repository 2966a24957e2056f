import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRoomWithDevice } from '../modules/recordings/recordings.test-kit.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { testRedisEnv } from '../test-support/test-redis.js';
import { MAX_FAILED_LOGINS } from '../modules/auth/auth.service.js';
import { DEMO_PASSWORD } from '../seed/demo-accounts.js';

// The recorder heartbeat's limit (rooms/devices.routes.ts): 20 a minute per device token.
const HEARTBEATS_A_MINUTE = 20;

/** Two API nodes behind a balancer: with REDIS_URL a limit counts the requests both answered. */
describe('rate limits across nodes', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = testRedisEnv();
    a = await createTestApp({ env });
    b = await createTestApp({ nodeOf: a, env });
  }, 180_000); // two apps, the first seeding its city: slow on PostgreSQL on a busy machine
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const heartbeat = (node: TestApp, token: string) => node.app.inject({
    method: 'POST', url: '/api/devices/heartbeat', headers: { authorization: `Bearer ${token}` }, payload: { state: 'idle', diskFreeBytes: 1e9 },
  });

  it('counts a recorder\'s heartbeats on both nodes against one limit', async () => {
    const { token } = await addRoomWithDevice(a);
    for (let i = 0; i < HEARTBEATS_A_MINUTE; i++) expect((await heartbeat(i % 2 ? b : a, token)).statusCode).toBe(200);
    // Each node answered only 10, yet both now refuse: the count is the cluster's.
    expect((await heartbeat(a, token)).statusCode).toBe(429);
    expect((await heartbeat(b, token)).statusCode).toBe(429);
    // Another recorder has its own count.
    const other = await addRoomWithDevice(a);
    expect((await heartbeat(b, other.token)).statusCode).toBe(200);
  });

  it('counts logins from one address on both nodes against one limit', async () => {
    // Spent through the store both nodes share (the login route's limit, auth.routes.ts: 300 a
    // minute per address); hashing 300 wrong passwords would test the hash, not the count.
    const key = `${a.config.redisPrefix}rate:POST/api/auth/login-127.0.0.1`;
    await a.redis!.client.set(key, 299, 'PX', 60_000);
    const login = (node: TestApp) => node.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody.here', password: 'x' } });
    expect((await login(a)).statusCode).toBe(401);
    expect((await login(b)).statusCode).toBe(429);
  });

  it('locks an account after five wrong passwords spread over both nodes (the count is in the database)', async () => {
    const attempt = (node: TestApp, password: string) => node.app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: `10.0.0.${Math.floor(Math.random() * 200) + 1}`, payload: { username: 'gxsy.teacher', password },
    });
    const codes: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) codes.push((await attempt(i % 2 ? b : a, 'wrong-password')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    // Locked on both nodes, even with the right password.
    expect((await attempt(a, DEMO_PASSWORD)).statusCode).toBe(423);
    expect((await attempt(b, DEMO_PASSWORD)).statusCode).toBe(423);
  });
});

describe('rate limits on one machine (no REDIS_URL)', () => {
  let a: TestApp;
  beforeAll(async () => { a = await createTestApp(); });
  afterAll(async () => a?.close());

  it('count in the process, as before', async () => {
    {
      expect(a.redis).toBeNull();
      const { token } = await addRoomWithDevice(a);
      let last = 0;
      for (let i = 0; i <= HEARTBEATS_A_MINUTE; i++) {
        last = (await a.app.inject({ method: 'POST', url: '/api/devices/heartbeat', headers: { authorization: `Bearer ${token}` }, payload: { state: 'idle', diskFreeBytes: 1e9 } })).statusCode;
      }
      expect(last).toBe(429);
    }
  });
});
