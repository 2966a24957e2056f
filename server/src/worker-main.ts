import Fastify from 'fastify';
import { systemClock } from './clock.js';
import { createAppJobs } from './composition/app-jobs.js';
import { bookedLessonsFor, subscribeAppHandlers, subscribeResearchHandlers } from './composition/app-events.js';
import { ConfigError, loadConfig } from './config.js';
import { openDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createAppEventBus } from './events/app-events.js';
import { createJobRunner } from './jobs/job-runner.js';
import { useFfmpegOverrides } from './media/ffmpeg-binaries.js';
import { createComplianceService } from './modules/compliance/compliance.service.js';
import { openObjectStore } from './storage/storage-url.js';
import { createMetrics } from './http/metrics.js';
import { registerMetricsRoute } from './http/metrics-route.js';
import { gracefulShutdown } from './composition/shutdown.js';
import { openRedis } from './redis/redis.js';
import { redisEventTransport } from './events/event-transport.js';

/**
 * `npm run worker [-- --concurrency N]`: a process that only runs jobs, from the same database and
 * storage as the server (same environment variables). Start as many as the machine's cores allow
 * and set WORKERS=0 on the server so that it only serves. Concurrency: --concurrency, else
 * WORKERS, else 1. SIGINT/SIGTERM stop it gracefully; a job cut short is queued again.
 */
async function main() {
  const config = loadConfig();
  const concurrency = concurrencyArg(process.argv.slice(2)) ?? Math.max(1, config.workers);
  const storage = openObjectStore(config);
  // Fastify's logger, so the worker logs exactly as the server does (pino, same level).
  // It also serves the worker's /metrics when METRICS_PORT is set.
  const http = Fastify({ logger: { level: config.logLevel } });
  const log = http.log.child({ component: 'worker' });
  const db = openDb(config);
  await migrateToLatest(db);
  useFfmpegOverrides(config);
  // A lesson processed here recounts its school-day here too.
  // Several nodes: a notification written here (a booked lesson's organiser) reaches the API nodes' open streams.
  const redis = config.redisUrl ? openRedis(config.redisUrl, { prefix: config.redisPrefix, onError: (err) => log.warn({ err }, 'redis') }) : null;
  const events = createAppEventBus({ transport: redis ? redisEventTransport(redis, (err) => log.warn({ err }, 'event transport')) : null });
  await events.listening;
  subscribeAppHandlers(events, { compliance: createComplianceService({ db, clock: systemClock }) });
  subscribeResearchHandlers(events, {
    booked: bookedLessonsFor(db, systemClock, events),
    // Bound late: the queue is built just below, before any job runs.
    enqueueJob: (kind, payload, opts) => queue.enqueue(kind, payload, opts), warn: (obj, msg) => log.warn(obj, msg),
  });
  const { registry, queue } = createAppJobs({ db, clock: systemClock, config, storage, events });
  const metrics = createMetrics({ warn: (obj, msg) => log.warn(obj, msg) });
  metrics.watchJobs(queue);
  if (db.pool) metrics.watchPool(db.pool);
  const runner = createJobRunner({ db, clock: systemClock, registry, log, concurrency, metrics: metrics.jobs, leaseMs: (config.jobLeaseSeconds ?? 60) * 1000 });
  runner.start();
  if (config.metricsPort) {
    registerMetricsRoute(http, { metrics, token: config.metricsToken });
    await http.listen({ port: config.metricsPort, host: config.host });
    log.info(`worker metrics on http://localhost:${config.metricsPort}/metrics`);
  }
  log.info({ workerId: runner.workerId, concurrency, kinds: registry.kinds() }, `job worker started (database: ${db.dialect}, storage: ${storage.kind})`);

  const shutdown = gracefulShutdown({ http, runner, db, redis, log });
  const close = async () => {
    await shutdown();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

function concurrencyArg(args: string[]): number | null {
  const i = args.findIndex((a) => a === '--concurrency' || a.startsWith('--concurrency='));
  if (i < 0) return null;
  const raw = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ConfigError(`--concurrency must be a whole number from 1 to 64, got ${raw}`);
  return n;
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
