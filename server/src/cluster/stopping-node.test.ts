import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { redisAnswers } from '../test-support/test-redis.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { type Db, openDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { addRoomWithDevice, lessonMetadata, tusMetadata } from '../modules/recordings/recordings.test-kit.js';
import { openRedis } from '../redis/redis.js';
import { RedisLocker } from '../redis/redis-locker.js';
import { DEMO_PASSWORD } from '../seed/demo-accounts.js';
import { seedCity } from '../seed/seed-city.js';
import { openObjectStore } from '../storage/storage-url.js';
import { adminQuery, type ClusterProcess, deleteRedisKeys, freePort, spawnProcess, waitUntil, withDatabase } from '../test-support/cluster/start-cluster.js';
import { tusRequest } from '../test-support/cluster/tus-client.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Issue 13: what an operator relies on when a node is stopped (a rolling deploy, systemd, a
 * balancer draining it): the real server process (`server/src/main.ts`) gets SIGTERM while a slow
 * request, a notification stream and a recorder's upload are in flight on it. The request is
 * answered, the stream ends cleanly (the browser reconnects elsewhere), the upload's lock in Redis
 * is handed back at once and the upload resumes on another node, the process exits 0, and nothing
 * in its log says the database was closed under someone. SQLite, or PostgreSQL with DATABASE_URL;
 * needs Redis (127.0.0.1:6379 or TEST_REDIS_URL), else skipped. `npm run test:cluster`.
 */
const REDIS = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG = process.env.DATABASE_URL ?? '';
const available = await redisAnswers(REDIS);
if (!available) console.warn('stopping-node test skipped: it needs Redis (127.0.0.1:6379 or TEST_REDIS_URL)');
const LEASE_MS = 6000;

