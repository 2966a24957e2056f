/**
 * A job runner in its own process, for the kill -9 test (recordings.crash.test.ts): it opens the
 * test's database and storage, runs the recording jobs and reports each step and each object it
 * stores on stdout (`STEP package`, `PUT recordings/…`), storing slowly so the test can kill it
 * mid-way. Never used outside tests.
 */
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { systemClock } from '../../../clock.js';
import { loadConfig } from '../../../config.js';
import { type Db, openDb } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import { createJobQueue, type JobQueue } from '../../../jobs/job-queue.js';
import { createJobRunner } from '../../../jobs/job-runner.js';
import { buildJobRegistry, type JobRegistry } from '../../../jobs/registry.js';
import type { ObjectStore } from '../../../storage/object-store.js';
import { openObjectStore } from '../../../storage/storage-url.js';
import { recordingJobsFor } from '../recordings.module.js';
import { subscribeAppHandlers } from '../../../composition/app-events.js';
import { createAppEventBus } from '../../../events/app-events.js';
import { createComplianceService } from '../../compliance/compliance.service.js';
import { silentLog } from '../recordings.test-kit.js';

interface Options {
  sqliteFile?: string;
  pgSchema?: string;
  dataDir: string;
  storageUrl: string | null;
  env: Record<string, string>;
  putDelayMs: number;
  /** A step at which the runner stops and waits (to be killed there). */
  holdAtStep?: string;
}

const opts = JSON.parse(process.argv[2]!) as Options;

function open(): Db {
  if (opts.pgSchema) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3, options: `-c search_path=${opts.pgSchema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  return openDb({ databaseUrl: null, dataDir: dirname(opts.sqliteFile!), sqliteFile: opts.sqliteFile! });
}

const db = open();
const config = loadConfig({ DATA_DIR: opts.dataDir, STORAGE_URL: opts.storageUrl ?? '', ...opts.env });
const base = openObjectStore(config);
const store: ObjectStore = {
  kind: base.kind,
  async putFile(key, path, type, o) {
    await sleep(opts.putDelayMs);
    await base.putFile(key, path, type, o);
    console.log(`PUT ${key}`);
  },
  putStream: (key, body, type) => base.putStream(key, body, type),
  get: (key, range) => base.get(key, range),
  head: (key) => base.head(key),
  delete: (key) => base.delete(key),
  deletePrefix: (prefix) => base.deletePrefix(prefix),
  list: (prefix) => base.list(prefix),
  localPath: (key) => base.localPath(key),
};
const events = createAppEventBus();
subscribeAppHandlers(events, { compliance: createComplianceService({ db, clock: systemClock }) });
const registry: JobRegistry = buildJobRegistry([...recordingJobsFor({
  db, clock: systemClock, config, storage: store, events,
  enqueue: (kind, payload, o): Promise<number> => queue.enqueue(kind, payload, o),
  beforeStep: async (step) => {
    console.log(`STEP ${step}`);
    if (step === opts.holdAtStep) await sleep(10 * 60_000);
  },
})]);
const queue: JobQueue = createJobQueue({ db, clock: systemClock, registry });
createJobRunner({ db, clock: systemClock, registry, log: silentLog, pollMs: 100, leaseMs: 3000 }).start();
console.log('READY');
