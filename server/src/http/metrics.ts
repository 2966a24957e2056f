import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobKindStats } from '../jobs/job-queue.js';
import type { JobRunnerMetrics } from '../jobs/job-runner.js';

/** What the metrics read the job backlog from (the job queue). */
export interface JobStatsSource {
  stats(): Promise<JobKindStats[]>;
}

/** A pg pool's counters (pg.Pool has them); SQLite has no pool. */
export interface PoolCounters {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Where the uploads module reports the bytes it received (injected; uploads import no metrics). */
export interface UploadMetrics {
  bytesReceived(bytes: number): void;
}

/** Where the live module reports how many people watch live classes on this node now. */
export interface LiveMetrics {
  setViewers(count: number): void;
}

/**
 * One process's metrics, in Prometheus text at /metrics (metrics-route.ts). Each process — API
 * node or worker — has its own registry; Prometheus adds them up across instances. Label values
 * stay few: route patterns, never URLs with ids; job kinds; status classes.
 */
export interface Metrics {
  readonly registry: Registry;
  /** An answered HTTP request: `route` is the route's pattern (`/api/recordings/:id`), or `unmatched`. */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void;
  readonly jobs: JobRunnerMetrics;
  readonly uploads: UploadMetrics;
  readonly live: LiveMetrics;
  /** Reads the job backlog from `source` at each scrape. */
  watchJobs(source: JobStatsSource): void;
  /** Reads the database pool's counters at each scrape. */
  watchPool(pool: PoolCounters): void;
  /** The page Prometheus scrapes. */
  render(): Promise<{ contentType: string; body: string }>;
}

// Seconds. HTTP answers are mostly milliseconds; a lesson's processing is seconds to an hour.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];

/** Builds a registry with the platform's metrics and Node's defaults (event-loop delay, heap, GC, CPU). */
export function createMetrics(opts: { warn?: (obj: object, msg: string) => void } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'sunshine_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const, registers: [registry],
  });
  const durations = new Histogram({
    name: 'sunshine_http_request_duration_seconds', help: 'Time from request received to response sent, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const, buckets: HTTP_BUCKETS, registers: [registry],
  });
  const jobRuns = new Histogram({
    name: 'sunshine_job_run_seconds', help: 'Time a job run took from claim to outcome (recording.process: processing time per lesson), by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const, buckets: JOB_BUCKETS, registers: [registry],
  });
  const uploadBytes = new Counter({
    name: 'sunshine_upload_bytes_received_total', help: 'Lesson upload bytes written to staging by this node.', registers: [registry],
  });
  const liveViewers = new Gauge({
    name: 'sunshine_live_viewers', help: 'People watching a live class through this node now.', registers: [registry],
  });

  // The backlog is read once per scrape, however many gauges show it (prom-client collects gauges
  // one after another without waiting, so each asks the same pending read).
  const jobSources: JobStatsSource[] = [];
  let backlog: Promise<JobKindStats[] | null> | null = null;
  const readBacklog = () => {
    backlog ??= Promise.all(jobSources.map((s) => s.stats())).then((all) => all.flat(), (err: unknown) => {
      opts.warn?.({ err }, 'metrics: the job backlog could not be read');
      return null;
    });
    return backlog;
  };
  const backlogGauge = (name: string, help: string, value: (s: JobKindStats) => number) => new Gauge({
    name, help, labelNames: ['kind'] as const, registers: [registry],
    async collect() {
      if (!jobSources.length) return;
      const stats = await readBacklog();
      this.reset();
      // Left without series when the database did not answer: a gap, not a misleading zero.
      for (const s of stats ?? []) this.set({ kind: s.kind }, value(s));
    },
  });
  backlogGauge('sunshine_jobs_queued', 'Jobs waiting to run (due or not yet due), by kind.', (s) => s.queued);
  backlogGauge('sunshine_jobs_running', 'Jobs being run by some runner now, by kind.', (s) => s.running);
  backlogGauge('sunshine_jobs_oldest_waiting_seconds', 'How long the longest-waiting due job has waited, by kind.', (s) => s.oldestWaitingSeconds);

  const pools: PoolCounters[] = [];
  new Gauge({
    name: 'sunshine_db_pool_connections', help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one.',
    labelNames: ['state'] as const, registers: [registry],
    collect() {
      if (!pools.length) return;
      this.set({ state: 'total' }, pools.reduce((n, p) => n + p.totalCount, 0));
      this.set({ state: 'idle' }, pools.reduce((n, p) => n + p.idleCount, 0));
      this.set({ state: 'waiting' }, pools.reduce((n, p) => n + p.waitingCount, 0));
    },
  });

  return {
    registry,
    observeRequest(method, route, statusCode, seconds) {
      const labels = { method, route, status_class: `${Math.floor(statusCode / 100)}xx` };
      requests.inc(labels);
      durations.observe(labels, seconds);
    },
    jobs: { runFinished: (kind, outcome, seconds) => jobRuns.observe({ kind, outcome }, seconds) },
    uploads: { bytesReceived: (bytes) => { if (bytes > 0) uploadBytes.inc(bytes); } },
    live: { setViewers: (count) => liveViewers.set(count) },
    watchJobs(source) {
      jobSources.push(source);
    },
    watchPool(pool) {
      pools.push(pool);
    },
    async render() {
      backlog = null;
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
