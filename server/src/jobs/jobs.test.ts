import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import type { Db } from '../db/database.js';
import { createTestDb } from '../test-support/test-db.js';
import { type AnyJobDefinition, defineJob, type JobContext, type JobDefinition, type JobFailure, type JobOutcome } from './job-definition.js';
import { createJobQueue } from './job-queue.js';
import { createJobRunner, type JobRunnerOptions } from './job-runner.js';
import { claimNextJob } from './jobs.queries.js';
import { buildJobRegistry } from './registry.js';
import { locateDb, openDbAt } from './test-fixtures/db-location.js';
import { markerJob } from './test-fixtures/marker-job.js';

const silent = { info() {}, warn() {}, error() {}, child: () => silent };

let db: Awaited<ReturnType<typeof createTestDb>>;
let clock: ManualClock;
beforeAll(async () => { db = await createTestDb(); });
afterAll(async () => { await db.dropAll(); });
beforeEach(async () => {
  await db.db.deleteFrom('jobs').execute();
  clock = new ManualClock(new Date());
});

/** A job kind whose handler the test supplies; `calls` records each run's context. */
type TestJob = JobDefinition<'test.job', { n: number }>;

function testJob(handle: (payload: { n: number }, ctx: JobContext) => Promise<JobOutcome>, over: Partial<Omit<TestJob, 'kind'>> = {}) {
  const calls: JobContext[] = [];
  const def = defineJob<'test.job', { n: number }>({
    kind: 'test.job', maxAttempts: 3, backoffMs: (attempt) => attempt * 1000, timeoutMs: 10_000,
    handle: (payload, ctx) => { calls.push(ctx); return handle(payload, ctx); },
    ...over,
  });
  return { def, calls };
}

function setup<D extends AnyJobDefinition>(defs: D[], runner: Partial<JobRunnerOptions> = {}, on: Db = db) {
  const registry = buildJobRegistry(defs);
  return {
    queue: createJobQueue({ db: on, clock, registry }),
    runner: createJobRunner({ db: on, clock, registry, log: silent, workerId: 'test', ...runner }),
  };
}

