import { join, resolve } from 'node:path';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { openDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createAppJobs } from './composition/app-jobs.js';
import { createAppEventBus } from './events/app-events.js';
import { createJobRunner } from './jobs/job-runner.js';
import { gracefulShutdown } from './composition/shutdown.js';
import { startMaintenance } from './maintenance.js';
import { announceFfmpeg } from './media/ffmpeg-binaries.js';
import { startCourseware } from './composition/courseware-start.js';
import { seedDemoLessons } from './seed/recordings.demo.js';
import { seedDemoStAudioLesson } from './seed/demo-st-audio.js';
import { seedDemoIfEmpty } from './seed/seed-on-start.js';
import { ensureDemoMedia } from './seed/demo-media.js';
import { startDemoRecorders } from './seed/demo-recorders.js';
import { openObjectStore } from './storage/storage-url.js';
import { openRedis } from './redis/redis.js';
import { redisEventTransport } from './events/event-transport.js';
import { clusterLeaseFor } from './cluster/lease.js';
import { repoRoot } from './repo-root.js';

async function main() {
  const config = loadConfig();
  const storage = openObjectStore(config);
  const db = openDb(config);
  await migrateToLatest(db);
  // Several nodes: rate limits, leases and broadcast events through Redis; one machine needs none.
  let log: { warn: (obj: object, msg: string) => void } = { warn: (obj, msg) => console.warn(msg, obj) };
  const redis = config.redisUrl ? openRedis(config.redisUrl, { prefix: config.redisPrefix, onError: (err) => log.warn({ err }, 'redis') }) : null;
  // One bus for the job handlers and the app: buildApp subscribes compliance to it.
  // With Redis, broadcast events (notification.created) reach the other nodes' open streams.
  const events = createAppEventBus({ transport: redis ? redisEventTransport(redis, (err) => log.warn({ err }, 'event transport')) : null });
  await events.listening;
  const jobs = createAppJobs({ db, clock: systemClock, config, storage, events });
  const { app, services } = await buildApp({
    db,
    clock: systemClock,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    webDir: config.serveWeb === false ? null : resolve(repoRoot(), 'web/dist'),
    trustProxy: config.trustProxy,
    benchRoutes: config.benchRoutes,
    logger: { level: config.logLevel },
    config, storage, jobs: jobs.queue, events, redis,
  });
  log = app.log;
  await announceFfmpeg(app.log, config, (detail) => new ConfigError(detail));
  await startCourseware(app.log, { db, clock: systemClock, config, storage, events, queue: jobs.queue });
  const seeded = config.seed === 'demo' && (await seedDemoIfEmpty(db, (m) => app.log.info(m)));
  const stopMaintenance = startMaintenance({
    db, clock: systemClock, log: app.log, sessionIdleMinutes: config.sessionIdleMinutes, auditRetentionDays: config.auditRetentionDays,
    purgeRecordings: services.recordings ? () => services.recordings!.purgeExpired() : undefined,
    notices: services.notificationGenerators,
    roomAlerts: services.roomAlerts,
    family: services.family,
    live: services.live,
    // Several nodes: each period's task runs on one of them (Redis, else PostgreSQL); SQLite: here, every tick.
    lease: clusterLeaseFor({ db, redis }),
  });
  // WORKERS=0: this process only enqueues; `npm run worker` processes run the jobs.
  const jobRunner = config.workers > 0
    ? createJobRunner({ db, clock: systemClock, registry: jobs.registry, log: app.log, concurrency: config.workers, metrics: services.metrics.jobs, leaseMs: (config.jobLeaseSeconds ?? 60) * 1000 })
    : null;
  jobRunner?.start();
  if (jobRunner) jobs.queue.onEnqueued(() => jobRunner.wake());
  const stopDemoRecorders = config.seed === 'demo' ? startDemoRecorders({ db, clock: systemClock, log: app.log }) : () => {};
  const shutdown = gracefulShutdown({ stopStarting: [stopDemoRecorders, stopMaintenance], http: app, runner: jobRunner, db, redis, log: app.log });
  const close = async () => {
    await shutdown();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  if (config.seed === 'demo') {
    // After the server answers: the demo lessons' shared clips (once; until then they show as
    // records without video), then a few short lessons through the real pipeline on first start.
    const workDir = join(config.dataDir, 'work');
    void ensureDemoMedia({ db, store: storage, workDir, log: app.log })
      .catch((err) => app.log.warn({ err }, 'demo clips could not be made: demo lessons stay records without video'))
      .then(async () => {
        if (!seeded || !services.recordings) return;
        const n = await seedDemoLessons({ db, clock: systemClock, ingest: services.recordings.ingest, workDir, log: app.log });
        app.log.info(`demo lessons queued: ${n}`);
        // One more lesson with two audio channels: the worker makes its S-T draft (ffmpeg only).
        await seedDemoStAudioLesson({ db, clock: systemClock, ingest: services.recordings.ingest, workDir, log: app.log });
      })
      .catch((err) => app.log.warn({ err }, 'demo lessons could not be made'));
  }
  app.log.info(`阳光校园 Sunshine Campus is up on http://localhost:${config.port} (database: ${db.dialect}, data: ${config.dataDir})`);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
