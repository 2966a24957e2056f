import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { defineJob } from '../jobs/job-definition.js';
import { createJobQueue } from '../jobs/job-queue.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { buildJobRegistry } from '../jobs/registry.js';
import { createTestDb } from '../test-support/test-db.js';
import { gracefulShutdown } from './shutdown.js';

const silent = { info() {}, warn() {}, error() {}, child: () => silent };

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += String(c); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

describe(`graceful shutdown (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => { db = await createTestDb(); });
  afterAll(async () => { await db.dropAll(); });

  it('answers the request in flight, refuses new ones, hands a running job back to the queue, then closes the database', async () => {
    // A request that is still being answered when SIGTERM comes.
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let arrived!: () => void;
    const inFlight = new Promise<void>((r) => { arrived = r; });
    const app = Fastify();
    app.get('/slow', async () => { arrived(); await held; return 'answered'; });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;

    // A job that runs until it is told to stop.
    const def = defineJob<'test.long', { n: number }>({
      kind: 'test.long', maxAttempts: 3, backoffMs: () => 0, timeoutMs: 60_000,
      handle: (_p, ctx) => new Promise((_resolve, reject) => { ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)); }),
    });
    const registry = buildJobRegistry([def]);
    const clock = new ManualClock(new Date());
    const queue = createJobQueue({ db, clock, registry });
    const runner = createJobRunner({ db, clock, registry, log: silent, workerId: 'node-a', graceMs: 50, pollMs: 10 });
    const id = await queue.enqueue('test.long', { n: 1 });
    runner.start();
    while ((await queue.get(id))!.status !== 'running') await sleep(5);

    const order: string[] = [];
    const shutdown = gracefulShutdown({
      stopStarting: [() => { order.push('timers'); }], http: app, runner,
      db: { close: async () => { order.push('db'); } }, log: silent,
    });
    const answer = get(port, '/slow');
    await inFlight;
    const closing = shutdown();
    expect(shutdown()).toBe(closing);
    await sleep(20);
    // No new connections once closing has begun.
    await expect(get(port, '/slow')).rejects.toThrow();
    release();
    expect(await answer).toEqual({ status: 200, body: 'answered' });
    await closing;

    expect(order).toEqual(['timers', 'db']);
    // Handed back at once (not left to its lease): any runner may take it now, the attempt not counted.
    expect(await queue.get(id)).toMatchObject({ status: 'queued', lockedBy: null, lockedUntil: null, attempts: 0, lastError: 'interrupted by shutdown' });
  });

  it('waits for requests in flight no longer than the grace: then cuts their connections and still closes everything', async () => {
    const app = Fastify();
    // A request that would never be answered (a handler stuck on something outside).
    let arrived!: () => void;
    const inFlight = new Promise<void>((r) => { arrived = r; });
    app.get('/stuck', async () => { arrived(); await new Promise(() => {}); });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const warned: string[] = [];
    const order: string[] = [];
    const shutdown = gracefulShutdown({
      http: app, graceMs: 200,
      redis: { close: async () => { order.push('redis'); } },
      db: { close: async () => { order.push('db'); } },
      log: { ...silent, warn: (_obj: object, msg: string) => { warned.push(msg); } },
    });
    const answer = get(port, '/stuck');
    await inFlight;
    const started = Date.now();
    await shutdown();
    expect(Date.now() - started).toBeLessThan(2000);
    // The client sees its connection end (and retries elsewhere); the node did not hang on it.
    await expect(answer).rejects.toThrow();
    expect(warned).toEqual(['shutdown: requests still in flight after the grace; cutting their connections']);
    expect(order).toEqual(['redis', 'db']);
  });
});
