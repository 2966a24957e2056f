import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../jobs/job-runner.js';
import { RECORDING_PROCESS } from '../modules/recordings/recordings.jobs.js';
import { addRoomWithDevice, createVideoTestApp, lessonMetadata } from '../modules/recordings/recordings.test-kit.js';
import { makeLesson } from '../test-support/media-fixtures.js';
import type { TestApp } from '../test-support/test-app.js';

const TOKEN = 'scrape-token-0123456789abcdef';

/** One counter's or gauge's value from a scrape, parsed by a Prometheus text parser (which throws on a malformed page); undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const family = parsePrometheusTextFormat(text).find((f) => f.name === name);
  const m = family?.metrics.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
  return m ? Number(m.value) : undefined;
}

/**
 * A histogram's observation count for one label set. The parser folds a labelled histogram's
 * series into one (it follows prom2json's unlabelled shape), so after checking that the family
 * parsed as a histogram, the `_count` line is read from the text itself.
 */
function histogramCount(text: string, name: string, labels: Record<string, string>): number | undefined {
  expect(parsePrometheusTextFormat(text).find((f) => f.name === name)?.type).toBe('HISTOGRAM');
  const line = text.split('\n').find((l) => l.startsWith(`${name}_count{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : undefined;
}

describe(`metrics, readiness and request ids (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let base: string;
  const scrape = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body;
  };

  beforeAll(async () => {
    t = await createVideoTestApp({ METRICS_TOKEN: TOKEN });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(async () => t.close());

  it('counts and times requests by route pattern and status class, never by the URL with its ids', async () => {
    const before = await scrape();
    const labels = { method: 'GET', route: '/api/uploads/:id', status_class: '4xx' };
    const n0 = sample(before, 'sunshine_http_requests_total', labels) ?? 0;
    const timed0 = histogramCount(before, 'sunshine_http_request_duration_seconds', labels) ?? 0;
    for (const id of ['0'.repeat(32), 'a'.repeat(32), 'b'.repeat(32)]) {
      expect((await t.app.inject({ method: 'GET', url: `/api/uploads/${id}` })).statusCode).toBe(401);
    }
    const after = await scrape();
    expect(sample(after, 'sunshine_http_requests_total', labels)).toBe(n0 + 3);
    expect(histogramCount(after, 'sunshine_http_request_duration_seconds', labels)).toBe(timed0 + 3);
    expect(after).not.toContain('a'.repeat(32));
    // Node's own: event-loop delay among the defaults.
    expect(sample(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('answers /metrics to loopback or the bearer token only', async () => {
    const from = (remoteAddress: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    expect((await from('10.1.2.3')).statusCode).toBe(403);
    expect((await from('10.1.2.3', { authorization: 'Bearer wrong-token-0123456789' })).statusCode).toBe(403);
    expect((await from('10.1.2.3', { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(200);
    // A local proxy's forwarded request comes from loopback, but on behalf of someone else.
    expect((await from('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
    expect((await from('::1')).statusCode).toBe(200);
  });

  it('shows the queue depth rising while uploaded lessons wait, and their upload bytes; the uploads\' request ids follow the jobs into the runner\'s log', async () => {
    const device = await addRoomWithDevice(t);
    const kind = { kind: RECORDING_PROCESS };
    const before = await scrape();
    const queued0 = sample(before, 'sunshine_jobs_queued', kind);
    expect(queued0).toBeDefined();
    const bytes0 = sample(before, 'sunshine_upload_bytes_received_total') ?? 0;

    // Two lessons uploaded over tus by a recorder that names its requests; no runner takes them.
    const lessons = [await makeLesson({ seconds: 2 }), await makeLesson({ seconds: 2, width: 352, height: 288 })];
    let bytes = 0;
    for (const [i, file] of lessons.entries()) {
      bytes += (await readFile(file)).length;
      await new Promise<void>((resolve, reject) => {
        new tus.Upload(createReadStream(file), {
          endpoint: `${base}/api/uploads`, metadata: lessonMetadata(), chunkSize: 64 * 1024, retryDelays: null,
          headers: { Authorization: `Bearer ${device.token}`, 'X-Request-Id': `recorder-upload-${i}` },
          onSuccess: () => resolve(), onError: reject,
        }).start();
      });
    }

    const waiting = await scrape();
    expect(sample(waiting, 'sunshine_jobs_queued', kind)).toBe(queued0! + 2);
    expect(sample(waiting, 'sunshine_upload_bytes_received_total')).toBe(bytes0 + bytes);
    // tus answers creation itself (a hijacked reply): counted all the same.
    expect(sample(waiting, 'sunshine_http_requests_total', { method: 'POST', route: '/api/uploads', status_class: '2xx' })).toBe(2);
    t.clock.advance(90_000);
    expect(sample(await scrape(), 'sunshine_jobs_oldest_waiting_seconds', kind)).toBeGreaterThanOrEqual(90);

    // The request that finished each upload enqueued its lesson under its own id.
    const jobs = (await t.jobs.queue.list({ kind: RECORDING_PROCESS, status: 'queued' })).slice(0, 2);
    expect(jobs.map((j) => j.requestId).sort()).toEqual(['recorder-upload-0', 'recorder-upload-1']);
    expect(jobs.every((j) => !('requestId' in (j.payload as object)))).toBe(true);

    // A runner with a JSON logger (as the server's): the lesson's log lines carry the upload's reqId.
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)); done(); } });
    const log = Fastify({ logger: { level: 'info', stream: sink } }).log;
    const runner = createJobRunner({ db: t.db, clock: t.clock, registry: t.jobs.registry, log, metrics: t.services.metrics.jobs });
    await runner.runDue();
    for (const job of jobs) {
      const own = lines.filter((l) => l.jobId === job.id);
      expect(own.some((l) => l.msg === 'job done')).toBe(true);
      expect(own.every((l) => l.reqId === job.requestId)).toBe(true);
    }

    const done = await scrape();
    expect(sample(done, 'sunshine_jobs_queued', kind)).toBe(0);
    // Processing time per lesson: one observation per finished run of recording.process.
    expect(histogramCount(done, 'sunshine_job_run_seconds', { kind: RECORDING_PROCESS, outcome: 'done' })).toBeGreaterThanOrEqual(2);
  });

  it('takes the request id from X-Request-Id and echoes it; makes one when none (or a strange one) is sent', async () => {
    const named = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'lb-7f3a:42' } });
    expect(named.headers['x-request-id']).toBe('lb-7f3a:42');
    const unnamed = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(unnamed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const strange = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'a b"c' } });
    expect(strange.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is ready when the database and the object store answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ db: 'ok', storage: 'ok' });
  });
});