describe(`job queue and runner (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('runs a job once, with its payload, and records it done', async () => {
    const { def, calls } = testJob(async () => ({ status: 'done' }));
    const { queue, runner } = setup([def]);
    const id = await queue.enqueue('test.job', { n: 7 });
    expect(await runner.runDue()).toBe(1);
    expect(calls.map((c) => [c.jobId, c.attempt, c.maxAttempts])).toEqual([[id, 1, 3]]);
    expect(await queue.get(id)).toMatchObject({
      status: 'done', attempts: 1, payload: { n: 7 }, lockedBy: null, lastError: null, finishedAt: clock.now().toISOString(),
    });
    expect(await runner.runDue()).toBe(0);
    expect(await queue.list({ status: 'done', kind: 'test.job' })).toHaveLength(1);
    expect(await queue.list({ status: 'queued' })).toHaveLength(0);
  });

  it('starts a job as soon as it is enqueued when the runner is woken, not at its next poll', async () => {
    const { def, calls } = testJob(async () => ({ status: 'done' }));
    // A poll an hour apart: only the wake-up can start the job within the test.
    const { queue, runner } = setup([def], { pollMs: 3_600_000 });
    runner.start();
    await sleep(50);
    queue.onEnqueued(() => runner.wake());
    const id = await queue.enqueue('test.job', { n: 1 });
    try {
      await expect.poll(async () => (await queue.get(id))?.status, { timeout: 5000, interval: 20 }).toBe('done');
      expect(calls).toHaveLength(1);
    } finally {
      await runner.stop();
    }
  });

  it('waits out the backoff between retries and fails with the last reason when attempts run out', async () => {
    const { def } = testJob(async (_p, ctx) => ({ status: 'retry', reason: `not yet (${ctx.attempt})` }));
    const { queue, runner } = setup([def]);
    const id = await queue.enqueue('test.job', { n: 1 });
    expect(await runner.runDue()).toBe(1);
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'not yet (1)' });
    clock.advance(999);
    expect(await runner.runDue()).toBe(0);
    clock.advance(1);
    expect(await runner.runDue()).toBe(1);
    clock.advance(1999);
    expect(await runner.runDue()).toBe(0);
    clock.advance(1);
    expect(await runner.runDue()).toBe(1);
    expect(await queue.get(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'not yet (3)', finishedAt: clock.now().toISOString() });
    clock.advance(3_600_000);
    expect(await runner.runDue()).toBe(0);
  });

  it('retries a handler that throws, and stops at once on a failed outcome with its code', async () => {
    const { def } = testJob(async ({ n }, ctx) => {
      if (n === 1 && ctx.attempt === 1) throw new Error('ffmpeg was killed');
      if (n === 2) return { status: 'failed', reason: '文件不是视频', code: 'NOT_VIDEO' };
      return { status: 'done' };
    }, { backoffMs: () => 0 });
    const { queue, runner } = setup([def]);
    const flaky = await queue.enqueue('test.job', { n: 1 });
    const hopeless = await queue.enqueue('test.job', { n: 2 }, { maxAttempts: 5 });
    expect(await runner.runDue()).toBe(3);
    expect(await queue.get(flaky)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await queue.get(hopeless)).toMatchObject({ status: 'failed', attempts: 1, maxAttempts: 5, lastError: 'NOT_VIDEO: 文件不是视频' });
  });

  it('aborts a run that outlives its timeout through its signal, and retries it', async () => {
    const { def, calls } = testJob((_p, ctx) => new Promise((_resolve, reject) => {
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
    }), { timeoutMs: 50, maxAttempts: 2 });
    const { queue, runner } = setup([def]);
    const id = await queue.enqueue('test.job', { n: 1 });
    expect(await runner.runDue()).toBe(1);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[0]!.signal.reason).toMatchObject({ why: 'timeout' });
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'timed out after 50 ms' });
  });

  it('leaves a handler that ignores its abort behind; its job is taken over when the lease runs out', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => { release = resolve; });
    const { def } = testJob(async (_p, ctx) => {
      if (ctx.run === 1) await stuck;
      return { status: 'done' };
    }, { timeoutMs: 20 });
    const { queue, runner } = setup([def], { abortWaitMs: 20, leaseMs: 60_000 });
    const id = await queue.enqueue('test.job', { n: 1 });
    expect(await runner.runDue()).toBe(1);
    expect(await queue.get(id)).toMatchObject({ status: 'running', attempts: 1 });
    clock.advance(60_001);
    expect(await runner.runDue()).toBe(1);
    expect(await queue.get(id)).toMatchObject({ status: 'done', attempts: 2 });
    release();
  });

  it('takes over a run lost in the final attempt without using up an attempt; gives up after maxLostRuns and calls onFailed', async () => {
    const failures: JobFailure[] = [];
    const { def, calls } = testJob(async (_p, ctx) => (ctx.attempt < 2 ? { status: 'retry', reason: 'not yet' } : { status: 'done' }), {
      maxAttempts: 2, maxLostRuns: 1, backoffMs: () => 1_000, onFailed: async (_p, f) => { failures.push(f); },
    });
    const { queue, runner } = setup([def], { leaseMs: 1_000 });
    // A runner that takes the job and dies without a word (kill -9): its claim, and nothing after.
    const dies = () => claimNextJob(db.db, db.dialect, { workerId: 'dead', now: clock.now().toISOString(), lockedUntil: new Date(clock.now().getTime() + 1_000).toISOString() });

    const done = await queue.enqueue('test.job', { n: 1 });
    await runner.runDue();
    expect(await queue.get(done)).toMatchObject({ status: 'queued', attempts: 1, lostRuns: 0 });
    clock.advance(1_000);
    expect(await dies()).toMatchObject({ id: done, attempts: 2 });
    clock.advance(1_001);
    expect(await runner.runDue()).toBe(1);
    expect(calls.map((c) => [c.run, c.attempt])).toEqual([[1, 1], [3, 2]]);
    expect(await queue.get(done)).toMatchObject({ status: 'done', attempts: 3, lostRuns: 1 });

    const given = await queue.enqueue('test.job', { n: 2 });
    await dies();
    clock.advance(1_001);
    await dies();
    clock.advance(1_001);
    expect(await runner.runDue()).toBe(1);
    expect(calls).toHaveLength(2);
    expect(await queue.get(given)).toMatchObject({ status: 'failed', attempts: 3, lostRuns: 2, lastError: expect.stringMatching(/stopped 2 times/) });
    expect(failures).toEqual([{ jobId: given, cause: 'lost-runs', reason: expect.stringMatching(/stopped 2 times/), attempts: 1, lostRuns: 2 }]);
  });

  it('calls onFailed once when attempts run out and when the handler fails the job', async () => {
    const failures: JobFailure[] = [];
    const { def } = testJob(async (p) => (p.n === 1 ? { status: 'retry', reason: 'still broken' } : { status: 'failed', reason: 'hopeless' }), {
      maxAttempts: 2, backoffMs: () => 0, onFailed: async (_p, f) => { failures.push(f); },
    });
    const { queue, runner } = setup([def]);
    const a = await queue.enqueue('test.job', { n: 1 });
    const b = await queue.enqueue('test.job', { n: 2 });
    await runner.runDue();
    expect(failures).toHaveLength(2);
    expect(failures).toEqual(expect.arrayContaining([
      { jobId: b, cause: 'outcome', reason: 'hopeless', attempts: 1, lostRuns: 0 },
      { jobId: a, cause: 'attempts', reason: 'still broken', attempts: 2, lostRuns: 0 },
    ]));
  });

  it('enqueues a dedupe key once: the same key answers the existing job', async () => {
    const { def } = testJob(async () => ({ status: 'done' }));
    const { queue, runner } = setup([def]);
    const first = await queue.enqueue('test.job', { n: 1 }, { dedupeKey: 'recording.process:1' });
    expect(await queue.enqueue('test.job', { n: 2 }, { dedupeKey: 'recording.process:1' })).toBe(first);
    await runner.runDue();
    expect(await queue.enqueue('test.job', { n: 3 }, { dedupeKey: 'recording.process:1' })).toBe(first);
    expect(await queue.enqueue('test.job', { n: 4 }, { dedupeKey: 'recording.process:2' })).not.toBe(first);
    expect((await queue.list()).map((j) => j.payload)).toEqual([{ n: 4 }, { n: 1 }]);
  });

  it('refuses unknown kinds when enqueueing, and fails a row of a kind this process does not know', async () => {
    const { def } = testJob(async () => ({ status: 'done' }));
    const { queue, runner } = setup([def]);
    await expect((queue.enqueue as (k: string, p: unknown) => Promise<number>)('test.nope', {})).rejects.toThrow(/unknown job kind/);
    const other = setup([{ ...def, kind: 'test.other' }]);
    const id = await other.queue.enqueue('test.other', { n: 1 });
    await runner.runDue();
    expect(await queue.get(id)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/no handler for job kind test.other/) });
  });

  it('extends the lease on heartbeat; a runner that lost its lease drops its outcome', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const { def, calls } = testJob(async (_p, ctx) => {
      if (ctx.run === 1) await gate;
      return { status: 'done' };
    }, { maxAttempts: 5 });
    const a = setup([def], { workerId: 'a', leaseMs: 10_000 });
    const b = setup([def], { workerId: 'b', leaseMs: 10_000 });
    const id = await a.queue.enqueue('test.job', { n: 1 });
    const first = a.runner.runDue();
    while (calls.length === 0) await sleep(5);
    clock.advance(8_000);
    await calls[0]!.heartbeat();
    expect((await a.queue.get(id))!.lockedUntil).toBe(new Date(clock.now().getTime() + 10_000).toISOString());
    expect(await b.runner.runDue()).toBe(0);
    clock.advance(10_001);
    expect(await b.runner.runDue()).toBe(1);
    await expect(calls[0]!.heartbeat()).rejects.toThrow(/lease lost/);
    expect(calls[0]!.signal.reason).toMatchObject({ why: 'lease-lost' });
    release();
    await first;
    expect(await a.queue.get(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('stops gracefully: a run still going after the grace period is aborted and queued again, its attempt not counted', async () => {
    const { def } = testJob((_p, ctx) => new Promise((_resolve, reject) => {
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
    }));
    const { queue, runner } = setup([def], { graceMs: 30, pollMs: 10 });
    const id = await queue.enqueue('test.job', { n: 1 });
    runner.start();
    while ((await queue.get(id))!.status !== 'running') await sleep(5);
    await runner.stop();
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 0, lastError: 'interrupted by shutdown', lockedBy: null });
  });

  it('never runs a job twice when two runners on separate connections claim at once', async () => {
    const second = openDbAt(await locateDb(db));
    const runs = new Map<number, number>();
    const active = new Set<number>();
    const ranBy = new Set<string>();
    let overlaps = 0;
    const job = (worker: string) => testJob(async (_p, ctx) => {
      if (active.has(ctx.jobId)) overlaps++;
      active.add(ctx.jobId);
      ranBy.add(worker);
      runs.set(ctx.jobId, (runs.get(ctx.jobId) ?? 0) + 1);
      await sleep(Math.random() * 4);
      active.delete(ctx.jobId);
      return { status: 'done' };
    }).def;
    const a = setup([job('a')], { workerId: 'a', concurrency: 4 });
    const b = setup([job('b')], { workerId: 'b', concurrency: 4 }, second);
    const ids: number[] = [];
    for (let n = 0; n < 60; n++) ids.push(await a.queue.enqueue('test.job', { n }));
    const [byA, byB] = await Promise.all([a.runner.runDue(), b.runner.runDue()]);
    await second.close();
    expect(byA + byB).toBe(60);
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
    expect(overlaps).toBe(0);
    expect(ranBy).toEqual(new Set(['a', 'b']));
    expect(await a.queue.list({ status: 'done', limit: 1000 })).toHaveLength(60);
  });

  it('takes over the job of a runner killed with SIGKILL mid-job once its lease has run out, and finishes it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-crash-'));
    const leaseMs = 5_000;
    const job = markerJob({ dir, holdMs: 0 });
    const { queue, runner } = setup([job], { workerId: 'survivor', leaseMs });
    const id = await queue.enqueue('test.marker', { name: 'lesson' });
    const script = fileURLToPath(new URL('./test-fixtures/crash-worker.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ db: await locateDb(db), dir, leaseMs })], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const log = join(dir, 'lesson.log');
    try {
      for (let waited = 0; !existsSync(log); waited += 50) {
        if (waited > 20_000) throw new Error('the crash worker never started the job');
        await sleep(50);
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(await queue.get(id)).toMatchObject({ status: 'running', attempts: 1, lockedBy: `crash-worker:${child.pid}` });

      clock.set(new Date());
      expect(await runner.runDue()).toBe(0);
      clock.advance(leaseMs + 1);
      expect(await runner.runDue()).toBe(1);
      expect(await queue.get(id)).toMatchObject({ status: 'done', attempts: 2, lostRuns: 1 });
      expect(await runner.runDue()).toBe(0);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
        // run:attempt — the run taking over repeats the killed run's attempt instead of using up another.
        `start ${child.pid} 1:1`, `start ${process.pid} 2:1`, `done ${process.pid} 2:1`,
      ]);
      expect(readFileSync(join(dir, 'lesson.result'), 'utf8')).toBe(`job ${id}`);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
