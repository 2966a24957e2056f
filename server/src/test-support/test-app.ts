import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { ManualClock } from '../clock.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_PASSWORD } from '../seed/demo-accounts.js';
import { seedCity } from '../seed/seed-city.js';
import { createTestDb } from './test-db.js';
import type { Db } from '../db/database.js';
import { type Config, loadConfig } from '../config.js';
import type { ObjectStore } from '../storage/object-store.js';
import { createAppJobs } from '../composition/app-jobs.js';
import { createAppEventBus } from '../events/app-events.js';
import { createTestStorage } from './s3rver.js';
import { countStatements } from './statement-counter.js';
import { openRedis } from '../redis/redis.js';
import { redisEventTransport } from '../events/event-transport.js';

let demoHash: Promise<string> | undefined;

/** A test city (seed scale `test`) behind a real app, on SQLite or PostgreSQL, with a hand-moved clock. */
export async function createTestApp(opts: {
  idleMinutes?: number; maxHours?: number; env?: Record<string, string>;
  /** The clock's start (default: now). */
  now?: Date;
  /** Seeds something else than the test city (the demo city, say). */
  seed?: (db: Db, clock: ManualClock) => Promise<unknown>;
  /** Count the statements the app runs (`statements` of the result), for tests that hold a request to a budget. */
  countStatements?: boolean;
  /**
   * Builds a second API node of this app, as on a second machine: the same database, object store
   * and clock, its own DATA_DIR, event bus, job queue and (when REDIS_URL is in env) Redis clients.
   * Closing the node leaves the shared database and store to the first app.
   */
  nodeOf?: { db: Db & { dropAll(): Promise<void> }; clock: ManualClock; storage: ObjectStore; config: Config };
} = {}) {
  const first = opts.nodeOf;
  const db = first ? { ...first.db, dropAll: async () => {} } : await createTestDb();
  const clock = first?.clock ?? new ManualClock(opts.now ?? new Date());
  if (first) { /* seeded by the first node */ } else if (opts.seed) await opts.seed(db, clock);
  else await seedCity(db, { scale: 'test', passwordHash: await (demoHash ??= hashPassword(DEMO_PASSWORD)) });
  // Objects on disk in a temporary DATA_DIR, or on s3rver when TEST_STORAGE=s3.
  const ownStorage = await createTestStorage();
  const storage = first
    ? { ...ownStorage, store: first.storage, storageUrl: first.config.storageUrl }
    : ownStorage;
  // Live classes run one way unless a test asks for Janus (LIVE_MEDIA in env): every test app would otherwise start a Janus on the same ports.
  const config = loadConfig({ DATA_DIR: storage.dataDir, STORAGE_URL: storage.storageUrl ?? '', LIVE_MEDIA: 'hls', ...opts.env });
  const counted = opts.countStatements ? countStatements(db) : null;
  // The same bus for jobs and app, as main.ts builds them: a processed lesson recounts compliance.
  const redis = config.redisUrl ? openRedis(config.redisUrl, { prefix: config.redisPrefix }) : null;
  // With REDIS_URL, broadcast events (notification.created) cross to the other nodes, as in main.ts.
  const events = createAppEventBus({ transport: redis ? redisEventTransport(redis) : null });
  const stopListening = await events.listening;
  const jobs = createAppJobs({ db, clock, config, storage: storage.store, events });
  const built = await buildApp({
    db: counted?.db ?? db, clock, sessionIdleMinutes: opts.idleMinutes ?? 30, sessionMaxHours: opts.maxHours ?? 12, webDir: null,
    config, storage: storage.store, jobs: jobs.queue, events, redis,
  });
  await built.app.ready();

  /** Logs in and returns a client that sends the session cookie and CSRF header. */
  async function login(username: string, password = DEMO_PASSWORD) {
    const res = await built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return sessionClient(res);
  }

  function sessionClient(loginRes: LightMyRequestResponse) {
    const cookie = loginRes.cookies.find((c) => c.name === 'sc_session');
    if (!cookie) throw new Error('login set no session cookie');
    const me = loginRes.json() as { id: number; csrfToken: string };
    const headers = { cookie: `sc_session=${cookie.value}`, 'x-csrf-token': me.csrfToken };
    return {
      me,
      token: cookie.value,
      get: (url: string) => built.app.inject({ method: 'GET', url, headers }),
      request: (method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown) =>
        built.app.inject({ method, url, headers, payload: payload as never }),
      headers,
    };
  }

  return {
    ...built,
    db,
    clock,
    login,
    config,
    storage: storage.store,
    jobs,
    events,
    redis,
    statements: counted,
    async close() {
      await built.app.close();
      await stopListening();
      await redis?.close();
      await db.dropAll();
      await ownStorage.stop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