describe.skipIf(!available)(`a node stopped with SIGTERM (${PG ? 'PostgreSQL' : 'SQLite'}, Redis)`, () => {
  const runId = randomBytes(5).toString('hex');
  const prefix = `stop${runId}:`;
  const dataDir = mkdtempSync(join(tmpdir(), `sunshine-stop-${runId}-`));
  const dbName = `sc_stop_${runId}`;
  const databaseUrl = PG ? withDatabase(PG, dbName) : null;
  let db: Db;
  let device: { token: string; roomId: number };
  let node: ClusterProcess;

  beforeAll(async () => {
    if (PG) await adminQuery(PG, `create database ${dbName}`);
    db = openDb({ databaseUrl, dataDir });
    await migrateToLatest(db);
    await seedCity(db, { scale: 'test', passwordHash: await hashPassword(DEMO_PASSWORD) });
    device = await addRoomWithDevice({ db } as TestApp);
    const port = await freePort();
    node = spawnProcess('node', 0, port, dataDir, 'server/src/main.ts', {
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: REDIS, REDIS_PREFIX: prefix,
      SEED: 'none', SERVE_WEB: '0', LIVE_MEDIA: 'hls', LOG_LEVEL: 'info', WORKERS: '1',
    }, false);
    await waitUntil(node, `${node.url}/api/health/ready`);
  }, 300_000);

  afterAll(async () => {
    if (node?.alive) node.kill('SIGKILL');
    await db?.close();
    if (PG) await adminQuery(PG, `drop database if exists ${dbName} with (force)`).catch(() => {});
    await deleteRedisKeys(REDIS, prefix).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers the request in flight, ends the stream cleanly, hands the upload back to another node at once, and exits 0', async () => {
    // Readiness names Redis on a node that uses it.
    const ready = await fetch(`${node.url}/api/health/ready`);
    expect(await ready.json()).toEqual({ db: 'ok', storage: 'ok', redis: 'ok' });

    // A browser with its notification stream open.
    const login = await fetch(`${node.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gxsy.teacher', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((v) => v.startsWith('sc_session='))!.split(';')[0]!;
    const stream = await fetch(`${node.url}/api/notifications/stream`, { headers: { cookie, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    let streamText = '';
    const streamEnd = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream.body!) streamText += decoder.decode(chunk as Uint8Array, { stream: true });
      return 'ended';
    })().catch((err: Error) => `failed: ${err.message}`);

    // A recorder's upload with half its bytes sent; the rest is still coming.
    const bytes = randomBytes(256 * 1024);
    const auth = { authorization: `Bearer ${device.token}` };
    const created = await tusRequest(`${node.url}/api/uploads`, 'POST', {
      ...auth, 'upload-length': String(bytes.length), 'upload-metadata': tusMetadata(lessonMetadata({ roomId: String(device.roomId) })),
    });
    expect(created.status, created.body).toBe(201);
    const uploadPath = new URL(String(created.headers.location), node.url).pathname;
    const uploadId = uploadPath.split('/').at(-1)!;
    const half = bytes.length / 2;
    const patch = slowRequest(`${node.url}${uploadPath}`, 'PATCH', {
      ...auth, 'tus-resumable': '1.0.0', 'content-type': 'application/offset+octet-stream', 'upload-offset': '0',
    }, bytes, half);

    // A slow client: a login whose body is still arriving when SIGTERM comes.
    const body = Buffer.from(JSON.stringify({ username: 'gxsy.principal', password: DEMO_PASSWORD }));
    const slowLogin = slowRequest(`${node.url}/api/auth/login`, 'POST', { 'content-type': 'application/json' }, body, 10);

    const lockKey = `${prefix}tus:lock:${uploadId}`;
    const redis = new Redis(REDIS);
    try {
      await until(async () => (await redis.exists(lockKey)) === 1, 'the PATCH holds the upload lock');
      await new Promise((r) => setTimeout(r, 300));

      const stoppedAt = Date.now();
      node.kill('SIGTERM');

      // The stream ends as a response ends (not a reset): EventSource reconnects, through the balancer, to another node.
      expect(await streamEnd).toBe('ended');
      expect(streamText).toContain(': connected');
      // The upload lock is gone long before its lease would have run out, without anyone asking for it.
      await until(async () => (await redis.exists(lockKey)) === 0, 'the stopping node releases the upload lock', 3000);
      expect(Date.now() - stoppedAt).toBeLessThan(LEASE_MS / 2);
      // Its PATCH was cut: the recorder sees a broken connection and resumes from HEAD.
      expect((await patch.answer).status).toBe(0);

      // The slow client finishes sending after SIGTERM and still gets its answer.
      await new Promise((r) => setTimeout(r, 500));
      slowLogin.finish();
      const loggedIn = await slowLogin.answer;
      expect(loggedIn.status, loggedIn.body).toBe(200);
      expect(JSON.parse(loggedIn.body)).toMatchObject({ username: 'gxsy.principal' });

      await node.exited;
      expect(node.exitCode).toBe(0);
      const log = node.output();
      expect(log).not.toMatch(/destroyed/i);
      expect(log).not.toMatch(/"level":(50|60)/);
      expect(log).toContain('"msg":"shut down"');
    } finally {
      redis.disconnect();
    }

    // Another node (same database, staging volume and Redis) takes the upload over at once:
    // its lock is free, HEAD tells what arrived, the rest completes it.
    const other = await otherNode();
    try {
      // Well within the lease (a busy machine may take a moment to connect the locker's subscriber).
      const locker = new RedisLocker(other.redis, { acquireTimeoutMs: LEASE_MS });
      const lock = locker.newLock(uploadId);
      const asked = Date.now();
      await lock.lock(new AbortController().signal, () => {});
      expect(Date.now() - asked).toBeLessThan(LEASE_MS / 2);
      await lock.unlock();

      const head = await tusRequest(`${other.url}${uploadPath}`, 'HEAD', auth);
      expect(head.status, head.body).toBe(200);
      const offset = Number(head.headers['upload-offset']);
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThanOrEqual(half);
      const done = await tusRequest(`${other.url}${uploadPath}`, 'PATCH', { ...auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, bytes.subarray(offset));
      expect(done.status, done.body).toBe(204);
      expect(done.headers['upload-offset']).toBe(String(bytes.length));
      expect(Number(done.headers['sunshine-recording-id'])).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  }, 120_000);

  /** A second API node in this process on the stopped node's database, data folder (staging) and Redis prefix. */
  async function otherNode() {
    const env = { DATA_DIR: dataDir, REDIS_URL: REDIS, REDIS_PREFIX: prefix, UPLOAD_STAGING_DIR: join(dataDir, 'uploads'), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    const config = loadConfig({ ...env, LIVE_MEDIA: 'hls' });
    const t = await createTestApp({
      env,
      nodeOf: { db: { ...db, dropAll: async () => {} }, clock: new ManualClock(new Date()), storage: openObjectStore(config), config },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const redis = openRedis(REDIS, { prefix });
    return {
      url: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`,
      redis,
      async close() {
        await redis.close();
        await t.close();
      },
    };
  }
});

/**
 * A request whose body arrives in two parts: `first` bytes at once, the rest on `finish()`. The
 * answer's status is 0 when the connection broke before an answer.
 */
function slowRequest(url: string, method: string, headers: Record<string, string>, body: Buffer, first: number) {
  const req = request(url, { method, agent: false, headers: { ...headers, 'content-length': String(body.length) } });
  const answer = new Promise<{ status: number; body: string }>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve({ status: 0, body: text }));
    });
    req.on('error', (err) => resolve({ status: 0, body: err.message }));
  });
  req.write(body.subarray(0, first));
  return { answer, finish: () => req.end(body.subarray(first)) };
}

async function until(ok: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
